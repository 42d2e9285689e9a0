/**
 * What a credential's claims say about its region. Claims only ever *select* an entry of the region table
 * (lib/regions.ts); no URL from a claim is kept or used to build a request.
 */
import { REGIONS, isEnvironmentId, regionByTld, regionOfHost, type Region } from '../regions';

/** A claim (or one element of an array claim, e.g. `aud[1]`) whose value parses as an http(s)/ws(s) URL. */
export interface UrlClaim {
  claim: string;
  host: string;
  /** Undefined when the host is not a PingOne host of the region table. */
  region: Region | undefined;
  /** False for claims lib/credential/README.md calls hints only for the region (see REGION_NEUTRAL_CLAIMS). */
  votesForRegion: boolean;
}

export interface RegionClaim {
  claim: string;
  value: string;
  region: Region | undefined;
}

/** Read-only: the read works it out once and the credential carries it to the check (`Credential.regionEvidence`). */
export interface RegionEvidence {
  readonly urls: readonly UrlClaim[];
  readonly regionClaims: readonly RegionClaim[];
  /** Every distinct table region named by a voting URL or a region claim, in first-seen order. */
  readonly regions: readonly Region[];
}

/**
 * `iss` of gateway credentials is `wss://gateways.pingone.com` (older: `" NOT_SET"`), and lib/credential/README.md makes it
 * neither a region vote nor a URL: nothing says an EU credential's `iss` is on `.eu`, so letting it vote could
 * call a genuine EU credential "mixed". Its host is still checked to be a PingOne host.
 */
const REGION_NEUTRAL_CLAIMS = new Set(['iss']);

/** Region claim names seen in gateway credentials (`targetGeography: "NA"`); lib/credential/README.md: names unconfirmed. */
const REGION_CLAIM_NAMES = ['targetGeography'];

/**
 * Ping's hosts outside the region table's `pingone.<tld>` names, and the region each serves: Ping's "IP address and
 * domain reference" lists `http-access-api.pingone.au` among Australia's domains
 * (https://docs.pingidentity.com/pingone/getting_started_with_pingone/p1_ip_address_and_domain_reference.html).
 * A claim naming one is Ping's; nothing is ever built from it (requests use lib/regions.ts only).
 */
const PING_DOMAINS_OUTSIDE_TABLE: readonly { suffix: string; tld: Region['tld'] }[] = [{ suffix: 'pingone.au', tld: 'com.au' }];
/** The region of a Ping host: the region table's names first (regionOfHost normalises the host itself), then Ping's other domains above. */
function regionOfPingHost(hostname: string): Region | undefined {
  const region = regionOfHost(hostname);
  if (region) return region;
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const other = PING_DOMAINS_OUTSIDE_TABLE.find(({ suffix }) => host.endsWith(`.${suffix}`));
  return other && regionByTld(other.tld);
}

const URL_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);
/** Cheap pre-filter so `new URL` only runs on values that start like an absolute URL. */
const LOOKS_ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

function parseClaimUrl(value: string): URL | undefined {
  // `includes` first: most claims hold no `://`, and a plain scan is cheaper than a regex call per claim.
  if (!value.includes('://') || !LOOKS_ABSOLUTE.test(value)) return undefined;
  try {
    const url = new URL(value);
    return URL_SCHEMES.has(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Each region by its code and its TLD, lower case; the first region in table order keeps a name two would share. */
const REGION_BY_CLAIM_VALUE = new Map<string, Region>();
for (const region of REGIONS) {
  for (const name of [region.code.toLowerCase(), region.tld]) if (!REGION_BY_CLAIM_VALUE.has(name)) REGION_BY_CLAIM_VALUE.set(name, region);
}

/** A region claim's value as a table entry: its code (`EU`) or its TLD (`eu`), case-insensitively. */
function regionOfClaimValue(value: string): Region | undefined {
  return REGION_BY_CLAIM_VALUE.get(value.trim().toLowerCase());
}

/**
 * A URL that is only a scheme and a plain host: lower-case letter-digit-hyphen labels (no `xn--`, no double hyphen) and
 * a letters-only TLD. Any URL parser gives such a host as written (nothing to percent-decode, map, punycode-check or
 * read as an IPv4 address), so its host is taken without `new URL`; PingOne's own URL claims have this form.
 */
const PLAIN_HOST_URL = /^(?:https?|wss?):\/\/((?:[a-z0-9]+(?:-[a-z0-9]+)*\.)+[a-z]{2,63})\/?$/;
/** A host this short has no label over DNS's 63 characters, a limit some parsers enforce and the WHATWG one does not. */
const PLAIN_HOST_MAX_LENGTH = 63;

/** The host of a claim value that is an http(s) or ws(s) URL; undefined for any other value. */
function claimUrlHost(value: string): string | undefined {
  const plain = PLAIN_HOST_URL.exec(value)?.[1];
  if (plain !== undefined && plain.length <= PLAIN_HOST_MAX_LENGTH) return plain;
  return parseClaimUrl(value)?.hostname;
}

function addUrlClaim(urls: UrlClaim[], claim: string, value: unknown): void {
  if (typeof value !== 'string') return;
  const host = claimUrlHost(value);
  if (host === undefined) return;
  urls.push({ claim, host, region: regionOfPingHost(host), votesForRegion: !REGION_NEUTRAL_CLAIMS.has(claim) });
}

function vote(regions: Region[], region: Region | undefined): void {
  if (region && !regions.includes(region)) regions.push(region);
}

export function regionEvidence(claims: Readonly<Record<string, unknown>>): RegionEvidence {
  const urls: UrlClaim[] = [];
  const regionClaims: RegionClaim[] = [];
  // for-in, not Object.keys: claims have no prototype, and on such (dictionary-mode) objects it is the cheaper walk.
  for (const claim in claims) {
    const value = claims[claim];
    if (Array.isArray(value)) value.forEach((element, index) => addUrlClaim(urls, `${claim}[${index}]`, element));
    else addUrlClaim(urls, claim, value);
  }
  for (const claim of REGION_CLAIM_NAMES) {
    const value = claims[claim];
    if (typeof value === 'string') regionClaims.push({ claim, value, region: regionOfClaimValue(value) });
  }
  const regions: Region[] = [];
  for (const url of urls) if (url.votesForRegion) vote(regions, url.region);
  for (const regionClaim of regionClaims) vote(regions, regionClaim.region);
  return { urls, regionClaims, regions };
}

/** The one region every hint agrees on; undefined when there is no hint or the hints disagree. */
export function agreedRegion(evidence: RegionEvidence): Region | undefined {
  return evidence.regions.length === 1 ? evidence.regions[0] : undefined;
}

/**
 * The region and environment a PingOne link names: an issuer `https://auth.pingone.<tld>/<envId>/as[/...]` or a
 * console link `https://console.pingone.<tld>/[index.html]?env=<envId>[#/...]`. Undefined for any other host.
 */
export function environmentOfPingOneUrl(value: string): { region: Region; environmentId?: string } | undefined {
  const url = parseClaimUrl(value.trim());
  const region = url && regionOfHost(url.hostname);
  if (!url || !region) return undefined;
  const host = url.hostname.toLowerCase();
  if (host.startsWith('console.')) {
    const environmentId = url.searchParams.get('env') ?? undefined;
    return isEnvironmentId(environmentId) ? { region, environmentId } : { region };
  }
  const [, first, second] = url.pathname.split('/');
  return host.startsWith('auth.') && second === 'as' && isEnvironmentId(first) ? { region, environmentId: first } : { region };
}
