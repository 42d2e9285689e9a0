/**
 * What Options shows of the organisation's policy: the policy as ./managed.ts applies it, and each part it leaves
 * out, by path and in the admin's words (`tenants[1].expected.environmentId: expected a UUID`), so the admin can tell
 * their IT what to fix. Imported lazily by Options, only when a policy exists, so no page pays for it otherwise; it
 * imports nothing of ./managed.ts, which the popup then keeps in its own chunk (managed.test.ts holds the two to the
 * same reading of any policy).
 */
import type { ManagedPolicy } from './managed';
import { idleClearSchema, issuesOf, policyRows, selfHostedSchema, tenantSchema, type SettingsError } from './schema';

const KNOWN = new Set(['tenants', 'selfHosted', 'idleClearMinutes', 'allowFillAnywayOnProduction']);

export interface PolicyReport {
  policy: ManagedPolicy;
  /** Each malformed part, in the order of the policy's fields; those parts are not applied. */
  errors: SettingsError[];
}

export function reportManagedPolicy(input: unknown): PolicyReport {
  const fields = Object(input) as Record<string, unknown>;
  const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
  const errors: SettingsError[] = isObject
    ? Object.keys(fields)
        .filter((key) => !KNOWN.has(key))
        .map((key) => ({ path: key, message: 'unknown field' }))
    : input === undefined
      ? []
      : [{ path: '(policy)', message: 'expected an object' }];
  const rowsOf = <T extends { origin: string }>(field: string, schema: Parameters<typeof policyRows<T>>[1]) => {
    const rows = isObject ? fields[field] : undefined;
    if (rows !== undefined && !Array.isArray(rows)) errors.push({ path: field, message: 'expected a list' });
    return policyRows(rows, schema, (index, why) =>
      errors.push(
        ...(typeof why === 'string' ? [{ path: `${field}[${index}].origin`, message: `${why} is already in this policy` }] : issuesOf(why, [field, index])),
      ),
    );
  };
  const tenants = rowsOf('tenants', tenantSchema);
  const selfHosted = rowsOf('selfHosted', selfHostedSchema);
  const policy: ManagedPolicy = { tenants, selfHosted, allowFillAnywayOnProduction: true };
  if (isObject && fields.idleClearMinutes !== undefined) {
    const idle = idleClearSchema.safeParse(fields.idleClearMinutes);
    if (idle.success) policy.idleClearMinutes = idle.data;
    else errors.push(...issuesOf(idle.error, ['idleClearMinutes']));
  }
  const allow = isObject ? fields.allowFillAnywayOnProduction : undefined;
  if (allow === false) policy.allowFillAnywayOnProduction = false;
  else if (allow !== undefined && allow !== true) {
    policy.allowFillAnywayOnProduction = false;
    errors.push({ path: 'allowFillAnywayOnProduction', message: 'expected true or false; read as false' });
  }
  return { policy, errors };
}
