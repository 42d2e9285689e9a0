/**
 * What only Firefox's build does, proven in Firefox: the vault in storage.session (never storage.local), and the
 * toolbar popup opened by browserAction.openPopup (Firefox's MV2 name for action.openPopup) at its real size.
 */
import { VAULT_KEY } from '../../../lib/vault';
import { expect, test } from './harness';

/** An extension page's window as extension.getViews returns it. */
type PopupView = { innerWidth: number; innerHeight: number; document: Document };
type WebExtensionGlobal = { browser: Omit<typeof chrome, 'extension'> & { browserAction: { openPopup(): Promise<void> }; extension: { getViews(filter: { type: string }): PopupView[] } } };

test('the pasted credential lives in storage.session, which Firefox supports, and never in storage.local', async ({ firefox }) => {
  const text = firefox.fixtures.samples.productDev.text;
  const popup = await firefox.openPopup();
  await popup.paste(text);
  await expect.poll(() => firefox.inExtension(async (key) => (await (globalThis as unknown as WebExtensionGlobal).browser.storage.session.get(key))[key], VAULT_KEY)).toBe(text);
  const local = await firefox.inExtension(async () => JSON.stringify(await (globalThis as unknown as WebExtensionGlobal).browser.storage.local.get(null)), undefined);
  expect(local).not.toContain(text.split('.')[1]!);
});

test('browserAction.openPopup opens the real toolbar popup, drawn at its own size', async ({ firefox }) => {
  const opened = await firefox.inExtension(async () => {
    const { browser } = globalThis as unknown as WebExtensionGlobal;
    const before = browser.extension.getViews({ type: 'popup' }).length;
    const result = await browser.browserAction.openPopup().then(
      () => 'resolved',
      (error: unknown) => `rejected: ${String(error)}`,
    );
    const popupView = () => browser.extension.getViews({ type: 'popup' })[0];
    // The view exists at once; Preact draws the popup into it a moment later.
    for (let waited = 0; waited < 10_000 && !popupView()?.document.querySelector('#credential'); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    const view = popupView();
    return {
      before,
      result,
      popups: browser.extension.getViews({ type: 'popup' }).length,
      credentialBox: !!view?.document.querySelector('#credential'),
      width: view?.innerWidth,
      height: view?.innerHeight,
      horizontalScroll: view ? view.document.documentElement.scrollWidth > view.innerWidth : undefined,
    };
  }, undefined);
  console.log('browserAction.openPopup in Firefox:', JSON.stringify(opened));
  expect(opened).toMatchObject({ before: 0, result: 'resolved', popups: 1, credentialBox: true, horizontalScroll: false });
  // The popup's own 400 px width (components/popup/popup.css), not a tab's.
  expect(opened.width).toBe(400);
  expect(opened.height).toBeGreaterThan(100);
});
