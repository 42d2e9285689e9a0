/**
 * What the popup draws at open, against WXT's in-memory browser (tabs, storage.local, storage.managed) with the real
 * settings, policy merge and target resolution: the answer is what lib/popup-tab builds from the same settings, and
 * plain data a message carries unchanged.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CONSOLE_ORIGINS, environment } from '../../test/fixtures/environments';
import { consoleTabOf } from '../popup-tab';
import { DEFAULT_SETTINGS, type Settings, type TenantMapping } from '../settings/model';
import { loadSettingsWithPolicy } from '../settings/managed';
import { saveSettings } from '../settings/store';
import { resolveTarget } from '../target';
import { popupContext } from './popup-context';

const dev = environment('dev');
const ORG_ROW: TenantMapping = {
  origin: CONSOLE_ORIGINS.cloudflare,
  consoleId: 'cloudflare',
  tier: 'production',
  label: 'Acme (organisation)',
  expected: { environmentId: dev.id },
};

async function tabAt(url: string): Promise<number> {
  return (await fakeBrowser.tabs.create({ url })).id!;
}

async function settingsWith(change: Partial<Settings>) {
  await saveSettings({ ...structuredClone(DEFAULT_SETTINGS), ...change });
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('popupContext', () => {
  it('a console tab with the organisation’s row and idle time: the banner’s tenant and the checks’ context, as plain data', async () => {
    await settingsWith({ idleClearMinutes: 30, readClipboardOnOpen: true });
    await fakeBrowser.storage.managed.set({ tenants: [ORG_ROW], idleClearMinutes: 3 });
    const url = `${CONSOLE_ORIGINS.cloudflare}/acme/settings`;
    const answer = await popupContext({ type: 'popup.context', tabId: await tabAt(url) });
    const { settings } = await loadSettingsWithPolicy();
    const resolved = resolveTarget(url, settings);
    if (resolved.kind !== 'console') throw new Error(resolved.reason);
    expect(answer).toEqual({ ok: true, idleMs: 3 * 60_000, readClipboardOnOpen: true, target: consoleTabOf(resolved, settings), pick: { origin: CONSOLE_ORIGINS.cloudflare } });
    expect(answer).toMatchObject({ target: { consoleId: 'cloudflare', tier: 'production', tenantLabel: 'Acme (organisation)', context: { expected: { environmentId: dev.id } } } });
    // A message carries data only: no console module, no function, no RegExp.
    expect(JSON.parse(JSON.stringify(answer))).toEqual(answer);
    expect(answer.ok && 'consoleId' in answer.target && 'console' in answer.target.context).toBe(false);
  });

  it('a page that is no known console: one choice per self-hosted console, and fields may be picked with what was picked there', async () => {
    const origin = 'https://apps.acme.example';
    await settingsWith({ picked: [{ origin, fields: [{ field: 'clientId', label: 'client id', position: 1 }], at: 1_760_000_000_000 }] });
    const answer = await popupContext({ type: 'popup.context', tabId: await tabAt(`${origin}/admin/oidc`) });
    if (!answer.ok || !('choices' in answer.target)) throw new Error('expected choices');
    expect(answer.target.choices.map((choice) => choice.consoleId)).toEqual(['pingaccess', 'aic', 'pingfederate']);
    expect(answer.target.choices.every((choice) => choice.origin === origin)).toBe(true);
    expect(answer.pick).toEqual({ origin, picked: { fields: 1, at: 1_760_000_000_000 } });
    expect(answer.idleMs).toBe(DEFAULT_SETTINGS.idleClearMinutes * 60_000);
  });

  it('a page with a row for one console, shown with the others as choices: each choice judged against the whole map, as the fill gate judges it', async () => {
    const origin = 'https://apps.acme.example';
    const here: TenantMapping = { origin, consoleId: 'pingaccess', tier: 'development', label: 'Acme PA', expected: { environmentId: dev.id } };
    const elsewhere: TenantMapping = { origin: 'https://pf.acme.example', consoleId: 'pingfederate', tier: 'production', label: 'Acme PF', expected: { environmentId: dev.id } };
    await settingsWith({ tenants: [elsewhere, here] });
    const url = `${origin}/admin`;
    const answer = await popupContext({ type: 'popup.context', tabId: await tabAt(url) });
    if (!answer.ok || !('choices' in answer.target)) throw new Error('expected choices');
    const { settings } = await loadSettingsWithPolicy();
    const gate = resolveTarget(url, settings, 'pingfederate');
    if (gate.kind !== 'console') throw new Error(gate.reason);
    const pingFederate = answer.target.choices.find((choice) => choice.consoleId === 'pingfederate');
    expect(pingFederate).toEqual(consoleTabOf(gate, settings));
    expect(pingFederate?.context.mappedElsewhere).toEqual([expect.objectContaining({ origin: elsewhere.origin, tenantLabel: 'Acme PF' })]);
    expect(answer.target.choices.find((choice) => choice.consoleId === 'pingaccess')).toMatchObject({ tenantLabel: 'Acme PA' });
  });

  it('a page dressed as a hosted console: why it is refused, and no picking there', async () => {
    const answer = await popupContext({ type: 'popup.context', tabId: await tabAt(`${CONSOLE_ORIGINS.lookalike}/acme`) });
    expect(answer).toMatchObject({ ok: true, target: { unavailable: expect.stringMatching(/only looks like Cloudflare Zero Trust/) } });
    expect(answer).not.toHaveProperty('pick');
  });

  it('no tab, or one that is gone: not a console the extension can read', async () => {
    for (const tabId of [undefined, 4242]) {
      const answer = await popupContext({ type: 'popup.context', ...(tabId === undefined ? {} : { tabId }) });
      expect(answer).toMatchObject({ ok: true, target: { unavailable: expect.stringMatching(/not a console the extension can read/) } });
      expect(answer).not.toHaveProperty('pick');
    }
  });

  it('settings storage cannot be read: the notice the popup says once', async () => {
    await fakeBrowser.storage.local.set({ settings: { version: 99 } });
    const answer = await popupContext({ type: 'popup.context' });
    expect(answer).toMatchObject({ ok: true, notice: expect.any(String) });
  });
});
