/**
 * The popup's reading of a text, against WXT's in-memory browser with the real settings, policy merge and target
 * resolution: judged with the context the fill gate uses for the tab as shown, plain data a message carries.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { productClaims, signTestCredential } from '../../test/fixtures/credentials';
import { CONSOLE_ORIGINS, environment } from '../../test/fixtures/environments';
import { fingerprintCredential, judgeCredential, readCredential } from '../credential';
import { DEFAULT_SETTINGS, type TenantMapping } from '../settings/model';
import { loadSettingsWithPolicy } from '../settings/managed';
import { saveSettings } from '../settings/store';
import { checkContextFor, resolveTarget } from '../target';
import { judgeForPopup } from './judge-path';

const PRODUCTION_ROW: TenantMapping = {
  origin: CONSOLE_ORIGINS.aic,
  consoleId: 'aic',
  tier: 'production',
  label: 'Acme',
  expected: { environmentId: environment('production').id },
};

const errorsOf = (answer: Awaited<ReturnType<typeof judgeForPopup>>) =>
  'findings' in answer ? answer.findings.filter((finding) => finding.level === 'error').map((finding) => finding.id) : undefined;

let devProduct: string;

beforeEach(async () => {
  fakeBrowser.reset();
  await saveSettings({ ...structuredClone(DEFAULT_SETTINGS), tenants: [PRODUCTION_ROW] });
  devProduct = await signTestCredential(productClaims('dev'));
});

describe('judgeForPopup', () => {
  it('on a mapped tenant: the findings the fill gate would refuse with, and the fingerprint, as plain data', async () => {
    const url = `${CONSOLE_ORIGINS.aic}/platform`;
    const tabId = (await fakeBrowser.tabs.create({ url })).id!;
    const answer = await judgeForPopup({ type: 'credential.judge', text: devProduct, on: { tabId, origin: CONSOLE_ORIGINS.aic } });
    // The gate's own judgement of the same credential on the same tab.
    const read = readCredential(devProduct);
    if (!read.ok) throw new Error(read.error.message);
    const { settings } = await loadSettingsWithPolicy();
    const target = resolveTarget(url, settings);
    if (target.kind !== 'console') throw new Error(target.reason);
    const fingerprint = await fingerprintCredential(read.credential);
    const gate = judgeCredential(read.credential, checkContextFor(target, settings, fingerprint));
    expect(answer).toEqual({ ok: true, read, fingerprint, findings: gate });
    expect(errorsOf(answer)).toContain('mapping.environment');
    // A message carries data only: nothing is lost on the way to the popup.
    expect(JSON.parse(JSON.stringify(answer))).toEqual(answer);
  });

  it('with no tab, or a tab gone elsewhere since the popup showed it: the credential’s own checks only', async () => {
    const alone = await judgeForPopup({ type: 'credential.judge', text: devProduct });
    expect(errorsOf(alone)).toEqual([]);
    const tabId = (await fakeBrowser.tabs.create({ url: `${CONSOLE_ORIGINS.aicAcme}/platform` })).id!;
    const moved = await judgeForPopup({ type: 'credential.judge', text: devProduct, on: { tabId, origin: CONSOLE_ORIGINS.aic } });
    expect(moved).toEqual(alone);
  });

  it('text that is no credential: the reader’s own error, no fingerprint', async () => {
    const answer = await judgeForPopup({ type: 'credential.judge', text: 'Select this paragraph' });
    expect(answer.ok && !answer.read.ok && answer.read.error.message).toBeTruthy();
    expect('fingerprint' in answer).toBe(false);
  });
});
