import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { gatewayClaims, signTestCredential } from '../../test/fixtures/credentials';
import { client, environment } from '../../test/fixtures/environments';
import { exportSettings, parseSettingsImport } from './transfer';
import { DEV_TENANT, fillRecord, PICKED_FORM, PROD_TENANT, settingsWith } from '../../test/fixtures/tenants';

const dev = environment('dev');

const devWebApp = client('dev', 'web-app');
const DEV_APP_LINES = [`Client ID: ${devWebApp.clientId}`, `Client Secret: ${devWebApp.clientSecret}`, `Environment ID: ${dev.id}`].join('\n');

beforeEach(() => {
  fakeBrowser.reset();
});

describe('export and import', () => {
  const settings = settingsWith({
    tenants: [PROD_TENANT, DEV_TENANT],
    selfHosted: [{ origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess' }],
    idleClearMinutes: 15,
    uses: [fillRecord(1)],
    picked: [PICKED_FORM],
  });

  it('exports the map and preferences, not the fill history, and imports them back', () => {
    const text = exportSettings(settings);
    expect(JSON.parse(text)).not.toHaveProperty('uses');
    expect(parseSettingsImport(text)).toEqual({ ok: true, settings: { ...settings, uses: [] } });
  });

  it('exports picked fields as names only, and refuses to import one with a value in it', () => {
    expect(JSON.parse(exportSettings(settings)).picked).toEqual([PICKED_FORM]);
    const file = JSON.parse(exportSettings(settings));
    file.picked[0].fields[0].value = 'typed';
    expect(parseSettingsImport(JSON.stringify(file))).toMatchObject({ ok: false, errors: [{ path: 'picked[0].fields[0].value', message: 'unknown field' }] });
  });

  const jsonError = (text: string) => {
    const result = parseSettingsImport(text);
    if (result.ok || result.errors.length !== 1 || result.errors[0]?.path !== '(file)') throw new Error(`not one file error: ${JSON.stringify(result)}`);
    return result.errors[0].message;
  };

  it('names the line, column and reason of a JSON syntax error', () => {
    // For want of a comma after `"version": 1`, the file stops being JSON where "tenants" starts.
    expect(jsonError('{\n  "version": 1\n  "tenants": []\n}')).toBe('not valid JSON at line 3, column 3: expected , or } after a property value');
    expect(jsonError('{\n  "version": 1,\n  "tenants": [}\n')).toBe(
      'not valid JSON at line 3, column 15: a value must be an object, a list, a "string", a number, true, false or null',
    );
    expect(jsonError('{"version": 1,')).toBe('not valid JSON at line 1, column 15: the file ends too early (a missing } or ]?)');
    expect(jsonError('{"version": 1, "tenants": [],}')).toBe('not valid JSON at line 1, column 30: expected a property name in "double quotes"');
    expect(jsonError("{'version': 1}")).toBe('not valid JSON at line 1, column 2: expected a property name in "double quotes"');
    expect(jsonError('{"version": 1} {}')).toBe('not valid JSON at line 1, column 16: more text after the end of the settings object');
    expect(jsonError('{"label": "Acme\tDev"}')).toMatch(/^not valid JSON at line 1, column 16: a control character/);
    expect(jsonError('')).toBe('not valid JSON at line 1, column 1: the file ends too early (a missing } or ]?)');
  });

  it('never quotes the file: a credential pasted instead of settings is not echoed, where the engine would', async () => {
    const jwt = await signTestCredential(gatewayClaims('dev'));
    const pieces = (secret: string) => Array.from({ length: secret.length - 7 }, (_, start) => secret.slice(start, start + 8));
    for (const text of [jwt, `{"version": 1, "tenants": [], "note": ${jwt}}`, `{"version": 1, "note": "${jwt}" "x"}`, DEV_APP_LINES]) {
      const message = jsonError(text);
      expect(message).toMatch(/^not valid JSON at line \d+, column \d+: /);
      for (const piece of [...pieces(jwt), ...pieces(devWebApp.clientSecret)]) expect(message).not.toContain(piece);
    }
    // What the engine itself says about the first two (V8 quotes the text around the error):
    expect(() => JSON.parse(jwt)).toThrow(jwt.slice(0, 8));
    expect(() => JSON.parse(`{"version": 1, "tenants": [], "note": ${jwt}}`)).toThrow(jwt.slice(0, 8));
  });

  it('finds the error where V8 does, on any text one edit away from JSON', () => {
    const edited = fc
      .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', '-', '.', 'e', '0', '1', 't', 'n', ' ', '\n', '\u0001', 'x', '\\u12'), fc.boolean())
      .map(([json, index, insert, replace]) => {
        const at = json.length === 0 ? 0 : index % json.length;
        return json.slice(0, at) + insert + json.slice(replace ? at + 1 : at);
      });
    fc.assert(
      fc.property(edited, (text) => {
        let engine: string;
        try {
          JSON.parse(text);
          return;
        } catch (error) {
          engine = (error as Error).message;
        }
        const message = jsonError(text);
        const position = /at position (\d+)/.exec(engine);
        if (!position) {
          expect(message).toMatch(/^not valid JSON at line \d+, column \d+: /);
          return;
        }
        const before = text.slice(0, Number(position[1]));
        const line = before.split('\n').length;
        const column = before.length - before.lastIndexOf('\n');
        expect(message, `${JSON.stringify(text)}: ${engine}`).toMatch(new RegExp(`^not valid JSON at line ${line}, column ${column}: `));
      }),
      { numRuns: 3000 },
    );
  });

  it('reports every bad row with its path, and applies nothing', () => {
    const file = JSON.parse(exportSettings(settings));
    file.tenants.push(
      { origin: 'https://pa.acme.example', consoleId: 'pingaccess', tier: 'uat', label: 'Acme', expected: { environmentId: 'dev' } },
      { origin: 'https://pf.acme.example', consoleId: 'pingfederate', tier: 'qa', label: 'Acme', expected: { environmentId: dev.id, regionTld: 'de' } },
      { ...PROD_TENANT, label: 'Duplicate' },
    );
    file.selfHosted.push({ origin: 'https://one.dash.cloudflare.com', consoleId: 'cloudflare' });
    file.colour = 'blue';
    const result = parseSettingsImport(JSON.stringify(file));
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'tenants[2].expected.environmentId', message: 'expected a UUID' },
        { path: 'tenants[3].tier', message: 'expected one of development, uat, staging, production, sandbox' },
        { path: 'tenants[3].expected.regionTld', message: 'expected a region domain: one of com, ca, eu, com.au, sg, asia' },
        { path: 'selfHosted[1].consoleId', message: 'expected one of pingaccess, aic, pingfederate' },
        { path: 'colour', message: 'unknown field' },
      ],
    });
  });

  it('reports duplicate origins once the rows are otherwise valid', () => {
    const file = JSON.parse(exportSettings(settings));
    file.tenants.push({ ...PROD_TENANT, label: 'Duplicate' });
    expect(parseSettingsImport(JSON.stringify(file))).toEqual({
      ok: false,
      errors: [{ path: 'tenants[2].origin', message: 'https://one.dash.cloudflare.com is already in tenants[0]' }],
    });
  });

  it('refuses any key that smells of a secret, and any value that is a JWT', async () => {
    const jwt = await signTestCredential(gatewayClaims('dev'));
    const file = JSON.parse(exportSettings(settings));
    file.tenants[0].clientSecret = 'x';
    file.tenants[1].expected.client_secret = 'x';
    file.credential = {};
    file.accessToken = 'x';
    file.raw = 'x';
    file.selfHosted[0].note = jwt;
    const result = parseSettingsImport(JSON.stringify(file));
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((error) => error.path);
    expect(paths).toEqual(['tenants[0].clientSecret', 'tenants[1].expected.client_secret', 'selfHosted[0].note', 'credential', 'accessToken', 'raw']);
    expect(result.ok ? '' : result.errors[0]?.message).toMatch(/looks like a secret/);
    expect(result.ok ? '' : result.errors[2]?.message).toMatch(/looks like a JWT/);
  });

  it('refuses a file of another version or that is not an object', () => {
    expect(parseSettingsImport('{"version": 2, "tenants": []}')).toEqual({
      ok: false,
      errors: [{ path: 'version', message: 'expected 1 (this extension reads version 1 files)' }],
    });
    expect(parseSettingsImport('[]')).toEqual({ ok: false, errors: [{ path: '(file)', message: 'expected a settings object' }] });
    expect(parseSettingsImport('{"version": 1}')).toEqual({ ok: false, errors: [{ path: 'tenants', message: 'required' }] });
  });
});
