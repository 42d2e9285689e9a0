/**
 * What the admin is told when the browser refuses a storage write. Chrome rejects a write past an area's quota with
 * "Resource::kQuotaBytes quota exceeded" (storage.session and storage.local hold 10 MB each:
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-session); Firefox's words differ but
 * name the quota too.
 */
import { errorText } from './error-text';

export function isQuotaError(error: unknown): boolean {
  return /quota/i.test(errorText(error));
}

/** The credential could not be kept in storage.session: it lives in the open popup only, and nowhere else. */
export function keptHereOnlyText(error: unknown): string {
  return isQuotaError(error)
    ? "Kept in this popup only: the browser's session storage is full; it will be gone when the popup closes."
    : `Kept in this popup only: the browser's session storage refused it (${errorText(error)}); it will be gone when the popup closes.`;
}

export const REPORT_NOT_KEPT =
  "This test's report is kept in this popup only: the browser's session storage refused it; it will be gone when the popup closes.";

/** Fill and Test connection read the vault in the background, which does not hold a credential kept in the popup only. */
export const NOT_IN_VAULT = 'The background cannot read a credential kept in this popup only: free some session storage, then paste it again.';

/** A settings write the browser refused, for a "Not saved: …" line. */
export function savedNotText(error: unknown): string {
  return isQuotaError(error)
    ? `the browser's storage for this extension is full (${errorText(error)})`
    : errorText(error);
}
