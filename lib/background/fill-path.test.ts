/**
 * The fill path against WXT's in-memory browser (storage, tabs, alarms), with the real vault, settings, consoles
 * and checks. Only `scripting.executeScript`, which fakeBrowser does not implement, is stubbed: it stands for the
 * page, answering with the fill engine's report (or the error Chrome throws when the page cannot be reached).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { client, CONSOLE_ORIGINS, environment } from '../../test/fixtures/environments';
import { gatewayClaims, productClaims, signTestCredential } from '../../test/fixtures/credentials';
import { FILL_GLOBAL } from '../fill';
import type { FieldStatus, FillPlan, FillReport } from '../fill/types';
import { DEFAULT_SETTINGS, type Settings } from '../settings/model';
import { loadSettings, saveSettings } from '../settings/store';
import { VAULT_IDLE_ALARM, VAULT_KEY, VAULT_TOUCHED_KEY, writeVault } from '../vault';
import { fillTab } from './fill-path';

const dev = environment('dev');
const production = environment('production');
const webApp = client('dev', 'web-app');
const OIDC_APP = [`Client ID: ${webApp.clientId}`, `Client Secret: ${webApp.clientSecret}`, `Environment ID: ${dev.id}`].join('\n');
const IDLE_MS = DEFAULT_SETTINGS.idleClearMinutes * 60_000;
const T0 = 1_760_000_000_000;

/** The part of an executeScript injection the fill path sets: a file to load, or a function with its arguments. */
interface Injection {
  target: { tabId: number; frameIds?: number[] };
  files?: string[];
  func?: unknown;
  args?: unknown[];
}
type ExecuteScript = (injection: Injection) => Promise<{ frameId: number; result?: unknown }[]>;

/** What the stubbed page answers to the second executeScript call (the one that runs the plan). */
let pageAnswer: (plan: FillPlan) => FillReport;
let executeScript: ReturnType<typeof vi.fn<ExecuteScript>>;

/** The engine's report for `plan`: every field `status`, except those named in `except`. */
function reportFor(plan: FillPlan, status: FieldStatus, except: Record<string, FieldStatus> = {}): FillReport {
  return {
    consoleId: plan.consoleId,
    fields: plan.fields.map((field) => ({ key: field.key, label: field.label, status: except[field.key] ?? status })),
    notes: plan.notes ?? [],
    durationMs: 1,
  };
}

/** The plan the background handed to the page, read back from the stubbed executeScript call. */
function plannedFields(): FillPlan {
  const call = executeScript.mock.calls.find(([injection]) => injection.func !== undefined);
  if (!call) throw new Error('the plan was never handed to the page');
  const [name, plan] = call[0].args as [string, FillPlan];
  expect(name).toBe(FILL_GLOBAL);
  return plan;
}

async function openTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  return tab.id!;
}

/** The origin the popup shows for the tab: where the tab is now. */
async function originOf(tabId: number): Promise<string> {
  return new URL((await fakeBrowser.tabs.get(tabId)).url!).origin;
}

async function settingsWith(change: Partial<Settings>) {
  await saveSettings({ ...structuredClone(DEFAULT_SETTINGS), ...change });
}

async function uses() {
  return (await loadSettings()).settings.uses;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
  pageAnswer = (plan) => reportFor(plan, 'filled');
  executeScript = vi.fn<ExecuteScript>(async (injection) =>
    injection.func === undefined ? [] : [{ frameId: 0, result: pageAnswer((injection.args as [string, FillPlan])[1]) }],
  );
  // fakeBrowser's own executeScript only throws "not implemented"; its declared type is the polyfill's.
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(executeScript as never);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('fillTab refusals', () => {
  it('refuses without a credential in the vault, and touches no page', async () => {
    const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    expect(await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false })).toEqual({
      ok: false,
      error: 'No credential to fill: paste one in the popup first.',
    });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('refuses a credential that sat idle past the setting, and wipes it', async () => {
    await writeVault(OIDC_APP, IDLE_MS, T0 - IDLE_MS - 1);
    const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    expect(await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false })).toMatchObject({ ok: false, error: /No credential to fill/ });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('refuses a tab that is not a console', async () => {
    await writeVault(OIDC_APP, IDLE_MS, T0);
    const tabId = await openTab(`${CONSOLE_ORIGINS.lookalike}/acme/settings`);
    expect(await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: true })).toMatchObject({ ok: false, error: /not a known console/ });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('keeps a wrong kind refused even with override, injecting nothing and recording no use', async () => {
    await writeVault(await signTestCredential(gatewayClaims('dev')), IDLE_MS, T0);
    const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    expect(await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: true })).toEqual({
      ok: false,
      error: 'Cloudflare Zero Trust takes OIDC application credentials; this is a gateway credential. Nothing was filled.',
    });
    expect(executeScript).not.toHaveBeenCalled();
    expect(await uses()).toEqual([]);
  });

  it('is blocked by failing checks without override, listing them; with override the same fill goes ahead', async () => {
    // The admin mapped this Cloudflare tenant to production; the credential is dev's.
    await settingsWith({
      tenants: [{ origin: CONSOLE_ORIGINS.cloudflare, consoleId: 'cloudflare', tier: 'production', label: 'Acme', expected: { environmentId: production.id } }],
    });
    await writeVault(OIDC_APP, IDLE_MS, T0);
    const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);

    const blocked = await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false });
    expect(blocked).toMatchObject({ ok: false, error: 'Not filled: one check fails for Cloudflare Zero Trust.' });
    const blockedBy = blocked.ok ? [] : (blocked.blockedBy ?? []);
    expect(blockedBy.map((check) => [check.id, check.level])).toEqual([['mapping.environment', 'error']]);
    expect(executeScript).not.toHaveBeenCalled();

    expect(await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: true })).toMatchObject({ ok: true });
    expect(executeScript).toHaveBeenCalledTimes(2);
  });

  it('refuses "Fill anyway" on a production tenant the organisation’s policy maps, when the policy says so', async () => {
    // The tenant row is the organisation's, not the admin's: nothing is in storage.local.
    await fakeBrowser.storage.managed.set({
      tenants: [{ origin: CONSOLE_ORIGINS.cloudflare, consoleId: 'cloudflare', tier: 'production', label: 'Acme', expected: { environmentId: production.id } }],
      allowFillAnywayOnProduction: false,
    });
    await writeVault(OIDC_APP, IDLE_MS, T0);
    const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);

    const refused = await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: true });
    expect(refused).toMatchObject({ ok: false, overrideForbidden: true, error: /Your organisation does not allow "Fill anyway"/ });
    expect(refused.ok ? [] : refused.blockedBy?.map((check) => check.id)).toEqual(['mapping.environment']);
    expect(executeScript).not.toHaveBeenCalled();
    expect(await uses()).toEqual([]);
  });

  it('lets "Fill anyway" pass a policy-mapped production tenant when the policy allows it (the default)', async () => {
    await fakeBrowser.storage.managed.set({
      tenants: [{ origin: CONSOLE_ORIGINS.cloudflare, consoleId: 'cloudflare', tier: 'production', label: 'Acme', expected: { environmentId: production.id } }],
    });
    await writeVault(OIDC_APP, IDLE_MS, T0);
    const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    const blocked = await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false });
    expect(blocked).toMatchObject({ ok: false, error: 'Not filled: one check fails for Cloudflare Zero Trust.' });
    expect(blocked).not.toHaveProperty('overrideForbidden');
    expect(await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: true })).toMatchObject({ ok: true });
  });

  it('answers ok:false with the browser’s reason when the page cannot be reached, recording no use', async () => {
    await writeVault(OIDC_APP, IDLE_MS, T0);
    const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'));
    expect(await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false })).toEqual({
      ok: false,
      error: 'Could not reach the page to fill it: Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
    });
    expect(await uses()).toEqual([]);
  });
});

describe('fillTab on a tab that moved since the popup showed it', () => {
  it('refuses a tab now at another origin than the one the popup showed, even with override, injecting nothing', async () => {
    await writeVault(OIDC_APP, IDLE_MS, T0);
    // The popup showed the PingFederate page the admin named; the tab has since gone to a known console.
    const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    expect(await fillTab({ type: 'fill', tabId, origin: CONSOLE_ORIGINS.pingfederate, override: true })).toEqual({
      ok: false,
      error: `The tab moved to ${CONSOLE_ORIGINS.cloudflare}; reopen the popup there.`,
    });
    expect(executeScript).not.toHaveBeenCalled();
    expect(await uses()).toEqual([]);
  });
});

describe('fillTab injection', () => {
  it('injects the engine into the top frame only, then hands it the console’s plan for that origin', async () => {
    await writeVault(OIDC_APP, IDLE_MS, T0);
    const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    const response = await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false, name: 'PingOne Dev' });
    expect(executeScript.mock.calls[0]?.[0]).toEqual({ target: { tabId, frameIds: [0] }, files: ['/fill.js'] });
    expect(executeScript.mock.calls[1]?.[0]).toMatchObject({ target: { tabId, frameIds: [0] } });
    const plan = plannedFields();
    expect(plan).toMatchObject({ consoleId: 'cloudflare', origin: CONSOLE_ORIGINS.cloudflare });
    expect(plan.fields.find((field) => field.key === 'clientSecret')).toMatchObject({ value: webApp.clientSecret, secret: true });
    expect(plan.fields.find((field) => field.key === 'name')?.value).toBe('PingOne Dev');
    expect(response).toEqual({ ok: true, report: reportFor(plan, 'filled') });
  });

  it('counts the fill as a use of the credential: its use time and the idle alarm move to the fill', async () => {
    await writeVault(OIDC_APP, IDLE_MS, T0 - 9 * 60_000);
    const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false });
    expect(await fakeBrowser.storage.session.get([VAULT_KEY, VAULT_TOUCHED_KEY])).toEqual({
      [VAULT_KEY]: OIDC_APP,
      [VAULT_TOUCHED_KEY]: T0,
    });
    expect((await fakeBrowser.alarms.get(VAULT_IDLE_ALARM))?.scheduledTime).toBe(T0 + IDLE_MS);
  });
});

describe('fillTab use records', () => {
  it('records a use when the secret field was filled', async () => {
    await writeVault(OIDC_APP, IDLE_MS, T0);
    const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false });
    expect(await uses()).toEqual([
      expect.objectContaining({ origin: CONSOLE_ORIGINS.cloudflare, consoleId: 'cloudflare', environmentId: dev.id, at: T0 }),
    ]);
  });

  it('records a use when the secret field already held the value (unchanged)', async () => {
    await writeVault(OIDC_APP, IDLE_MS, T0);
    const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    pageAnswer = (plan) => reportFor(plan, 'filled', { clientSecret: 'unchanged' });
    await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false });
    expect(await uses()).toHaveLength(1);
  });

  for (const status of ['refused', 'not-found', 'absent'] as const) {
    it(`records no use when every field but the client secret was filled and the secret was ${status}`, async () => {
      await writeVault(OIDC_APP, IDLE_MS, T0);
      const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
      pageAnswer = (plan) => reportFor(plan, 'filled', { clientSecret: status });
      expect(await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false })).toMatchObject({ ok: true });
      expect(await uses()).toEqual([]);
    });
  }

  it('records no use of a PingAccess fill that wrote the name but not the credential JWT (its secret field)', async () => {
    const origin = CONSOLE_ORIGINS.pingaccess;
    await settingsWith({ selfHosted: [{ origin, consoleId: 'pingaccess' }] });
    await writeVault(await signTestCredential(gatewayClaims('dev')), IDLE_MS, T0);
    const tabId = await openTab(`${origin}/#/pingone-connections/new`);
    pageAnswer = (plan) => reportFor(plan, 'filled', { credential: 'not-found' });
    expect(await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false })).toMatchObject({ ok: true });
    expect(plannedFields().fields.find((field) => field.key === 'credential')?.secret).toBe(true);
    expect(await uses()).toEqual([]);

    pageAnswer = (plan) => reportFor(plan, 'filled');
    await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false });
    expect(await uses()).toEqual([expect.objectContaining({ origin, consoleId: 'pingaccess', environmentId: dev.id })]);
  });

  it('records no use when the page refused the whole plan', async () => {
    await writeVault(OIDC_APP, IDLE_MS, T0);
    const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    pageAnswer = (plan) => ({ ...reportFor(plan, 'filled'), refused: 'This page is not the one the plan is for.' });
    await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false });
    expect(await uses()).toEqual([]);
  });
});

describe('fillTab on a page the admin named (activeTab)', () => {
  // Issue 5 "Where consoles live": a self-hosted console the admin did not add in Options is filled when they say in
  // the popup which console the page is; the injection then rides on the toolbar click's activeTab grant, which the
  // stubbed executeScript stands for here.
  it('without a choice the page is refused; named PingAccess, it is filled as PingAccess at the page origin', async () => {
    const origin = CONSOLE_ORIGINS.pingaccess;
    await writeVault(await signTestCredential(gatewayClaims('dev')), IDLE_MS, T0);
    const tabId = await openTab(`${origin}/#/settings/system/pingone/connections/add`);

    expect(await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false })).toMatchObject({ ok: false, error: /not a known console/ });
    expect(executeScript).not.toHaveBeenCalled();

    const response = await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false, consoleId: 'pingaccess' });
    expect(executeScript.mock.calls[0]?.[0]).toEqual({ target: { tabId, frameIds: [0] }, files: ['/fill.js'] });
    const plan = plannedFields();
    expect(plan).toMatchObject({ consoleId: 'pingaccess', origin });
    expect(response).toEqual({ ok: true, report: reportFor(plan, 'filled') });
    expect(await uses()).toEqual([expect.objectContaining({ origin, consoleId: 'pingaccess', environmentId: dev.id })]);
  });

  it('checks the credential against the console named: a gateway credential named as PingFederate is refused, nothing injected', async () => {
    await writeVault(await signTestCredential(gatewayClaims('dev')), IDLE_MS, T0);
    const tabId = await openTab(`${CONSOLE_ORIGINS.pingfederate}/pingfederate/app`);
    const blocked = await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false, consoleId: 'pingfederate' });
    expect(blocked).toMatchObject({ ok: false, error: /for PingFederate\.$/ });
    expect(blocked.ok ? [] : blocked.blockedBy?.map((check) => check.id)).toContain('target.kind');
    expect(await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: true, consoleId: 'pingfederate' })).toMatchObject({ ok: false, error: /Nothing was filled/ });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('refuses a choice made for an unknown page once the tab is a known console: Cloudflare named as PingFederate', async () => {
    // The popup offers the choice only on a page no known console; a known console now means the tab moved since.
    await writeVault(OIDC_APP, IDLE_MS, T0);
    const tabId = await openTab(`${CONSOLE_ORIGINS.cloudflare}/acme/settings`);
    expect(await fillTab({ type: 'fill', tabId, origin: CONSOLE_ORIGINS.cloudflare, override: true, consoleId: 'pingfederate' })).toEqual({
      ok: false,
      error: `The tab moved to ${CONSOLE_ORIGINS.cloudflare}; reopen the popup there.`,
    });
    expect(executeScript).not.toHaveBeenCalled();
    expect(await uses()).toEqual([]);
  });

  it('refuses a named look-alike of a hosted console, touching no page', async () => {
    await writeVault(await signTestCredential(productClaims('dev')), IDLE_MS, T0);
    const tabId = await openTab(`${CONSOLE_ORIGINS.lookalike}/acme/settings`);
    expect(await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: true, consoleId: 'aic' })).toEqual({
      ok: false,
      error: 'one.dash.cloudflare.com.evil.test only looks like Cloudflare Zero Trust: the extension will not fill it.',
    });
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe('fillTab at sibling tenants of a shared domain', () => {
  const productProduction = () => signTestCredential(productClaims('production'));
  const acme = { origin: CONSOLE_ORIGINS.aicAcme, consoleId: 'aic', tier: 'production', label: 'Acme', expected: { environmentId: production.id } } as const;

  it('refuses a credential mapped to another tenant of the console on an unmapped one, even after the first fill was confirmed', async () => {
    await settingsWith({ tenants: [acme] });
    await writeVault(await productProduction(), IDLE_MS, T0);
    const tabId = await openTab(`${CONSOLE_ORIGINS.aicAcmeProd}/platform/`);
    const blocked = await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false });
    expect(blocked.ok ? [] : blocked.blockedBy?.map((check) => check.id)).toEqual(['mapping.elsewhere', 'tenant.first-fill']);
    expect(executeScript).not.toHaveBeenCalled();

    // The admin fills anyway: the origin is remembered, the mapping elsewhere is still said every time.
    expect(await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: true })).toMatchObject({ ok: true });
    const again = await fillTab({ type: 'fill', tabId, origin: await originOf(tabId), override: false });
    expect(again.ok ? [] : again.blockedBy?.map((check) => check.id)).toEqual(['mapping.elsewhere']);
  });

  it('asks before the first fill at an unmapped tenant only: the fill the admin confirms is remembered, the mapped tenant never asks', async () => {
    await settingsWith({ tenants: [acme] });
    await writeVault(await productProduction(), IDLE_MS, T0);
    const mapped = await openTab(`${CONSOLE_ORIGINS.aicAcme}/platform/`);
    expect(await fillTab({ type: 'fill', tabId: mapped, origin: await originOf(mapped), override: false })).toMatchObject({ ok: true });

    await writeVault(await signTestCredential(productClaims('dev')), IDLE_MS, T0);
    const unmapped = await openTab(`${CONSOLE_ORIGINS.aicAcmeProd}/platform/`);
    const asked = await fillTab({ type: 'fill', tabId: unmapped, origin: await originOf(unmapped), override: false });
    expect(asked).toMatchObject({ ok: false, blockedBy: [{ id: 'tenant.first-fill', facts: { origin: CONSOLE_ORIGINS.aicAcmeProd } }] });
    // A fill that did not deliver the credential (step 2 of the modal only) confirms nothing: it still asks.
    pageAnswer = (plan) => reportFor(plan, 'filled', { credential: 'absent' });
    await fillTab({ type: 'fill', tabId: unmapped, origin: await originOf(unmapped), override: true });
    expect(await fillTab({ type: 'fill', tabId: unmapped, origin: await originOf(unmapped), override: false })).toMatchObject({ ok: false });
    pageAnswer = (plan) => reportFor(plan, 'filled');
    await fillTab({ type: 'fill', tabId: unmapped, origin: await originOf(unmapped), override: true });
    expect(await fillTab({ type: 'fill', tabId: unmapped, origin: await originOf(unmapped), override: false })).toMatchObject({ ok: true });
  });
});
