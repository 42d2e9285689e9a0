/**
 * What the popup says when storage.session refused what it shows: the credential or a test's report lives in the open
 * popup only, and nowhere else (./storage-refusal.ts tells a full quota from another refusal).
 */
import { errorText } from './error-text';
import { isQuotaError } from './storage-refusal';

export function keptHereOnlyText(error: unknown): string {
  const why = isQuotaError(error) ? 'is full' : `refused it (${errorText(error)})`;
  return `Kept in this popup only: the browser's session storage ${why}; it will be gone when the popup closes.`;
}

export const REPORT_NOT_KEPT = "This test's report is kept in this popup only: the browser's session storage refused it.";

/** Fill and Test connection read the vault in the background, which does not hold a credential kept here only. */
export const NOT_IN_VAULT = 'Kept in this popup only, so the background cannot use it: free session storage, then paste again.';
