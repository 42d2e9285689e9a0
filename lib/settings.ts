/**
 * Non-secret settings in `storage.local` under the key `settings`: the environment map (console tenant -> the
 * PingOne environment it must receive credentials from), self-hosted console origins, preferences, and the fill
 * history by fingerprint. NOTHING SECRET EVER: the schemas are strict about what is written (unknown keys are
 * stripped on save, refused on import) and the import refuses anything that looks like a secret.
 *
 * Versions:
 * - 1 (current): `Settings` below.
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
import { browser } from 'wxt/browser';
import { CONSOLES, SELF_HOSTABLE_CONSOLE_IDS } from './consoles';
import type { ConsoleId, SelfHostedConsole } from './consoles/types';
import type { Credential, SeenUse } from './credential/types';
import { isEnvironmentId, REGION_TLDS, type RegionTld } from './regions';

export type Tier = 'development' | 'uat' | 'staging' | 'production' | 'sandbox';

export interface TenantMapping {
  origin: string;
  consoleId: ConsoleId;
  tier: Tier;
  label: string;
  expected: { environmentId: string; environmentName?: string; regionTld?: RegionTld };
}

export interface UseRecord {
  fingerprint: string;
  origin: string;
  consoleId: ConsoleId;
  tenantLabel?: string;
  tier?: Tier;
  environmentId: string;
  at: number;
}

export interface Settings {
  version: 1;
  tenants: TenantMapping[];
  selfHosted: SelfHostedConsole[];
  idleClearMinutes: number;
  readClipboardOnOpen: boolean;
  /** Newest first, at most MAX_USES. */
  uses: UseRecord[];
}

/** In promotion order, lowest first. */
export const TIERS = ['development', 'uat', 'staging', 'production', 'sandbox'] as const satisfies readonly Tier[];

export const TIER_NAMES: Readonly<Record<Tier, string>> = {
  development: 'Development',
  uat: 'UAT',
  staging: 'Staging',
  production: 'Production',
  sandbox: 'Sandbox',
};

/*
 * The console ids the schemas accept, from the registry itself. Importing lib/consoles here costs no bundle size:
 * every page that reads settings (background, popup, options) already imports it, and it imports nothing of this.
 */
const CONSOLE_IDS = CONSOLES.map((module) => module.id) as [ConsoleId, ...ConsoleId[]];

export const DEFAULT_IDLE_CLEAR_MINUTES = 10;
/** A credential left in the vault longer than two hours is forgotten, not kept: there is no "never". */
export const MAX_IDLE_CLEAR_MINUTES = 120;
export const MAX_USES = 200;
export const MAX_TENANTS = 200;
export const MAX_SELF_HOSTED = 50;
const MAX_LABEL_LENGTH = 80;
const MAX_NAME_LENGTH = 200;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  version: 1,
  tenants: [],
  selfHosted: [],
  idleClearMinutes: DEFAULT_IDLE_CLEAR_MINUTES,
  readClipboardOnOpen: false,
  uses: [],
}) as Settings;

const STORAGE_KEY = 'settings';

// ---------------------------------------------------------------------------------------------------------------
// Schema. Messages are written for admins: they appear next to a form field or an import row.

/** zod reports a missing field with the type's message; say "required" instead. */
export function expecting(what: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : `expected ${what}`) };
}

/** `https://host[:port]`, exactly as `URL.origin` writes it (lower-case host, no default port, no path). */
function isHttpsOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.origin === value;
  } catch {
    return false;
  }
}

/** The canonical origin of a URL or origin text, or undefined when it is not https. */
export function httpsOriginOf(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

const ORIGIN_MESSAGE = 'expected an https origin like https://host or https://host:port (no path)';
const originSchema = z.string(expecting('an origin')).check(z.refine(isHttpsOrigin, ORIGIN_MESSAGE));
const consoleIdSchema = z.enum(CONSOLE_IDS, expecting(`one of ${CONSOLE_IDS.join(', ')}`));
const tierSchema = z.enum(TIERS, expecting(`one of ${TIERS.join(', ')}`));
const regionTldSchema = z.enum(REGION_TLDS, expecting(`a region domain: one of ${REGION_TLDS.join(', ')}`));
const environmentIdSchema = z.string(expecting('a UUID')).check(z.refine(isEnvironmentId, 'expected a UUID'));
const labelSchema = z
  .string(expecting('text'))
  .check(
    z.refine((value) => value.trim().length > 0, 'must not be empty'),
    z.maxLength(MAX_LABEL_LENGTH, `at most ${MAX_LABEL_LENGTH} characters`),
  );
const environmentNameSchema = z
  .string(expecting('text'))
  .check(z.maxLength(MAX_NAME_LENGTH, `at most ${MAX_NAME_LENGTH} characters`));

/*
 * Each record has a strict schema (saving, importing, forms: an unknown field is refused) and a stored schema
 * (loading: an unknown field is dropped and the row kept, so a stray value is cleaned out on the next save and a
 * newer version's extra field does not cost the admin the row).
 */
const expectedFields = {
  environmentId: environmentIdSchema,
  environmentName: z.optional(environmentNameSchema),
  regionTld: z.optional(regionTldSchema),
};
const tenantFields = { origin: originSchema, consoleId: consoleIdSchema, tier: tierSchema, label: labelSchema };
const EXPECTED_OBJECT = expecting('an object with environmentId');
const TENANT_OBJECT = expecting('a tenant object');
export const tenantSchema = z.strictObject({ ...tenantFields, expected: z.strictObject(expectedFields, EXPECTED_OBJECT) }, TENANT_OBJECT);
const storedTenantSchema = z.object({ ...tenantFields, expected: z.object(expectedFields, EXPECTED_OBJECT) }, TENANT_OBJECT);

const selfHostedFields = {
  origin: originSchema,
  consoleId: z.enum(SELF_HOSTABLE_CONSOLE_IDS, expecting(`one of ${SELF_HOSTABLE_CONSOLE_IDS.join(', ')}`)),
};
const SELF_HOSTED_OBJECT = expecting('an object with origin and consoleId');
export const selfHostedSchema = z.strictObject(selfHostedFields, SELF_HOSTED_OBJECT);
const storedSelfHostedSchema = z.object(selfHostedFields, SELF_HOSTED_OBJECT);

/**
 * One row per origin in a list of tenants or console origins: lookups go by origin (tenantForOrigin,
 * resolveConsole), so a second row for the same origin would be silently ignored. The error sits on the
 * duplicate's own row and names the row it repeats. zod runs it once every row passed its own schema.
 */
export function oneRowPerOrigin(field: string) {
  return z.superRefine((rows: readonly { origin: string }[], context) => {
    const firstRow = new Map<string, number>();
    rows.forEach((row, index) => {
      const first = firstRow.get(row.origin);
      if (first === undefined) firstRow.set(row.origin, index);
      else context.addIssue({ code: 'custom', path: [index, 'origin'], input: row.origin, message: `${row.origin} is already in ${field}[${first}]` });
    });
  });
}

/** fingerprintCredential's output: 16 lower-case hex characters. */
const fingerprintSchema = z.string(expecting('a fingerprint')).check(z.regex(/^[0-9a-f]{16}$/, 'expected 16 hex characters'));

const useFields = {
  fingerprint: fingerprintSchema,
  origin: originSchema,
  consoleId: consoleIdSchema,
  tenantLabel: z.optional(labelSchema),
  tier: z.optional(tierSchema),
  environmentId: environmentIdSchema,
  at: z.number(expecting('a time in ms')).check(z.int('expected whole milliseconds'), z.gte(0, 'expected a time after 1970')),
};
const USE_OBJECT = expecting('a use record');
const useSchema = z.strictObject(useFields, USE_OBJECT);
const storedUseSchema = z.object(useFields, USE_OBJECT);

export const idleClearSchema = z
  .number(expecting('a number of minutes'))
  .check(
    z.int('expected whole minutes'),
    z.gte(1, 'at least 1 minute'),
    z.lte(MAX_IDLE_CLEAR_MINUTES, `at most ${MAX_IDLE_CLEAR_MINUTES} minutes`),
  );
export const readClipboardSchema = z.boolean(expecting('true or false'));

// ---------------------------------------------------------------------------------------------------------------
// Paths and messages

export interface SettingsError {
  /** e.g. `tenants[2].expected.environmentId`; `(file)` for the whole file. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    text += typeof part === 'number' ? `[${part}]` : `${text ? '.' : ''}${String(part)}`;
  }
  return text || '(file)';
}

export function issuesOf(error: z.core.$ZodError, base: readonly PropertyKey[] = []): SettingsError[] {
  return error.issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: 'unknown field' }));
    }
    return [{ path: formatPath(path), message: issue.message }];
  });
}

/** Validation for a form or a row: the same rules the storage and the import apply. */
export function validateTenant(input: unknown): { ok: true; tenant: TenantMapping } | { ok: false; errors: SettingsError[] } {
  const result = tenantSchema.safeParse(input);
  return result.success ? { ok: true, tenant: result.data } : { ok: false, errors: issuesOf(result.error) };
}

export function validateSelfHosted(
  input: unknown,
): { ok: true; selfHosted: SelfHostedConsole } | { ok: false; errors: SettingsError[] } {
  const result = selfHostedSchema.safeParse(input);
  return result.success ? { ok: true, selfHosted: result.data } : { ok: false, errors: issuesOf(result.error) };
}

// ---------------------------------------------------------------------------------------------------------------
// Repair and migration

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function newestFirst(uses: readonly UseRecord[]): UseRecord[] {
  return [...uses].sort((a, b) => b.at - a.at).slice(0, MAX_USES);
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
  const dropped: string[] = [];
  const cleaned: string[] = [];
  value.forEach((row, index) => {
    const strict = schemas.strict.safeParse(row);
    const result = strict.success ? strict : schemas.stored.safeParse(row);
    if (!result.success) {
      const first = issuesOf(result.error, [field, index])[0];
      dropped.push(first ? `${first.path}: ${first.message}` : `${field}[${index}]`);
    } else if (unique && kept.some((other) => other.origin === result.data.origin)) {
      dropped.push(`${field}[${index}]: a second entry for ${result.data.origin}`);
    } else {
      kept.push(result.data);
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
  const unknown = Object.keys(raw).filter((key) => !(key in DEFAULT_SETTINGS));
  if (unknown.length > 0) notes.push(`unknown fields were removed (${unknown.join(', ')})`);
  if (tenants.length > MAX_TENANTS) notes.push(`only the first ${MAX_TENANTS} tenants were kept`);
  if (selfHosted.length > MAX_SELF_HOSTED) notes.push(`only the first ${MAX_SELF_HOSTED} console origins were kept`);
  return {
    version: 1,
    tenants: tenants.slice(0, MAX_TENANTS),
    selfHosted: selfHosted.slice(0, MAX_SELF_HOSTED),
    idleClearMinutes: repairValue('idleClearMinutes', raw.idleClearMinutes, idleClearSchema, DEFAULT_IDLE_CLEAR_MINUTES, notes),
    readClipboardOnOpen: repairValue('readClipboardOnOpen', raw.readClipboardOnOpen, readClipboardSchema, false, notes),
    uses: newestFirst(uses),
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

// ---------------------------------------------------------------------------------------------------------------
// Storage

export async function loadSettings(): Promise<{ settings: Settings; notice?: string }> {
  let stored: unknown;
  try {
    const items = await browser.storage.local.get(STORAGE_KEY);
    stored = (items as Record<string, unknown>)[STORAGE_KEY];
  } catch (error) {
    return {
      settings: structuredClone(DEFAULT_SETTINGS),
      notice: `Settings could not be read from browser storage (${error instanceof Error ? error.message : String(error)}); defaults are in use.`,
    };
  }
  return repairSettings(stored);
}

const settingsSchema = z.strictObject({
  version: z.literal(1),
  tenants: z.array(tenantSchema).check(z.maxLength(MAX_TENANTS), oneRowPerOrigin('tenants')),
  selfHosted: z.array(selfHostedSchema).check(z.maxLength(MAX_SELF_HOSTED), oneRowPerOrigin('selfHosted')),
  idleClearMinutes: idleClearSchema,
  readClipboardOnOpen: readClipboardSchema,
  uses: z.array(useSchema),
});

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
  return exclusively(() => browser.storage.local.set({ [STORAGE_KEY]: checked }));
}

/**
 * Applies `change` to the settings as stored at this moment and stores the result, holding the settings lock from
 * the read to the write (see `exclusively`), so a change made meanwhile by another page or the background is never
 * overwritten. `change` must be synchronous: nothing else may be awaited while the lock is held.
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return exclusively(async () => {
    const { settings } = await loadSettings();
    const next = checkedForStorage(change(settings));
    await browser.storage.local.set({ [STORAGE_KEY]: next });
    return next;
  });
}

/** Calls back with freshly loaded settings whenever another page changes them; returns the unsubscribe. */
export function watchSettings(onChange: (loaded: { settings: Settings; notice?: string }) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && STORAGE_KEY in changes) void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

// ---------------------------------------------------------------------------------------------------------------
// Environment map

export function tenantForOrigin(settings: Settings, origin: string): TenantMapping | undefined {
  const canonical = httpsOriginOf(origin);
  return canonical === undefined ? undefined : settings.tenants.find((tenant) => tenant.origin === canonical);
}

/** `host[:port]` of an origin: what the admin sees in the address bar, so the default label needs no explaining. */
export function defaultLabel(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/** Host-name words that name a tier, as admins commonly spell them in tenant names. */
const TIER_WORDS: Readonly<Record<string, Tier>> = {
  prod: 'production',
  production: 'production',
  prd: 'production',
  live: 'production',
  stag: 'staging',
  stage: 'staging',
  staging: 'staging',
  stg: 'staging',
  preprod: 'staging',
  uat: 'uat',
  qa: 'uat',
  dev: 'development',
  develop: 'development',
  development: 'development',
  sandbox: 'sandbox',
  sbx: 'sandbox',
};

/**
 * The tier a host name suggests, matching whole words between dots and hyphens (so `preprod` is staging and
 * `products.example.com` is not production). A host that names no tier is guessed to be PRODUCTION: the tier only
 * decides how loudly the popup warns, and calling a production tenant "development" is exactly the costly mistake
 * this map exists to prevent, while calling a development tenant "production" costs a second look. Hosted consoles
 * with one host for every account (Cloudflare's one.dash.cloudflare.com) name no tier, so they land here too.
 */
export function guessTier(origin: string): Tier {
  let hostname: string;
  try {
    hostname = new URL(origin).hostname;
  } catch {
    return 'production';
  }
  for (const word of hostname.toLowerCase().split(/[.\-_]+/)) {
    const tier = TIER_WORDS[word];
    if (tier) return tier;
  }
  return 'production';
}

/**
 * The popup's "Remember this tenant uses this environment": maps the origin to the credential's environment.
 * An existing row for the origin keeps its tier and label unless new ones are given. Throws when the origin is not
 * https or the credential has no environment UUID: such a row could never be stored.
 */
export function rememberTenant(
  settings: Settings,
  input: { origin: string; consoleId: ConsoleId; credential: Credential; tier?: Tier; label?: string },
): Settings {
  const origin = httpsOriginOf(input.origin);
  if (origin === undefined) throw new TypeError(`rememberTenant: ${input.origin} is not an https origin`);
  if (!isEnvironmentId(input.credential.environmentId)) {
    throw new TypeError('rememberTenant: the credential has no environment UUID');
  }
  const existing = tenantForOrigin(settings, origin);
  const tenant: TenantMapping = {
    origin,
    consoleId: input.consoleId,
    tier: input.tier ?? existing?.tier ?? guessTier(origin),
    label: input.label ?? existing?.label ?? defaultLabel(origin),
    expected: {
      environmentId: input.credential.environmentId,
      ...(input.credential.environmentName ? { environmentName: input.credential.environmentName } : {}),
      ...(input.credential.region ? { regionTld: input.credential.region.tld } : {}),
    },
  };
  const tenants = existing
    ? settings.tenants.map((row) => (row === existing ? tenant : row))
    : [...settings.tenants, tenant];
  return { ...settings, tenants };
}

/** Adds a fill record, keeping the newest MAX_USES. */
export function recordUse(settings: Settings, use: UseRecord): Settings {
  return { ...settings, uses: newestFirst([use, ...settings.uses]) };
}

/** The fill history in the shape checkCredential's reuse check reads. */
export function seenUses(settings: Settings): SeenUse[] {
  return settings.uses.map((use) => ({
    fingerprint: use.fingerprint,
    origin: use.origin,
    ...(use.tenantLabel === undefined ? {} : { tenantLabel: use.tenantLabel }),
    at: use.at,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Self-hosted console origins

/** The optional host permission one self-hosted console needs: exactly its origin, nothing wider. */
export function selfHostedPermission(origin: string): { origins: string[] } {
  return { origins: [`${origin}/*`] };
}

/** `permissions.request`, injected so the flow is testable (headless Chromium cannot answer the prompt). */
type PermissionRequest = (permissions: { origins: string[] }) => Promise<boolean>;

/**
 * Options' "Add console origin": asks for the host permission for exactly that origin and stores the origin only
 * when granted. Call it straight from the click handler: Chrome honours `permissions.request` only during a user
 * gesture, so the request is made synchronously here, before anything is awaited.
 */
export function addSelfHostedConsole(
  entry: SelfHostedConsole,
  request: PermissionRequest,
): Promise<{ granted: false } | { granted: true; settings: Settings }> {
  const valid = validateSelfHosted(entry);
  if (!valid.ok) {
    const first = valid.errors[0];
    return Promise.reject(new TypeError(`${first?.path}: ${first?.message}`));
  }
  const granted = request(selfHostedPermission(valid.selfHosted.origin));
  return granted.then(async (ok) => {
    if (!ok) return { granted: false };
    const settings = await updateSettings((current) => ({
      ...current,
      selfHosted: [...current.selfHosted.filter((row) => row.origin !== valid.selfHosted.origin), valid.selfHosted],
    }));
    return { granted: true, settings };
  });
}
