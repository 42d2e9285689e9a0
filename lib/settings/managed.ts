/**
 * The organisation's policy (`storage.managed`): tenant rows, self-hosted console origins, the idle-clear time and
 * whether "Fill anyway" may pass a production tenant's blocking checks. See ./README.md for the policy's format and
 * where each browser reads it. Only the popup and the background import this module (the checks, the fill gate, the
 * toolbar, the idle alarm); Options shows the policy through ./managed-report.ts, imported lazily, which reads it the
 * same way and says what was left out (managed.test.ts holds the two to the same answer).
 * Each row passes the same schema as the admin's own rows (./schema.ts) or is left out; nothing here throws, and no
 * policy at all is the normal case.
 */
import { browser } from 'wxt/browser';
import type { SelfHostedConsole } from '../consoles/types';
import type { Settings, TenantMapping } from './model';
import { idleClearSchema, policyRows, selfHostedSchema, tenantSchema } from './schema';
import { httpsOriginOf } from '../origin';
import { loadSettings, loadSettingsAt } from './store';

export interface ManagedPolicy {
  tenants: TenantMapping[];
  selfHosted: SelfHostedConsole[];
  idleClearMinutes?: number;
  /** false: a production tenant's blocking checks cannot be overridden. Default true. */
  allowFillAnywayOnProduction: boolean;
}

/** The policy as the browser hands it over (any JSON, or nothing). */
export function parseManagedPolicy(input: unknown): ManagedPolicy {
  const policy = Object(input) as Record<string, unknown>;
  const idle = idleClearSchema.safeParse(policy.idleClearMinutes);
  return {
    tenants: policyRows(policy.tenants, tenantSchema),
    selfHosted: policyRows(policy.selfHosted, selfHostedSchema),
    ...(idle.success ? { idleClearMinutes: idle.data } : {}),
    // Anything but true or nothing is read as false: an organisation that wrote the switch meant to restrict.
    allowFillAnywayOnProduction: [true, undefined].includes(policy.allowFillAnywayOnProduction as never),
  };
}

/** What the browser holds for this extension; nothing where no policy names it (Firefox then rejects the read). */
function readPolicyInput(): Promise<unknown> {
  return browser.storage.managed.get().catch(() => undefined);
}

type WithPolicy = { settings: Settings; notice?: string; policy: ManagedPolicy };
/** loadSettingsFor's answer: `oneRow`, `tenants` is the row at the page and no more (the rest of the map was not read). */
type ForPage = WithPolicy & { oneRow: boolean };

/** The organisation's rows first, then the admin's own rows at origins the policy does not name. */
function withPolicy(loaded: { settings: Settings; notice?: string }, policy: ManagedPolicy): WithPolicy {
  const own = loaded.settings;
  const notNamedBy = (rows: readonly { origin: string }[]) => {
    const named = new Set(rows.map((row) => row.origin));
    return (row: { origin: string }) => !named.has(row.origin);
  };
  const settings = {
    ...own,
    tenants: [...policy.tenants, ...own.tenants.filter(notNamedBy(policy.tenants))],
    selfHosted: [...policy.selfHosted, ...own.selfHosted.filter(notNamedBy(policy.selfHosted))],
    idleClearMinutes: policy.idleClearMinutes ?? own.idleClearMinutes,
  };
  return { ...loaded, settings, policy };
}

/**
 * What the checks, the fill gate, the toolbar and the idle alarm act on: the organisation's rows first, then the
 * admin's own rows at origins the policy does not name (the organisation's row wins), and the policy's idle time if
 * it sets one. Never stored: every write starts from ./store.ts loadSettings, the admin's own settings.
 */
export async function loadSettingsWithPolicy(): Promise<WithPolicy> {
  const [loaded, policy] = await Promise.all([loadSettings(), readPolicyInput().then(parseManagedPolicy)]);
  return withPolicy(loaded, policy);
}

/**
 * loadSettingsWithPolicy for one page, as the popup and the toolbar judge it (lib/target): the same settings, but
 * `tenants` holds only what decides there. A page with a row (the admin's or the policy's) mostly needs that row
 * alone, and the admin's map is read no further than it (./store.ts loadSettingsAt); a caller that then shows a
 * console the row is not for (lib/target tenantless) reads the whole map after all. An https page without one is judged
 * against the same console's other rows (checkContextFor's `mappedElsewhere`), so it gets every row; a page that is
 * not https is no console and gets the policy's rows only.
 */
export async function loadSettingsFor(url: string | undefined): Promise<ForPage> {
  const origin = url === undefined ? undefined : httpsOriginOf(url);
  const [{ whole, ...loaded }, policy] = await Promise.all([loadSettingsAt(origin), readPolicyInput().then(parseManagedPolicy)]);
  const oneRow = origin !== undefined && !whole && (loaded.settings.tenants.length > 0 || policy.tenants.some((row) => row.origin === origin));
  return { ...withPolicy(oneRow || origin === undefined || whole ? loaded : await loadSettings(), policy), oneRow };
}

/** Whether the policy takes "Fill anyway" away at this tenant (lib/background/fill-path.ts). */
export function overrideForbidden(policy: Pick<ManagedPolicy, 'allowFillAnywayOnProduction'>, tenant: Pick<TenantMapping, 'tier'> | undefined): boolean {
  return !policy.allowFillAnywayOnProduction && tenant?.tier === 'production';
}
