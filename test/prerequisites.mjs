// @ts-check
/**
 * Run first by `npm test` and `npm start`: the browsers they drive must be there. Missing one, it says which and the
 * exact command in one message, at once, instead of a hundred e2e tests failing in 20 ms each. As root on Debian
 * with apt (a fresh CI machine), it installs them itself, as .ci/run does, and goes on.
 * `node test/prerequisites.mjs chromium firefox-esr` checks the Debian packages named. Plain JavaScript, so it runs
 * on bare Node in a few tens of milliseconds, before anything is compiled.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian package -> the executable the suites launch (overridable as the harnesses allow). */
const BROWSERS = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  'firefox-esr': process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
};

/** @param {readonly string[]} packages */
function missingOf(packages) {
  return packages.filter((name) => !existsSync(BROWSERS[/** @type {keyof typeof BROWSERS} */ (name)] ?? name));
}

/** @param {readonly string[]} missing */
function messageFor(missing) {
  const where = missing.map((name) => `${name} (${BROWSERS[/** @type {keyof typeof BROWSERS} */ (name)]})`).join(' and ');
  return `Missing ${where}: install with \`sudo apt-get install -y ${missing.join(' ')}\` (Debian), then run the command again.`;
}

const packages = process.argv.slice(2);
let missing = missingOf(packages);
const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && process.env.PCH_NO_INSTALL !== '1';
if (missing.length > 0 && canInstall) {
  console.error(`${messageFor(missing)}\nRunning as root with apt: installing them now.`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  missing = missingOf(packages);
}
if (missing.length > 0) {
  console.error(messageFor(missing));
  process.exit(1);
}
