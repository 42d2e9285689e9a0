/**
 * The popup on the BUILT extension in Chromium: paste each kind of credential and see its facts and checks, the
 * specific error for malformed text, hostile claims rendered inert, the vault across reopening, idle expiry and
 * Clear, the clipboard, keyboard-only use, and the admin's real flow: the toolbar popup over the Cloudflare console
 * filling the form so React's state holds the values.
 */
import { readCredential } from '../../lib/credential';
import { gatewayClaims, signTestCredential } from '../fixtures/credentials';
import { VAULT_IDLE_ALARM } from '../../lib/vault';
import { client, environment } from '../fixtures/environments';
import type { Sample, SampleKey } from '../fixtures/samples';
import { ageVault, DEMO_SETTINGS, storedVault } from './extension-page';
import { expect, test } from './harness';
import type { PopupPage } from './popup-page';
import type { Page } from './harness';

/** When the vault's idle alarm fires (ms since epoch), read in any extension page. */
async function idleAlarmTime(page: Page): Promise<number | undefined> {
  return page.evaluate(async (name) => (await chrome.alarms.get(name))?.scheduledTime, VAULT_IDLE_ALARM);
}

async function pasteAndWaitForVault(popup: PopupPage, text: string) {
  await popup.paste(text);
  await expect.poll(async () => (await storedVault(popup.page))?.text).toBe(text);
}

const KIND_BADGES: Record<Sample['kind'], string> = {
  gateway: 'Gateway credential',
  product: 'Product connection',
  'oidc-app': 'OIDC application',
};

const KIND_SAMPLES: { key: SampleKey; facts: (sample: Sample) => string[] }[] = [
  {
    key: 'gatewayDev',
    facts: () => {
      const env = environment('dev');
      return [env.name, env.id, 'North America (pingone.com)', env.organizationName, env.gatewayName, 'PING_FEDERATE'];
    },
  },
  { key: 'productDev', facts: () => [environment('dev').name, environment('dev').id, client('dev', 'worker').clientId] },
  { key: 'webAppDevCloudflareJson', facts: () => [environment('dev').id, client('dev', 'web-app').clientId, 'Not stated in the credential'] },
  { key: 'webAppProductionLines', facts: () => [environment('production').id, client('production', 'web-app').clientId, 'Europe (pingone.eu)'] },
];

for (const { key, facts } of KIND_SAMPLES) {
  test(`pasting ${key} shows what it is and its checks`, async ({ popup, fixtures }) => {
    const sample = fixtures.samples[key];
    await popup.openInTab();
    await popup.paste(sample.text);

    await expect(popup.page.locator('.summary .kind')).toHaveText(KIND_BADGES[sample.kind]);
    for (const fact of facts(sample)) await expect(popup.page.locator('.summary')).toContainText(fact);

    // The checks lib/credential computes for this text, in the popup, errors first.
    const read = readCredential(sample.text);
    if (!read.ok) throw new Error(read.error.message);
    const items = (await popup.allChecks()).getByRole('listitem');
    await expect(items.first()).toBeVisible();
    const levels = await items.evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.level));
    const rank = { error: 0, warning: 1, info: 2, ok: 3 } as Record<string, number>;
    expect(levels.map((level) => rank[level!])).toEqual([...levels.map((level) => rank[level!])].sort((a, b) => a! - b!));
    await expect(popup.checks).toContainText('Environment');
    await popup.open(/^Claims/);
    await expect(popup.claims.getByRole('row').nth(1)).toBeVisible();

    // Secrets are masked: the client secret (if any) is not in the page text until revealed.
    const secret = read.credential.clientSecret;
    if (secret) {
      await expect(popup.page.locator('.summary')).not.toContainText(secret);
      await popup.open('Credential details');
      await (await popup.secret('Client secret')).getByRole('button', { name: 'Reveal' }).click();
      await expect(popup.page.locator('.summary')).toContainText(secret);
    }

    const ms = await popup.page.locator('[data-paste-to-checks-ms]').getAttribute('data-paste-to-checks-ms');
    test.info().annotations.push({ type: 'paste-to-checks-ms', description: `${key}: ${ms}` });
    console.log(`paste-to-checks ${key}: ${ms} ms`);
  });
}

const MALFORMED = [
  'https://console.pingone.com/?env=3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
  '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
  'eyJhbGciOiJSUzI1NiJ9.@@not-base64@@.c2ln',
  'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0',
  '{"keys": []}',
  '{"type": "pingone", "config": ',
];

test('malformed inputs show the specific error next to the box, never a blank popup', async ({ popup }) => {
  await popup.openInTab();
  for (const input of MALFORMED) {
    const read = readCredential(input);
    if (read.ok) throw new Error(`expected ${input} to be refused`);
    await popup.paste(input);
    const alert = popup.page.getByRole('alert').filter({ hasText: read.error.message });
    await expect(alert, input).toBeVisible();
    if (read.error.hint) await expect(alert).toContainText(read.error.hint);
    await expect(popup.credential).toHaveAttribute('aria-invalid', 'true');
    await expect(popup.checks).toHaveCount(0);
    await expect(popup.page.getByRole('heading', { name: 'PingOne Connection Helper' })).toBeVisible();
  }
});

test('a claim holding markup renders as text and runs nothing', async ({ popup }) => {
  const payload = '<img src=x onerror="window.__pwned = 1">';
  const jwt = await signTestCredential(gatewayClaims('dev', { environmentName: payload, [payload]: payload }));
  await popup.openInTab();
  const dialogs: string[] = [];
  popup.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await popup.paste(jwt);
  await popup.open(/^Claims/);
  await expect(popup.claims.getByText(payload).first()).toBeVisible();
  await expect(popup.page.locator('.summary')).toContainText(payload);
  expect(await popup.page.locator('img').count()).toBe(0);
  // Had the markup been parsed, its image would have failed by the time one made now with the same src=x fails:
  // that failure is the evidence waited for, not a delay.
  await popup.page.evaluate(
    () =>
      new Promise((resolve) => {
        const probe = new Image();
        probe.onerror = resolve;
        probe.src = 'x';
      }),
  );
  expect(await popup.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('long unbroken claims wrap inside 400 px: no horizontal scrolling', async ({ popup }) => {
  const long = 'A'.repeat(1500);
  const jwt = await signTestCredential(gatewayClaims('dev', { [`x-${'k'.repeat(300)}`]: long, environmentName: `Acme ${'N'.repeat(400)}` }));
  await popup.openInTab();
  await popup.page.setViewportSize({ width: 400, height: 600 });
  await popup.paste(jwt);
  await popup.open(/^Claims/);
  await expect(popup.claims.getByText(long)).toBeVisible();
  const overflow = await popup.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
});

test('the credential survives closing and reopening the popup', async ({ popup, fixtures }) => {
  const text = fixtures.samples.gatewayDev.text;
  await popup.openInTab();
  await pasteAndWaitForVault(popup, text);
  await popup.close();

  await popup.openInTab();
  await expect(popup.credential).toHaveValue(text);
  await expect(popup.page.locator('.summary .kind')).toHaveText('Gateway credential');
  await expect((await popup.allChecks()).getByRole('listitem').first()).toBeVisible();
});

test('pasting arms the idle alarm for the idle time the settings ask for', async ({ popup, fixtures }) => {
  await popup.openInTab();
  // Not the default (10): the alarm must follow the setting, not a constant.
  await popup.page.evaluate(async (settings) => chrome.storage.local.set({ settings }), { ...DEMO_SETTINGS, idleClearMinutes: 3 });
  await popup.close();

  await popup.openInTab();
  expect(await idleAlarmTime(popup.page)).toBeUndefined();
  await pasteAndWaitForVault(popup, fixtures.samples.gatewayDev.text);
  const { touchedAt } = (await storedVault(popup.page))!;
  // lib/vault.ts writes the entry, then arms the alarm.
  await expect.poll(() => idleAlarmTime(popup.page)).toBe(touchedAt + 3 * 60_000);
});

test('opening the popup counts as using the credential: the idle time starts again', async ({ popup, fixtures }) => {
  await popup.openInTab();
  await pasteAndWaitForVault(popup, fixtures.samples.gatewayDev.text);
  // Used 9 of the default 10 minutes ago: one more minute and it would be wiped.
  const agedAt = Date.now() - 9 * 60_000;
  await ageVault(popup.page, agedAt);
  await popup.close();

  const reopenedAt = Date.now();
  await popup.openInTab();
  await expect(popup.credential).toHaveValue(fixtures.samples.gatewayDev.text);
  const { touchedAt } = (await storedVault(popup.page))!;
  expect(touchedAt).toBeGreaterThanOrEqual(reopenedAt);
  await expect.poll(() => idleAlarmTime(popup.page)).toBe(touchedAt + 10 * 60_000);
});

test('after the idle time the credential is gone', async ({ popup, fixtures }) => {
  await popup.openInTab();
  await pasteAndWaitForVault(popup, fixtures.samples.productDev.text);
  // Age the credential past the default 10 minutes, as if the admin had walked away (lib/vault.ts compares its use time).
  await ageVault(popup.page, Date.now() - 11 * 60_000);
  await popup.close();

  await popup.openInTab();
  await expect(popup.credential).toHaveValue('');
  await expect(popup.claims).toHaveCount(0);
  expect(await storedVault(popup.page)).toBeUndefined();
});

test('when the idle alarm fires while the popup is open, the credential leaves the screen too', async ({ popup, serviceWorker, fixtures }) => {
  await popup.openInTab();
  await pasteAndWaitForVault(popup, fixtures.samples.gatewayDev.text);
  // Fire the background's own idle alarm now instead of in 10 minutes (unpacked extensions may use short delays).
  await serviceWorker.evaluate((alarm) => chrome.alarms.create(alarm, { when: Date.now() + 50 }), VAULT_IDLE_ALARM);
  await expect.poll(() => storedVault(popup.page)).toBeUndefined();
  await expect(popup.credential).toHaveValue('');
  await expect(popup.claims).toHaveCount(0);
});

test('"Clear" empties the box and the vault', async ({ popup, fixtures }) => {
  await popup.openInTab();
  await pasteAndWaitForVault(popup, fixtures.samples.webAppDevLines.text);
  // A read credential folds the box to one line, with its own Clear: wait for it, as the admin sees it, rather than
  // click the box's Clear as the fold hides it.
  await expect(popup.page.locator('.credential-line')).toContainText('OIDC application lines');
  await popup.button('Clear').click();
  await expect(popup.credential).toHaveValue('');
  await expect.poll(() => storedVault(popup.page)).toBeUndefined();
  await popup.close();

  await popup.openInTab();
  await expect(popup.credential).toHaveValue('');
});

test('"Paste from clipboard" reads the clipboard, and Copy writes it', async ({ popup, context, fixtures }) => {
  // Granted for every origin: CDP's Browser.grantPermissions refuses a chrome-extension:// origin ("opaque origins").
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const sample = fixtures.samples.webAppDevLines;
  await popup.openInTab();
  await popup.page.bringToFront();
  await popup.page.evaluate((text) => navigator.clipboard.writeText(`\n${text}\n`), sample.text);

  await popup.button('Paste from clipboard').click();
  await expect(popup.credential).toHaveValue(sample.text);
  await expect(popup.page.locator('.summary .kind')).toHaveText('OIDC application');

  // The box holds the client secret: drawn as discs while focus is elsewhere, readable again while editing.
  const textSecurity = () => popup.credential.evaluate((box) => getComputedStyle(box).getPropertyValue('-webkit-text-security'));
  expect(await textSecurity()).toBe('disc');
  // Read, the box folds to one line; "Change" opens it for editing, focused.
  await popup.button('Change', true).click();
  await expect(popup.credential).toBeFocused();
  expect(await textSecurity()).toBe('none');

  await popup.open('Credential details');
  await (await popup.secret('Client secret')).getByRole('button', { name: 'Copy' }).click();
  await expect((await popup.secret('Client secret')).getByRole('status')).toHaveText(
    'Copied: cleared from the clipboard in 30 s',
  );
  expect(await popup.page.evaluate(() => navigator.clipboard.readText())).toBe(client('dev', 'web-app').clientSecret);
});

test('the toolbar popup over the Cloudflare console fills the form into React state', async ({ popup, context, fixtures }) => {
  const sample = fixtures.samples.webAppDevCloudflareJson;
  const app = client('dev', 'web-app');
  const dev = environment('dev');
  await popup.openInTab();
  await pasteAndWaitForVault(popup, sample.text);
  await popup.close();

  const consolePage = await context.newPage();
  await consolePage.goto(fixtures.consoleUrl('cloudflare'));
  await popup.openOver(consolePage);
  await expect(popup.credential).toHaveValue(sample.text);
  await expect(popup.page.getByRole('region', { name: 'Target console' })).toContainText('Cloudflare Zero Trust');
  await expect(popup.page.locator('.checks-counts')).toContainText('Checks for Cloudflare Zero Trust:');
  const name = await popup.fillOption('Connection name');
  await name.fill('Acme Dev PingOne');

  await popup.button('Fill Cloudflare Zero Trust').click();
  const report = popup.page.getByRole('region', { name: 'Fill report' });
  await expect(report).toContainText('Client Secret: Filled');
  await expect(report).not.toContainText(app.clientSecret);

  const state = JSON.parse((await consolePage.getByTestId('app-state').textContent()) ?? '{}') as Record<string, unknown>;
  expect(state).toMatchObject({ name: 'Acme Dev PingOne', clientId: app.clientId, clientSecret: app.clientSecret, environmentId: dev.id });
  await popup.close();
});

test('a fill blocked by a failing check goes through only with "Fill anyway"', async ({ popup, context, fixtures }) => {
  // Map the Cloudflare tenant to the production environment, as an admin does with the production credential...
  await popup.openInTab();
  await pasteAndWaitForVault(popup, fixtures.samples.webAppProductionLines.text);
  await popup.close();
  const consolePage = await context.newPage();
  await consolePage.goto(fixtures.consoleUrl('cloudflare'));
  await popup.openOver(consolePage);
  await popup.button('Remember this tenant uses this environment').click();
  await expect(popup.page.getByRole('region', { name: 'Target console' })).toContainText(environment('production').id);
  // The production tier is impossible to miss: its badge is painted in the error colour, not the plain tier colour.
  const badge = await popup.page
    .getByRole('region', { name: 'Target console' })
    .locator('.tier')
    .evaluate((element) => {
      const probe = document.createElement('span');
      probe.style.background = 'var(--error)';
      document.body.append(probe);
      const error = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return { painted: getComputedStyle(element).backgroundColor, error, tier: element.className };
    });
  expect(badge.tier).toContain('tier-production');
  expect(badge.painted).toBe(badge.error);

  // ...then paste the dev credential there: the mapping check fails and the background refuses the fill.
  const dev = client('dev', 'web-app');
  await popup.paste(fixtures.samples.webAppDevCloudflareJson.text);
  await expect(popup.checks.getByRole('listitem').first()).toHaveAttribute('data-check-id', 'mapping.environment');
  await popup.button('Fill Cloudflare Zero Trust').click();
  const alert = popup.page.getByRole('alert').filter({ hasText: 'Not filled' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('list', { name: 'Blocking checks' })).toContainText(environment('production').id);
  expect(await consolePage.getByTestId('app-state').textContent()).not.toContain(dev.clientId);

  await alert.getByRole('button', { name: 'Fill anyway' }).click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Client ID: Filled');
  await expect(consolePage.getByTestId('app-state')).toContainText(dev.clientId);
  await popup.close();
});

test('a tab that moved to another console while the popup was open is not filled', async ({ popup, context, fixtures }) => {
  await popup.openInTab();
  await popup.page.evaluate(async (settings) => chrome.storage.local.set({ settings }), DEMO_SETTINGS);
  await pasteAndWaitForVault(popup, fixtures.samples.webAppDevCloudflareJson.text);
  await popup.close();
  const consolePage = await context.newPage();
  await consolePage.goto(fixtures.consoleUrl('cloudflare'));
  await popup.openOver(consolePage);
  await expect(popup.page.getByRole('region', { name: 'Target console' })).toContainText('Cloudflare Zero Trust');

  // The popup still shows Cloudflare; the tab is now a PingFederate console (known through DEMO_SETTINGS).
  await consolePage.goto(fixtures.consoleUrl('pingfederate'));
  await consolePage.getByTestId('app-state').waitFor();
  await popup.button('Fill Cloudflare Zero Trust').click();
  await expect(popup.page.getByRole('alert')).toContainText('The tab moved to https://pf.demo.internal:9999; reopen the popup there.');
  expect(await consolePage.getByTestId('app-state').textContent()).not.toContain(client('dev', 'web-app').clientId);
  await popup.close();
});

test('the toolbar popup sends PingAccess\'s Description and PingFederate\'s extra scopes with the fill', async ({ popup, context, fixtures }) => {
  await popup.openInTab();
  await popup.page.evaluate(async (settings) => chrome.storage.local.set({ settings }), DEMO_SETTINGS);
  await pasteAndWaitForVault(popup, fixtures.samples.gatewayDev.text);
  await popup.close();

  const pingAccess = await context.newPage();
  await pingAccess.goto(fixtures.consoleUrl('pingaccess'));
  await popup.openOver(pingAccess);
  await (await popup.fillOption('Description')).fill('Gateway for the Acme portal');
  await popup.button('Fill PingAccess').click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Description: Filled');
  expect(JSON.parse((await pingAccess.getByTestId('app-state').textContent()) ?? '{}')).toMatchObject({ description: 'Gateway for the Acme portal' });
  await popup.close();

  const pingFederate = await context.newPage();
  await pingFederate.goto(fixtures.consoleUrl('pingfederate'));
  await popup.openOver(pingFederate);
  await popup.paste(fixtures.samples.webAppDevLines.text);
  const scopes = await popup.fillOption('Extra scopes');
  await scopes.fill('profile email');
  await expect(popup.page.getByText('Scopes filled: openid profile email')).toBeVisible();
  await popup.button('Fill PingFederate').click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Scopes: Filled');
  expect(JSON.parse((await pingFederate.getByTestId('app-state').textContent()) ?? '{}')).toMatchObject({ scopes: 'openid profile email' });
  await popup.close();
});

test('on a page that is no known console, the toolbar popup asks which console it is and fills it (the activeTab path)', async ({ popup, context, fixtures }) => {
  // What this proves: on an https page NOT added in Options, the real toolbar popup offers "This page is" with the
  // console that takes the pasted credential, and "Fill PingAccess" sends the fill naming it, through the background's
  // gate, into the page's app state. What it does NOT prove: Chrome's activeTab grant itself. Headless
  // Chromium cannot grant activeTab (test/README.md: a programmatic openPopup() grants nothing), so the popup reads
  // this tab's URL and the background injects into it through the e2e build's static host permission for
  // https://pa.demo.internal:9000 (wxt.config.ts DEMO_SELF_HOSTED), which stands in for the grant a real click gives.
  const sample = fixtures.samples.gatewayDev;
  await popup.openInTab();
  const noPingAccess = { ...DEMO_SETTINGS, selfHosted: DEMO_SETTINGS.selfHosted.filter((entry) => entry.consoleId !== 'pingaccess') };
  await popup.page.evaluate(async (settings) => chrome.storage.local.set({ settings }), noPingAccess);
  await pasteAndWaitForVault(popup, sample.text);
  await popup.close();

  const page = await context.newPage();
  await page.goto(fixtures.consoleUrl('pingaccess'));
  const origin = new URL(page.url()).origin;
  await popup.openOver(page);
  const choice = popup.page.getByRole('combobox', { name: 'This page is' });
  await expect(choice).toHaveValue('pingaccess');
  await expect(choice.locator('option:checked')).toHaveText('PingAccess');
  await expect(popup.page.locator('#page-console-help')).toContainText(`${origin} is no console in Options: it can be filled now`);
  const name = await popup.fillOption('Connection name');
  await name.fill('Acme Dev Gateway');

  await popup.button('Fill PingAccess').click();
  await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Credential: Filled');
  const state = JSON.parse((await page.getByTestId('app-state').textContent()) ?? '{}') as Record<string, unknown>;
  expect(state).toMatchObject({ name: 'Acme Dev Gateway', credential: sample.text });
  // Settings still do not list the page: it was filled as the console named, not added behind the admin's back.
  const stored = (await popup.page.evaluate(async () => (await chrome.storage.local.get('settings')).settings)) as typeof DEMO_SETTINGS;
  expect(stored.selfHosted.map((entry) => entry.origin)).not.toContain(origin);
  await popup.close();
});

test('"Test connection" shows each step with its verdict in words, through the background and the fake PingOne', async ({ popup, fixtures }) => {
  await popup.openInTab();
  await popup.paste(fixtures.samples.workerDevLines.text);
  await popup.button('Test connection').click();
  const region = popup.page.getByRole('region', { name: 'Connection test' });
  const steps = region.getByRole('listitem');
  await expect(region).toContainText('Finished without failures.', { timeout: 30_000 });
  await expect(steps).toHaveText([/^✓Passed Environment · \d+ ms/, /^✓Passed Client authentication · \d+ ms/, /^✓Passed Environment read · \d+ ms/]);
  await expect(popup.button('Cancel test')).toHaveCount(0);
});

test('"Cancel test" stops a test that PingOne does not answer', async ({ popup, fixtures }) => {
  await popup.openInTab();
  // Cloudflare JSON names no region, so the popup asks; auth.pingone.sg is the fixture host that never answers.
  await popup.paste(fixtures.samples.webAppDevCloudflareJson.text);
  await popup.page.getByRole('combobox', { name: 'Region for the test' }).selectOption('sg');
  await popup.button('Test connection').click();
  const region = popup.page.getByRole('region', { name: 'Connection test' });
  await expect(region.getByRole('listitem').first()).toContainText('Running');
  await popup.button('Cancel test').click();
  await expect(region.getByRole('listitem').first()).toContainText('Skipped');
  await expect(region).toContainText('Against Singapore (pingone.sg), chosen by you.');
  await expect(popup.button('Cancel test')).toHaveCount(0);
  await expect(popup.button('Test connection')).toBeEnabled();
});

test('keyboard only: a logical Tab order through the main controls, each with a visible focus ring', async ({ popup, fixtures }) => {
  await popup.openInTab();
  // The box has focus when the popup opens empty, so the admin can paste at once.
  await expect(popup.credential).toBeFocused();
  await popup.page.keyboard.insertText(fixtures.samples.webAppDevLines.text);
  await expect(popup.checks).toBeVisible();
  // Read, the box folds to one line and focus moves to its "Change".
  await expect(popup.button('Change', true)).toBeFocused();

  const stops: { name: string; ring: boolean }[] = [];
  for (let i = 0; i < 40; i++) {
    await popup.page.keyboard.press('Tab');
    const stop = await popup.page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement;
      const style = getComputedStyle(element);
      const name = (element.getAttribute('aria-label') ?? (element.labels?.[0]?.textContent || element.textContent || '')).trim();
      return { name, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    stops.push(stop);
    if (stop.name.startsWith('Options')) break;
  }
  const names = stops.map((stop) => stop.name);
  // The main controls in reading order (other stops may sit between them): the action, then the folded sections.
  const expected = ['Test connection', 'Credential details', 'Export as an API request', 'Claims'];
  let next = 0;
  for (const name of names) if (name.replace(/ \(\d+\)$/, '') === expected[next]) next++;
  expect(next, `Tab order: ${names.join(' | ')}`).toBe(expected.length);
  expect(names.at(-1)).toMatch(/^Options/);
  expect(stops.filter((stop) => !stop.ring), 'stops without a visible focus ring').toEqual([]);

  // Enter activates (here: opens the folded export); Escape cancels a confirmation and puts focus back where it was.
  await popup.page.locator('summary', { hasText: 'Export as an API request' }).focus();
  await popup.page.keyboard.press('Enter');
  const include = popup.button('Include the client secret…');
  await include.focus();
  await popup.page.keyboard.press('Enter');
  await expect(popup.page.getByRole('alertdialog')).toBeVisible();
  await expect(popup.button('Cancel')).toBeFocused();
  await popup.page.keyboard.press('Escape');
  await expect(popup.page.getByRole('alertdialog')).toHaveCount(0);
  await expect(include).toBeFocused();
});
