import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the check as npm test does, with the browsers' paths pointed where the test says and no installing. */
function check(packages: string[], paths: { CHROMIUM_PATH?: string; FIREFOX_PATH?: string }) {
  const run = spawnSync(process.execPath, ['test/prerequisites.mjs', ...packages], {
    env: { ...process.env, ...paths, PCH_NO_INSTALL: '1' },
    encoding: 'utf8',
  });
  return { status: run.status, said: run.stderr.trim() };
}

describe('the browsers npm test and npm start need', () => {
  it('lets the command go on, saying nothing, when every browser is there', () => {
    expect(check(['chromium', 'firefox-esr'], { CHROMIUM_PATH: process.execPath, FIREFOX_PATH: process.execPath })).toEqual({
      status: 0,
      said: '',
    });
  });

  it('stops the command with one line: what is missing, where it was looked for, and the exact command', () => {
    expect(check(['chromium', 'firefox-esr'], { CHROMIUM_PATH: '/nonexistent/chromium', FIREFOX_PATH: process.execPath })).toEqual({
      status: 1,
      said: 'Missing chromium (/nonexistent/chromium): install with `sudo apt-get install -y chromium` (Debian), then run the command again.',
    });
    expect(check(['chromium', 'firefox-esr'], { CHROMIUM_PATH: '/nope/a', FIREFOX_PATH: '/nope/b' }).said).toBe(
      'Missing chromium (/nope/a) and firefox-esr (/nope/b): install with `sudo apt-get install -y chromium firefox-esr` (Debian), then run the command again.',
    );
  });
});
