import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { missingMessage } from './prerequisites';

describe('the browsers npm test and npm start need', () => {
  it('says nothing when every browser is there', () => {
    expect(missingMessage(['chromium', 'firefox-esr'], () => true)).toBeUndefined();
  });

  it('names what is missing, where it was looked for, and the exact command', () => {
    expect(missingMessage(['chromium', 'firefox-esr'], (file) => !file.endsWith('chromium'))).toBe(
      'Missing chromium (/usr/bin/chromium): install with `sudo apt-get install -y chromium` (Debian), then run the command again.',
    );
    expect(missingMessage(['chromium', 'firefox-esr'], () => false)).toContain('`sudo apt-get install -y chromium firefox-esr`');
  });

  it('stops the command with that message and a failure, not a hundred failing tests', () => {
    const run = () =>
      execFileSync('npx', ['tsx', 'test/prerequisites.ts', 'chromium'], {
        env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', PCH_NO_INSTALL: '1' },
        encoding: 'utf8',
        stdio: 'pipe',
      });
    expect(run).toThrow(/Missing chromium \(\/nonexistent\/chromium\): install with `sudo apt-get install -y chromium`/);
  });
});
