/**
 * `npm run dev` (and `npm run dev:firefox`): WXT's dev mode (rebuild and reload on save) in the browser the suites
 * use, pointed at the demo's fake PingOne and look-alike consoles, opening the demo guide.
 * https://wxt.dev/guide/essentials/config/browser-startup.html
 */
import { createServer } from 'wxt';
import { CONSOLE_ORIGINS } from '../fixtures/environments';
import { fixtureChromiumArgs } from '../fixtures/chromium-args';
import { startFixtureServer } from '../fixtures/server';
import { CHROMIUM } from '../e2e/harness';

const firefox = process.argv.includes('--firefox');
const server = await startFixtureServer();
const dev = await createServer({
  browser: firefox ? 'firefox' : 'chrome',
  mode: 'e2e',
  webExt: {
    binaries: firefox ? { firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' } : { chrome: CHROMIUM },
    chromiumArgs: fixtureChromiumArgs(server),
    // Firefox reaches the fixture hosts through a proxy only its e2e harness runs; there the guide opens as a URL.
    startUrls: [`${CONSOLE_ORIGINS.demo}/`],
  },
});
await dev.start();
console.log(`Dev mode: edit and save; the extension reloads. Demo guide: ${CONSOLE_ORIGINS.demo}/`);
process.on('SIGINT', () => void dev.stop().then(() => server.close()).then(() => process.exit(0)));
