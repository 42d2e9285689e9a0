/**
 * `npm run bench`: every figure the README quotes, in one run, medians. Prints; asserts nothing.
 * Needs the e2e build (`npm run build:e2e`) for the browser figures.
 */
import { printDecodeBench } from './decode';
import { benchConnection } from './connection';
import { benchBrowser } from './browser';
import { benchTeamMap } from './team-map';

console.log('PingOne Connection Helper benchmarks (medians; 2-core machine)\n');
await printDecodeBench();
console.log('');
await benchConnection();
console.log('');
await benchBrowser();
console.log('');
await benchTeamMap();
