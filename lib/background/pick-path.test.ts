/**
 * The background's fill of picked fields answers to the same rules as a console fill: failing checks block it, and
 * the organisation's policy takes "Fill anyway" away from its production tenants (lib/settings/managed.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { client, CONSOLE_ORIGINS, environment } from '../../test/fixtures/environments';
import { DEFAULT_SETTINGS } from '../settings/model';
import { saveSettings } from '../settings/store';
import { writeVault } from '../vault';
import { fillPicked } from './pick-path';

const dev = environment('dev');
const production = environment('production');
const webApp = client('dev', 'web-app');
const OIDC_APP = [`Client ID: ${webApp.clientId}`, `Client Secret: ${webApp.clientSecret}`, `Environment ID: ${dev.id}`].join('\n');
const IDLE_MS = DEFAULT_SETTINGS.idleClearMinutes * 60_000;
const ORIGIN = CONSOLE_ORIGINS.cloudflare;
const PRODUCTION_ROW = { origin: ORIGIN, consoleId: 'cloudflare', tier: 'production', label: 'Acme', expected: { environmentId: production.id } };

let executeScript: ReturnType<typeof vi.fn>;

beforeEach(async () => {
  fakeBrowser.reset();
  executeScript = vi.fn(async (injection: { func?: unknown }) => (injection.func === undefined ? [] : [{ frameId: 0, result: { consoleId: 'picked', fields: [], notes: [], durationMs: 1 } }]));
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(executeScript as never);
  const field = { field: 'clientId' as const, label: 'client id', position: 1 };
  await saveSettings({ ...structuredClone(DEFAULT_SETTINGS), picked: [{ origin: ORIGIN, fields: [field], at: 1 }] });
  await writeVault(OIDC_APP, IDLE_MS);
});

afterEach(() => vi.restoreAllMocks());

async function fill(override: boolean) {
  const tab = await fakeBrowser.tabs.create({ url: `${ORIGIN}/acme/settings` });
  return fillPicked({ type: 'pick.fill', tabId: tab.id!, origin: ORIGIN, override });
}

describe('fillPicked and the organisation’s policy', () => {
  it('refuses "Fill anyway" on the policy’s production tenant when the policy says so, touching no page', async () => {
    await fakeBrowser.storage.managed.set({ tenants: [PRODUCTION_ROW], allowFillAnywayOnProduction: false });
    expect(await fill(true)).toMatchObject({ ok: false, overrideForbidden: true, error: /Your organisation does not allow "Fill anyway"/ });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('lets "Fill anyway" through on that tenant when the policy allows it (the default), and blocks without it', async () => {
    await fakeBrowser.storage.managed.set({ tenants: [PRODUCTION_ROW] });
    expect(await fill(false)).toMatchObject({ ok: false, error: 'Not filled: one check fails.' });
    expect(executeScript).not.toHaveBeenCalled();
    expect(await fill(true)).toMatchObject({ ok: true });
    expect(executeScript).toHaveBeenCalled();
  });
});
