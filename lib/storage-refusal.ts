/**
 * A storage write the browser refused, in the admin's words. Chrome rejects a write past an area's quota with
 * "Resource::kQuotaBytes quota exceeded" (storage.session and storage.local hold 10 MB each:
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-session); Firefox's words name it too.
 */
import { errorText } from './error-text';

export const isQuotaError = (error: unknown) => /quota/i.test(errorText(error));

/** For a "Not saved: …" line. */
export function savedNotText(error: unknown): string {
  return isQuotaError(error) ? `the browser's storage for this extension is full (${errorText(error)})` : errorText(error);
}
