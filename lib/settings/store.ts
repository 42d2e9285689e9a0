/**
 * Settings in `storage.local`, each tenant row under its own key (./layout.ts). NOTHING SECRET EVER: the schemas are
 * strict about what is written (unknown keys refused on save and import). Loading never throws (see ./repair.ts);
 * every write holds one lock, so the background, the popup and the options page never overwrite each other's change.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from './model';
import { repairSettings } from './repair';
import { newestFirst } from './tenants';
import { issuesOf, settingsSchema } from './schema';
import { errorText } from '../error-text';
import { holdsRows, isSettingsKey, rowKey, SETTINGS_KEY, storedSettings, storedSettingsAt, writesFor } from './layout';

type Loaded = { settings: Settings; notice?: string };

function unreadable(error: unknown): Loaded {
  return {
    settings: structuredClone(DEFAULT_SETTINGS),
    notice: `Settings could not be read from browser storage (${errorText(error)}); defaults are in use.`,
  };
}

/** Every stored item: the settings are all this extension keeps in storage.local. */
function readAll(): Promise<Record<string, unknown>> {
  return browser.storage.local.get(null) as Promise<Record<string, unknown>>;
}

/**
 * The admin's own settings as stored, the whole map: what Options edits and every write starts from. What the checks
 * and the fill gate act on adds the organisation's policy: ./managed.ts loadSettingsWithPolicy.
 */
export async function loadSettings(): Promise<Loaded> {
  let items: Record<string, unknown>;
  try {
    items = await readAll();
  } catch (error) {
    return unreadable(error);
  }
  return repairSettings(storedSettings(items));
}

/**
 * The admin's own settings with only the row at `origin` in `tenants` (none when it has none, or no origin is
 * given): two keys read, whatever the map's size. `whole`: the stored value was the single-value layout, so every
 * row is there (./layout.ts). What the popup and the toolbar need: ./managed.ts loadSettingsFor.
 */
export async function loadSettingsAt(origin: string | undefined): Promise<Loaded & { whole: boolean }> {
  let items: Record<string, unknown>;
  try {
    items = (await browser.storage.local.get(origin === undefined ? [SETTINGS_KEY] : [SETTINGS_KEY, rowKey(origin)])) as Record<string, unknown>;
  } catch (error) {
    return { ...unreadable(error), whole: false };
  }
  return { ...repairSettings(storedSettingsAt(items, origin)), whole: holdsRows(items[SETTINGS_KEY]) };
}


/**
 * The Web Locks name every settings write holds. Exported for the end-to-end test that proves an options page waits
 * while the service worker holds it.
 */
export const SETTINGS_LOCK = 'pingone-connection-helper/settings';

let writesInThisContext: Promise<unknown> = Promise.resolve();

/**
 * Runs `write` while no other settings write of this extension runs. storage.local has no transactions, so a
 * read-change-write from the background (a fill record) and one from the options page (an edited tenant) could both
 * read the same value and the later write would drop the other's change. The background, the popup and the options
 * page share one origin, and Web Locks are per origin (MDN "Web Locks API": Chrome 69, Firefox 96, in windows and
 * workers), so the lock serialises them all: what a write reads is what is stored when it writes.
 * No revision counter: with the lock there is nothing left for compare-and-retry to catch, and without it
 * storage.local offers no atomic compare to build one on. Residual window: a write that bypasses this module
 * (DevTools, say); nothing in this extension does. Where Web Locks are missing (happy-dom and Node in unit tests),
 * writes still queue within the one context.
 */
async function exclusively<T>(write: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator.locks ?? undefined);
  // lib.dom types `request` as resolving to the callback's own return value, here a promise; it resolves to T.
  if (locks) return locks.request(SETTINGS_LOCK, write);
  const queued = writesInThisContext.then(write);
  writesInThisContext = queued.catch(() => undefined);
  return queued;
}

function checkedForStorage(settings: Settings): Settings {
  const result = settingsSchema.safeParse(settings);
  if (!result.success) {
    const first = issuesOf(result.error)[0];
    throw new TypeError(`saveSettings: invalid settings at ${first?.path}: ${first?.message}`);
  }
  return { ...result.data, uses: newestFirst(result.data.uses) };
}

/**
 * Validates before writing with strict schemas, so a stray field (say, a credential passed by mistake) is refused
 * rather than stored, and so is a second row for one origin. Invalid settings are a programming error: this rejects
 * and writes nothing. Replaces whatever is stored: to change settings, use updateSettings.
 */
export async function saveSettings(settings: Settings): Promise<void> {
  const checked = checkedForStorage(settings);
  return exclusively(async () => store(checked, await readAll()));
}

/** Makes storage hold `next`, given every item it holds now (`current`): see ./layout.ts writesFor. */
async function store(next: Settings, current: Record<string, unknown>): Promise<void> {
  const { set, remove } = writesFor(next, current);
  await browser.storage.local.set(set);
  if (remove.length > 0) await browser.storage.local.remove(remove);
}

/**
 * Applies `change` to the settings as stored at this moment and stores the result, holding the settings lock from
 * the read to the write (see `exclusively`), so a change made meanwhile by another page or the background is never
 * overwritten. `change` must be synchronous: nothing else may be awaited while the lock is held.
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return exclusively(async () => {
    const current = await readAll();
    const next = checkedForStorage(change(repairSettings(storedSettings(current)).settings));
    await store(next, current);
    return next;
  });
}

/**
 * Moves a map still stored as one value (every build before the row keys wrote it so) to its row keys, so the popup
 * of an installed admin reads one row from the first open. Only a value that loads without a repair is moved: a
 * repaired one keeps its notice until the admin's next change stores it (./repair.ts).
 */
export function moveRowsToOwnKeys(): Promise<void> {
  return exclusively(async () => {
    const current = await readAll();
    if (!holdsRows(current[SETTINGS_KEY])) return;
    const loaded = repairSettings(storedSettings(current));
    if (loaded.notice === undefined) await store(checkedForStorage(loaded.settings), current);
  });
}

/**
 * Calls back whenever another page changes the settings or the organisation changes its policy (area `managed`,
 * https://developer.chrome.com/docs/extensions/reference/api/storage#event-onChanged); each caller loads what it
 * shows (own settings, or with the policy). `changes`: the settings keys' changes, absent for a policy change.
 * Returns the unsubscribe.
 */
export function watchSettings(onChange: (changes?: Record<string, { newValue?: unknown }>) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'managed') onChange();
    else if (area === 'local' && Object.keys(changes).some(isSettingsKey)) onChange(changes);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
