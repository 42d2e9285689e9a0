/**
 * Whatever is found under the `settings` key, made into valid settings: repaired field by field, migrated from older
 * versions.
 *
 * Versions:
 * - 1 (current): `Settings` in ./model.ts.
 * - 0 (legacy): the first prototype's shape, kept so the migration path exists and is tested before a real
 *   version 2 needs it. No released build wrote it. Recognised by `version: 0`, or by no `version` and an
 *   `environmentMap` or `consoleOrigins` key:
 *   `{ version?: 0, environmentMap: { origin, console, tier: 'dev'|'uat'|'staging'|'prod'|'sandbox', name?,
 *      environmentId, environmentName?, region? }[], consoleOrigins: { origin, console }[],
 *      autoClearMinutes: number, pasteOnOpen: boolean }` (no fill history).
 *
 * Loading never throws: a corrupt object is repaired field by field (bad rows dropped, bad values reset to their
 * default) and anything unreadable is reset, each time with a `notice` the UI shows. Loading does not write back:
 * the repaired object is stored on the next change, so the notice stays visible until then.
 */
import * as z from 'zod/mini';
import { DEFAULT_IDLE_CLEAR_MINUTES, DEFAULT_SETTINGS, MAX_PICKED, MAX_SELF_HOSTED, MAX_TENANTS, type Settings, type Tier } from './model';
import {
  idleClearSchema,
  issuesOf,
  pickedFormSchema,
  readClipboardSchema,
  selfHostedSchema,
  storedPickedFormSchema,
  storedSelfHostedSchema,
  storedTenantSchema,
  storedUseSchema,
  tenantSchema,
  useSchema,
} from './schema';
import { defaultLabel, newestFirst } from './tenants';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/**
 * Keeps each row that validates (without its unknown fields) and the first of rows sharing an origin; says what it
 * dropped. Notes name paths and rules, never values: a corrupt row might hold anything.
 */
function repairRows<T extends { origin: string }>(
  field: string,
  value: unknown,
  schemas: { strict: z.ZodMiniType<T>; stored: z.ZodMiniType<T> },
  notes: string[],
  { unique }: { unique: boolean },
): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    notes.push(`${field} was ${describe(value)}, not a list, and was emptied`);
    return [];
  }
  const kept: T[] = [];
  // The origins kept so far: one lookup per row, where a scan of the kept rows cost 2 million compares at 2,000 rows.
  const origins = new Set<string>();
  const dropped: string[] = [];
  const cleaned: string[] = [];
  value.forEach((row, index) => {
    const strict = schemas.strict.safeParse(row);
    const result = strict.success ? strict : schemas.stored.safeParse(row);
    if (!result.success) {
      const first = issuesOf(result.error, [field, index])[0];
      dropped.push(first ? `${first.path}: ${first.message}` : `${field}[${index}]`);
    } else if (unique && origins.has(result.data.origin)) {
      dropped.push(`${field}[${index}]: a second entry for ${result.data.origin}`);
    } else {
      kept.push(result.data);
      origins.add(result.data.origin);
      if (!strict.success) cleaned.push(...issuesOf(strict.error, [field, index]).map((issue) => issue.path));
    }
  });
  if (dropped.length > 0) {
    const rows = dropped.length === 1 ? 'entry was' : 'entries were';
    notes.push(`${field}: ${dropped.length} ${rows} dropped (${dropped.join('; ')})`);
  }
  if (cleaned.length > 0) notes.push(`unknown fields were removed (${cleaned.join(', ')})`);
  return kept;
}

function repairValue<T>(field: string, value: unknown, schema: z.ZodMiniType<T>, fallback: T, notes: string[]): T {
  if (value === undefined) return fallback;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  notes.push(`${field} (${issuesOf(result.error)[0]?.message ?? 'invalid'}) was reset to ${JSON.stringify(fallback)}`);
  return fallback;
}

/** Reads a version-1-shaped object field by field. */
function repairVersion1(raw: Record<string, unknown>, notes: string[]): Settings {
  const tenants = repairRows('tenants', raw.tenants, { strict: tenantSchema, stored: storedTenantSchema }, notes, { unique: true });
  const selfHosted = repairRows('selfHosted', raw.selfHosted, { strict: selfHostedSchema, stored: storedSelfHostedSchema }, notes, {
    unique: true,
  });
  const uses = repairRows('uses', raw.uses, { strict: useSchema, stored: storedUseSchema }, notes, { unique: false });
  const picked = repairRows('picked', raw.picked, { strict: pickedFormSchema, stored: storedPickedFormSchema }, notes, { unique: true });
  const unknown = Object.keys(raw).filter((key) => !(key in DEFAULT_SETTINGS));
  if (unknown.length > 0) notes.push(`unknown fields were removed (${unknown.join(', ')})`);
  if (tenants.length > MAX_TENANTS) notes.push(`only the first ${MAX_TENANTS} tenants were kept`);
  if (selfHosted.length > MAX_SELF_HOSTED) notes.push(`only the first ${MAX_SELF_HOSTED} console origins were kept`);
  if (picked.length > MAX_PICKED) notes.push(`only the first ${MAX_PICKED} picked forms were kept`);
  return {
    version: 1,
    tenants: tenants.slice(0, MAX_TENANTS),
    selfHosted: selfHosted.slice(0, MAX_SELF_HOSTED),
    idleClearMinutes: repairValue('idleClearMinutes', raw.idleClearMinutes, idleClearSchema, DEFAULT_IDLE_CLEAR_MINUTES, notes),
    readClipboardOnOpen: repairValue('readClipboardOnOpen', raw.readClipboardOnOpen, readClipboardSchema, false, notes),
    uses: newestFirst(uses),
    picked: picked.slice(0, MAX_PICKED),
  };
}

const LEGACY_TIERS: Readonly<Record<string, Tier>> = {
  dev: 'development',
  uat: 'uat',
  staging: 'staging',
  prod: 'production',
  sandbox: 'sandbox',
};

function isLegacy(raw: Record<string, unknown>): boolean {
  return raw.version === 0 || (raw.version === undefined && ('environmentMap' in raw || 'consoleOrigins' in raw));
}

/** Version 0 -> 1 (see the header). Rows are only renamed here; repairVersion1 then validates them. */
function migrateVersion0(raw: Record<string, unknown>): Record<string, unknown> {
  const tenants = raw.environmentMap;
  const origins = raw.consoleOrigins;
  return {
    version: 1,
    tenants: Array.isArray(tenants)
      ? tenants.map((row) => {
          if (!isRecord(row)) return row;
          const origin = typeof row.origin === 'string' ? row.origin : undefined;
          return {
            origin,
            consoleId: row.console,
            tier: typeof row.tier === 'string' ? (LEGACY_TIERS[row.tier] ?? row.tier) : row.tier,
            label: row.name ?? (origin ? defaultLabel(origin) : undefined),
            expected: {
              environmentId: row.environmentId,
              ...(row.environmentName === undefined ? {} : { environmentName: row.environmentName }),
              ...(row.region === undefined ? {} : { regionTld: row.region }),
            },
          };
        })
      : tenants,
    selfHosted: Array.isArray(origins)
      ? origins.map((row) => (isRecord(row) ? { origin: row.origin, consoleId: row.console } : row))
      : origins,
    idleClearMinutes: raw.autoClearMinutes,
    readClipboardOnOpen: raw.pasteOnOpen,
    uses: [],
    picked: [],
  };
}

/** What loadSettings does with whatever it finds under the key (exported for tests). */
export function repairSettings(raw: unknown): { settings: Settings; notice?: string } {
  if (raw === undefined) return { settings: structuredClone(DEFAULT_SETTINGS) };
  if (!isRecord(raw)) {
    return {
      settings: structuredClone(DEFAULT_SETTINGS),
      notice: `Saved settings were unreadable (${describe(raw)} instead of an object) and were reset to defaults.`,
    };
  }
  const notes: string[] = [];
  let intro = 'Some saved settings could not be read and were repaired';
  let source = raw;
  if (isLegacy(raw)) {
    source = migrateVersion0(raw);
    intro = 'Settings from an earlier version were upgraded';
  } else if (raw.version !== 1) {
    intro =
      typeof raw.version === 'number' && raw.version > 1
        ? `Settings were written by a newer version (${raw.version}) of this extension; what this version understands was kept`
        : 'Saved settings had no known version; what could be read was kept';
  }
  const settings = repairVersion1(source, notes);
  if (source === raw && raw.version === 1 && notes.length === 0) return { settings };
  return { settings, notice: notes.length > 0 ? `${intro}: ${notes.join('; ')}.` : `${intro}.` };
}

