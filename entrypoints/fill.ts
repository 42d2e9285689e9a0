/**
 * `/fill.js`: injected by the background into a console tab's top frame only (lib/background/fill-path.ts), where it
 * exposes the fill engine under FILL_GLOBAL for the background's next executeScript call, which passes the plan.
 * The engine returns a promise (it waits a frame for the renderer's verdict); executeScript resolves it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { FILL_GLOBAL, fillPage } from '../lib/fill';

export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, typeof fillPage>)[FILL_GLOBAL] = fillPage;
});
