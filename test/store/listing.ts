/**
 * `npm run store` writes the store listing into .output/store/ (after the demo walk has put the screenshots there) and
 * checks it; `--check` only checks, for `npm run zip`: a package goes out only with a listing made from these sources.
 * Exits 1 naming what is missing or stale.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LISTING_SCREENSHOTS, SCREENSHOT_SIZE, SHORT_DESCRIPTION, listingTexts } from '../../lib/listing/listing';

const STORE = path.resolve('.output/store');
const SCREENSHOTS = path.join(STORE, 'screenshots');

if (!process.argv.includes('--check')) {
  for (const [file, text] of Object.entries(listingTexts())) {
    await mkdir(path.dirname(path.join(STORE, file)), { recursive: true });
    await writeFile(path.join(STORE, file), text);
  }
}

const problems: string[] = [];
for (const [file, text] of Object.entries(listingTexts())) {
  const at = path.join(STORE, file);
  if (!existsSync(at)) problems.push(`${file} is missing`);
  else if (readFileSync(at, 'utf8') !== text) problems.push(`${file} is stale: it differs from lib/listing`);
}
for (const file of LISTING_SCREENSHOTS) {
  const at = path.join(SCREENSHOTS, file);
  if (!existsSync(at)) {
    problems.push(`screenshots/${file} is missing`);
    continue;
  }
  // A PNG's IHDR chunk comes first and holds the width and height (https://www.w3.org/TR/png/#11IHDR).
  const png = readFileSync(at);
  const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  if (size.width !== SCREENSHOT_SIZE.width || size.height !== SCREENSHOT_SIZE.height) {
    problems.push(`screenshots/${file} is ${size.width} x ${size.height}, not ${SCREENSHOT_SIZE.width} x ${SCREENSHOT_SIZE.height}`);
  }
}
// The Chrome Web Store cuts a summary at 132 characters (https://developer.chrome.com/docs/webstore/cws-dashboard-listing).
if (SHORT_DESCRIPTION.length > 132) problems.push(`the short description has ${SHORT_DESCRIPTION.length} characters, more than 132`);

if (problems.length) {
  console.error(`The store listing in ${path.relative(process.cwd(), STORE)} is not complete (npm run store makes it):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`The store listing in ${path.relative(process.cwd(), STORE)} is complete: ${Object.keys(listingTexts()).length} texts, ${LISTING_SCREENSHOTS.length} screenshots.`);
