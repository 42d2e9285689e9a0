import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { client } from '../../test/fixtures/environments';
import type { Settings, TenantMapping } from './model';
import { loadSettings, loadSettingsAt, moveRowsToOwnKeys, saveSettings, SETTINGS_LOCK, updateSettings, watchSettings } from './store';
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

  it('round-trips through storage.local: each row under its own key, the rest under "settings"', async () => {
    const settings = settingsWith({ tenants: [PROD_TENANT, DEV_TENANT], idleClearMinutes: 25, readClipboardOnOpen: true });
    await saveSettings(settings);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      settings: { ...settings, tenants: undefined },
      'tenant-origins': [PROD_TENANT.origin, DEV_TENANT.origin],
      [`tenant:${PROD_TENANT.origin}`]: PROD_TENANT,
      [`tenant:${DEV_TENANT.origin}`]: DEV_TENANT,
    });
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

describe('one key per tenant row (./layout.ts)', () => {
  const THIRD: TenantMapping = { ...DEV_TENANT, origin: 'https://openam-acme-uat.forgeblocks.com', tier: 'uat' };
  const singleValue = (settings: Settings) => fakeBrowser.storage.local.set({ settings });

  it('migration: a map stored as one value (every earlier build) loads whole, and the next write moves each row to its own key, none lost', async () => {
    await singleValue(settingsWith({ tenants: [PROD_TENANT, DEV_TENANT, THIRD], idleClearMinutes: 25, uses: [fillRecord(1)] }));
    expect((await loadSettings()).settings.tenants).toEqual([PROD_TENANT, DEV_TENANT, THIRD]);
    await updateSettings((current) => ({ ...current, readClipboardOnOpen: true }));
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.settings).not.toHaveProperty('tenants');
    expect(stored['tenant-origins']).toEqual([PROD_TENANT.origin, DEV_TENANT.origin, THIRD.origin]);
    expect(stored[`tenant:${THIRD.origin}`]).toEqual(THIRD);
    expect((await loadSettings()).settings).toEqual(
      settingsWith({ tenants: [PROD_TENANT, DEV_TENANT, THIRD], idleClearMinutes: 25, readClipboardOnOpen: true, uses: [fillRecord(1)] }),
    );
  });

  it('moveRowsToOwnKeys moves a one-value map that loads clean, and leaves one that needs a repair for the admin to see', async () => {
    await singleValue(settingsWith({ tenants: [PROD_TENANT, DEV_TENANT] }));
    await moveRowsToOwnKeys();
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(
      ['settings', 'tenant-origins', `tenant:${DEV_TENANT.origin}`, `tenant:${PROD_TENANT.origin}`].sort(),
    );
    expect((await loadSettings()).settings.tenants).toEqual([PROD_TENANT, DEV_TENANT]);

    fakeBrowser.reset();
    const spoilt = { ...settingsWith({ tenants: [PROD_TENANT] }), idleClearMinutes: -1 };
    await fakeBrowser.storage.local.set({ settings: spoilt });
    await moveRowsToOwnKeys();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: spoilt });
    expect((await loadSettings()).notice).toMatch(/idleClearMinutes/);
  });

  it('a write sets only the rows that changed and removes the key of a row taken out', async () => {
    await saveSettings(settingsWith({ tenants: [PROD_TENANT, DEV_TENANT, THIRD] }));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove');
    await updateSettings((current) => ({
      ...current,
      tenants: current.tenants.flatMap((row) => (row.origin === THIRD.origin ? [] : row.origin === DEV_TENANT.origin ? [{ ...row, label: 'Renamed' }] : [row])),
    }));
    // The row taken out is emptied in the same set as the new origin list, then removed.
    expect(set.mock.calls[0]![0]).toEqual({
      settings: expect.anything(),
      'tenant-origins': [PROD_TENANT.origin, DEV_TENANT.origin],
      [`tenant:${DEV_TENANT.origin}`]: { ...DEV_TENANT, label: 'Renamed' },
      [`tenant:${THIRD.origin}`]: null,
    });
    expect(remove).toHaveBeenCalledWith([`tenant:${THIRD.origin}`]);
    expect((await loadSettings()).settings.tenants).toEqual([PROD_TENANT, { ...DEV_TENANT, label: 'Renamed' }]);
  });

  it('loadSettingsAt reads the row at one origin and no other; none at an origin without one; the one-value layout whole', async () => {
    await saveSettings(settingsWith({ tenants: [PROD_TENANT, DEV_TENANT], idleClearMinutes: 25 }));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await loadSettingsAt(DEV_TENANT.origin)).toEqual({ settings: settingsWith({ tenants: [DEV_TENANT], idleClearMinutes: 25 }), whole: false });
    expect(get).toHaveBeenCalledWith(['settings', `tenant:${DEV_TENANT.origin}`]);
    expect((await loadSettingsAt(THIRD.origin)).settings.tenants).toEqual([]);
    expect((await loadSettingsAt(undefined)).settings).toEqual(settingsWith({ idleClearMinutes: 25 }));

    await singleValue(settingsWith({ tenants: [PROD_TENANT, DEV_TENANT] }));
    expect(await loadSettingsAt(DEV_TENANT.origin)).toEqual({ settings: settingsWith({ tenants: [PROD_TENANT, DEV_TENANT] }), whole: true });
  });

  it('a row taken out and its removal cut short: the one-row read finds none there (the popup and the toolbar)', async () => {
    await saveSettings(settingsWith({ tenants: [PROD_TENANT, DEV_TENANT] }));
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(new Error('the page closed'));
    await expect(updateSettings((current) => ({ ...current, tenants: [PROD_TENANT] }))).rejects.toThrow('the page closed');
    remove.mockRestore();
    const left = (await fakeBrowser.storage.local.get(`tenant:${DEV_TENANT.origin}`))[`tenant:${DEV_TENANT.origin}`];
    expect(left ?? null).toBeNull();
    expect((await loadSettingsAt(DEV_TENANT.origin)).settings.tenants).toEqual([]);
    expect((await loadSettings()).settings.tenants).toEqual([PROD_TENANT]);
  });

  it('both layouts at once (an older build wrote its one value over a moved map): the moved rows it lacks are kept', async () => {
    await saveSettings(settingsWith({ tenants: [PROD_TENANT, DEV_TENANT] }));
    // The older build kept one row of its own and knew nothing of the row keys.
    await fakeBrowser.storage.local.set({ settings: settingsWith({ tenants: [{ ...DEV_TENANT, label: 'Older build' }, THIRD] }) });
    expect((await loadSettings()).settings.tenants).toEqual([{ ...DEV_TENANT, label: 'Older build' }, THIRD, PROD_TENANT]);
    await updateSettings((current) => current);
    expect((await loadSettings()).settings.tenants).toEqual([{ ...DEV_TENANT, label: 'Older build' }, THIRD, PROD_TENANT]);
    expect(await fakeBrowser.storage.local.get(`tenant:${PROD_TENANT.origin}`)).toEqual({ [`tenant:${PROD_TENANT.origin}`]: PROD_TENANT });
  });

  it('a row key the origin list does not name (a write cut short) is not read, and the next write removes it', async () => {
    await saveSettings(settingsWith({ tenants: [PROD_TENANT] }));
    await fakeBrowser.storage.local.set({ [`tenant:${DEV_TENANT.origin}`]: DEV_TENANT });
    expect(await loadSettings()).toEqual({ settings: settingsWith({ tenants: [PROD_TENANT] }) });
    await updateSettings((current) => current);
    expect(await fakeBrowser.storage.local.get(`tenant:${DEV_TENANT.origin}`)).toEqual({});
  });

  it('an origin listed without its row is dropped with a notice; rows whose "settings" value is spoilt are kept', async () => {
    await saveSettings(settingsWith({ tenants: [PROD_TENANT, DEV_TENANT] }));
    await fakeBrowser.storage.local.remove(`tenant:${PROD_TENANT.origin}`);
    const missing = await loadSettings();
    expect(missing.settings.tenants).toEqual([DEV_TENANT]);
    expect(missing.notice).toMatch(/tenants: 1 entry was dropped \(tenants\[0\]/);

    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    const spoilt = await loadSettings();
    expect(spoilt.settings).toEqual(settingsWith({ tenants: [DEV_TENANT] }));
    expect(spoilt.notice).toMatch(/no known version/);
  });

  it('watchSettings hears a change of a row key, with the changes, and not of a key that is no setting', async () => {
    const heard = vi.fn();
    const stop = watchSettings(heard);
    await fakeBrowser.storage.local.set({ elsewhere: 1 });
    expect(heard).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ [`tenant:${PROD_TENANT.origin}`]: PROD_TENANT });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard.mock.calls[0]![0]).toMatchObject({ [`tenant:${PROD_TENANT.origin}`]: { newValue: PROD_TENANT } });
    stop();
  });
});
