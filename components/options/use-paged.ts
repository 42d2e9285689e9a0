/**
 * A long list drawn a page at a time: a map of thousands of tenants would otherwise put thousands of rows in the DOM at
 * once. `more` draws the next page (absent when all are drawn); `hidden` is how many are not drawn yet.
 */
import { useState } from 'preact/hooks';

export function usePaged<T>(items: readonly T[], page: number): { shown: readonly T[]; hidden: number; more?: () => void } {
  const [limit, setLimit] = useState(page);
  const hidden = Math.max(0, items.length - limit);
  return { shown: items.slice(0, limit), hidden, ...(hidden > 0 ? { more: () => setLimit(limit + page) } : {}) };
}
