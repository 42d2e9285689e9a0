/**
 * "Remember this tenant uses this environment", the background's side, against WXT's in-memory browser with the real
 * vault, settings and target resolution: the tenant at the tab is mapped to the vault credential's environment, in the
 * admin's own settings; a tab that moved or an empty vault saves nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { gatewayClaims, signTestCredential } from '../../test/fixtures/credentials';
import { client, CONSOLE_ORIGINS, environment } from '../../test/fixtures/environments';
import { DEFAULT_SETTINGS } from '../settings/model';
import { loadSettings, saveSettings } from '../settings/store';
import { writeVault } from '../vault';
import { rememberTabTenant } from './remember-tenant';

const dev = environment('dev');
const webApp = client('dev', 'web-app');
const OIDC_APP = [`Client ID: ${webApp.clientId}`, `Client Secret: ${webApp.clientSecret}`, `Environment ID: ${dev.id}`].join('\n');
const IDLE_MS = DEFAULT_SETTINGS.idleClearMinutes * 60_000;

async function tabAt(url: string): Promise<number> {
  return (await fakeBrowser.tabs.create({ url })).id!;
}

async function tenants() {
  return (await loadSettings()).settings.tenants;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('rememberTabTenant', () => {
  it('maps the console tab’s tenant to the vault credential’s environment', async () => {
    await writeVault(OIDC_APP, IDLE_MS);
    const tabId = await tabAt(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    expect(await rememberTabTenant({ type: 'tenant.remember', tabId, origin: CONSOLE_ORIGINS.cloudflare })).toEqual({ ok: true });
    expect(await tenants()).toEqual([
      expect.objectContaining({ origin: CONSOLE_ORIGINS.cloudflare, consoleId: 'cloudflare', expected: expect.objectContaining({ environmentId: dev.id }) }),
    ]);
  });

  it('a page the admin named as PingAccess is remembered as PingAccess', async () => {
    await writeVault(await signTestCredential(gatewayClaims('dev')), IDLE_MS);
    const origin = 'https://pa.acme.example';
    const tabId = await tabAt(`${origin}/pa-admin`);
    expect(await rememberTabTenant({ type: 'tenant.remember', tabId, origin, consoleId: 'pingaccess' })).toEqual({ ok: true });
    expect(await tenants()).toEqual([expect.objectContaining({ origin, consoleId: 'pingaccess', expected: expect.objectContaining({ environmentId: dev.id }) })]);
  });

  it('refuses a tab that moved since the popup showed it, and saves nothing', async () => {
    await writeVault(OIDC_APP, IDLE_MS);
    const tabId = await tabAt(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    expect(await rememberTabTenant({ type: 'tenant.remember', tabId, origin: CONSOLE_ORIGINS.aic })).toEqual({
      ok: false,
      error: `The tab moved to ${CONSOLE_ORIGINS.cloudflare}; reopen the popup there.`,
    });
    expect(await tenants()).toEqual([]);
  });

  it('refuses a choice made for a page that has since become a known console (added in Options as another one), as the fill does', async () => {
    await writeVault(await signTestCredential(gatewayClaims('dev')), IDLE_MS);
    const origin = 'https://pa.acme.example';
    await saveSettings({ ...structuredClone(DEFAULT_SETTINGS), selfHosted: [{ origin, consoleId: 'pingfederate' }] });
    const tabId = await tabAt(`${origin}/pa-admin`);
    expect(await rememberTabTenant({ type: 'tenant.remember', tabId, origin, consoleId: 'pingaccess' })).toEqual({
      ok: false,
      error: `The tab moved to ${origin}; reopen the popup there.`,
    });
    expect(await tenants()).toEqual([]);
  });

  it('refuses with no credential in the vault, or a page that is no console, and saves nothing', async () => {
    const tabId = await tabAt(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    expect(await rememberTabTenant({ type: 'tenant.remember', tabId, origin: CONSOLE_ORIGINS.cloudflare })).toEqual({
      ok: false,
      error: 'No credential to remember: paste one in the popup first.',
    });
    await writeVault(OIDC_APP, IDLE_MS);
    const lookalike = await tabAt(`${CONSOLE_ORIGINS.lookalike}/acme`);
    expect(await rememberTabTenant({ type: 'tenant.remember', tabId: lookalike, origin: CONSOLE_ORIGINS.lookalike, consoleId: 'pingaccess' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/only looks like Cloudflare Zero Trust/),
    });
    expect(await tenants()).toEqual([]);
  });
});
