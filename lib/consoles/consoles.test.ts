import { beforeAll, describe, expect, it } from 'vitest';
import { client, environment } from '../../test/fixtures/environments';
import { checkCredential, readCredential, type Credential } from '../credential';
import { gatewayClaims, productClaims, signTestCredential } from '../../test/fixtures/credentials';
import type { PlannedField } from '../fill/types';
import {
  CLIENT_SECRET_PLACEHOLDER,
  CONSOLES,
  CREDENTIAL_PLACEHOLDER,
  cloudflareApiRequest,
  consoleById,
  pingAccessApiRequest,
  resolveConsole,
  type ConsoleId,
  type SelfHostedConsole,
} from './index';

const dev = environment('dev');
const production = environment('production');
const devWebApp = client('dev', 'web-app');
const productionWebApp = client('production', 'web-app');

function read(text: string): Credential {
  const result = readCredential(text);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.credential;
}

let gatewayDev: Credential;
let productDev: Credential;
let productProduction: Credential;
/** An OIDC web app as copied from PingOne's application page, the issuer line giving the region (eu). */
let webAppProduction: Credential;
/** The same kind without anything that names a region. */
let webAppDevNoRegion: Credential;

beforeAll(async () => {
  gatewayDev = read(await signTestCredential(gatewayClaims('dev')));
  productDev = read(await signTestCredential(productClaims('dev')));
  productProduction = read(await signTestCredential(productClaims('production')));
  webAppProduction = read(
    `Client ID: ${productionWebApp.clientId}\nClient Secret: ${productionWebApp.clientSecret}\nEnvironment ID: ${production.id}\nhttps://console.pingone.eu/?env=${production.id}`,
  );
  webAppDevNoRegion = read(`Client ID: ${devWebApp.clientId}\nClient Secret: ${devWebApp.clientSecret}\nEnvironment ID: ${dev.id}`);
});

const fieldOf = (fields: PlannedField[], key: string) => {
  const found = fields.find((field) => field.key === key);
  if (!found) throw new Error(`no field ${key} in ${fields.map((field) => field.key).join(', ')}`);
  return found;
};

describe('the registry', () => {
  it('has the four consoles under their contract names', () => {
    expect(CONSOLES.map((module) => [module.id, module.name])).toEqual([
      ['pingaccess', 'PingAccess'],
      ['aic', 'Advanced Identity Cloud'],
      ['cloudflare', 'Cloudflare Zero Trust'],
      ['pingfederate', 'PingFederate'],
    ]);
    for (const module of CONSOLES) expect(consoleById(module.id)).toBe(module);
    expect(() => consoleById('nope' as ConsoleId)).toThrow(RangeError);
  });

  it('declares what each console takes, as the checks read it', () => {
    expect(consoleById('pingaccess')).toMatchObject({ accepts: ['gateway'], requiresGatewayType: 'PING_FEDERATE', hostPatterns: [], selfHostable: true });
    expect(consoleById('aic')).toMatchObject({ accepts: ['product'], hostPatterns: ['*.forgeblocks.com', '*.id.forgerock.io'], selfHostable: true });
    expect(consoleById('aic').requiresGatewayType).toBeUndefined();
    expect(consoleById('aic').nameRule?.pattern.test('Acme-Dev-2')).toBe(true);
    expect(consoleById('aic').nameRule?.pattern.test('Acme Dev')).toBe(false);
    expect(consoleById('cloudflare')).toMatchObject({ accepts: ['oidc-app'], hostPatterns: ['one.dash.cloudflare.com'], selfHostable: false });
    expect(consoleById('pingfederate')).toMatchObject({ accepts: ['oidc-app'], hostPatterns: [], selfHostable: true });
  });

  it('makes checkCredential block a credential of the wrong kind for each console', () => {
    const verdict = (id: ConsoleId, credential: Credential) =>
      checkCredential(credential, { console: consoleById(id) }).find((check) => check.id === 'target.kind')?.level;
    expect(verdict('pingaccess', gatewayDev)).toBe('ok');
    expect(verdict('pingaccess', webAppProduction)).toBe('error');
    expect(verdict('aic', productDev)).toBe('ok');
    expect(verdict('aic', gatewayDev)).toBe('error');
    expect(verdict('cloudflare', webAppProduction)).toBe('ok');
    expect(verdict('cloudflare', productDev)).toBe('error');
    expect(verdict('pingfederate', webAppProduction)).toBe('ok');
    expect(verdict('pingfederate', gatewayDev)).toBe('error');
  });
});

describe('resolveConsole', () => {
  const selfHosted: SelfHostedConsole[] = [
    { origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess' },
    { origin: 'https://pf.demo.internal:9999', consoleId: 'pingfederate' },
    { origin: 'https://login.acme.example', consoleId: 'aic' },
    // Cloudflare is not self-hostable: an entry for it must not turn any origin into "Cloudflare".
    { origin: 'https://fake-cloudflare.example', consoleId: 'cloudflare' },
  ];
  const table: [string, ConsoleId | undefined][] = [
    ['https://one.dash.cloudflare.com/', 'cloudflare'],
    ['https://one.dash.cloudflare.com/abc123/settings/authentication', 'cloudflare'],
    ['https://ONE.DASH.CLOUDFLARE.COM/x', 'cloudflare'],
    ['https://one.dash.cloudflare.com.evil.test/', undefined],
    ['https://evil-one.dash.cloudflare.com/', undefined],
    ['https://dash.cloudflare.com/', undefined],
    ['https://one.dash.cloudflare.com:8443/', undefined],
    ['http://one.dash.cloudflare.com/', undefined],
    ['https://one.dash.cloudflare.com@evil.test/', undefined],
    ['https://evil.test/?next=https://one.dash.cloudflare.com/', undefined],
    ['https://openam-demo.forgeblocks.com/platform/?realm=alpha', 'aic'],
    ['https://openam-acme.id.forgerock.io/platform/', 'aic'],
    ['https://forgeblocks.com/', undefined],
    ['https://evilforgeblocks.com/', undefined],
    ['https://openam-demo.forgeblocks.com.evil.test/', undefined],
    ['http://openam-demo.forgeblocks.com/', undefined],
    ['https://pa.demo.internal:9000/#/pingone-connections', 'pingaccess'],
    ['https://pa.demo.internal/', undefined],
    ['https://pa.demo.internal:9001/', undefined],
    ['http://pa.demo.internal:9000/', undefined],
    ['https://pa.demo.internal:9000.evil.test/', undefined],
    ['https://pf.demo.internal:9999/pingfederate/app', 'pingfederate'],
    ['https://login.acme.example/platform/', 'aic'],
    ['https://login.acme.example:444/platform/', undefined],
    ['https://fake-cloudflare.example/', undefined],
    ['chrome-extension://abcdefghijklmnop/popup.html', undefined],
    ['not a url', undefined],
    ['', undefined],
  ];
  for (const [url, expected] of table) {
    it(`${url || '(empty)'} -> ${expected ?? 'no console'}`, () => {
      expect(resolveConsole(url, selfHosted)?.id).toBe(expected);
    });
  }

  it('matches an added origin however the admin typed it (case, default port), and only with it added', () => {
    expect(resolveConsole('https://pa.demo.internal:9000/', [])).toBeUndefined();
    expect(resolveConsole('https://pa.example/', [{ origin: 'https://PA.Example:443', consoleId: 'pingaccess' }])?.id).toBe('pingaccess');
    expect(resolveConsole('https://pa.example/', [{ origin: 'not an origin', consoleId: 'pingaccess' }])).toBeUndefined();
  });
});

describe('PingAccess plan', () => {
  const origin = 'https://pa.demo.internal:9000';

  it('fills Name from environmentName, a Description naming the environment, and the raw JWT as a secret Credential', () => {
    const plan = consoleById('pingaccess').plan(gatewayDev, { origin });
    expect(plan).toMatchObject({ consoleId: 'pingaccess', consoleName: 'PingAccess', origin });
    expect(plan.refused).toBeUndefined();
    expect(fieldOf(plan.fields, 'name')).toMatchObject({ value: 'Acme-Dev', control: 'text', locate: { labels: ['Name'] } });
    expect(fieldOf(plan.fields, 'description').value).toBe(`PingOne environment Acme Dev (${dev.id})`);
    expect(fieldOf(plan.fields, 'credential')).toMatchObject({ value: gatewayDev.raw, secret: true, locate: { labels: ['Credential'] } });
    expect(plan.notes?.join('\n')).toMatch(/Trusted Certificate Group and Use Proxy/);
  });

  it('takes the name and description the admin chose', () => {
    const plan = consoleById('pingaccess').plan(gatewayDev, { origin, name: ' PA to Dev ', description: 'risk policies' });
    expect(fieldOf(plan.fields, 'name').value).toBe('PA to Dev');
    expect(fieldOf(plan.fields, 'description').value).toBe('risk policies');
  });

  it('leaves Name to the admin when nothing suggests one', async () => {
    const nameless = read(await signTestCredential(gatewayClaims('dev', { environmentName: undefined })));
    const plan = consoleById('pingaccess').plan(nameless, { origin });
    expect(plan.fields.map((field) => field.key)).toEqual(['description', 'credential']);
    expect(plan.notes?.[0]).toMatch(/^Name: .*type a unique name/);
  });

  it('plans nothing for a credential of another kind', () => {
    const plan = consoleById('pingaccess').plan(webAppProduction, { origin });
    expect(plan.fields).toEqual([]);
    expect(plan.refused).toBe('PingAccess takes a gateway credential; this is OIDC application credentials. Nothing was filled.');
  });
});

describe('Advanced Identity Cloud plan', () => {
  const origin = 'https://openam-demo.forgeblocks.com';

  it('plans step 1 (Credential) and step 2 (Name) as optional fields, with a note for step 2', () => {
    const plan = consoleById('aic').plan(productProduction, { origin });
    expect(fieldOf(plan.fields, 'credential')).toMatchObject({ value: productProduction.raw, secret: true, optional: true, control: 'textarea' });
    expect(fieldOf(plan.fields, 'name')).toMatchObject({ value: 'Acme-Production-EU', optional: true });
    expect(plan.notes).toContain('Step 2: Name "Acme-Production-EU" (letters, digits and hyphens) goes in after Next: click Next, then fill again.');
    expect(plan.notes?.join('\n')).toContain('environmentName should read "Acme Production (EU)"');
  });

  it('reduces a name the admin typed to the AIC rule', () => {
    expect(fieldOf(consoleById('aic').plan(productDev, { origin, name: 'Dev (AIC) #2' }).fields, 'name').value).toBe('Dev-AIC-2');
  });

  it('plans nothing for a gateway credential', () => {
    const plan = consoleById('aic').plan(gatewayDev, { origin });
    expect(plan.fields).toEqual([]);
    expect(plan.refused).toMatch(/^Advanced Identity Cloud takes a product-connection credential; this is a gateway credential\./);
  });
});

describe('Cloudflare Zero Trust plan', () => {
  const origin = 'https://one.dash.cloudflare.com';

  it('fills Name, Client ID, Client Secret (secret), Environment ID and turns PKCE on', () => {
    const plan = consoleById('cloudflare').plan(webAppProduction, { origin });
    expect(plan.fields.map((field) => [field.key, field.value, field.secret === true, field.control])).toEqual([
      ['name', 'PingOne', false, 'text'],
      ['clientId', productionWebApp.clientId, false, 'text'],
      ['clientSecret', productionWebApp.clientSecret, true, 'text'],
      ['environmentId', production.id, false, 'text'],
      ['pkce', true, false, 'checkbox'],
    ]);
    // A secret is found by its drawn label only: no name or id hints that a page could use to steer it.
    expect(fieldOf(plan.fields, 'clientSecret').locate).toEqual({ labels: ['Client Secret'] });
    expect(fieldOf(plan.fields, 'pkce').locate.labels).toContain('PKCE');
    expect(consoleById('cloudflare').plan(webAppProduction, { origin, name: 'Acme SSO' }).fields[0]?.value).toBe('Acme SSO');
  });

  it('takes no product-connection credential, though it carries a client id and secret', () => {
    const plan = consoleById('cloudflare').plan(productDev, { origin });
    expect(plan.fields).toEqual([]);
    expect(plan.refused).toMatch(/^Cloudflare Zero Trust takes OIDC application credentials; this is a product-connection credential\./);
  });
});

describe('PingFederate plan', () => {
  const origin = 'https://pf.demo.internal:9999';

  it('builds the Issuer from the region table and the environment id, and asks for Code and Basic', () => {
    const plan = consoleById('pingfederate').plan(webAppProduction, { origin });
    expect(plan.fields.map((field) => [field.key, field.value, field.control])).toEqual([
      ['issuer', `https://auth.pingone.eu/${production.id}/as`, 'text'],
      ['clientId', productionWebApp.clientId, 'text'],
      ['clientSecret', productionWebApp.clientSecret, 'text'],
      ['scopes', 'openid', 'text'],
      ['loginType', 'Code', 'select'],
      ['authenticationScheme', 'Basic', 'select'],
    ]);
    expect(fieldOf(plan.fields, 'clientSecret').secret).toBe(true);
    expect(plan.notes?.join('\n')).toMatch(/Load Metadata/);
  });

  it('puts openid first and each of the admin scopes once', () => {
    const plan = consoleById('pingfederate').plan(webAppProduction, { origin, scopes: '  email openid profile\temail ' });
    expect(fieldOf(plan.fields, 'scopes').value).toBe('openid email profile');
  });

  it('leaves the Issuer to the admin when the region is unknown, rather than guess one', () => {
    const plan = consoleById('pingfederate').plan(webAppDevNoRegion, { origin });
    expect(plan.fields.map((field) => field.key)).not.toContain('issuer');
    expect(plan.notes?.[0]).toMatch(/^Issuer: the region is not known/);
  });

  it('never takes an issuer URL from the credential', () => {
    const credential = read(`Client ID: a\nClient Secret: b\nEnvironment ID: ${production.id}\nIssuer: https://evil.example/${production.id}/as`);
    const plan = consoleById('pingfederate').plan(credential, { origin });
    expect(JSON.stringify(plan)).not.toContain('evil.example');
  });

  it('plans nothing for a gateway credential, and says where in PingFederate the gateway credential goes', () => {
    const plan = consoleById('pingfederate').plan(gatewayDev, { origin });
    expect(plan.fields).toEqual([]);
    expect(plan.refused).toBe(
      "PingFederate's PingOne connection (System > External Systems > PingOne Connections) takes the gateway credential; " +
        'this version fills the OIDC IdP connection form, which needs OIDC application credentials. Nothing was filled.',
    );
  });

  it('plans nothing for a product-connection credential, naming the kind it takes', () => {
    expect(consoleById('pingfederate').plan(productDev, { origin }).refused).toBe(
      'PingFederate takes OIDC application credentials; this is a product-connection credential. Nothing was filled.',
    );
  });
});

describe('API requests', () => {
  it('Cloudflare: the identity-provider body, the secret a placeholder until asked for', () => {
    const masked = cloudflareApiRequest(webAppProduction, { name: 'Acme SSO', includeSecret: false });
    expect(JSON.parse(masked)).toEqual({
      type: 'pingone',
      name: 'Acme SSO',
      config: { client_id: productionWebApp.clientId, client_secret: CLIENT_SECRET_PLACEHOLDER, ping_env_id: production.id },
    });
    expect(masked).not.toContain(productionWebApp.clientSecret);
    const full = cloudflareApiRequest(webAppProduction, { name: 'Acme SSO', includeSecret: true });
    expect(full).toContain('\n  "config": {');
    // What the extension copies, it reads back as the same credential.
    expect(read(full)).toMatchObject({ kind: 'oidc-app', clientId: productionWebApp.clientId, clientSecret: productionWebApp.clientSecret, environmentId: production.id });
  });

  it('PingAccess: the admin API body, the JWT a placeholder until asked for', () => {
    const masked = pingAccessApiRequest(gatewayDev, { name: 'Acme-Dev', includeSecret: false });
    expect(JSON.parse(masked)).toEqual({ name: 'Acme-Dev', credential: { value: CREDENTIAL_PLACEHOLDER }, useProxy: false, sslProtocols: [], sslCiphers: [] });
    expect(masked).not.toContain(gatewayDev.raw.split('.')[1]);
    const full = pingAccessApiRequest(gatewayDev, { name: 'Acme-Dev', description: 'for risk policies', includeSecret: true });
    expect(JSON.parse(full)).toEqual({ name: 'Acme-Dev', description: 'for risk policies', credential: { value: gatewayDev.raw }, useProxy: false, sslProtocols: [], sslCiphers: [] });
    expect(read(full).raw).toBe(gatewayDev.raw);
  });
});
