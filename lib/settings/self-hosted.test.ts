import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CONSOLES } from '../consoles';
import { validateSelfHosted, validateTenant } from './schema';
import { addSelfHostedConsole } from './self-hosted';
import { loadSettings } from './store';
import { DEV_TENANT } from '../../test/fixtures/tenants';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('self-hosted console origins', () => {
  it('accepts every console of lib/consoles for a tenant, and exactly the self-hostable ones for a console origin', () => {
    const origin = 'https://console.acme.example';
    for (const module of CONSOLES) {
      expect(validateTenant({ ...DEV_TENANT, consoleId: module.id }).ok, module.id).toBe(true);
      expect(validateSelfHosted({ origin, consoleId: module.id }).ok, module.id).toBe(module.selfHostable);
    }
    expect(CONSOLES.filter((module) => !module.selfHostable).map((module) => module.id)).toEqual(['cloudflare']);
  });

  const PA = { origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess' } as const;

  it('asks for exactly that origin, synchronously (inside the click), and stores it when granted', async () => {
    const asked: { origins: string[] }[] = [];
    const pending = addSelfHostedConsole(PA, async (permissions) => {
      asked.push(permissions);
      return true;
    });
    // Nothing awaited yet: the request must already be made, or Chrome sees no user gesture.
    expect(asked).toEqual([{ origins: ['https://pa.demo.internal:9000/*'] }]);
    const result = await pending;
    expect(result).toEqual({ granted: true, settings: expect.objectContaining({ selfHosted: [PA] }) });
    expect((await loadSettings()).settings.selfHosted).toEqual([PA]);
  });

  it('stores nothing when the admin refuses the permission', async () => {
    expect(await addSelfHostedConsole(PA, async () => false)).toEqual({ granted: false });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('adding an origin again replaces its console kind instead of listing it twice', async () => {
    await addSelfHostedConsole(PA, async () => true);
    await addSelfHostedConsole({ ...PA, consoleId: 'pingfederate' }, async () => true);
    expect((await loadSettings()).settings.selfHosted).toEqual([{ ...PA, consoleId: 'pingfederate' }]);
  });

  it('asks for nothing when the entry is invalid', async () => {
    const asked: unknown[] = [];
    const request = async (permissions: unknown) => (asked.push(permissions), true);
    await expect(addSelfHostedConsole({ origin: 'https://one.dash.cloudflare.com', consoleId: 'cloudflare' }, request)).rejects.toThrow(
      'consoleId: expected one of pingaccess, aic, pingfederate',
    );
    await expect(addSelfHostedConsole({ origin: 'https://pa.example/admin', consoleId: 'pingaccess' }, request)).rejects.toThrow(/origin: expected an https origin/);
    expect(asked).toEqual([]);
  });
});
