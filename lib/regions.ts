/**
 * The PingOne region table: the single source of every PingOne URL this extension builds.
 *
 * Source: PingOne docs, "IP address and domain reference", and pingone-go-client's region list
 * (links in lib/connection/README.md). Claims inside a credential never choose a URL: callers look a
 * region up here and build from it, so a tampered `authUrl` can at most make a check fail.
 */

/**
 * Every region's top-level domain after `pingone.`, as a tuple so schemas (zod `enum`) can take it as is.
 * Same order as REGIONS below; lib/regions.test.ts holds the two equal.
 */
export const REGION_TLDS = ['com', 'ca', 'eu', 'com.au', 'sg', 'asia'] as const;

export type RegionTld = (typeof REGION_TLDS)[number];

export interface Region {
  /** Short code as PingOne's own tooling names it. */
  readonly code: 'NA' | 'CA' | 'EU' | 'AU' | 'SG' | 'AP';
  readonly name: string;
  /** Top-level domain after `pingone.`: `auth.pingone.<tld>`. */
  readonly tld: RegionTld;
}

export const REGIONS: readonly Region[] = [
  { code: 'NA', name: 'North America', tld: 'com' },
  { code: 'CA', name: 'Canada', tld: 'ca' },
  { code: 'EU', name: 'Europe', tld: 'eu' },
  { code: 'AU', name: 'Australia', tld: 'com.au' },
  { code: 'SG', name: 'Singapore', tld: 'sg' },
  { code: 'AP', name: 'Asia-Pacific (legacy)', tld: 'asia' },
];

export function regionByTld(tld: string): Region | undefined {
  return REGIONS.find((region) => region.tld === tld);
}

export function regionHosts(region: Region) {
  return {
    auth: `auth.pingone.${region.tld}`,
    api: `api.pingone.${region.tld}`,
    console: `console.pingone.${region.tld}`,
  } as const;
}

/** The region table, longest TLD first (see regionOfHost): sorted once, not for every host looked up. */
const BY_LONGEST_TLD = [...REGIONS].sort((a, b) => b.tld.length - a.tld.length);

/**
 * The region a host name belongs to, if it is a PingOne host (`<anything>.pingone.<tld>`).
 * `com.au` is tried before `com` so `auth.pingone.com.au` is Australia, not a subdomain trick.
 */
export function regionOfHost(hostname: string): Region | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return BY_LONGEST_TLD.find((region) => host.endsWith(`.pingone.${region.tld}`) || host === `pingone.${region.tld}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isEnvironmentId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Every URL the connection test may request for one environment. The environment id is checked
 * to be a UUID here, at the last step before a URL exists, so no caller can smuggle a path in.
 */
export function environmentUrls(region: Region, environmentId: string) {
  if (!isEnvironmentId(environmentId)) {
    throw new TypeError('environmentUrls: environment id must be a UUID');
  }
  const hosts = regionHosts(region);
  const issuer = `https://${hosts.auth}/${environmentId}/as`;
  return {
    issuer,
    discovery: `${issuer}/.well-known/openid-configuration`,
    token: `${issuer}/token`,
    jwks: `${issuer}/jwks`,
    environment: `https://${hosts.api}/v1/environments/${environmentId}`,
    console: `https://${hosts.console}/?env=${environmentId}`,
  } as const;
}

/** Match patterns for the manifest: exactly the auth and API hosts of every region, nothing wider. */
export function pingOneHostPermissions(): string[] {
  return REGIONS.flatMap((region) => {
    const hosts = regionHosts(region);
    return [`https://${hosts.auth}/*`, `https://${hosts.api}/*`];
  });
}
