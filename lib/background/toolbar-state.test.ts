import { describe, expect, it } from 'vitest';
import { checkCredential, fingerprintCredential, readCredential } from '../credential';
import { DEFAULT_SETTINGS, type Settings } from '../settings/model';
import { checkContextFor, resolveTarget } from '../target';
import { toolbarStateFor } from './toolbar-state';

const ENVIRONMENT = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const SECRET = 'toolbar-test-secret-Zx2cV4bN6mA8';
const TEXT = `Client ID: 6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d\nClient Secret: ${SECRET}\nEnvironment ID: ${ENVIRONMENT}`;
const CLOUDFLARE = 'https://one.dash.cloudflare.com/zero-trust';

async function fingerprint(): Promise<string> {
  const read = readCredential(TEXT);
  if (!read.ok) throw new Error(read.error.message);
  return fingerprintCredential(read.credential);
}

/** The verdict the fill gate would reach on that tab: the badge must be built from exactly this. */
async function gateLevels(url: string, settings: Settings): Promise<string[]> {
  const read = readCredential(TEXT);
  const target = resolveTarget(url, settings);
  if (!read.ok || target.kind !== 'console') throw new Error('not a console credential');
  return checkCredential(read.credential, checkContextFor(target, settings, await fingerprint())).map((check) => check.level);
}

describe('toolbarStateFor', () => {
  it('says there is no credential for an empty vault and for text that reads as none', async () => {
    for (const text of ['', 'not a credential at all']) {
      expect(await toolbarStateFor(text, CLOUDFLARE, DEFAULT_SETTINGS)).toMatchObject({ text: '', title: 'PingOne Connection Helper: no credential' });
    }
  });

  it('says only that a credential is loaded on a tab that is no console', async () => {
    expect(await toolbarStateFor(TEXT, 'https://example.com/', DEFAULT_SETTINGS)).toMatchObject({
      text: '•',
      title: 'PingOne Connection Helper: OIDC application loaded',
    });
  });

  it('on an unmapped console where the gate finds nothing wrong: OK', async () => {
    expect(await gateLevels(CLOUDFLARE, DEFAULT_SETTINGS)).not.toContain('error');
    expect(await gateLevels(CLOUDFLARE, DEFAULT_SETTINGS)).not.toContain('warning');
    expect(await toolbarStateFor(TEXT, CLOUDFLARE, DEFAULT_SETTINGS)).toMatchObject({
      text: 'OK',
      title: 'PingOne Connection Helper: OIDC application fits Cloudflare Zero Trust at one.dash.cloudflare.com',
    });
  });

  it('a credential already used on another tenant: the gate warns, and so does the badge', async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      uses: [{ fingerprint: await fingerprint(), origin: 'https://openam-acme.forgeblocks.com', consoleId: 'aic', environmentId: ENVIRONMENT, at: Date.UTC(2026, 0, 5) }],
    };
    expect(await gateLevels(CLOUDFLARE, settings)).toContain('warning');
    const state = await toolbarStateFor(TEXT, CLOUDFLARE, settings);
    expect(state).toMatchObject({ text: '!', title: 'PingOne Connection Helper: OIDC application fits Cloudflare Zero Trust at one.dash.cloudflare.com, a warning' });
  });

  it('blocked by the map: NO, naming both tiers, and never the secret', async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      tenants: [
        { origin: 'https://one.dash.cloudflare.com', consoleId: 'cloudflare', label: 'Acme', tier: 'production', expected: { environmentId: '11111111-2222-4333-8444-555555555555' } },
        { origin: 'https://pf.example.com', consoleId: 'pingfederate', label: 'Acme', tier: 'development', expected: { environmentId: ENVIRONMENT } },
      ],
    };
    expect(await gateLevels(CLOUDFLARE, settings)).toContain('error');
    const state = await toolbarStateFor(TEXT, CLOUDFLARE, settings);
    expect(state.text).toBe('NO');
    expect(state.title).toBe(
      'PingOne Connection Helper: Development credential, production tenant: OIDC application blocked on Cloudflare Zero Trust at one.dash.cloudflare.com (a check fails)',
    );
    expect(state.title).not.toContain(SECRET);

    // With the tab's row only (loadSettingsFor), the credential's own tier comes from the whole map, read then.
    const tabRowOnly = { ...settings, tenants: [settings.tenants[0]!] };
    const named = await toolbarStateFor(TEXT, CLOUDFLARE, tabRowOnly, async () => settings.tenants);
    expect(named.title).toBe(state.title);
    expect((await toolbarStateFor(TEXT, CLOUDFLARE, tabRowOnly)).title).not.toContain('Development credential');
  });
});
