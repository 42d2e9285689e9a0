/**
 * The harness itself, proven: the built extension loads, its service worker reaches the fake PingOne at the real host
 * name over HTTPS, scripts run on the look-alike consoles at their real host names, and the React and Vue consoles
 * take values only through real input events (so every later fill test is meaningful).
 */
import { environment } from '../fixtures/environments';
import { CONSOLE_PAGES } from '../fixtures/console-pages';
import { expect, test } from './harness';

test('the popup renders from the built extension', async ({ popup }) => {
  await popup.openInTab();
  await expect(popup.page.getByRole('heading', { name: 'PingOne Connection Helper' })).toBeVisible();
  await expect(popup.credential).toBeEditable();
});

test('the service worker reaches the fake PingOne at auth.pingone.com over HTTPS', async ({ serviceWorker, fixtures }) => {
  const dev = environment('dev');
  const url = `https://auth.pingone.com/${dev.id}/as/.well-known/openid-configuration`;
  const discovery = await serviceWorker.evaluate(async (target) => {
    const response = await fetch(target);
    return { status: response.status, body: (await response.json()) as { issuer?: string } };
  }, url);
  expect(discovery.status).toBe(200);
  expect(discovery.body.issuer).toBe(`https://auth.pingone.com/${dev.id}/as`);
  expect(fixtures.requestsTo('auth.pingone.com').some((request) => request.path.includes('openid-configuration'))).toBe(true);
});

test('an injected script runs on the look-alike Cloudflare console at its real host name', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(CONSOLE_PAGES.cloudflare);
  const seen = await serviceWorker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    const [result] = await chrome.scripting.executeScript({
      target: { tabId: tab!.id! },
      func: () => ({ host: location.host, title: document.title }),
    });
    return result?.result;
  }, page.url());
  expect(seen?.host).toBe('one.dash.cloudflare.com');
});

for (const console of [
  { name: 'Cloudflare (React, controlled inputs)', url: () => CONSOLE_PAGES.cloudflare, open: async () => {} },
  {
    name: 'Advanced Identity Cloud (Vue, v-model)',
    url: () => CONSOLE_PAGES.aic,
    open: async (page: import('@playwright/test').Page) => {
      await page.getByRole('button', { name: 'Add PingOne Integration' }).click();
    },
  },
]) {
  test(`${console.name}: setting .value alone does not reach app state; typing does`, async ({ context }) => {
    const page = await context.newPage();
    await page.goto(console.url());
    await console.open(page);
    const field = page.getByLabel(/^(Name|Credential)$/).first();
    const saved = page.getByTestId('saved-state');

    // DOM-only write: the framework never hears of it.
    await field.evaluate((element: HTMLInputElement | HTMLTextAreaElement) => {
      element.value = 'dom-only-value';
    });
    const stateAfterDomWrite = await page.evaluate(() => document.querySelector('[data-testid="app-state"]')?.textContent ?? '');
    expect(stateAfterDomWrite).not.toContain('dom-only-value');

    // Real typing: input events reach the framework's state.
    await field.fill('');
    await field.pressSequentially('typed-value');
    await expect(page.getByTestId('app-state')).toContainText('typed-value');
    void saved;
  });
}
