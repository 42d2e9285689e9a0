/**
 * What a part of the built extension loads, in gzip bytes: a page's files are its HTML and what that pulls in, followed
 * through imports between chunks, so a shared chunk counts for each page that loads it. Used by `npm run size`
 * (against the budgets) and `npm run bench` (the popup's first screen beside its open time).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Static `import ... from "./x.js"` / `import "./x.js"`; with `dynamic`, also `import("./x.js")` (any quotes). */
const STATIC_IMPORT = /(?:import|from)\s*["']([^"']+\.js)["']/g;
const ANY_IMPORT = /(?:import|from)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g;

export function builtFiles(out: string) {
  async function gzipOf(file: string) {
    return gzipSync(await readFile(path.join(out, file)), { level: 9 }).length;
  }

  /** Files a script loads through its imports, transitively; with `dynamic`, also those it may `import()`. */
  async function withImports(entry: string, dynamic = false, seen = new Set<string>()): Promise<Set<string>> {
    if (seen.has(entry)) return seen;
    seen.add(entry);
    if (!entry.endsWith('.js')) return seen;
    const source = await readFile(path.join(out, entry), 'utf8');
    for (const match of source.matchAll(dynamic ? ANY_IMPORT : STATIC_IMPORT)) {
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(entry), match[1]!));
      await withImports(resolved.replace(/^\//, ''), dynamic, seen);
    }
    return seen;
  }

  /** A page's first screen (`dynamic` false) or all it can load (true): its HTML too, which may hold its style. */
  async function pageFiles(html: string, dynamic = false) {
    const source = await readFile(path.join(out, html), 'utf8');
    const files = new Set<string>([html]);
    for (const match of source.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) {
      for (const file of await withImports(match[1]!, dynamic)) files.add(file);
    }
    return files;
  }

  async function total(files: Iterable<string>) {
    let sum = 0;
    for (const file of files) sum += await gzipOf(file);
    return sum;
  }

  return { gzipOf, withImports, pageFiles, total };
}
