/**
 * The fill guard seen from the attacker's side, on the BUILT extension through the real fill path: each trap steered
 * the secret where the admin did not look on an earlier engine, and each has its honest twin served here or in
 * fill.spec.ts. What is asserted is the page's APP STATE and what its Client Secret handler was handed (`received`),
 * not only the report.
 * - names nobody sees (an aria-label, a name, an aria-labelledby term elsewhere, a duplicated id, an injected field
 *   beside a hidden real one) never pick the secret's field: a secret is named only by its own drawn <label>;
 * - a popover's opaque ::backdrop over the page refuses every field; an honest toast elsewhere does not;
 * - the page acting inside the write: hidden when focused, nothing goes in; read then cleared, the report says the
 *   page received it and the use is recorded;
 * - what is drawn over the field but is not its own dress (a foreign text styled as a floating label, a foreign
 *   status bar, another field's label) refuses, and so does its own label made to hide it.
 */
import type { FillReport } from '../../lib/fill/types';
import type { Settings } from '../../lib/settings/model';
import { client } from '../fixtures/environments';
import { DEMO_SETTINGS, ExtensionPage, fillReportOf } from './extension-page';
import type { FixtureServer } from '../fixtures/server';
import { expect, test, type LaunchedExtension, type Page } from './harness';

const devWebApp = client('dev', 'web-app');
const DECEIVING = 'A page that hides what it fills or clicks may be capturing it; nothing was written.';
const COVERED_OVER = 'covered by an element drawn over it';

async function appState(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await page.getByTestId('app-state').textContent()) ?? 'null') as Record<string, unknown>;
}

async function received(page: Page): Promise<string[]> {
  return JSON.parse((await page.getByTestId('received').textContent()) ?? '[]') as string[];
}

const statuses = (report: FillReport) => Object.fromEntries(report.fields.map((field) => [field.key, field.status]));

async function fillVariant(extension: LaunchedExtension, fixtures: FixtureServer, variant: string) {
  const extensionPage = await ExtensionPage.open(extension);
  await extensionPage.setSettings({ ...DEMO_SETTINGS, selfHosted: [] });
  await extensionPage.setCredential(fixtures.samples.webAppDevLines.text);
  const { page, tabId } = await extensionPage.openConsole(fixtures.consoleUrl('cloudflare', variant));
  await page.bringToFront();
  const report = fillReportOf((await extensionPage.fill(tabId)).response);
  return { page, report, extensionPage };
}

for (const [variant, secretOutcome] of [
  ['aria-label-public-note', { status: 'not-found' }],
  ['name-only', { status: 'not-found' }],
  ['labelledby-glossary', { status: 'not-found' }],
  ['duplicate-id', { status: 'refused', reason: 'read-only' }],
  ['injected-style', { status: 'refused', reason: 'hidden (display:none)' }],
] as const) {
  test(`?variant=${variant}: a name nobody sees does not pick the secret's field; "Public note" stays empty`, async ({ extension, fixtures }) => {
    const { page, report } = await fillVariant(extension, fixtures, variant);
    expect(report.fields.find((field) => field.key === 'clientSecret')).toMatchObject(secretOutcome);
    const state = await appState(page);
    expect(state.publicNote).toBe('');
    expect(JSON.stringify(state)).not.toContain(devWebApp.clientSecret);
    // The fields a person reads by their labels are still filled: nothing about them is deceptive.
    expect(state.clientId).toBe(devWebApp.clientId);
    expect(await page.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).not.toContain(devWebApp.clientSecret);

    // Controls: the trap is the one it claims to be.
    const note = variant === 'duplicate-id' ? page.getByTestId('public-note') : page.locator('#public-note');
    await expect(note).toBeVisible();
    if (variant === 'aria-label-public-note') await expect(note).toHaveAttribute('aria-label', 'Client Secret');
    if (variant === 'name-only') {
      await expect(note).toHaveAttribute('name', 'client_secret');
      expect(await page.locator('body').innerText()).not.toMatch(/client secret/i);
    }
    if (variant === 'labelledby-glossary') {
      await expect(page.getByRole('textbox', { name: 'Client Secret', exact: true })).toHaveAttribute('id', 'public-note');
      await expect(page.locator('#glossary-client-secret')).toBeVisible();
    }
    if (variant === 'duplicate-id') {
      expect(await page.locator('[id="client-secret"]').count()).toBe(2);
      expect(await note.evaluate((input) => [...(input as HTMLInputElement).labels!].map((label) => label.textContent))).toEqual([
        "Public note (shown on your team's sign-in page)",
      ]);
    }
    if (variant === 'injected-style') {
      await expect(page.locator('#client-secret')).toBeHidden();
      await expect(note).toHaveAttribute('aria-label', 'Client Secret');
    }
  });
}

test('?variant=popover-backdrop: a popover strip whose ::backdrop covers the page refuses every field; nothing is written', async ({ extension, fixtures }) => {
  const { page, report } = await fillVariant(extension, fixtures, 'popover-backdrop');
  expect(report.refused).toContain('Client Secret is under a backdrop open over the page');
  expect(report.refused).toContain(DECEIVING);
  expect(report.fields.every((field) => field.status === 'refused')).toBe(true);
  expect(await appState(page)).toMatchObject({ name: '', clientId: '', clientSecret: '', environmentId: '', pkceEnabled: false });
  // Control: the strip is 12 px wide, lies across the fields' left ends and lets clicks through; its backdrop is
  // opaque and open in the top layer.
  const secret = (await page.locator('#client-secret').boundingBox())!;
  const stripBox = (await page.getByTestId('popover').boundingBox())!;
  expect(stripBox.x).toBeGreaterThan(secret.x);
  expect(stripBox.x + stripBox.width).toBeLessThan(secret.x + secret.width);
  const strip = await page.getByTestId('popover').evaluate((element) => [
    element.matches(':popover-open'),
    Math.round(element.getBoundingClientRect().width),
    getComputedStyle(element).pointerEvents,
    getComputedStyle(element, '::backdrop').backgroundColor,
  ]);
  expect(strip).toEqual([true, 12, 'none', 'rgb(255, 255, 255)']);
});

test('?variant=popover-elsewhere (honest twin): a toast popover open clear of the form does not stop the fill', async ({ extension, fixtures }) => {
  const { page, report } = await fillVariant(extension, fixtures, 'popover-elsewhere');
  expect(report.refused).toBeUndefined();
  expect(statuses(report)).toEqual({ name: 'filled', clientId: 'filled', clientSecret: 'filled', environmentId: 'filled', pkce: 'filled' });
  expect((await appState(page)).clientSecret).toBe(devWebApp.clientSecret);
  expect(await page.getByTestId('popover').evaluate((element) => element.matches(':popover-open'))).toBe(true);
});

test('?variant=hide-on-focus: a field the page hides when it is focused receives nothing; the fill stops and puts back', async ({ extension, fixtures }) => {
  const { page, report } = await fillVariant(extension, fixtures, 'hide-on-focus');
  expect(report.fields.find((field) => field.key === 'clientSecret')).toMatchObject({
    status: 'refused',
    reason: 'changed when focused: hidden (display:none)',
  });
  expect(report.fields.find((field) => field.key === 'clientSecret')?.reached).toBeUndefined();
  expect(report.refused).toMatch(/^Not filled: Client Secret changed during the fill \(hidden \(display:none\)\)\. The fill stopped and put back/);
  expect(await received(page)).toEqual([]);
  expect((await appState(page)).clientSecret).toBe('');
  // Control: focusing the field hides it, as a person clicking into it would see.
  await page.reload();
  await page.locator('#client-secret').focus();
  await expect(page.locator('#client-secret')).toBeHidden();
});

test('?variant=read-then-clear: a page that reads the secret and clears it is reported as having received it, and the use is recorded', async ({
  extension,
  fixtures,
}) => {
  const { page, report, extensionPage } = await fillVariant(extension, fixtures, 'read-then-clear');
  expect(report.fields.find((field) => field.key === 'clientSecret')).toEqual({
    key: 'clientSecret',
    label: 'Client Secret',
    status: 'not-kept',
    reason: 'the page received the value but did not keep it',
    reached: true,
  });
  // Control: the page did get it, and cleared it.
  expect(await received(page)).toEqual([devWebApp.clientSecret]);
  expect((await appState(page)).clientSecret).toBe('');
  // The reuse check learns of it: the use is recorded for this origin.
  const settings = (await extensionPage.page.evaluate(async () => (await chrome.storage.local.get('settings')).settings)) as Settings;
  expect(settings.uses.map((use) => use.origin)).toContain('https://one.dash.cloudflare.com');
});

test('the honest twin of read-then-clear: a page that keeps the secret reports it filled and reached, and the use is recorded', async ({ extension, fixtures }) => {
  const { page, report, extensionPage } = await fillVariant(extension, fixtures, 'popover-elsewhere');
  expect(report.fields.find((field) => field.key === 'clientSecret')).toMatchObject({ status: 'filled', reached: true });
  expect((await appState(page)).clientSecret).toBe(devWebApp.clientSecret);
  const settings = (await extensionPage.page.evaluate(async () => (await chrome.storage.local.get('settings')).settings)) as Settings;
  expect(settings.uses.map((use) => use.origin)).toContain('https://one.dash.cloudflare.com');
});

for (const variant of ['foreign-floating-label', 'foreign-status-bar', 'own-label-covers-field', 'label-over-other-field'] as const) {
  test(`?variant=${variant}: what is drawn over the Client Secret is not its own dress, or hides it: nothing at all is written`, async ({ extension, fixtures }) => {
    const { page, report } = await fillVariant(extension, fixtures, variant);
    expect(report.refused).toBe(`Not filled: Client Secret is ${COVERED_OVER}. ${DECEIVING}`);
    expect(report.fields.every((field) => field.status === 'refused')).toBe(true);
    expect(await appState(page)).toMatchObject({ name: '', clientId: '', clientSecret: '', environmentId: '', pkceEnabled: false });
    // Control: the thing lies over the field's box, and clicks still reach the field at its centre.
    const [field, overlay] = await Promise.all([page.locator('#client-secret').boundingBox(), page.getByTestId('overlay').boundingBox()]);
    expect(overlay!.x).toBeLessThan(field!.x + field!.width);
    expect(overlay!.x + overlay!.width).toBeGreaterThan(field!.x);
    expect(overlay!.y).toBeLessThan(field!.y + field!.height);
    expect(overlay!.y + overlay!.height).toBeGreaterThan(field!.y);
    const hitIsField = await page.locator('#client-secret').evaluate((input) => {
      const box = input.getBoundingClientRect();
      return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === input;
    });
    expect(hitIsField).toBe(true);
  });
}

test('?variant=dress-inset-shadow: text-free dress inside the wrapper that paints over the field with an inset shadow hides it: nothing is written', async ({ extension, fixtures }) => {
  const { page, report } = await fillVariant(extension, fixtures, 'dress-inset-shadow');
  expect(report.refused).toBe(`Not filled: Client Secret is ${COVERED_OVER}. ${DECEIVING}`);
  expect(await appState(page)).toMatchObject({ name: '', clientId: '', clientSecret: '' });
  // Control: no background, a white inset shadow, over the whole field.
  const [field, overlay] = await Promise.all([page.locator('#client-secret').boundingBox(), page.getByTestId('overlay').boundingBox()]);
  expect(overlay).toEqual(field);
  expect(await page.getByTestId('overlay').evaluate((box) => [getComputedStyle(box).backgroundColor, getComputedStyle(box).boxShadow])).toEqual([
    'rgba(0, 0, 0, 0)',
    'rgb(255, 255, 255) 0px 0px 0px 40px inset',
  ]);
});

for (const variant of ['label-button-text', 'far-label'] as const) {
  test(`?variant=${variant}: a label whose "Client Secret" is not what the admin reads beside the field names nothing`, async ({ extension, fixtures }) => {
    const { page, report } = await fillVariant(extension, fixtures, variant);
    expect(report.fields.find((field) => field.key === 'clientSecret')).toMatchObject({ status: 'not-found' });
    expect((await appState(page)).clientSecret).toBe('');
    await expect(page.locator('#client-secret')).toHaveValue('');
    // Control: the label is the field's own, and says Client Secret in the DOM.
    expect(await page.locator('#client-secret').evaluate((input) => [...(input as HTMLInputElement).labels!].map((label) => label.textContent))).toEqual([
      variant === 'far-label' ? 'Client Secret' : "Client SecretPublic note (shown on your team's sign-in page)",
    ]);
  });
}

test('?variant=closed-shadow-on-focus: a box a closed shadow root draws over the field when it is focused stops the secret before it goes in', async ({ extension, fixtures }) => {
  const { page, report } = await fillVariant(extension, fixtures, 'closed-shadow-on-focus');
  const secret = report.fields.find((field) => field.key === 'clientSecret')!;
  expect(secret.status).toBe('refused');
  expect(secret.reason).toMatch(/^changed when focused: /);
  expect(secret.reached).toBeUndefined();
  expect(await received(page)).toEqual([]);
  expect((await appState(page)).clientSecret).toBe('');
  // Control: focusing the field adds the closed host, which no script can look into.
  await page.reload();
  await page.locator('#client-secret').focus();
  expect(await page.getByTestId('closed-host').evaluate((host) => host.shadowRoot)).toBeNull();
});
