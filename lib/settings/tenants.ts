/** The environment map: which tenant an origin is, the tier its host name suggests, and the fill history. */
import type { ConsoleId } from '../consoles/types';
import type { Credential, SeenUse } from '../credential/types';
import { httpsOriginOf } from '../origin';
import { isEnvironmentId } from '../regions';
import { MAX_USES, type Settings, type TenantMapping, type Tier, type UseRecord } from './model';

/** The fill history as stored: newest first, at most MAX_USES. */
export function newestFirst(uses: readonly UseRecord[]): UseRecord[] {
  return [...uses].sort((a, b) => b.at - a.at).slice(0, MAX_USES);
}

/** Each loaded tenant list's rows by origin, built at its first lookup: a map of thousands stays one hash lookup away. */
const byOrigin = new WeakMap<readonly TenantMapping[], Map<string, TenantMapping>>();

export function tenantForOrigin(settings: Settings, origin: string): TenantMapping | undefined {
  const canonical = httpsOriginOf(origin);
  if (canonical === undefined) return undefined;
  let index = byOrigin.get(settings.tenants);
  if (!index) byOrigin.set(settings.tenants, (index = new Map(settings.tenants.map((tenant) => [tenant.origin, tenant]))));
  return index.get(canonical);
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

/** The fill history in the shape judgeCredential's reuse check reads. */
export function seenUses(settings: Settings): SeenUse[] {
  return settings.uses.map((use) => ({
    fingerprint: use.fingerprint,
    origin: use.origin,
    ...(use.tenantLabel === undefined ? {} : { tenantLabel: use.tenantLabel }),
    at: use.at,
  }));
}

