/**
 * What the popup's Claims table says about each known claim. Sources: lib/credential/README.md (gateway claims, documented
 * by the PingOne Platform API) and lib/consoles/README.md (Cloudflare config keys); the product credential's names are unconfirmed.
 */

export interface ClaimInfo {
  label: string;
  description: string;
  /** The value is a secret: the UI masks it behind "Reveal". */
  secret?: boolean;
}

const UNCONFIRMED = ' (claim name not confirmed by PingOne documentation)';

const ENTRIES: Record<string, ClaimInfo> = {
  environmentId: { label: 'Environment ID', description: 'The PingOne environment this credential belongs to.' },
  environmentName: { label: 'Environment name', description: 'Name of the PingOne environment; check it is the one this tenant maps to.' },
  organizationId: { label: 'Organization ID', description: 'The PingOne organization that owns the environment.' },
  organizationName: { label: 'Organization name', description: 'Name of the PingOne organization.' },
  gatewayId: { label: 'Gateway ID', description: 'The PingOne gateway (connection) this credential was created for.' },
  gatewayName: { label: 'Gateway name', description: 'Name of the gateway in the PingOne console.' },
  gatewayType: { label: 'Gateway type', description: 'PING_FEDERATE for PingAccess and PingFederate; also LDAP, RADIUS, API_GATEWAY_INTEGRATION, AUTHORIZE.' },
  authUrl: { label: 'Auth URL', description: "PingOne's authentication host for the environment's region." },
  consoleUrl: { label: 'Console URL', description: "PingOne's admin console host for the environment's region." },
  aud: { label: 'Audience', description: 'Who the credential is for, usually the PingOne API host of the region.' },
  iss: { label: 'Issuer', description: 'Who issued the credential; for gateway credentials wss://gateways.pingone.com. A hint only.' },
  iat: { label: 'Issued at', description: 'When the credential was created.' },
  exp: { label: 'Expires', description: 'Expiry time; PingOne credentials normally have none and are rotated instead.' },
  nbf: { label: 'Not before', description: 'The credential is not valid before this time.' },
  jti: { label: 'Credential ID', description: 'Unique id of this credential in PingOne (used to revoke it).' },
  sub: { label: 'Subject', description: 'Who the token is about.' },
  targetGeography: { label: 'Region', description: `Region code of the environment (NA, CA, EU, AU, SG, AP)${UNCONFIRMED}.` },
  targetClusterEnvironment: { label: 'Cluster', description: `PingOne cluster the environment runs on${UNCONFIRMED}.` },
  clientId: { label: 'Client ID', description: 'The PingOne application (client) id.' },
  client_id: { label: 'Client ID', description: 'The PingOne application (client) id.' },
  clientSecret: { label: 'Client Secret', description: "The PingOne application's secret.", secret: true },
  client_secret: { label: 'Client Secret', description: "The PingOne application's secret.", secret: true },
  envId: { label: 'Environment ID', description: `The PingOne environment${UNCONFIRMED}.` },
  environment_id: { label: 'Environment ID', description: `The PingOne environment${UNCONFIRMED}.` },
  ping_env_id: { label: 'Environment ID', description: "Cloudflare's name for the PingOne environment id." },
  pkce_enabled: { label: 'PKCE', description: 'Cloudflare performs PKCE on every login attempt.' },
  name: { label: 'Name', description: 'Name of the identity provider in Cloudflare.' },
  issuer: { label: 'Issuer', description: "PingOne issuer URL, https://auth.pingone.<region>/<environment>/as." },
};

/**
 * Known claims, null-prototype so a claim named `constructor` or `__proto__` is simply unknown.
 * Look up with `claimInfo(name)` (or `Object.hasOwn`), not with `in`.
 */
// Marked pure so a bundle that never reads it (the background) leaves the table out: a call at the top level is
// otherwise kept for its possible side effects (https://rollupjs.org/configuration-options/#pure).
export const CLAIM_INFO: Readonly<Record<string, ClaimInfo>> = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(null), ENTRIES));

export function claimInfo(name: string): ClaimInfo | undefined {
  return Object.hasOwn(CLAIM_INFO, name) ? CLAIM_INFO[name] : undefined;
}

const TIME_CLAIMS = new Set(['iat', 'exp', 'nbf']);

/** Claims holding seconds since the epoch (RFC 7519 §4.1.4-6), shown as dates. */
export function isTimeClaim(name: string): boolean {
  return TIME_CLAIMS.has(name);
}
