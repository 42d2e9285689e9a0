/**
 * The organisation's policy (`storage.managed`): tenant rows, self-hosted console origins, the idle-clear time and
 * whether "Fill anyway" may pass a production tenant's blocking checks. Chromium reads it from the machine's policy
 * (`3rdparty.extensions.<id>`, validated against public/managed-schema.json), Firefox from policies.json
 * (`3rdparty.Extensions.<id>`): https://developer.chrome.com/docs/extensions/reference/api/storage#property-managed,
 * https://mozilla.github.io/policy-templates/#3rdparty. Nothing secret belongs in a policy, and none is read from it.
 * Each row is checked on its own: a malformed row is reported (path and message, as an import is) and left out,
 * the rest still apply, and no policy at all is the normal case.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import type { SelfHostedConsole } from '../consoles/types';
import type { Settings, TenantMapping } from './model';
import { idleClearSchema, issuesOf, selfHostedSchema, tenantSchema, type SettingsError } from './schema';

export interface ManagedPolicy {
  tenants: TenantMapping[];
  selfHosted: SelfHostedConsole[];
  idleClearMinutes?: number;
  /** false: a production tenant's blocking checks cannot be overridden. Default true. */
  allowFillAnywayOnProduction: boolean;
  /** Each malformed part of the policy, by path (`tenants[1].expected.environmentId`); those parts are left out. */
  errors: SettingsError[];
}

export const NO_POLICY: ManagedPolicy = Object.freeze({ tenants: [], selfHosted: [], allowFillAnywayOnProduction: true, errors: [] }) as ManagedPolicy;

const KNOWN_KEYS = new Set(['tenants', 'selfHosted', 'idleClearMinutes', 'allowFillAnywayOnProduction']);

/** Each valid row, first per origin; each invalid or repeated row as errors under `field[index]`. */
function rowsOf<T extends { origin: string }>(field: string, input: unknown, schema: z.ZodMiniType<T>, errors: SettingsError[]): T[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) {
    errors.push({ path: field, message: 'expected a list' });
    return [];
  }
  const rows: T[] = [];
  input.forEach((row, index) => {
    const result = schema.safeParse(row);
    if (!result.success) errors.push(...issuesOf(result.error, [field, index]));
    else if (rows.some((kept) => kept.origin === result.data.origin)) {
      errors.push({ path: `${field}[${index}].origin`, message: `${result.data.origin} is already in this policy` });
    } else rows.push(result.data);
  });
  return rows;
}

/** The policy as the browser hands it over (any JSON); never throws. */
export function parseManagedPolicy(input: unknown): ManagedPolicy {
  if (input === undefined || input === null) return NO_POLICY;
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { ...NO_POLICY, errors: [{ path: '(policy)', message: 'expected an object' }] };
  }
  const policy = input as Record<string, unknown>;
  const errors: SettingsError[] = Object.keys(policy)
    .filter((key) => !KNOWN_KEYS.has(key))
    .map((key) => ({ path: key, message: 'unknown field' }));
  const tenants = rowsOf('tenants', policy.tenants, tenantSchema, errors);
  const selfHosted = rowsOf('selfHosted', policy.selfHosted, selfHostedSchema, errors);
  let idleClearMinutes: number | undefined;
  if (policy.idleClearMinutes !== undefined) {
    const idle = idleClearSchema.safeParse(policy.idleClearMinutes);
    if (idle.success) idleClearMinutes = idle.data;
    else errors.push(...issuesOf(idle.error, ['idleClearMinutes']));
  }
  let allowFillAnywayOnProduction = true;
  const allow = policy.allowFillAnywayOnProduction;
  if (typeof allow === 'boolean') allowFillAnywayOnProduction = allow;
  // A malformed switch is read as the stricter setting: the organisation meant to say something about it.
  else if (allow !== undefined) {
    allowFillAnywayOnProduction = false;
    errors.push({ path: 'allowFillAnywayOnProduction', message: 'expected true or false; read as false' });
  }
  return { tenants, selfHosted, idleClearMinutes, allowFillAnywayOnProduction, errors };
}

/** The policy, or none where the browser has none (Firefox rejects the read when no policy names this add-on). */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  try {
    return parseManagedPolicy(await browser.storage.managed.get());
  } catch {
    return NO_POLICY;
  }
}

/**
 * The settings the checks, the fill gate and the toolbar use: the organisation's rows first, then the admin's own
 * rows at origins the policy does not name (the organisation's row wins), and the policy's idle time if it sets one.
 * Never stored: writes go through ./store.ts updateSettings, which reads the admin's own settings only.
 */
export function mergeManaged(own: Settings, policy: ManagedPolicy): Settings {
  if (policy === NO_POLICY) return own;
  const byPolicy = (rows: readonly { origin: string }[]) => new Set(rows.map((row) => row.origin));
  const tenantOrigins = byPolicy(policy.tenants);
  const selfHostedOrigins = byPolicy(policy.selfHosted);
  return {
    ...own,
    tenants: [...policy.tenants, ...own.tenants.filter((row) => !tenantOrigins.has(row.origin))],
    selfHosted: [...policy.selfHosted, ...own.selfHosted.filter((row) => !selfHostedOrigins.has(row.origin))],
    idleClearMinutes: policy.idleClearMinutes ?? own.idleClearMinutes,
  };
}

/** Whether the policy forbids "Fill anyway" for this tenant. */
export function overrideForbidden(policy: Pick<ManagedPolicy, 'allowFillAnywayOnProduction'>, tenant: Pick<TenantMapping, 'tier'> | undefined): boolean {
  return !policy.allowFillAnywayOnProduction && tenant?.tier === 'production';
}
