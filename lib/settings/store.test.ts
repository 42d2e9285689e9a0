import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { client } from '../../test/fixtures/environments';
import type { Settings, TenantMapping } from './model';
import { loadSettings, saveSettings, SETTINGS_LOCK, updateSettings } from './store';
import { recordUse } from './tenants';
import { DEV_TENANT, fillRecord, PROD_TENANT, settingsWith } from '../../test/fixtures/tenants';

const devWebApp = client('dev', 'web-app');

beforeEach(() => {
  fakeBrowser.reset();
});

describe('defaults and storage', () => {
  it('starts from the documented defaults, without a notice, when nothing is stored', async () => {
    const { settings, notice } = await loadSettings();
    expect(settings).toEqual({ version: 1, tenants: [], selfHosted: [], idleClearMinutes: 10, readClipboardOnOpen: false, uses: [], picked: [] });
    expect(notice).toBeUndefined();
  });

  it('round-trips through storage.local under the key "settings"', async () => {
    const settings = settingsWith({ tenants: [PROD_TENANT], idleClearMinutes: 25, readClipboardOnOpen: true });
    await saveSettings(settings);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(settings);
    expect(await loadSettings()).toEqual({ settings });
  });

  it('refuses fields outside the schema, so a stray secret passed by mistake never reaches storage', async () => {
    const inRow = settingsWith({ tenants: [{ ...PROD_TENANT, clientSecret: devWebApp.clientSecret } as TenantMapping] });
    await expect(saveSettings(inRow)).rejects.toThrow('tenants[0].clientSecret: unknown field');
    await expect(saveSettings({ ...settingsWith({}), raw: 'eyJ' } as Settings)).rejects.toThrow('raw: unknown field');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('accepts a use record whose optional label and tier are undefined (an unmapped tenant, as the fill path records it)', async () => {
    await saveSettings(recordUse(settingsWith({}), fillRecord(1, { tenantLabel: undefined, tier: undefined })));
    expect((await loadSettings()).settings.uses).toEqual([fillRecord(1)]);
  });

  it('refuses to save an invalid object', async () => {
    await expect(saveSettings(settingsWith({ idleClearMinutes: 0 }))).rejects.toThrow(/idleClearMinutes/);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('updateSettings applies a change to what is stored and returns it', async () => {
    await saveSettings(settingsWith({ tenants: [DEV_TENANT] }));
    const next = await updateSettings((current) => ({ ...current, tenants: [...current.tenants, PROD_TENANT] }));
    expect(next.tenants.map((tenant) => tenant.origin)).toEqual([DEV_TENANT.origin, PROD_TENANT.origin]);
    expect((await loadSettings()).settings.tenants).toHaveLength(2);
  });

  it('refuses to save two tenants or two console origins for one origin', async () => {
    await expect(saveSettings(settingsWith({ tenants: [PROD_TENANT, { ...PROD_TENANT, label: 'Again' }] }))).rejects.toThrow(
      'tenants[1].origin: https://one.dash.cloudflare.com is already in tenants[0]',
    );
    const pa = { origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess' } as const;
    await expect(saveSettings(settingsWith({ selfHosted: [pa, { ...pa, consoleId: 'pingfederate' }] }))).rejects.toThrow(
      'selfHosted[1].origin: https://pa.demo.internal:9000 is already in selfHosted[0]',
    );
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('concurrent updates in one page both land: each reads what the one before it wrote', async () => {
    await Promise.all([
      updateSettings((current) => ({ ...current, tenants: [...current.tenants, DEV_TENANT] })),
      updateSettings((current) => recordUse(current, fillRecord(1))),
      updateSettings((current) => ({ ...current, tenants: [...current.tenants, PROD_TENANT] })),
    ]);
    const { settings } = await loadSettings();
    expect(settings.tenants).toEqual([DEV_TENANT, PROD_TENANT]);
    expect(settings.uses).toEqual([fillRecord(1)]);
  });

  /** Web Locks as the browser gives them (one holder per name, requests granted in order); happy-dom has none. */
  function installExclusiveLocks() {
    const tails = new Map<string, Promise<unknown>>();
    const waiting: string[] = [];
    const locks = {
      waiting,
      request<T>(name: string, callback: () => Promise<T>): Promise<T> {
        waiting.push(name);
        const granted = (tails.get(name) ?? Promise.resolve()).then(() => {
          waiting.splice(waiting.indexOf(name), 1);
          return callback();
        });
        tails.set(name, granted.catch(() => undefined));
        return granted;
      },
    };
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    return { locks, uninstall: () => delete (navigator as { locks?: unknown }).locks };
  }

  it('waits while another page or the background holds the settings lock, then changes what that holder stored', async () => {
    const { locks, uninstall } = installExclusiveLocks();
    try {
      // The other context: holds the lock, and writes while holding it.
      let release!: () => void;
      await new Promise<void>((held) => {
        void locks.request(SETTINGS_LOCK, () => {
          held();
          return new Promise<void>((done) => (release = done));
        });
      });
      const update = updateSettings((current) => recordUse(current, fillRecord(1)));
      expect(locks.waiting).toEqual([SETTINGS_LOCK]);
      await fakeBrowser.storage.local.set({ settings: settingsWith({ tenants: [DEV_TENANT] }) });
      release();
      expect(await update).toMatchObject({ tenants: [DEV_TENANT], uses: [fillRecord(1)] });
      expect((await loadSettings()).settings).toMatchObject({ tenants: [DEV_TENANT], uses: [fillRecord(1)] });
    } finally {
      uninstall();
    }
  });
});
