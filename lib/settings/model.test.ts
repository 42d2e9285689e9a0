import { describe, expect, it } from 'vitest';
import { MAX_PICKED, MAX_SELF_HOSTED, MAX_TENANTS, MAX_USES, type Settings } from './model';
import { settingsSchema } from './schema';
import { writesFor } from './layout';

/** Chrome's storage.local quota: https://developer.chrome.com/docs/extensions/reference/api/storage#property-local */
const LOCAL_QUOTA_BYTES = 10 * 1024 * 1024;

/** Text of `length` characters that each take 3 bytes in UTF-8 (the most a BMP character takes). */
const wide = (length: number) => '€'.repeat(length);

describe('MAX_TENANTS', () => {
  it('that many rows with the longest label and name the schema allows still fit in storage.local, fill history and picked fields included', () => {
    // A long real-world host: a 63-character DNS label (RFC 1035's most) under a console's domain, with a port.
    const host = (n: number) => `${String(n).padStart(63, 'h')}.forgeblocks.com:65535`;
    const settings: Settings = {
      version: 1,
      tenants: Array.from({ length: MAX_TENANTS }, (_, n) => ({
        origin: `https://${host(n)}`,
        consoleId: 'aic',
        tier: 'development',
        label: wide(80),
        expected: { environmentId: '00000000-0000-4000-8000-000000000000', environmentName: wide(200), regionTld: 'com' },
      })),
      selfHosted: Array.from({ length: MAX_SELF_HOSTED }, (_, n) => ({ origin: `https://${host(n)}`, consoleId: 'pingaccess' })),
      idleClearMinutes: 120,
      readClipboardOnOpen: false,
      uses: Array.from({ length: MAX_USES }, (_, n) => ({
        fingerprint: n.toString(16).padStart(16, '0'),
        origin: `https://${host(n)}`,
        consoleId: 'aic',
        tenantLabel: wide(80),
        tier: 'development',
        environmentId: '00000000-0000-4000-8000-000000000000',
        at: 1_800_000_000_000 + n,
      })),
      // Picked fields (lib/pick) at their most: every origin, every field, each text as long as the schema allows.
      picked: Array.from({ length: MAX_PICKED }, (_, n) => ({
        origin: `https://${host(n)}`,
        fields: (['clientId', 'clientSecret', 'environmentId', 'credential'] as const).map((field, position) => ({ field, label: wide(200), name: wide(200), id: wide(200), position: position + 1 })),
        at: 1_800_000_000_000 + n,
      })),
    };
    expect(settingsSchema.safeParse(settings).success).toBe(true);
    // Chrome counts the JSON of every value plus every key's length (the same page), in UTF-8 bytes; stored as the
    // extension stores them, a key per row with its origin listed once more (./layout.ts).
    const utf8 = (text: string) => new TextEncoder().encode(text).length;
    const bytes = Object.entries(writesFor(settings, {}).set).reduce((sum, [key, value]) => sum + utf8(key) + utf8(JSON.stringify(value)), 0);
    expect(bytes).toBeLessThan(LOCAL_QUOTA_BYTES);
  });
});
