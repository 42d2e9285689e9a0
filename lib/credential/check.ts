/**
 * Credential (+ where it is going) -> findings, in the stable order of CHECK_IDS: each check's level and the facts
 * behind it, without words. The background decides a fill with these alone; ./check-words.ts words them where the
 * admin reads them (the popup), so the worker carries no sentence it never shows.
 */
import * as z from 'zod/mini';
import type { Region } from '../regions';
import { isEnvironmentId } from '../regions';
import { CLIENT_ID_CLAIMS, CLIENT_SECRET_CLAIMS, ENVIRONMENT_ID_CLAIMS } from './claim-names';
import { suggestedConsoleName, type NameRule } from './names';
import type { CheckContext, CheckLevel, Credential, CredentialKind, ExpectedEnvironment, MappedTenant, SeenUse } from './types';

/**
 * Every check id, in the order checks are returned. A check that judges something present (alg, environment id,
 * region, target) reports `ok` when it passes, so the admin sees what was checked; a pure alert
 * (`time.iat-future`, `region.unknown`, `reuse.other-tenant`) is left out when it does not apply.
 */
export const CHECK_IDS = [
  'structure.alg',
  'structure.typ',
  'structure.signature',
  'structure.unverified',
  'identity.environment-id',
  'identity.required-claims',
  'region.host',
  'region.tenant-url',
  'region.mixed',
  'region.unknown',
  'time.iat-future',
  'time.expired',
  'time.age',
  'gateway.type',
  'target.kind',
  'target.name',
  'mapping.environment',
  'mapping.elsewhere',
  'tenant.first-fill',
  'reuse.other-tenant',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

/** The credential's environment as a mapping finding names it. */
export interface EnvironmentFacts {
  name?: string;
  id: string;
  tld?: string;
}

/** A URL claim and its host. */
export interface UrlFacts {
  claim: string;
  host: string;
}

/** What each check found, by id: the level says which case, these the values its words need. */
export interface FindingFacts {
  /** `alg` absent on an error: the header names none; present on an error: it says "none". */
  'structure.alg': { alg?: string };
  'structure.typ': { typ?: unknown };
  'structure.signature': object;
  'structure.unverified': object;
  /** On an empty id, the claim that held something else, and what. */
  'identity.environment-id': { id: string; claim?: string; value?: unknown };
  /** Each required field missing (`got` absent) or of another type. */
  'identity.required-claims': { kind: CredentialKind; problems?: { field: string; got?: string; expected: 'a number' | 'text' }[] };
  /** The URL claims off PingOne (error) or on it (ok). */
  'region.host': { urls: UrlFacts[] };
  'region.tenant-url': { urls: UrlFacts[] };
  'region.mixed': { voters: { claim: string; region?: Region }[]; region?: Region };
  'region.unknown': { unmapped: { claim: string; value: unknown }[]; jwt: boolean };
  'time.iat-future': { at: number; minutes: number };
  'time.expired': { at: number };
  'time.age': { at: number; days: number };
  'gateway.type': { console: string; required: string; actual?: string };
  'target.kind': { console: string; kind: CredentialKind; accepts: readonly CredentialKind[]; said?: string };
  'target.name': { rule: string; name?: string };
  'mapping.environment': { credential: EnvironmentFacts; expected: ExpectedEnvironment };
  'mapping.elsewhere': { credential: EnvironmentFacts; tenants: MappedTenant[]; origin?: string };
  'tenant.first-fill': { origin?: string; sharedDomain: string };
  'reuse.other-tenant': { uses: SeenUse[]; last: number };
}

/** One check's judgement: its id, its level, its facts (and a value the UI may offer, e.g. the AIC-safe name). */
export type Finding = { [K in CheckId]: { id: K; level: CheckLevel; facts: FindingFacts[K]; suggestion?: string } }[CheckId];

const found = <K extends CheckId>(id: K, level: CheckLevel, facts: FindingFacts[K], suggestion?: string) => ({ id, level, facts, suggestion }) as Finding;

/** Clock skew tolerated before an `iat` counts as "in the future" (the usual JWT leeway). */
const CLOCK_SKEW_SECONDS = 5 * 60;
/** Older than this, suggest rotating; PingOne credentials never expire on their own (lib/credential/README.md). */
const ROTATION_AGE_DAYS = 365;
const DAY_MS = 86_400_000;

function structureFindings(credential: Credential): Finding[] {
  if (credential.source !== 'jwt') return [];
  const { alg, typ } = credential.header ?? {};
  return [
    typeof alg !== 'string' || alg === ''
      ? found('structure.alg', 'error', {})
      : found('structure.alg', alg.toLowerCase() === 'none' ? 'error' : 'ok', { alg }),
    found('structure.typ', typ === undefined || (typeof typ === 'string' && typ.toUpperCase() === 'JWT') ? 'ok' : 'warning', { typ }),
    found('structure.signature', credential.hasSignature ? 'ok' : 'error', {}),
    found('structure.unverified', 'info', {}),
  ];
}

function environmentIdFinding(credential: Credential): Finding {
  const id = credential.environmentId;
  if (id === '') {
    const claim = ENVIRONMENT_ID_CLAIMS.find((name) => Object.hasOwn(credential.claims, name) && credential.claims[name] !== '');
    return found('identity.environment-id', 'error', claim ? { id, claim, value: credential.claims[claim] } : { id });
  }
  return found('identity.environment-id', isEnvironmentId(id) ? 'ok' : 'error', { id });
}

const text = z.string().check(z.minLength(1));
/** The environment id is left to `identity.environment-id`, so one fault gives one error. */
const REQUIRED: Record<CredentialKind, z.ZodMiniObject> = {
  gateway: z.object({ organizationId: text, gatewayId: text, gatewayType: text, iat: z.number() }),
  product: z.object({ clientId: text, clientSecret: text }),
  'oidc-app': z.object({ clientId: text, clientSecret: text }),
};

function firstPresent(claims: Credential['claims'], names: readonly string[]): unknown {
  return claims[names.find((name) => Object.hasOwn(claims, name)) ?? ''];
}

/** The value a required field was received as: the claim for JWTs (first alias present), the read field otherwise. */
function requiredFieldValues(credential: Credential): Record<string, unknown> {
  const { claims } = credential;
  if (credential.kind === 'gateway') return claims as Record<string, unknown>;
  if (credential.kind === 'oidc-app') return { clientId: credential.clientId, clientSecret: credential.clientSecret };
  return { clientId: firstPresent(claims, CLIENT_ID_CLAIMS), clientSecret: firstPresent(claims, CLIENT_SECRET_CLAIMS) };
}

function requiredClaimsFinding(credential: Credential): Finding {
  const { kind } = credential;
  const values = requiredFieldValues(credential);
  const parsed = REQUIRED[kind].safeParse(values);
  if (parsed.success) return found('identity.required-claims', 'ok', { kind });
  const problems = parsed.error.issues.map((issue) => {
    const field = String(issue.path[0]);
    const value = values[field];
    const expected = issue.code === 'invalid_type' && issue.expected === 'number' ? 'a number' : 'text';
    if (value === undefined || value === '') return { field, expected } as const;
    return { field, expected, got: Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}` } as const;
  });
  return found('identity.required-claims', 'error', { kind, problems });
}

/**
 * The admin's own Advanced Identity Cloud tenant host, when a product credential goes to it: such a credential may
 * name the tenant it was created for (AIC's product connection, lib/credential/README.md), which is no PingOne host
 * and no tampering either. Another tenant's host stays foreign.
 */
function ownTenantHost(credential: Credential, context: CheckContext): string | undefined {
  if (credential.kind !== 'product' || context.console?.id !== 'aic' || !context.origin) return undefined;
  return new URL(context.origin).hostname;
}

function regionFindings(credential: Credential, context: CheckContext): Finding[] {
  const evidence = credential.regionEvidence;
  const findings: Finding[] = [];
  const tenantHost = ownTenantHost(credential, context);
  const naming = evidence.urls.filter((url) => !url.region && url.host.toLowerCase() === tenantHost);
  const offPingOne = evidence.urls.filter((url) => !url.region && !naming.includes(url));
  if (offPingOne.length) findings.push(found('region.host', 'error', { urls: offPingOne }));
  else if (evidence.urls.length > naming.length) findings.push(found('region.host', 'ok', { urls: evidence.urls.filter((url) => !naming.includes(url)) }));
  if (naming.length) findings.push(found('region.tenant-url', 'info', { urls: naming }));
  const voters = [
    ...evidence.urls.filter((url) => url.votesForRegion && url.region).map((url) => ({ claim: url.claim, region: url.region })),
    ...evidence.regionClaims.filter((claim) => claim.region),
  ];
  const [region] = evidence.regions;
  if (evidence.regions.length > 1) findings.push(found('region.mixed', 'error', { voters }));
  else if (region) findings.push(found('region.mixed', 'ok', { voters, region }));
  else {
    const jwt = credential.source === 'jwt';
    findings.push(found('region.unknown', jwt ? 'warning' : 'info', { unmapped: evidence.regionClaims.filter((claim) => !claim.region), jwt }));
  }
  return findings;
}

function timeFindings(credential: Credential, nowMs: number): Finding[] {
  const findings: Finding[] = [];
  const { issuedAt, expiresAt } = credential;
  const issuedInFuture = issuedAt !== undefined && issuedAt * 1000 > nowMs + CLOCK_SKEW_SECONDS * 1000;
  if (issuedAt !== undefined && issuedInFuture) {
    findings.push(found('time.iat-future', 'warning', { at: issuedAt, minutes: Math.round((issuedAt * 1000 - nowMs) / 60_000) }));
  }
  if (expiresAt !== undefined) findings.push(found('time.expired', expiresAt * 1000 <= nowMs ? 'error' : 'ok', { at: expiresAt }));
  if (issuedAt !== undefined && !issuedInFuture) {
    const days = Math.max(0, Math.floor((nowMs - issuedAt * 1000) / DAY_MS));
    findings.push(found('time.age', days > ROTATION_AGE_DAYS ? 'warning' : 'info', { at: issuedAt, days }));
  }
  return findings;
}

function targetFindings(credential: Credential, context: CheckContext): Finding[] {
  const target = context.console;
  if (!target) return [];
  const findings: Finding[] = [];
  const required = target.requiresGatewayType;
  if (required && credential.kind === 'gateway') {
    const actual = credential.gatewayType;
    findings.push(found('gateway.type', actual === required ? 'ok' : 'error', { console: target.name, required, actual }));
  }
  const { kind } = credential;
  findings.push(
    found('target.kind', target.accepts.includes(kind) ? 'ok' : 'error', { console: target.name, kind, accepts: target.accepts, said: target.wrongKind?.[kind] }),
  );
  if (target.nameRule) findings.push(nameFinding(credential, target.nameRule));
  return findings;
}

function nameFinding(credential: Credential, rule: NameRule): Finding {
  const name = credential.environmentName;
  const facts = { rule: rule.description, name };
  if (name === undefined) return found('target.name', 'info', facts);
  const suggestion = suggestedConsoleName(name, rule);
  if (suggestion === '') return found('target.name', 'warning', facts);
  return found('target.name', suggestion === name ? 'ok' : 'info', facts, suggestion);
}

const environmentOf = (credential: Credential): EnvironmentFacts => ({
  name: credential.environmentName,
  id: credential.environmentId,
  tld: credential.region?.tld,
});

function mappingFinding(credential: Credential, expected: ExpectedEnvironment): Finding {
  const sameId = credential.environmentId.toLowerCase() === expected.environmentId.toLowerCase();
  const otherRegion = credential.region && expected.regionTld && credential.region.tld !== expected.regionTld;
  const renamed = credential.environmentName && expected.environmentName && credential.environmentName !== expected.environmentName;
  const level = !sameId || otherRegion ? 'error' : renamed ? 'warning' : 'ok';
  return found('mapping.environment', level, { credential: environmentOf(credential), expected });
}

/**
 * On a tenant mapped to nothing: the credential's environment is mapped to another tenant of the same console. On a
 * shared domain that other tenant is usually the admin's own and this one another customer's sibling tenant: refused, not noted.
 */
function elsewhereFinding(credential: Credential, { mappedElsewhere = [], origin }: CheckContext): Finding | undefined {
  const id = credential.environmentId.toLowerCase();
  const tenants = mappedElsewhere.filter((tenant) => id && tenant.environmentId.toLowerCase() === id);
  return tenants.length ? found('mapping.elsewhere', 'error', { credential: environmentOf(credential), tenants, origin }) : undefined;
}

/** The first fill at an unmapped tenant of a shared domain asks: no fill was recorded at this origin yet. */
function firstFillFinding({ sharedDomain, origin, seen = [] }: CheckContext): Finding | undefined {
  if (!sharedDomain || seen.some((use) => use.origin === origin)) return undefined;
  return found('tenant.first-fill', 'error', { origin, sharedDomain });
}

function reuseFinding({ fingerprint, seen, origin }: CheckContext): Finding | undefined {
  if (!fingerprint || !seen || !origin) return undefined;
  const uses = seen.filter((use) => use.fingerprint === fingerprint && use.origin !== origin);
  return uses.length ? found('reuse.other-tenant', 'warning', { uses, last: Math.max(...uses.map((use) => use.at)) }) : undefined;
}

export function judgeCredential(credential: Credential, context: CheckContext = {}): Finding[] {
  const findings: (Finding | undefined)[] = [
    ...structureFindings(credential),
    environmentIdFinding(credential),
    requiredClaimsFinding(credential),
    ...regionFindings(credential, context),
    ...timeFindings(credential, context.now ?? Date.now()),
    ...targetFindings(credential, context),
    context.expected ? mappingFinding(credential, context.expected) : elsewhereFinding(credential, context),
    context.expected ? undefined : firstFillFinding(context),
    reuseFinding(context),
  ];
  return findings.filter((finding): finding is Finding => finding !== undefined);
}
