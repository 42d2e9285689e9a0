/**
 * The fill path against consoles built from the vendors' REAL UI libraries (test/fixtures/real-console-pages.ts):
 * Cloudflare's Kumo, Ping Identity's Astro (PingAccess, PingFederate) and AIC's platform-ui stack (Vue 2.7,
 * bootstrap-vue). The same way as fill.spec.ts (the vault as lib/vault.ts stores it, the popup's `fill` message, the
 * background's real checks and executeScript), then once more through the REAL toolbar popup per console. What is
 * asserted is what the components themselves hold (APP STATE) and what Save received, never the DOM alone.
 *
 * The "control" tests assert that each page is what it claims to be: what the library draws over or around its
 * controls (Astro's status bar, platform-ui's label strip, Kumo's switch button, Astro's select button and disabled
 * native stand-in), so a fill that passes here passed against those, not against a simplified copy.
 */
import type { FillReport } from '../../lib/fill/types';
import { client, environment } from '../fixtures/environments';
import type { Sample } from '../fixtures/samples';
import { DEMO_SETTINGS, ExtensionPage, fillReportOf, storedVault } from './extension-page';
import { expect, test, type LaunchedExtension, type Page } from './harness';
import type { PopupPage } from './popup-page';
import { rendererSees } from './renderer-sees';

async function appState(page: Page, testId = 'app-state'): Promise<Record<string, unknown>> {
  return JSON.parse((await page.getByTestId(testId).textContent()) ?? 'null') as Record<string, unknown>;
}

const statuses = (report: FillReport) => Object.fromEntries(report.fields.map((field) => [field.key, field.status]));

/** The demo settings (self-hosted PingAccess and PingFederate known) and `sample` in the vault, then the console. */
async function openWith(extension: LaunchedExtension, sample: Sample, url: string) {
  const extensionPage = await ExtensionPage.open(extension);
  await extensionPage.setSettings();
  await extensionPage.setCredential(sample.text);
  const opened = await extensionPage.openConsole(url);
  await opened.page.bringToFront();
  return { extensionPage, ...opened };
}

/** `sample` pasted into the popup (in a tab) and kept in the vault, the demo settings saved, the popup closed. */
async function pasteInPopup(popup: PopupPage, sample: Sample) {
  await popup.openInTab();
  await popup.page.evaluate(async (settings) => chrome.storage.local.set({ settings }), DEMO_SETTINGS);
  await popup.paste(sample.text);
  await expect.poll(async () => (await storedVault(popup.page))?.text).toBe(sample.text);
  await popup.close();
}

/** The AIC modal's step 2 as an admin meets it: Next pressed, the proposed name cleared so the fill writes it. */
async function goToNameStep(page: Page) {
  await page.getByRole('button', { name: 'Next' }).click();
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toHaveValue(/\S/);
  await name.fill('');
}

test.describe('filled through the popup message', () => {
  test('Cloudflare Zero Trust on Kumo: the PKCE switch and every field in React state, and in what Save received', async ({ extension, fixtures }) => {
    const sample = fixtures.samples.webAppDevLines;
    const app = client(sample.environment, 'web-app');
    const { extensionPage, page, tabId } = await openWith(extension, sample, fixtures.consoleUrl('cloudflare', 'kumo'));
    expect(await appState(page)).toEqual({ name: '', clientId: '', clientSecret: '', environmentId: '', pkceEnabled: false });

    const report = fillReportOf((await extensionPage.fill(tabId)).response);
    expect(report.refused).toBeUndefined();
    expect(statuses(report)).toEqual({ name: 'filled', clientId: 'filled', clientSecret: 'filled', environmentId: 'filled', pkce: 'filled' });
    const expected = { name: 'PingOne', clientId: app.clientId, clientSecret: app.clientSecret, environmentId: environment(sample.environment).id, pkceEnabled: true };
    expect(await appState(page)).toEqual(expected);
    await expect(page.getByRole('switch', { name: 'Proof of Key Exchange (PKCE)' })).toHaveAttribute('aria-checked', 'true');

    await page.getByRole('button', { name: 'Save' }).click();
    expect(await appState(page, 'saved-state')).toEqual(expected);
  });

  test('PingAccess on Astro: Name, Description and Credential in React state, and in what Save received', async ({ extension, fixtures }) => {
    const sample = fixtures.samples.gatewayDev;
    const env = environment(sample.environment);
    const { extensionPage, page, tabId } = await openWith(extension, sample, fixtures.consoleUrl('pingaccess', 'astro'));

    const report = fillReportOf((await extensionPage.fill(tabId)).response);
    expect(report.refused).toBeUndefined();
    expect(statuses(report)).toEqual({ name: 'filled', description: 'filled', credential: 'filled' });
    const expected = {
      name: 'Acme-Dev',
      description: `PingOne environment ${env.name} (${env.id})`,
      credential: sample.text,
      // Left to the admin: the advanced settings keep their defaults.
      trustedCertificateGroup: 'java-trust-store',
      useProxy: false,
    };
    expect(await appState(page)).toEqual(expected);

    await page.getByRole('button', { name: 'Save' }).click();
    expect(await appState(page, 'saved-state')).toEqual(expected);
  });

  test('PingFederate on Astro: the text fields, and Code and Basic chosen in the two SelectFields, in React state and Save', async ({ extension, fixtures }) => {
    const sample = fixtures.samples.webAppDevLines;
    const env = environment(sample.environment);
    const app = client(sample.environment, 'web-app');
    const { extensionPage, page, tabId } = await openWith(extension, sample, fixtures.consoleUrl('pingfederate', 'astro'));

    const report = fillReportOf((await extensionPage.fill(tabId)).response);
    expect(report.refused).toBeUndefined();
    expect(statuses(report)).toEqual({ issuer: 'filled', clientId: 'filled', clientSecret: 'filled', scopes: 'filled', loginType: 'filled', authenticationScheme: 'filled' });
    const expected = {
      issuer: `https://auth.pingone.${env.tld}/${env.id}/as`,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      scopes: 'openid',
      loginType: 'CODE',
      authenticationScheme: 'BASIC',
    };
    expect(await appState(page)).toEqual(expected);
    // What the admin sees: each SelectField's button shows the chosen option.
    await expect(page.getByRole('button', { name: /OpenID Connect Login Type/ })).toContainText('Code');
    await expect(page.getByRole('button', { name: /Authentication Scheme/ })).toContainText('Basic');

    await page.getByRole('button', { name: 'Save' }).click();
    expect(await appState(page, 'saved-state')).toEqual(expected);
  });

  test('Advanced Identity Cloud on platform-ui: Credential, Next, Name, Connect, each in Vue state, and what Connect saved', async ({ extension, fixtures }) => {
    const sample = fixtures.samples.productDev;
    const { extensionPage, page, tabId } = await openWith(extension, sample, fixtures.consoleUrl('aic', 'platform-ui'));
    await page.getByRole('button', { name: 'Add PingOne Integration' }).click();
    await expect(page.getByRole('dialog', { name: 'Add a PingOne Integration' })).toBeVisible();

    const step1 = fillReportOf((await extensionPage.fill(tabId)).response);
    expect(step1.refused).toBeUndefined();
    expect(statuses(step1)).toEqual({ credential: 'filled', name: 'absent' });
    expect(await appState(page)).toEqual({ modalOpen: true, step: 1, credential: sample.text, name: '' });
    // Vue decoded what it holds, and Next is enabled only for a JWT.
    await expect(page.getByTestId('decoded-claims')).toContainText(environment(sample.environment).name);
    await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();

    await goToNameStep(page);
    const step2 = fillReportOf((await extensionPage.fill(tabId)).response);
    expect(statuses(step2)).toEqual({ credential: 'absent', name: 'filled' });
    const expected = { name: 'Acme-Dev', credential: sample.text };
    expect(await appState(page)).toEqual({ modalOpen: true, step: 2, ...expected });

    await page.getByRole('button', { name: 'Connect' }).click();
    expect(await appState(page, 'saved-state')).toEqual(expected);
  });
});

test.describe('filled through the real toolbar popup', () => {
  test('Cloudflare Zero Trust on Kumo', async ({ popup, context, fixtures }) => {
    const sample = fixtures.samples.webAppDevCloudflareJson;
    const app = client(sample.environment, 'web-app');
    await pasteInPopup(popup, sample);
    const page = await context.newPage();
    await page.goto(fixtures.consoleUrl('cloudflare', 'kumo'));
    await popup.openOver(page);
    await (await popup.fillOption('Connection name')).fill('Acme Dev PingOne');

    await popup.button('Fill Cloudflare Zero Trust').click();
    const report = popup.page.getByRole('region', { name: 'Fill report' });
    for (const label of ['Name', 'Client ID', 'Client Secret', 'Environment ID', 'PKCE']) await expect(report).toContainText(`${label}: Filled`);
    const expected = { name: 'Acme Dev PingOne', clientId: app.clientId, clientSecret: app.clientSecret, environmentId: environment(sample.environment).id, pkceEnabled: true };
    expect(await appState(page)).toEqual(expected);
    await popup.close();

    await page.getByRole('button', { name: 'Save' }).click();
    expect(await appState(page, 'saved-state')).toEqual(expected);
  });

  test('PingAccess on Astro', async ({ popup, context, fixtures }) => {
    const sample = fixtures.samples.gatewayDev;
    await pasteInPopup(popup, sample);
    const page = await context.newPage();
    await page.goto(fixtures.consoleUrl('pingaccess', 'astro'));
    await popup.openOver(page);

    await popup.button('Fill PingAccess').click();
    const report = popup.page.getByRole('region', { name: 'Fill report' });
    for (const label of ['Name', 'Description', 'Credential']) await expect(report).toContainText(`${label}: Filled`);
    const env = environment(sample.environment);
    const expected = { name: 'Acme-Dev', description: `PingOne environment ${env.name} (${env.id})`, credential: sample.text, trustedCertificateGroup: 'java-trust-store', useProxy: false };
    expect(await appState(page)).toEqual(expected);
    await popup.close();

    await page.getByRole('button', { name: 'Save' }).click();
    expect(await appState(page, 'saved-state')).toEqual(expected);
  });

  test('PingFederate on Astro', async ({ popup, context, fixtures }) => {
    const sample = fixtures.samples.webAppProductionLines;
    const app = client(sample.environment, 'web-app');
    await pasteInPopup(popup, sample);
    const page = await context.newPage();
    await page.goto(fixtures.consoleUrl('pingfederate', 'astro'));
    await popup.openOver(page);

    await popup.button('Fill PingFederate').click();
    const report = popup.page.getByRole('region', { name: 'Fill report' });
    for (const label of ['Issuer', 'Client ID', 'Client Secret', 'Scopes', 'OpenID Connect Login Type', 'Authentication Scheme']) {
      await expect(report).toContainText(`${label}: Filled`);
    }
    const env = environment(sample.environment);
    const expected = {
      issuer: `https://auth.pingone.${env.tld}/${env.id}/as`,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      scopes: 'openid',
      loginType: 'CODE',
      authenticationScheme: 'BASIC',
    };
    expect(await appState(page)).toEqual(expected);
    await popup.close();

    await page.getByRole('button', { name: 'Save' }).click();
    expect(await appState(page, 'saved-state')).toEqual(expected);
  });

  test('Advanced Identity Cloud on platform-ui, both steps', async ({ popup, context, fixtures }) => {
    const sample = fixtures.samples.productStaging;
    await pasteInPopup(popup, sample);
    const page = await context.newPage();
    await page.goto(fixtures.consoleUrl('aic', 'platform-ui'));
    await page.getByRole('button', { name: 'Add PingOne Integration' }).click();

    await popup.openOver(page);
    await popup.button('Fill Advanced Identity Cloud').click();
    await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Credential (step 1): Filled');
    expect(await appState(page)).toEqual({ modalOpen: true, step: 1, credential: sample.text, name: '' });
    await popup.close();

    await goToNameStep(page);
    await popup.openOver(page);
    await popup.button('Fill Advanced Identity Cloud').click();
    await expect(popup.page.getByRole('region', { name: 'Fill report' })).toContainText('Name (step 2): Filled');
    expect(await appState(page)).toEqual({ modalOpen: true, step: 2, name: 'Acme-Staging', credential: sample.text });
    await popup.close();
    await page.getByRole('button', { name: 'Connect' }).click();
    expect(await appState(page, 'saved-state')).toEqual({ name: 'Acme-Staging', credential: sample.text });
  });
});

test.describe('controls: each page is what it claims to be', () => {
  test("Kumo's PKCE toggle is a button[role=switch] named in Cloudflare's words, and React follows its click", async ({ context, fixtures }) => {
    const page = await context.newPage();
    await page.goto(fixtures.consoleUrl('cloudflare', 'kumo'));
    const toggle = page.getByRole('switch', { name: 'Proof of Key Exchange (PKCE)' });
    expect(await toggle.evaluate((element) => element.tagName)).toBe('BUTTON');
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    // Its label points at the button itself; the checkbox beside it is a hidden stand-in.
    await expect(page.locator('label', { hasText: 'Proof of Key Exchange (PKCE)' })).toHaveAttribute('for', (await toggle.getAttribute('id'))!);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(await appState(page)).toMatchObject({ pkceEnabled: true });
    // The Client Secret is Kumo's SensitiveInput: a password input, labelled by its label.
    await expect(page.getByLabel('Client Secret', { exact: true })).toHaveAttribute('type', 'password');
  });

  test("Astro's status bar is drawn over the left edge of every text field: the renderer calls the input not visible", async ({ context, fixtures }) => {
    const page = await context.newPage();
    await page.goto(fixtures.consoleUrl('pingaccess', 'astro'));
    const name = page.getByRole('textbox', { name: 'Name' });
    const bar = await name.evaluate((input) => {
      const after = getComputedStyle(input.parentElement!, '::after');
      return { content: after.content, position: after.position, width: after.width, inputLeft: input.getBoundingClientRect().left, wrapperLeft: input.parentElement!.getBoundingClientRect().left };
    });
    expect(bar).toMatchObject({ content: '""', position: 'absolute', width: '3px' });
    expect(bar.inputLeft).toBe(bar.wrapperLeft);
    expect(await rendererSees(name)).toBe(false);
    // The bar is the whole reason: without it the renderer sees the input.
    await page.addStyleTag({ content: '.field-control-wrapper::after { display: none !important; }' });
    expect(await rendererSees(name)).toBe(true);
  });

  test("Astro's SelectField is a button[aria-haspopup=listbox] beside a disabled native select, and React follows its listbox", async ({ context, fixtures }) => {
    const page = await context.newPage();
    await page.goto(fixtures.consoleUrl('pingfederate', 'astro'));
    const button = page.getByRole('button', { name: /Authentication Scheme/ });
    await expect(button).toHaveAttribute('aria-haspopup', 'listbox');
    const native = page.locator('select[name="authenticationScheme"]');
    await expect(native).toBeDisabled();
    await expect(native.locator('option')).toHaveText(['\u00a0', 'Basic', 'Post', 'Private Key JWT', 'Client Secret JWT']);
    await button.click();
    await page.getByRole('option', { name: 'Basic' }).click();
    expect(await appState(page)).toMatchObject({ authenticationScheme: 'BASIC' });
    await expect(native).toHaveValue('BASIC');
  });

  test("platform-ui's label is an opaque strip over the textarea's first line, in a b-modal moved to <body>", async ({ context, fixtures }) => {
    const page = await context.newPage();
    await page.goto(fixtures.consoleUrl('aic', 'platform-ui'));
    await page.getByRole('button', { name: 'Add PingOne Integration' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a PingOne Integration' });
    await expect(dialog).toBeVisible();
    expect(await dialog.evaluate((element) => element.closest('#app') === null && document.querySelector('.modal-backdrop') !== null)).toBe(true);

    const credential = page.getByRole('textbox', { name: 'Credential' });
    expect(await credential.getAttribute('id')).toMatch(/^floatingLabelInput\d+$/);
    expect(await credential.getAttribute('placeholder')).toBeNull();
    /** Where the label lies over the textarea, in px from the textarea's top edge, and how it is painted. */
    const strip = () =>
      credential.evaluate((textarea) => {
        const label = document.querySelector<HTMLElement>(`label[for="${textarea.id}"]`)!;
        const style = getComputedStyle(textarea);
        const box = textarea.getBoundingClientRect();
        const labelBox = label.getBoundingClientRect();
        return {
          firstLineTop: parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop),
          lineHeight: parseFloat(style.lineHeight),
          labelTop: labelBox.top - box.top,
          labelBottom: labelBox.bottom - box.top,
          widthShare: labelBox.width / box.width,
          background: getComputedStyle(label).backgroundColor,
          fontSize: getComputedStyle(label).fontSize,
          pointerEvents: getComputedStyle(label).pointerEvents,
        };
      });
    const empty = await strip();
    expect(empty).toMatchObject({ background: 'rgb(255, 255, 255)', pointerEvents: 'none' });
    // About 40px of opaque strip across the whole width, over all of the first line of text.
    expect(empty.labelBottom - empty.labelTop).toBeGreaterThanOrEqual(38);
    expect(empty.labelBottom - empty.labelTop).toBeLessThanOrEqual(42);
    expect(empty.widthShare).toBeGreaterThan(0.95);
    expect(empty.labelTop).toBeLessThanOrEqual(empty.firstLineTop);
    expect(empty.labelBottom).toBeGreaterThanOrEqual(empty.firstLineTop + empty.lineHeight);
    expect(await rendererSees(credential)).toBe(false);

    // Once it holds text: 13px, still opaque over the textarea's top, down into the first line.
    await credential.fill('not a jwt');
    await credential.blur();
    await expect(dialog.getByRole('alert')).toHaveText('Must be a valid JWT');
    await expect(dialog.getByRole('button', { name: 'Next' })).toBeDisabled();
    const filled = await strip();
    expect(filled).toMatchObject({ fontSize: '13px', background: 'rgb(255, 255, 255)' });
    expect(filled.labelBottom).toBeGreaterThan(filled.firstLineTop);
    expect(await rendererSees(credential)).toBe(false);
  });
});
