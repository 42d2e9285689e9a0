/**
 * `npm run size`: gzip size of what each part of the built extension loads, against test/bench/budgets.json.
 * A page's first screen is every JS/CSS file its HTML pulls in, followed through static imports (./built-files.ts);
 * "all it can load" adds the chunks dynamic `import()`s bring in (a paste's credential engine, the popup's folded
 * sections). Exits 1 when a budget is exceeded.
 */
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { builtFiles } from './built-files';

const OUT = path.resolve(process.argv[2] ?? '.output/chrome-mv3');
const budgets = JSON.parse(await readFile(new URL('./budgets.json', import.meta.url), 'utf8')) as Record<string, number>;

const { gzipOf, withImports, pageFiles, total } = builtFiles(OUT);

const rows: { part: string; bytes: number; budget: number }[] = [];
for (const page of ['popup', 'options']) {
  if (existsSync(path.join(OUT, `${page}.html`))) {
    rows.push({ part: `${page}, first screen (HTML+JS+CSS)`, bytes: await total(await pageFiles(`${page}.html`)), budget: budgets[page]! });
    rows.push({ part: `${page}, all it can load`, bytes: await total(await pageFiles(`${page}.html`, true)), budget: budgets[`${page}All`]! });
  }
}
rows.push({ part: 'background', bytes: await total(await withImports('background.js')), budget: budgets.background! });
if (existsSync(path.join(OUT, 'fill.js'))) rows.push({ part: 'fill.js (injected)', bytes: await gzipOf('fill.js'), budget: budgets.fill! });
// `/pick.js` (entrypoints/pick.ts, lib/pick): injected only when the admin picks fields or copies a form description.
if (existsSync(path.join(OUT, 'pick.js'))) rows.push({ part: 'pick.js (injected)', bytes: await gzipOf('pick.js'), budget: budgets.pick! });
const contentDir = path.join(OUT, 'content-scripts');
if (existsSync(contentDir)) {
  for (const file of await readdir(contentDir)) {
    rows.push({ part: `content-scripts/${file}`, bytes: await gzipOf(`content-scripts/${file}`), budget: budgets.contentScript! });
  }
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
console.log(`gzip sizes of ${path.relative(process.cwd(), OUT)}:`);
for (const row of rows) {
  const verdict = row.bytes <= row.budget ? 'ok' : 'OVER BUDGET';
  // Bytes too: a budget is set in bytes, and a tenth of a kB hides what a change costs.
  console.log(`  ${row.part.padEnd(34)} ${kB(row.bytes).padStart(9)} (${row.bytes} B)  budget ${kB(row.budget).padStart(8)} (${row.budget} B)  ${verdict}`);
}
const over = rows.filter((row) => row.bytes > row.budget);
if (over.length > 0) {
  console.error(`size: ${over.length} part(s) over budget`);
  process.exit(1);
}
