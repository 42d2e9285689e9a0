/**
 * The extension's icon sizes and where the manifest names them. The PNGs are rendered from icon.svg at build time
 * (render-icon.ts, called from wxt.config.ts), so no drawing is kept twice.
 */

/**
 * 16/32 the toolbar (1x/2x), 48 the extensions page, 128 the Chrome Web Store and the install dialog
 * (https://developer.chrome.com/docs/extensions/reference/manifest/icons); 48 and 96 Firefox's add-ons manager at 1x/2x
 * (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/manifest.json/icons).
 */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
/** The toolbar button's sizes (https://developer.chrome.com/docs/extensions/reference/api/action#icon). */
export const TOOLBAR_ICON_SIZES = [16, 32] as const;

export const iconPath = (size: number) => `icon/${size}.png`;

export function iconMap(sizes: readonly number[]): Record<string, string> {
  return Object.fromEntries(sizes.map((size) => [String(size), iconPath(size)]));
}
