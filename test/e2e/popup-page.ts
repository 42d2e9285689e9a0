/**
 * Page object for the popup. Two ways in:
 * - `openInTab()`: popup.html in an ordinary tab, for what does not depend on the active tab;
 * - `openOver(page)`: the REAL toolbar popup over a console tab, the admin's actual flow. `action.openPopup()` opens it
 *   and the DevTools protocol reaches it (test/README.md: Playwright's persistent context does not list it);
 * - `attach()`: the real toolbar popup the extension opened by itself, reached the same way.
 */
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import type { LaunchedExtension } from './harness';

export class PopupPage {
  private cdp?: Browser;
  page!: Page;

  constructor(private readonly extension: LaunchedExtension) {}

  get url() {
    return `chrome-extension://${this.extension.extensionId}/popup.html`;
  }

  async openInTab(): Promise<this> {
    this.page = await this.extension.context.newPage();
    await this.page.goto(this.url);
    await this.ready();
    return this;
  }

  /**
   * Wait for the script to have taken over popup.html's own empty state: before it, the box is the page's static one,
   * and what a test types there is what the admin types before the script runs (read once, at start). The footer is
   * drawn by the app only.
   */
  private async ready() {
    // Or the popup's own "could not start" alert (entrypoints/popup/main.tsx): then the test fails saying so.
    const started = this.page.locator('.footer, p.alert:has-text("could not start")').first();
    await started.waitFor({ state: 'attached', timeout: 20_000 });
    if (!(await this.page.locator('.footer').count())) throw new Error(`the popup did not start: ${await started.textContent()}`);
  }

  async openOver(consolePage: Page): Promise<this> {
    await consolePage.bringToFront();
    await this.extension.serviceWorker.evaluate(() => chrome.action.openPopup());
    return this.attach();
  }

  /** Reach the toolbar popup the extension itself opened (the context menu's "Inspect as PingOne credential"). */
  async attach(): Promise<this> {
    const deadline = Date.now() + 10_000;
    // A DevTools connection made before the popup exists never lists it (test/README.md): wait for the browser to have it.
    const popupOpen = () => this.extension.serviceWorker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['POPUP'] })).length > 0);
    while (!(await popupOpen())) {
      if (Date.now() > deadline) throw new Error('the toolbar popup did not open');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.cdp ??= await chromium.connectOverCDP(`http://127.0.0.1:${this.extension.debuggingPort}`);
    for (;;) {
      const found = this.cdp.contexts().flatMap((context) => context.pages()).find((page) => page.url() === this.url);
      if (found) {
        this.page = found;
        break;
      }
      if (Date.now() > deadline) throw new Error('the toolbar popup did not open');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await this.ready();
    return this;
  }

  /** Close the popup (as clicking away does) and forget the DevTools connection. */
  async close() {
    await this.page?.close();
    await this.cdp?.close();
    this.cdp = undefined;
  }

  /** The Credential box, also while it is folded to one line (its value is still there). */
  get credential(): Locator {
    return this.page.getByRole('textbox', { name: 'Credential', includeHidden: true });
  }

  /** The checks of the vault's credential: errors and warnings in view, passed and notes folded (the verdict line is apart). */
  get checks(): Locator {
    return this.page.locator('section#checks');
  }

  /** Open a folded section as the admin does, by its summary line; one left open stays open. */
  async open(summary: string | RegExp) {
    const details = this.page.locator('details').filter({ has: this.page.locator('summary', { hasText: summary }) }).first();
    if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
      await details.locator('summary').first().click();
    }
  }

  /** The checks with the passed ones and notes opened. */
  async allChecks(): Promise<Locator> {
    await this.checks.waitFor();
    const more = this.checks.locator('details.checks-more > summary');
    if (await more.count()) await this.open(/passed|note/);
    return this.checks;
  }

  /** A value of the console's form (Connection name, Description, Extra scopes), in its folded "Fill with" section. */
  async fillOption(label: string): Promise<Locator> {
    await this.open(/^Fill with/);
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  /** A secret of the credential (its Copy and Reveal), in the folded "Credential details" section. */
  async secret(label: string): Promise<Locator> {
    await this.open('Credential details');
    return this.page.getByRole('group', { name: label, exact: true });
  }

  get claims(): Locator {
    return this.page.getByRole('table', { name: 'Claims' });
  }

  button(name: string | RegExp, exact?: boolean): Locator {
    return this.page.getByRole('button', { name, exact });
  }

  /** As the admin pastes: a box folded on a credential is opened with "Change" first. */
  async paste(text: string) {
    const change = this.button('Change', true);
    if (await change.isVisible()) await change.click();
    await this.credential.fill(text);
  }
}
