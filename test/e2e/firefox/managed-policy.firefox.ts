/**
 * The organisation's policy in real Firefox (twin of test/e2e/managed-policy.spec.ts): a real enterprise policies.json
 * naming the built extension's gecko id under `3rdparty` > `Extensions`
 * (https://mozilla.github.io/policy-templates/#3rdparty), which Firefox reads once at start-up and hands the extension
 * through storage.managed. On Linux Firefox reads `<SysConfD>/policies/policies.json` first, and only without it
 * `<install dir>/distribution/policies.json`
 * (https://searchfox.org/mozilla-central/source/toolkit/components/enterprisepolicies/EnterprisePoliciesParent.sys.mjs);
 * Debian's firefox-esr 153 has SysConfD = /etc/firefox (measured in its chrome context), so the file goes there.
 * Why this is safe on a machine other Firefox runs share: the file changes every Firefox that starts while it exists, so
 * it is written only when no Firefox process runs (waited for), before this spec's own Firefox starts, and removed
 * after each describe (afterAll runs on failure too), with the folders it created; the suite runs one test at a time
 * (playwright.firefox.config.ts). It refuses to start if a policies.json it did not write exists in either place.
 */
import { existsSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LOCKED_PRODUCTION_POLICY, lockedProductionRowBlocksDevCredential, MALFORMED_POLICY, malformedPolicyReportedFillStillWorks } from '../flows/managed-policy';
import { FIREFOX, GECKO_ID, type FirefoxLaunch } from './firefox-driver';
import { expect, test } from './harness';

test.describe.configure({ mode: 'serial' });

const FIREFOX_BINARY = realpathSync(FIREFOX);
const POLICY_DIR = '/etc/firefox/policies';
const POLICY_FILE = path.join(POLICY_DIR, 'policies.json');
const DISTRIBUTION_FILE = path.join(path.dirname(FIREFOX_BINARY), 'distribution', 'policies.json');

/** Directories this file created, removed again (if empty) once the policy is gone. */
const created: string[] = [];
/** Whether POLICY_FILE is this file's to remove: never a policy someone else wrote. */
let written = false;

/** Process ids of running Firefox processes (any user's, any profile). */
function firefoxProcesses(): string[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/exe`) === FIREFOX_BINARY;
      } catch {
        return false; // gone meanwhile, or not ours to read
      }
    });
}

async function installPolicy(policy: unknown) {
  for (const file of [POLICY_FILE, DISTRIBUTION_FILE]) {
    if (existsSync(file)) throw new Error(`${file} exists and this test did not write it: not touching the machine's Firefox policy.`);
  }
  const deadline = Date.now() + 60_000;
  while (firefoxProcesses().length > 0) {
    if (Date.now() > deadline) throw new Error(`Firefox is running (pids ${firefoxProcesses().join(', ')}): another run's next Firefox would read this policy.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  for (const dir of ['/etc/firefox', POLICY_DIR]) {
    if (!existsSync(dir)) {
      await mkdir(dir);
      created.push(dir);
    }
  }
  await writeFile(POLICY_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } } }), { flag: 'wx' });
  written = true;
}

async function removePolicy() {
  if (written) await rm(POLICY_FILE);
  written = false;
  for (const dir of created.splice(0).reverse()) await rmdir(dir).catch(() => undefined);
}

/** Firefox's policy engine runs (Services.policies.status 1: ACTIVE), so what the extension reads comes from the file. */
function policyEngineStatus(firefox: FirefoxLaunch): Promise<number> {
  return firefox.inBrowserWindow(() => (globalThis as unknown as { Services: { policies: { status: number } } }).Services.policies.status, null);
}

test.describe('a policy that maps a production tenant and forbids "Fill anyway" there', () => {
  test.beforeAll(() => installPolicy(LOCKED_PRODUCTION_POLICY));
  test.afterAll(removePolicy);

  test('shows a locked row; a dev credential is blocked on that tenant with no "Fill anyway"', async ({ firefox }) => {
    expect(await policyEngineStatus(firefox)).toBe(1);
    await lockedProductionRowBlocksDevCredential(firefox);
  });
});

test.describe('a malformed policy', () => {
  test.beforeAll(() => installPolicy(MALFORMED_POLICY));
  test.afterAll(removePolicy);

  test('shows its errors row by row, and the extension still fills', async ({ firefox }) => {
    expect(await policyEngineStatus(firefox)).toBe(1);
    await malformedPolicyReportedFillStillWorks(firefox);
  });
});
