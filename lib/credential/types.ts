import type { Region } from '../regions';
import type { RegionEvidence } from './claim-region';

/**
 * The three kinds of credential an admin moves between consoles (lib/credential/README.md):
 * - `gateway`: a PingOne gateway credential JWT (PingAccess, PingFederate); carries no client secret.
 * - `product`: a product-connection credential JWT (Advanced Identity Cloud); carries client credentials.
 * - `oidc-app`: an OIDC application's client id / secret / environment id (Cloudflare Zero Trust, PingFederate).
 */
export type CredentialKind = 'gateway' | 'product' | 'oidc-app';

/** How the admin's text was recognised. */
export type CredentialSource = 'jwt' | 'cloudflare-json' | 'labelled-lines';

export interface Credential {
  kind: CredentialKind;
  source: CredentialSource;
  /** The normalised input: the compact JWT, or the recognised text. SECRET: never log, persist locally or send off. */
  raw: string;
  environmentId: string;
  environmentName?: string;
  /** The region, only when every region hint in the credential agrees on one entry of the region table. */
  region?: Region;
  /** What the claims say about the region, worked out once by the read: `region` and the region checks both use it. */
  regionEvidence: RegionEvidence;
  organizationId?: string;
  organizationName?: string;
  gatewayId?: string;
  gatewayName?: string;
  gatewayType?: string;
  clientId?: string;
  /** SECRET. */
  clientSecret?: string;
  /** Decoded JWT protected header (null-prototype copy), for JWT sources. */
  header?: Readonly<Record<string, unknown>>;
  /** Every claim as received (null-prototype copy); for non-JWT sources, the recognised fields. */
  claims: Readonly<Record<string, unknown>>;
  /** `iat` in seconds, when present and numeric. */
  issuedAt?: number;
  /** `exp` in seconds, when present and numeric. */
  expiresAt?: number;
  /** Whether the JWT had a non-empty signature part (never verified: PingOne publishes no key for it). */
  hasSignature?: boolean;
}

export interface ReadError {
  /** Stable machine code, e.g. `jwt.payload.not-base64url`, `input.too-large`, `input.looks-like-url`. */
  code: string;
  /** Plain-language message naming the part and what was expected. */
  message: string;
  /** What the admin probably pasted instead, and what to paste. */
  hint?: string;
}

export type ReadResult = { ok: true; credential: Credential } | { ok: false; error: ReadError };

export type CheckLevel = 'error' | 'warning' | 'info' | 'ok';

export interface Check {
  /** Stable id, e.g. `structure.alg`, `region.mixed`, `target.kind`, `mapping.environment`. */
  id: string;
  level: CheckLevel;
  message: string;
  hint?: string;
  /** A value the UI may offer, e.g. the AIC-safe suggested name. Never a secret. */
  suggestion?: string;
}

/** What a console declares about itself that matters to checks (lib/consoles passes its own module). */
export interface ConsoleRules {
  id: string;
  name: string;
  accepts: readonly CredentialKind[];
  /**
   * The console's own word for a kind it refuses, where "takes X; this is Y" would leave the admin asking where that
   * credential goes instead (PingFederate: a gateway credential belongs in its PingOne connection, not this form).
   */
  wrongKind?: Partial<Record<CredentialKind, string>>;
  /** PingAccess and PingFederate take only `PING_FEDERATE` gateway credentials. */
  requiresGatewayType?: string;
  /** A rule names must follow there, e.g. AIC: letters, digits, hyphens. */
  nameRule?: { pattern: RegExp; description: string };
}

/** The environment a tenant is mapped to in the options page (lib/settings). */
export interface ExpectedEnvironment {
  environmentId: string;
  environmentName?: string;
  regionTld?: Region['tld'];
  /** The tenant's label and tier, for messages: "this tenant (Acme, production) expects ...". */
  tenantLabel?: string;
  tier?: string;
}

/** A record of a credential used before, by non-reversible fingerprint only. */
export interface SeenUse {
  fingerprint: string;
  origin: string;
  tenantLabel?: string;
  /** ms since epoch */
  at: number;
}

/** A tenant of the target console mapped at another origin (lib/target), and the environment it expects. */
export interface MappedTenant extends ExpectedEnvironment {
  origin: string;
}

export interface CheckContext {
  console?: ConsoleRules;
  /** Origin of the tab the credential is going to. */
  origin?: string;
  expected?: ExpectedEnvironment;
  /** For a tab whose tenant is not mapped: the same console's tenants that are, at other origins. */
  mappedElsewhere?: readonly MappedTenant[];
  /**
   * For a tab whose tenant is not mapped: the domain it shares with every other customer's tenant of a hosted console
   * (AIC's `forgeblocks.com`), where a sibling tenant looks just like the admin's own.
   */
  sharedDomain?: string;
  /** This credential's fingerprint (see fingerprintCredential), needed for the reuse check. */
  fingerprint?: string;
  seen?: readonly SeenUse[];
  /** Clock for time checks, ms since epoch (defaults to Date.now()). */
  now?: number;
}
