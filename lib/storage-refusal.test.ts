import { describe, expect, it } from 'vitest';
import { keptHereOnlyText } from './kept-here';
import { savedNotText } from './storage-refusal';

describe('storage refusals in the admin’s words', () => {
  it('a full storage.session says the credential is kept in the popup only', () => {
    expect(keptHereOnlyText(new Error('Resource::kQuotaBytes quota exceeded'))).toBe(
      "Kept in this popup only: the browser's session storage is full; it will be gone when the popup closes.",
    );
  });

  it('another refusal is named, not called a full storage', () => {
    expect(keptHereOnlyText(new Error('IO error'))).toBe(
      "Kept in this popup only: the browser's session storage refused it (IO error); it will be gone when the popup closes.",
    );
  });

  it('a full storage.local is said plainly, with the browser’s own words', () => {
    expect(savedNotText(new Error('Resource::kQuotaBytes quota exceeded'))).toBe(
      "the browser's storage for this extension is full (Resource::kQuotaBytes quota exceeded)",
    );
    expect(savedNotText(new Error('IO error'))).toBe('IO error');
  });
});
