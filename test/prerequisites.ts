/**
 * Run first by `npm test` and `npm start`: the browsers they drive must be there. Missing one, it says which and the
 * exact command in one message, at once, instead of a hundred e2e tests failing in 20 ms each. As root on Debian
 * with apt (a fresh CI machine), it installs them itself, as .ci/run does, and goes on.
 * `tsx test/prerequisites.ts chromium firefox-esr` checks the Debian packages named.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian package -> the executable the suites launch (overridable as the harnesses allow). */
export const BROWSERS: Readonly<Record<string, string>> = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  'firefox-esr': process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
};

/** The one message for what is missing, or undefined when nothing is. */
export function missingMessage(packages: readonly string[], exists: (file: string) => boolean): string | undefined {
  const missing = packages.filter((name) => !exists(BROWSERS[name] ?? name));
  if (missing.length === 0) return undefined;
  const where = missing.map((name) => `${name} (${BROWSERS[name]})`).join(' and ');
  return `Missing ${where}: install with \`sudo apt-get install -y ${missing.join(' ')}\` (Debian), then run the command again.`;
}

function canInstall(): boolean {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && process.env.PCH_NO_INSTALL !== '1';
}

function main(packages: readonly string[]) {
  let message = missingMessage(packages, existsSync);
  if (message && canInstall()) {
    console.error(`${message}\nRunning as root with apt: installing them now.`);
    const missing = packages.filter((name) => !existsSync(BROWSERS[name] ?? name));
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
    message = missingMessage(packages, existsSync);
  }
  if (message) {
    console.error(message);
    process.exit(1);
  }
}

if (process.argv[1]?.endsWith('prerequisites.ts')) main(process.argv.slice(2));
