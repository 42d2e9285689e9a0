/**
 * What the fill must refuse, on the BUILT extension through the real fill path (extension page -> background router ->
 * checks -> executeScript of /fill.js), each proven by the page's APP STATE and by the fixture's own evidence: the
 * DOM values, and for pages on `*.evil.test` the `/collect` reports they send of everything their form holds.
 *
 * Decisions the tests pin down:
 * - a field that is transparent or covered is a page caught deceiving: NOTHING is written, not even the fields
 *   beside it (their values would land in the same page's script);
 * - a hidden duplicate beside the real field is left alone and the real, visible field is filled: hidden copies
 *   of inputs are common in real apps, and the secret only ever goes where the admin can see it;
 * - a credential of the wrong kind stays blocked even with override: override is for what the extension cannot
 *   know (a renamed environment, an unmapped tenant); a gateway JWT can never be Cloudflare's client secret;
 * - a toggle whose click would also submit the form is the page deceiving too: nothing is written or clicked;
 * - a field drawn too small to see (scaled down) is simply not shown, like a hidden one: it is refused and the
 *   fields beside it are filled (the same rule lets "visually hidden" checkboxes behind custom switches be absent);
 * - a page that changes its form during the fill stops it, and what the fill wrote is put back;
 * - a decoy whose <label> says "Client Secret" only in hidden text is not the secret's field: the real, visibly
 *   labelled field is filled and the decoy stays empty (refusing the page would also refuse real consoles that keep
 *   hidden help text in their labels; what matters is that the secret goes only where the admin reads its name);
 * - Chromium's renderer calls a field "not visible" when anything is drawn over it; its own floating label and a
 *   small reveal button are let pass (filled in fill.spec.ts), but not whatever else covers the field beside them:
 *   a box that lets clicks through, one appended to <body> far from the field in the tree, a `::after` overlay, a
 *   second label of the field's own with a background, and a box in a closed shadow root no script can list (the
 *   renderer is asked again with the label hidden, and the field is still not visible);
 * - a secret field that a box's outline or box shadow paints over from outside the box is refused;
 * - label text that is in the DOM but not readable (font size 0, transparent, laid out off the page) names no field.
 *
 * Each trap variant is also checked to be the trap it claims (a control), so a refusal here means the engine caught
 * it, not that the fixture lost its trap.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { wordFinding } from '../../lib/credential/check-words';
import type { FillPlan, FillReport } from '../../lib/fill/types';
import { CONSOLE_ORIGINS, client, environment } from '../fixtures/environments';
import { consoleUrl } from '../fixtures/pages';
import { DEMO_SETTINGS, ExtensionPage, fillReportOf } from './extension-page';
import type { FixtureServer } from '../fixtures/server';
import { EXTENSION_DIR, expect, test, type LaunchedExtension, type Page } from './harness';

const EMPTY_CLOUDFLARE = { name: '', clientId: '', clientSecret: '', environmentId: '', pkceEnabled: false };
const devWebApp = client('dev', 'web-app');
/** The page-level refusal's reason for a page caught deceiving (lib/fill/index.ts). */
const DECEIVING = 'A page that hides what it fills or clicks may be capturing it; nothing was written.';

type FillGlobal = Record<string, (plan: FillPlan) => Promise<FillReport>>;

/** An extension page with `credentialText` in the vault; no self-hosted console is known (none is filled here). */
async function extensionPageWith(extension: LaunchedExtension, credentialText: string) {
  const extensionPage = await ExtensionPage.open(extension);
  await extensionPage.setSettings({ ...DEMO_SETTINGS, selfHosted: [] });
  await extensionPage.setCredential(credentialText);
  return extensionPage;
}

async function appState(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await page.getByTestId('app-state').textContent()) ?? 'null') as Record<string, unknown>;
}

async function domValues(page: Page): Promise<string[]> {
  return page.locator('input:not([type=checkbox]), textarea').evaluateAll((elements) => elements.map((element) => (element as HTMLInputElement).value));
}

test('a look-alike host (one.dash.cloudflare.com.evil.test) is not a console: the fill is refused and the page learns nothing', async ({
  extension,
  fixtures,
}) => {
  const extensionPage = await extensionPageWith(extension, fixtures.samples.webAppDevLines.text);
  const url = consoleUrl('cloudflare', undefined, CONSOLE_ORIGINS.lookalike);
  const { page, tabId } = await extensionPage.openConsole(url);
  await page.bringToFront();
  // The phishing copy reports its form to /collect from the start: the recorder is live.
  await expect.poll(() => fixtures.requestsTo('one.dash.cloudflare.com.evil.test').filter((request) => request.path === '/collect').length).toBeGreaterThan(0);

  const { response } = await extensionPage.fill(tabId);
  expect(response.ok).toBe(false);
  expect(!response.ok && response.error).toMatch(/not a console the extension can read|not a known console/);
  const { response: overridden } = await extensionPage.fill(tabId, { override: true });
  expect(overridden.ok).toBe(false);

  expect(await appState(page)).toEqual(EMPTY_CLOUDFLARE);
  expect(await domValues(page)).toEqual(['', '', '', '']);
  const collected = fixtures.requestsTo('one.dash.cloudflare.com.evil.test').map((request) => request.body).join('\n');
  expect(collected).not.toContain(devWebApp.clientSecret);
  expect(collected).not.toContain(devWebApp.clientId);
});

test('the engine itself refuses a page whose origin is not the plan’s (the built /fill.js, called directly on the look-alike)', async ({
  context,
  fixtures,
}) => {
  const page = await context.newPage();
  await page.goto(consoleUrl('cloudflare', undefined, CONSOLE_ORIGINS.lookalike));
  await page.getByTestId('app-state').waitFor();
  await page.addScriptTag({ content: await readFile(path.join(EXTENSION_DIR, 'fill.js'), 'utf8') });
  const plan: FillPlan = {
    consoleId: 'cloudflare',
    consoleName: 'Cloudflare Zero Trust',
    origin: CONSOLE_ORIGINS.cloudflare,
    fields: [{ key: 'clientSecret', label: 'Client Secret', control: 'text', value: devWebApp.clientSecret, secret: true, locate: { labels: ['Client Secret'] } }],
  };
  const report = await page.evaluate(
    (plan) => (globalThis as unknown as FillGlobal)['__pingoneConnectionHelperFill']!(plan),
    plan,
  );
  expect(report.refused).toBe(`Not filled: this page is ${CONSOLE_ORIGINS.lookalike}, not ${CONSOLE_ORIGINS.cloudflare}.`);
  expect(report.fields).toEqual([]);
  expect(await appState(page)).toEqual(EMPTY_CLOUDFLARE);
  expect(fixtures.requestsTo('one.dash.cloudflare.com.evil.test').map((request) => request.body).join('\n')).not.toContain(devWebApp.clientSecret);

  // Control: the same built engine, handed a plan for this very origin, does write here, so the refusal above is the
  // origin guard and not a broken script.
  const control = await page.evaluate(
    (plan) => (globalThis as unknown as FillGlobal)['__pingoneConnectionHelperFill']!(plan),
    { ...plan, origin: CONSOLE_ORIGINS.lookalike, fields: [{ ...plan.fields[0]!, value: 'not-a-secret' }] },
  );
  expect(control.fields[0]?.status).toBe('filled');
  expect((await appState(page)).clientSecret).toBe('not-a-secret');
});

test('?variant=iframe: the form in a cross-origin frame is never reached', async ({ extension, fixtures }) => {
  const extensionPage = await extensionPageWith(extension, fixtures.samples.webAppDevLines.text);
  const { page, tabId } = await extensionPage.openConsole(fixtures.consoleUrl('cloudflare', 'iframe'), { appStateInTopFrame: false });
  const frame = page.frameLocator('iframe[title="Add PingOne"]');
  await frame.getByTestId('app-state').waitFor();
  await page.bringToFront();

  const report = fillReportOf((await extensionPage.fill(tabId)).response);
  expect(report.fields.map((field) => [field.key, field.status])).toEqual([
    ['name', 'not-found'],
    ['clientId', 'not-found'],
    ['clientSecret', 'not-found'],
    ['environmentId', 'not-found'],
    ['pkce', 'absent'],
  ]);
  expect(JSON.parse((await frame.getByTestId('app-state').textContent()) ?? '')).toEqual(EMPTY_CLOUDFLARE);
  const collected = fixtures.requestsTo('evil.test').filter((request) => request.path === '/collect');
  expect(collected.length).toBeGreaterThan(0);
  expect(collected.map((request) => request.body).join('\n')).not.toContain(devWebApp.clientSecret);
});

/** A Cloudflare trap variant opened in a tab by the extension, the dev web app's credential filled as the popup does. */
async function fillVariant(extension: LaunchedExtension, fixtures: FixtureServer, variant: string) {
  const extensionPage = await extensionPageWith(extension, fixtures.samples.webAppDevLines.text);
  const { page, tabId } = await extensionPage.openConsole(fixtures.consoleUrl('cloudflare', variant));
  await page.bringToFront();
  const report = fillReportOf((await extensionPage.fill(tabId)).response);
  return { page, report };
}

const statuses = (report: FillReport) => Object.fromEntries(report.fields.map((field) => [field.key, field.status]));

/** The form was not submitted: every submit renders `submitted` (and Save's `saved-state`); the fill is over by now. */
async function expectNoSubmit(page: Page) {
  await expect(page.getByTestId('submitted')).toHaveCount(0);
  await expect(page.getByTestId('saved-state')).toHaveCount(0);
}

/** The Client Secret's box as drawn, and the element the hit test finds at its centre. */
function secretGeometry(page: Page) {
  return page.locator('#client-secret').evaluate((input) => {
    const box = input.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return { width: box.width, height: box.height, layoutWidth: (input as HTMLElement).offsetWidth, hitIsField: hit === input };
  });
}

/** Why the renderer's "not visible" stands when what is drawn over the field is found (lib/fill/guard.ts). */
const COVERED_OVER = 'covered by an element drawn over it';
/** Why it stands when the field is still not visible with its own label and the small things over it hidden. */
const UNEXPLAINED = 'covered by something script cannot see';
/** Why a secret field under a box's outline or shadow is refused. */
const PAINTED_OVER = 'painted over by an outline or shadow';

for (const [variant, reason] of [
  ['opacity', 'transparent (opacity 0.01)'],
  ['overlay', 'covered by another element'],
  ['filter-opacity', 'transparent (opacity 0)'],
  ['pointer-events-overlay', COVERED_OVER],
  ['floating-label-portal-overlay', COVERED_OVER],
  ['floating-label-pseudo-overlay', COVERED_OVER],
  // A second own label that draws another name: refused for its two names before anything is measured.
  ['floating-label-opaque-label', 'also labelled "leave a public comment" on the page'],
  ['floating-label-closed-overlay', UNEXPLAINED],
  ['outline-over', PAINTED_OVER],
  ['box-shadow-over', PAINTED_OVER],
] as const) {
  test(`?variant=${variant}: the Client Secret is ${reason}, so nothing at all is written`, async ({ extension, fixtures }) => {
    const { page, report } = await fillVariant(extension, fixtures, variant);
    expect(report.refused).toBe(`Not filled: Client Secret is ${reason}. ${DECEIVING}`);
    expect(report.fields.find((field) => field.key === 'clientSecret')).toMatchObject({ status: 'refused', reason });
    expect(report.fields.every((field) => field.status === 'refused')).toBe(true);
    expect(await appState(page)).toEqual(EMPTY_CLOUDFLARE);
    expect(await domValues(page)).toEqual(['', '', '', '']);
    expect(await page.getByLabel('PKCE').isChecked()).toBe(false);
    await expectNoSubmit(page);

    // Controls: the trap is one the older checks miss.
    if (variant === 'filter-opacity') {
      const style = await page.locator('#client-secret').evaluate((input) => {
        const field = getComputedStyle(input.closest('.field')!);
        return { filter: field.filter, opacity: field.opacity };
      });
      expect(style).toEqual({ filter: 'opacity(0)', opacity: '1' });
    }
    if (variant === 'pointer-events-overlay') {
      // The hit test at the field's centre finds the field itself, yet an opaque box is drawn over all of it.
      expect((await secretGeometry(page)).hitIsField).toBe(true);
      const [field, overlay] = await Promise.all([page.locator('#client-secret').boundingBox(), page.getByTestId('overlay').boundingBox()]);
      expect(overlay).toEqual(field);
      expect(await page.getByTestId('overlay').evaluate((box) => getComputedStyle(box).backgroundColor)).toBe('rgb(255, 255, 255)');
    }
    if (variant.startsWith('floating-label-')) {
      // The field's own label is drawn over it too (which alone would be let pass), and clicks reach the field.
      expect((await secretGeometry(page)).hitIsField).toBe(true);
      const [field, label] = await Promise.all([page.locator('#client-secret').boundingBox(), page.locator('label[for="client-secret"]').first().boundingBox()]);
      expect(label!.y).toBeLessThan(field!.y + field!.height);
      expect(label!.y + label!.height).toBeGreaterThan(field!.y);
    }
    if (variant === 'floating-label-portal-overlay') {
      // An opaque box, a child of <body>, over 70% of the field.
      const overlay = page.getByTestId('overlay');
      expect(await overlay.evaluate((box) => [box.parentElement === document.body, getComputedStyle(box).pointerEvents, getComputedStyle(box).backgroundColor])).toEqual([
        true,
        'none',
        'rgb(255, 255, 255)',
      ]);
      const [field, box] = await Promise.all([page.locator('#client-secret').boundingBox(), overlay.boundingBox()]);
      expect([box!.x, box!.y, box!.height]).toEqual([field!.x, field!.y, field!.height]);
      expect(box!.width / field!.width).toBeCloseTo(0.7);
    }
    if (variant === 'floating-label-opaque-label') {
      // The second label is one of the field's own labels, opaque, over all of it.
      const overlay = page.getByTestId('overlay');
      expect(await page.locator('#client-secret').evaluate((input) => (input as HTMLInputElement).labels!.length)).toBe(2);
      expect(await overlay.evaluate((label) => [(label as HTMLLabelElement).htmlFor, getComputedStyle(label).backgroundColor])).toEqual(['client-secret', 'rgb(255, 255, 255)']);
      const [field, box] = await Promise.all([page.locator('#client-secret').boundingBox(), overlay.boundingBox()]);
      expect(box).toEqual(field);
    }
    if (variant === 'floating-label-closed-overlay') {
      // The box's host is closed to script and has no height: nothing a script can list overlaps the field but its
      // label; what the renderer draws at the field's centre is the white box, not the field's own border or text.
      const host = page.getByTestId('closed-host');
      expect(await host.evaluate((element) => [element.shadowRoot, element.getBoundingClientRect().height])).toEqual([null, 0]);
      const field = (await page.locator('#client-secret').boundingBox())!;
      const pixels = await page.screenshot({ clip: { x: field.x, y: field.y, width: field.width, height: field.height } });
      const blank = await page.screenshot({ clip: { x: field.x, y: field.y, width: field.width, height: field.height }, style: '[data-testid=closed-host]{display:none}' });
      expect(pixels.equals(blank)).toBe(false);
    }
    if (variant === 'outline-over' || variant === 'box-shadow-over') {
      // The painter's own box is a thin strip inside the field's top, under 5% of it; its paint reaches 18px around.
      const [field, painter] = await Promise.all([page.locator('#client-secret').boundingBox(), page.getByTestId('painter').boundingBox()]);
      expect(painter!.y).toBeGreaterThanOrEqual(field!.y);
      expect((painter!.width * painter!.height) / (field!.width * field!.height)).toBeLessThan(0.05);
      const paint = await page.getByTestId('painter').evaluate((box) => {
        const style = getComputedStyle(box);
        return [style.outlineStyle === 'none' ? 'none' : style.outlineWidth, style.boxShadow];
      });
      expect(paint).toEqual(variant === 'outline-over' ? ['18px', 'none'] : ['none', 'rgb(255, 255, 255) 0px 0px 0px 18px']);
    }
    if (variant === 'floating-label-pseudo-overlay') {
      // The field's wrapper draws an opaque box over all of it as its ::after, an element no script can list.
      const after = await page.locator('#client-secret').evaluate((input) => {
        const style = getComputedStyle(input.parentElement!, '::after');
        return { content: style.content, position: style.position, inset: style.inset, background: style.backgroundColor, pointerEvents: style.pointerEvents };
      });
      expect(after).toEqual({ content: '"Leave a public comment"', position: 'absolute', inset: '0px', background: 'rgb(255, 255, 255)', pointerEvents: 'none' });
    }
  });
}

for (const [variant, how] of [
  ['label-text-font-size-0', ['fontSize', '0px']],
  ['label-text-transparent', ['color', 'rgba(0, 0, 0, 0)']],
  ['label-text-off-screen', ['left', '-9999px']],
] as const) {
  test(`?variant=${variant}: the Client Secret's label text is in the DOM but not readable, so it names no field and nothing secret is written`, async ({
    extension,
    fixtures,
  }) => {
    const { page, report } = await fillVariant(extension, fixtures, variant);
    expect(report.fields.find((field) => field.key === 'clientSecret')).toMatchObject({ status: 'not-found', reason: 'no such field on this page' });
    expect((await appState(page)).clientSecret).toBe('');
    await expect(page.locator('#client-secret')).toHaveValue('');
    await expectNoSubmit(page);
    // Control: the label holds "Client Secret" and checkVisibility calls it drawn; what a person reads is "Public comment".
    const label = page.locator('label[for="client-secret"]');
    const [property, value] = how;
    expect(
      await label.evaluate((element, property) => [element.textContent, element.checkVisibility({ visibilityProperty: true, opacityProperty: true }), getComputedStyle(element)[property]], property),
    ).toEqual(['Client Secret', true, value]);
    await expect(page.getByTestId('public-comment')).toBeVisible();
  });
}

test('?variant=scaled: the Client Secret drawn at 5% is too small to see, so it is refused and stays empty; the fields beside it are filled', async ({
  extension,
  fixtures,
}) => {
  const { page, report } = await fillVariant(extension, fixtures, 'scaled');
  expect(report.refused).toBeUndefined();
  expect(statuses(report)).toEqual({ name: 'filled', clientId: 'filled', clientSecret: 'refused', environmentId: 'filled', pkce: 'filled' });
  expect(report.fields.find((field) => field.key === 'clientSecret')?.reason).toBe('too small to see');
  const state = await appState(page);
  expect(state.clientSecret).toBe('');
  expect(state.clientId).toBe(devWebApp.clientId);
  await expect(page.locator('#client-secret')).toHaveValue('');
  await expectNoSubmit(page);
  // Control: laid out full width (what offsetWidth reports), drawn a few pixels high; the hit test still finds it.
  const geometry = await secretGeometry(page);
  expect(geometry.layoutWidth).toBeGreaterThan(200);
  expect(geometry.height).toBeLessThan(8);
  expect(geometry.hitIsField).toBe(true);
});

test('?variant=change-after-check: writing the Name fades the Client Secret out; the fill stops before the secret and puts back what it wrote', async ({
  extension,
  fixtures,
}) => {
  const { page, report } = await fillVariant(extension, fixtures, 'change-after-check');
  expect(report.refused).toBe(
    "Not filled: Client Secret changed during the fill (transparent (opacity 0)). The fill stopped and put back Name, Client ID, Environment ID, PKCE (the page's script may have read them).",
  );
  expect(report.fields.map((field) => [field.key, field.status, field.reason])).toEqual([
    ['name', 'refused', 'written, then put back'],
    ['clientId', 'refused', 'written, then put back'],
    ['clientSecret', 'refused', 'changed during the fill: transparent (opacity 0)'],
    ['environmentId', 'refused', 'written, then put back'],
    ['pkce', 'refused', 'written, then put back'],
  ]);
  expect(await appState(page)).toEqual(EMPTY_CLOUDFLARE);
  expect(await domValues(page)).toEqual(['', '', '', '']);
  await expectNoSubmit(page);

  // Control: the secret field is opaque until a Name is typed, as a person would.
  await page.reload();
  const secretOpacity = () => page.locator('#client-secret').evaluate((input) => getComputedStyle(input).opacity);
  expect(await secretOpacity()).toBe('1');
  await page.getByLabel('Name', { exact: true }).pressSequentially('A');
  await expect.poll(secretOpacity).toBe('0');
});

test('?variant=switch-in-submit: the PKCE switch sits in the submit button, so nothing is written, clicked or submitted', async ({ extension, fixtures }) => {
  const { page, report } = await fillVariant(extension, fixtures, 'switch-in-submit');
  expect(report.refused).toBe(`Not filled: PKCE is a toggle whose click would also press a button or link. ${DECEIVING}`);
  expect(report.fields.find((field) => field.key === 'pkce')).toMatchObject({ status: 'refused', reason: 'a toggle whose click would also press a button or link' });
  expect(await appState(page)).toEqual(EMPTY_CLOUDFLARE);
  expect(await domValues(page)).toEqual(['', '', '', '']);
  await expect(page.getByRole('switch', { name: 'PKCE' })).toHaveAttribute('aria-checked', 'false');
  await expectNoSubmit(page);

  // Control: a person's click on that switch does submit the form.
  await page.getByRole('switch', { name: 'PKCE' }).click();
  await expect(page.getByTestId('submitted')).toHaveText('Submitted once');
});

test('?variant=hidden-label-text: the "Public comment" decoy whose label hides "Client Secret" stays empty; the real Client Secret is filled', async ({
  extension,
  fixtures,
}) => {
  const { page, report } = await fillVariant(extension, fixtures, 'hidden-label-text');
  expect(report.refused).toBeUndefined();
  expect(statuses(report)).toEqual({ name: 'filled', clientId: 'filled', clientSecret: 'filled', environmentId: 'filled', pkce: 'filled' });
  const state = await appState(page);
  expect(state.publicComment).toBe('');
  expect(state.clientSecret).toBe(devWebApp.clientSecret);
  await expect(page.locator('#public-comment')).toHaveValue('');
  await expect(page.locator('#client-secret')).toHaveValue(devWebApp.clientSecret);
  await expectNoSubmit(page);

  // Control: the decoy's label does hold "Client Secret", in text that is not drawn, and the decoy is on screen.
  const label = page.locator('label[for="public-comment"]');
  expect(await label.evaluate((element) => [element.textContent, (element as HTMLElement).innerText])).toEqual(['Client Secret', '']);
  await expect(page.locator('#public-comment')).toBeVisible();
  await expect(page.getByTestId('public-comment')).toContainText('Public comment');
});

test('?variant=hidden-duplicate: the visible Client Secret is filled, the off-screen decoy named client_secret stays empty', async ({
  extension,
  fixtures,
}) => {
  const extensionPage = await extensionPageWith(extension, fixtures.samples.webAppDevLines.text);
  const { page, tabId } = await extensionPage.openConsole(fixtures.consoleUrl('cloudflare', 'hidden-duplicate'));
  await page.bringToFront();

  const report = fillReportOf((await extensionPage.fill(tabId)).response);
  expect(report.refused).toBeUndefined();
  expect(report.fields.find((field) => field.key === 'clientSecret')?.status).toBe('filled');
  const state = await appState(page);
  expect(state.clientSecret).toBe(devWebApp.clientSecret);
  expect(state.decoyClientSecret).toBe('');
  // The decoy exists as the fixture describes it: same name, same accessible name, off screen.
  const decoy = page.locator('input[name="client_secret"]:not([id])');
  await expect(decoy).toHaveAttribute('aria-label', 'Client Secret');
  await expect(decoy).toHaveValue('');
  await expect(page.locator('#client-secret')).toHaveValue(devWebApp.clientSecret);
});

test('a credential of the wrong kind is blocked by the checks, and stays unwritten even with override', async ({ extension, fixtures }) => {
  const gateway = fixtures.samples.gatewayDev.text;
  const extensionPage = await extensionPageWith(extension, gateway);
  const { page, tabId } = await extensionPage.openConsole(fixtures.consoleUrl('cloudflare'));
  await page.bringToFront();

  const { response: blocked } = await extensionPage.fill(tabId);
  expect(blocked.ok).toBe(false);
  const blockedBy = !blocked.ok ? (blocked.blockedBy ?? []) : [];
  expect(blockedBy.map((check) => check.id)).toContain('target.kind');
  // The background answers with the finding, and the popup words it with lib/credential/check-words.ts (the popup's
  // own wording of a refusal: environment-map.spec.ts and popup.spec.ts).
  const wrongKind = blockedBy.find((finding) => finding.id === 'target.kind');
  expect(wrongKind?.facts).toMatchObject({ console: 'Cloudflare Zero Trust', kind: 'gateway', accepts: ['oidc-app'] });
  expect(wrongKind && wordFinding(wrongKind).message).toBe('Cloudflare Zero Trust takes OIDC application credentials; this is a gateway credential.');

  // lib/background/fill-path.ts: the console's plan refuses the wrong kind, so the background answers without
  // injecting anything into the page.
  const { response: overridden } = await extensionPage.fill(tabId, { override: true });
  expect(overridden).toEqual({
    ok: false,
    error: 'Cloudflare Zero Trust takes OIDC application credentials; this is a gateway credential. Nothing was filled.',
  });

  expect(await appState(page)).toEqual(EMPTY_CLOUDFLARE);
  expect(await domValues(page)).toEqual(['', '', '', '']);
  // Not even the environment id, which the gateway credential does carry.
  expect(JSON.stringify(await appState(page))).not.toContain(environment('dev').id);
});
