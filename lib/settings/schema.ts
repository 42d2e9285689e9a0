/**
 * The rules every setting obeys, as zod schemas: the same ones guard storage, the import and the Options forms.
 * Messages are written for admins: they appear next to a form field or an import row.
 */
import * as z from 'zod/mini';
import { CONSOLES, SELF_HOSTABLE_CONSOLE_IDS } from '../consoles';
import type { ConsoleId, SelfHostedConsole } from '../consoles/types';
import { isHttpsOrigin } from '../origin';
import { isEnvironmentId, REGION_TLDS } from '../regions';
import { MAX_IDLE_CLEAR_MINUTES, MAX_PICKED, MAX_SELF_HOSTED, MAX_TENANTS, TIERS, type TenantMapping } from './model';

const MAX_LABEL_LENGTH = 80;
const MAX_NAME_LENGTH = 200;


/*
 * The console ids the schemas accept, from the registry itself. Importing lib/consoles here costs no bundle size:
 * every page that reads settings (background, popup, options) already imports it, and it imports nothing of this.
 */
const CONSOLE_IDS = CONSOLES.map((module) => module.id) as [ConsoleId, ...ConsoleId[]];

/** zod reports a missing field with the type's message; say "required" instead. */
export function expecting(what: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : `expected ${what}`) };
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
export const storedTenantSchema = z.object({ ...tenantFields, expected: z.object(expectedFields, EXPECTED_OBJECT) }, TENANT_OBJECT);

const selfHostedFields = {
  origin: originSchema,
  consoleId: z.enum(SELF_HOSTABLE_CONSOLE_IDS, expecting(`one of ${SELF_HOSTABLE_CONSOLE_IDS.join(', ')}`)),
};
const SELF_HOSTED_OBJECT = expecting('an object with origin and consoleId');
export const selfHostedSchema = z.strictObject(selfHostedFields, SELF_HOSTED_OBJECT);
export const storedSelfHostedSchema = z.object(selfHostedFields, SELF_HOSTED_OBJECT);

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

/**
 * Each row of `rows` that passes `schema`, the first per origin: how the organisation's policy is read row by row
 * (./managed.ts), so one malformed row costs only itself. `refuse` hears of each row left out, with its schema's
 * error or the origin an earlier row already holds (./managed-report.ts words both for Options).
 */
export function policyRows<T extends { origin: string }>(
  rows: unknown,
  schema: z.ZodMiniType<T>,
  refuse?: (index: number, why: z.core.$ZodError | string) => void,
): T[] {
  // Kept by origin, as ./repair.ts repairRows keeps them: a policy pushing a team's 2,000 rows would otherwise cost
  // 2 million compares at every read.
  const kept = new Map<string, T>();
  if (Array.isArray(rows)) {
    rows.forEach((row, index) => {
      const result = schema.safeParse(row);
      if (!result.success) refuse?.(index, result.error);
      else if (kept.has(result.data.origin)) refuse?.(index, result.data.origin);
      else kept.set(result.data.origin, result.data);
    });
  }
  return [...kept.values()];
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
export const useSchema = z.strictObject(useFields, USE_OBJECT);
export const storedUseSchema = z.object(useFields, USE_OBJECT);

/**
 * A picked field (lib/pick): what the page names it by, bounded; a page chose these strings, so they are never more
 * than text to match. At least one of label, name and id, or the engine could never find it again.
 */
const MAX_PICKED_TEXT = 200;
const pickedTextSchema = z.string(expecting('text')).check(z.minLength(1, 'must not be empty'), z.maxLength(MAX_PICKED_TEXT, `at most ${MAX_PICKED_TEXT} characters`));
const pickedFieldFields = {
  field: z.enum(['clientId', 'clientSecret', 'environmentId', 'credential'], expecting('one of clientId, clientSecret, environmentId, credential')),
  label: z.optional(pickedTextSchema),
  name: z.optional(pickedTextSchema),
  id: z.optional(pickedTextSchema),
  position: z.int(expecting('a whole number')).check(z.gte(1, 'at least 1'), z.lte(10_000, 'at most 10000')),
};
const findable = z.refine<{ label?: string; name?: string; id?: string }>((field) => !!(field.label || field.name || field.id), 'needs a label, a name or an id');
const oneRowPerKey = z.refine<readonly { field: string }[]>((fields) => new Set(fields.map((field) => field.field)).size === fields.length, 'each field once');
const PICKED_OBJECT = expecting('an object with origin, fields and at');
const pickedFormFields = <Field extends z.ZodMiniType<{ field: string; label?: string; name?: string; id?: string }>>(field: Field) => ({
  origin: originSchema,
  fields: z.array(field, expecting('a list of fields')).check(z.minLength(1, 'at least one field'), z.maxLength(4, 'at most 4 fields'), oneRowPerKey),
  at: z.number(expecting('a time')).check(z.nonnegative()),
});
export const pickedFormSchema = z.strictObject(pickedFormFields(z.strictObject(pickedFieldFields).check(findable)), PICKED_OBJECT);
export const storedPickedFormSchema = z.object(pickedFormFields(z.object(pickedFieldFields).check(findable)), PICKED_OBJECT);

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


/** The whole stored object, strictly: what saveSettings and updateSettings write. */
export const settingsSchema = z.strictObject({
  version: z.literal(1),
  tenants: z.array(tenantSchema).check(z.maxLength(MAX_TENANTS), oneRowPerOrigin('tenants')),
  selfHosted: z.array(selfHostedSchema).check(z.maxLength(MAX_SELF_HOSTED), oneRowPerOrigin('selfHosted')),
  idleClearMinutes: idleClearSchema,
  readClipboardOnOpen: readClipboardSchema,
  uses: z.array(useSchema),
  picked: z.array(pickedFormSchema).check(z.maxLength(MAX_PICKED), oneRowPerOrigin('picked')),
});
