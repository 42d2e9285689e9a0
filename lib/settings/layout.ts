/**
 * How the settings lie in `storage.local`: one key per tenant row, so a page that needs the row at one origin (the
 * popup, the toolbar) reads that row and not a team's whole map.
 * - `settings`: everything but the rows (preferences, self-hosted origins, fill history, picked fields);
 * - `tenant-origins`: the map's origins in the admin's order;
 * - `tenant:<origin>`: the row at that origin.
 * A `settings` value that still holds `tenants` is the single-value layout every build wrote before this one (and
 * what a test may still write): it is read as it is, whole, and the next write moves its rows to their own keys.
 */
import type { Settings } from './model';
import { isRecord } from './repair';

export const SETTINGS_KEY = 'settings';
export const ORIGINS_KEY = 'tenant-origins';
const ROW_PREFIX = 'tenant:';

export function rowKey(origin: string): string {
  return `${ROW_PREFIX}${origin}`;
}

/** Whether a storage.onChanged change names a key of the settings. */
export function isSettingsKey(key: string): boolean {
  return key === SETTINGS_KEY || key === ORIGINS_KEY || key.startsWith(ROW_PREFIX);
}

/** Whether the stored `settings` value still carries the rows itself (the single-value layout). */
export function holdsRows(stored: unknown): stored is Record<string, unknown> {
  return isRecord(stored) && 'tenants' in stored;
}

/**
 * What repair.ts reads, put together from every stored item (`storage.local.get(null)`): the single-value layout as
 * it is, else `settings` with the rows its origin list names, in that order. A row key no origin names is a leftover
 * of a write cut short and is not read; an origin without its row is left for the repair to drop, with a notice.
 */
export function storedSettings(items: Record<string, unknown>): unknown {
  const stored = items[SETTINGS_KEY];
  const origins = items[ORIGINS_KEY];
  const rows = Array.isArray(origins) ? origins.map((origin) => (typeof origin === 'string' ? items[rowKey(origin)] : origin)) : origins;
  if (holdsRows(stored)) return withRowsItLacks(stored, Array.isArray(rows) ? rows : []);
  // No origin list: nothing stored yet, or a `settings` value alone; repair.ts reads it as it is.
  if (origins === undefined) return stored;
  // Rows whose `settings` value was lost or spoilt are still the admin's map: kept, with defaults for the rest.
  return { ...(isRecord(stored) ? stored : {}), tenants: rows };
}

/**
 * Both layouts at once: a build older than this one wrote its single value over a map already moved to row keys (the
 * extension downgraded, then updated again). Its rows first, then the moved rows at origins it does not name, so the
 * next write, which removes every row key it does not keep, loses nothing the admin mapped.
 */
function withRowsItLacks(stored: Record<string, unknown>, moved: unknown[]): Record<string, unknown> {
  const own = Array.isArray(stored.tenants) ? stored.tenants : [];
  const named = new Set(own.map((row) => (isRecord(row) ? row.origin : undefined)));
  const lacking = moved.filter((row) => isRecord(row) && !named.has(row.origin));
  return lacking.length ? { ...stored, tenants: [...own, ...lacking] } : stored;
}

/**
 * The writes that make storage hold `next` (already validated), given what it holds now (`current`, every item):
 * the items to set, only the rows whose stored JSON differs, and the row keys to remove afterwards. Set goes first:
 * a reader between the two sees the new origin list, which names none of the keys still to remove, and those keys
 * emptied (null).
 */
export function writesFor(next: Settings, current: Record<string, unknown>): { set: Record<string, unknown>; remove: string[] } {
  const { tenants, ...rest } = next;
  const set: Record<string, unknown> = { [SETTINGS_KEY]: rest, [ORIGINS_KEY]: tenants.map((row) => row.origin) };
  const kept = new Set<string>();
  for (const row of tenants) {
    const key = rowKey(row.origin);
    kept.add(key);
    if (JSON.stringify(current[key]) !== JSON.stringify(row)) set[key] = row;
  }
  const remove = Object.keys(current).filter((key) => key.startsWith(ROW_PREFIX) && !kept.has(key));
  // Emptied in the same set as the new origin list, then removed: a one-row read (storedSettingsAt, which sees no
  // origin list) never finds a row the map has dropped, also after a write cut short between the two.
  for (const key of remove) set[key] = null;
  return { set, remove };
}

/**
 * What repair.ts reads from `storage.local.get([SETTINGS_KEY, rowKey(origin)])`: `settings` with the row at `origin`
 * only (none when it has none), or the single-value layout whole.
 */
export function storedSettingsAt(items: Record<string, unknown>, origin: string | undefined): unknown {
  const stored = items[SETTINGS_KEY];
  if (holdsRows(stored) || !isRecord(stored)) return stored;
  const row = origin === undefined ? undefined : items[rowKey(origin)];
  // null: a row the map dropped, its key not yet removed (writesFor).
  return { ...stored, tenants: row === undefined || row === null ? [] : [row] };
}
