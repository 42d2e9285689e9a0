/** Options' test for a settings change it made itself: only that page needs it, so it lives apart from ./layout.ts. */
import type { Settings } from './model';
import { isSettingsKey, writesFor } from './layout';

/**
 * Whether storage changes (storage.onChanged's, area `local`) bring nothing `settings` does not already hold: a page's
 * own write coming back to it, which it need not load again (the event fires in the writing page too). A dropped
 * row's key emptied (null) before its removal is as absent as removed.
 */
export function bringsNothingNew(settings: Settings, changes: Record<string, { newValue?: unknown }>): boolean {
  const held = writesFor(settings, {}).set;
  return Object.entries(changes).every(([key, change]) => !isSettingsKey(key) || JSON.stringify(change.newValue ?? undefined) === JSON.stringify(held[key]));
}
