/**
 * The harness itself, proven: the built extension loads; its service worker reaches the fake PingOne at the real host
 * names over HTTPS (discovery, token, environment read, the failure regions); scripts run on the look-alike consoles
 * at their real host names; and the React, Vue and plain-HTML consoles take values only through real input events,
 * so every later fill test that reads app-state or saved-state is meaningful. The trap variants are checked to be
 * the traps they claim to be.
 */
import { client, CONSOLE_ORIGINS, environment } from '../fixtures/environments';
import { CONSOLE_PATHS } from '../fixtures/pages';
import { expect, test, type Page } from './harness';

async function appState(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await page.getByTestId('app-state').textContent()) ?? 'null') as Record<string, unknown>;
}

async function savedState(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await page.getByTestId('saved-state').textContent()) ?? 'null') as Record<string, unknown>;
}

/** Writes the DOM only, as a naive filler does: no input or change event, so no framework hears of it. */
async function writeDomOnly(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).evaluate((element, text) => {
    (element as HTMLInputElement | HTMLTextAreaElement).value = text;
  }, value);
}

test('the popup renders from the built extension', async ({ popup }) => {
  await popup.openInTab();
  await expect(popup.page.getByRole('heading', { name: 'PingOne Connection Helper' })).toBeVisible();
  await expect(popup.credential).toBeEditable();
});

test('the service worker reaches the fake PingOne discovery at auth.pingone.com, and only in the right region', async ({ serviceWorker, fixtures }) => {
  const dev = environment('dev');
  const discovery = await serviceWorker.evaluate(async (envId) => {
    const read = async (url: string) => {
      const response = await fetch(url);
      return { status: response.status, body: (await response.json()) as { issuer?: string; token_endpoint?: string; jwks_uri?: string } };
    };
    return {
      home: await read(`https://auth.pingone.com/${envId}/as/.well-known/openid-configuration`),
      wrongRegion: await read(`https://auth.pingone.eu/${envId}/as/.well-known/openid-configuration`),
    };
  }, dev.id);
  expect(discovery.home.status).toBe(200);
  expect(discovery.home.body).toMatchObject({
    issuer: `https://auth.pingone.com/${dev.id}/as`,
    token_endpoint: `https://auth.pingone.com/${dev.id}/as/token`,
    jwks_uri: `https://auth.pingone.com/${dev.id}/as/jwks`,
  });
  expect(discovery.wrongRegion.status).toBe(404);
  expect(fixtures.requestsTo('auth.pingone.com').some((request) => request.path === `/${dev.id}/as/.well-known/openid-configuration`)).toBe(true);
});

test('the service worker gets tokens from the fake PingOne and reads the environment with them (200/401/403)', async ({ serviceWorker, fixtures }) => {
  const dev = environment('dev');
  const worker = client('dev', 'worker');
  const noRole = client('dev', 'worker-without-role');
  const webApp = client('dev', 'web-app');
  const result = await serviceWorker.evaluate(
    async ({ envId, worker, noRole, webApp }) => {
      const issuer = `https://auth.pingone.com/${envId}/as`;
      const form = (fields: Record<string, string>) => ({ 'content-type': 'application/x-www-form-urlencoded', body: new URLSearchParams(fields).toString() });
      const token = async (app: { clientId: string; clientSecret: string }, method: 'basic' | 'post') => {
        const { body, ...headers } =
          method === 'basic'
            ? { ...form({ grant_type: 'client_credentials' }), authorization: `Basic ${btoa(`${app.clientId}:${app.clientSecret}`)}` }
            : form({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret });
        const response = await fetch(`${issuer}/token`, { method: 'POST', headers, body });
        return { status: response.status, body: (await response.json()) as { access_token?: string; error?: string } };
      };
      const readEnvironment = async (bearer?: string) => {
        const response = await fetch(`https://api.pingone.com/v1/environments/${envId}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
        return { status: response.status, body: (await response.json()) as { name?: string; code?: string } };
      };
      const basic = await token(worker, 'basic');
      const post = await token(worker, 'post');
      const withoutRole = await token(noRole, 'basic');
      return {
        basic: basic.status,
        post: post.status,
        wrongSecret: await token({ ...worker, clientSecret: 'not-the-secret' }, 'basic'),
        webApp: await token(webApp, 'basic'),
        read: await readEnvironment(basic.body.access_token),
        readWithPostToken: (await readEnvironment(post.body.access_token)).status,
        noToken: (await readEnvironment()).status,
        badToken: (await readEnvironment('not-a-token-this-fake-issued')).status,
        noRole: (await readEnvironment(withoutRole.body.access_token)).status,
      };
    },
    { envId: dev.id, worker, noRole, webApp },
  );
  expect(result.basic).toBe(200);
  expect(result.post).toBe(200);
  expect(result.wrongSecret).toEqual({ status: 401, body: expect.objectContaining({ error: 'invalid_client' }) });
  expect(result.webApp).toEqual({ status: 400, body: expect.objectContaining({ error: 'unauthorized_client' }) });
  expect(result.read).toEqual({ status: 200, body: expect.objectContaining({ id: dev.id, name: 'Acme Dev' }) });
  expect(result.readWithPostToken).toBe(200);
  expect(result.noToken).toBe(401);
  expect(result.badToken).toBe(401);
  expect(result.noRole).toBe(403);
  const tokenRequests = fixtures.requestsTo('auth.pingone.com').filter((request) => request.path === `/${dev.id}/as/token`);
  expect(tokenRequests.some((request) => request.headers.authorization?.startsWith('Basic '))).toBe(true);
  expect(tokenRequests.some((request) => request.body.includes(`client_id=${worker.clientId}`))).toBe(true);
});

test('the failure regions fail like a real network: auth.pingone.ca refuses, auth.pingone.sg never answers', async ({ serviceWorker, fixtures }) => {
  const dev = environment('dev');
  const outcome = await serviceWorker.evaluate(async (envId) => {
    const attempt = (tld: string) =>
      // The timeout only bounds the wait for a server that never answers; nothing here measures time.
      fetch(`https://auth.pingone.${tld}/${envId}/as/.well-known/openid-configuration`, { signal: AbortSignal.timeout(2000) }).then(
        (response) => `status ${response.status}`,
        (error: Error) => error.name,
      );
    return { refused: await attempt('ca'), silent: await attempt('sg') };
  }, dev.id);
  expect(outcome).toEqual({ refused: 'TypeError', silent: 'TimeoutError' });
  expect(fixtures.requestsTo('auth.pingone.ca')).toEqual([]);
  expect(fixtures.requestsTo('auth.pingone.sg')).toEqual([]);
});

test('an injected script runs on the look-alike Cloudflare console at its real host name', async ({ context, serviceWorker, fixtures }) => {
  const page = await context.newPage();
  await page.goto(fixtures.consoleUrl('cloudflare'));
  await expect(page.getByTestId('app-state')).toBeVisible();
  const seen = await serviceWorker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    const [result] = await chrome.scripting.executeScript({
      target: { tabId: tab!.id! },
      func: () => ({ host: location.host, hasAppState: document.querySelector('[data-testid="app-state"]') !== null }),
    });
    return result?.result;
  }, page.url());
  expect(seen).toEqual({ host: 'one.dash.cloudflare.com', hasAppState: true });
});

for (const form of [
  { id: 'cloudflare', name: 'Cloudflare (React, controlled inputs)', domOnly: 'Client ID', domOnlyKey: 'clientId', typed: 'Name', typedKey: 'name' },
  { id: 'pingaccess', name: 'PingAccess (plain HTML)', domOnly: 'Credential', domOnlyKey: 'credential', typed: 'Name', typedKey: 'name' },
  { id: 'pingfederate', name: 'PingFederate (plain HTML)', domOnly: 'Client Secret', domOnlyKey: 'clientSecret', typed: 'Client ID', typedKey: 'clientId' },
] as const) {
  test(`${form.name}: a DOM-only value does not reach app state or Save; typing does`, async ({ context, fixtures }) => {
    const page = await context.newPage();
    await page.goto(fixtures.consoleUrl(form.id));
    await writeDomOnly(page, form.domOnly, 'dom-only-value');
    await expect(page.getByLabel(form.domOnly, { exact: true })).toHaveValue('dom-only-value');

    // Save renders what the app holds at that moment: the DOM-only value is not in it.
    await page.getByRole('button', { name: 'Save' }).click();
    expect((await savedState(page))[form.domOnlyKey]).toBe('');
    expect((await appState(page))[form.domOnlyKey]).toBe('');

    // Real keystrokes raise input events, which the app hears.
    const typed = page.getByLabel(form.typed, { exact: true });
    await typed.pressSequentially('typed-value');
    await expect.poll(async () => (await appState(page))[form.typedKey]).toBe('typed-value');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await savedState(page))[form.typedKey]).toBe('typed-value');
    expect((await savedState(page))[form.domOnlyKey]).toBe('');
  });
}

test('Advanced Identity Cloud (Vue, v-model): a DOM-only credential does not reach app state; typing does, through Connect', async ({ context, fixtures }) => {
  const samples = fixtures.samples;
  const page = await context.newPage();
  await page.goto(fixtures.consoleUrl('aic'));
  const dialog = page.getByRole('dialog', { name: 'Add PingOne Integration' });

  await page.getByRole('button', { name: 'Add PingOne Integration' }).click();
  await writeDomOnly(page, 'Credential', samples.productDev.text);
  await expect(dialog.getByRole('button', { name: 'Next' })).toBeDisabled();
  // Cancel makes Vue render again: the state it shows then has no credential, because it never heard of one.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => appState(page)).toMatchObject({ modalOpen: false, credential: '' });

  await page.getByRole('button', { name: 'Add PingOne Integration' }).click();
  // fill() raises an input event, as pasting does.
  await dialog.getByLabel('Credential', { exact: true }).fill(samples.productDev.text);
  await expect(dialog.getByTestId('decoded-claims')).toContainText('"environmentName": "Acme Dev"');
  await expect.poll(async () => (await appState(page)).credential).toBe(samples.productDev.text);
  await dialog.getByRole('button', { name: 'Next' }).click();

  const name = dialog.getByLabel('Name', { exact: true });
  await expect(name).toHaveValue('Acme-Dev');
  await name.fill('');
  await name.pressSequentially('Acme-Dev-typed');
  await expect.poll(async () => (await appState(page)).name).toBe('Acme-Dev-typed');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  expect(await savedState(page)).toEqual({ name: 'Acme-Dev-typed', credential: samples.productDev.text });
});

test('the Cloudflare trap variants are the traps they claim to be', async ({ context, fixtures }) => {
  const page = await context.newPage();
  const secretField = page.locator('#client-secret');

  await page.goto(fixtures.consoleUrl('cloudflare', 'opacity'));
  expect(await secretField.evaluate((input) => getComputedStyle(input.closest('.field')!).opacity)).toBe('0.01');

  await page.goto(fixtures.consoleUrl('cloudflare', 'overlay'));
  expect(
    await secretField.evaluate((input) => {
      const box = input.getBoundingClientRect();
      return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === input;
    }),
  ).toBe(false);

  await page.goto(fixtures.consoleUrl('cloudflare', 'hidden-duplicate'));
  const duplicates = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[name="client_secret"]')].map((input) => ({ id: input.id, right: input.getBoundingClientRect().right })),
  );
  expect(duplicates).toHaveLength(2);
  expect(duplicates[0]!.right).toBeLessThan(0);
  expect(duplicates[1]!.id).toBe('client-secret');

  await page.goto(fixtures.consoleUrl('cloudflare', 'iframe'));
  await expect(page.getByLabel('Client Secret')).toHaveCount(0);
  const framed = page.frameLocator('iframe[title="Add PingOne"]');
  await expect(framed.getByLabel('Client Secret', { exact: true })).toBeVisible();
  expect(new URL(page.frames()[1]!.url()).origin).toBe(CONSOLE_ORIGINS.evil);

  // The look-alike host reports what its form holds to itself, so a leaked secret would be seen.
  await page.goto(`${CONSOLE_ORIGINS.lookalike}${CONSOLE_PATHS.cloudflare}`);
  await page.getByLabel('Client Secret', { exact: true }).pressSequentially('leak-me');
  await expect.poll(() => fixtures.requestsTo('one.dash.cloudflare.com.evil.test').some((request) => request.path === '/collect' && request.body.includes('leak-me'))).toBe(true);
});

test('the demo guide links the four consoles and offers every sample to copy', async ({ context, fixtures }) => {
  const page = await context.newPage();
  await page.goto(`${CONSOLE_ORIGINS.demo}/`);
  for (const id of ['cloudflare', 'aic', 'pingaccess', 'pingfederate'] as const) {
    await expect(page.locator(`a[href="${fixtures.consoleUrl(id)}"]`)).toHaveCount(1);
  }
  for (const sample of Object.values(fixtures.samples)) {
    await expect(page.getByRole('textbox', { name: sample.title, exact: true })).toHaveValue(sample.text);
    await expect(page.getByRole('button', { name: `Copy ${sample.title}`, exact: true })).toBeVisible();
  }
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: CONSOLE_ORIGINS.demo });
  const sample = fixtures.samples.webAppDevLines;
  await page.getByRole('button', { name: `Copy ${sample.title}`, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sample.text);
});
