/**
 * The organisation's policy in real Chromium: a policy file in /etc/chromium/policies/managed/ for this build's
 * extension id (https://www.chromium.org/administrators/linux-quick-start/ ; the `3rdparty.extensions.<id>` section,
 * https://www.chromium.org/administrators/configuring-policy-for-extensions/), read at launch through
 * storage.managed. The file is machine-wide, so these tests run alone and serially, write it before Chromium starts
 * and remove it after. It names only the id of the extension at this checkout's path, which no other checkout has.
 * The flows are written once for both browsers (./flows/managed-policy.ts; Firefox: ./firefox/managed-policy.firefox.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromiumDriver } from './flows/chromium-driver';
import { LOCKED_PRODUCTION_POLICY, lockedProductionRowBlocksDevCredential, MALFORMED_POLICY, malformedPolicyReportedFillStillWorks } from './flows/managed-policy';
import { EXTENSION_DIR, expect, test } from './harness';

test.describe.configure({ mode: 'serial' });

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'pingone-connection-helper-e2e.json');

/** Chromium's id of an unpacked extension: SHA-256 of its absolute path, the first 32 hex digits written a-p. */
const UNPACKED_ID = [...createHash('sha256').update(EXTENSION_DIR).digest('hex').slice(0, 32)]
  .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
  .join('');

/** Directories this file created, removed again (if empty) once the policy is gone. */
const created: string[] = [];

async function installPolicy(policy: unknown) {
  for (const dir of ['/etc/chromium/policies', POLICY_DIR]) {
    if (!existsSync(dir)) {
      await mkdir(dir);
      created.push(dir);
    }
  }
  await writeFile(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [UNPACKED_ID]: policy } } }));
}

async function removePolicy() {
  await rm(POLICY_FILE, { force: true });
  for (const dir of created.splice(0).reverse()) await rmdir(dir).catch(() => undefined);
}

test.describe('a policy that maps a production tenant and forbids "Fill anyway" there', () => {
  test.beforeAll(() => installPolicy(LOCKED_PRODUCTION_POLICY));
  test.afterAll(removePolicy);

  test('shows a locked row; a dev credential is blocked on that tenant with no "Fill anyway"', async ({ extension, fixtures }) => {
    expect(extension.extensionId).toBe(UNPACKED_ID);
    await lockedProductionRowBlocksDevCredential(chromiumDriver(extension, fixtures));
  });
});

test.describe('a malformed policy', () => {
  test.beforeAll(() => installPolicy(MALFORMED_POLICY));
  test.afterAll(removePolicy);

  test('shows its errors row by row, and the extension still fills', async ({ extension, fixtures }) => {
    expect(extension.extensionId).toBe(UNPACKED_ID);
    await malformedPolicyReportedFillStillWorks(chromiumDriver(extension, fixtures));
  });
});
