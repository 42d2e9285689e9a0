/** Credential (+ where it is going) -> checks, in the stable order of CHECK_IDS. */
import * as z from 'zod/mini';
import { isEnvironmentId } from '../regions';
import { CLIENT_ID_CLAIMS, CLIENT_SECRET_CLAIMS, ENVIRONMENT_ID_CLAIMS } from './claim-names';
import { suggestedConsoleName, type NameRule } from './names';
import { utcMinute } from './utc-minute';
import type { Check, CheckContext, Credential, CredentialKind } from './types';

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

/** Clock skew tolerated before an `iat` counts as "in the future" (the usual JWT leeway). */
const CLOCK_SKEW_SECONDS = 5 * 60;
/** Older than this, suggest rotating; PingOne credentials never expire on their own (lib/credential/README.md). */
const ROTATION_AGE_DAYS = 365;
const DAY_MS = 86_400_000;

const KIND_NAMES: Record<CredentialKind, string> = {
  gateway: 'a gateway credential',
  product: 'a product-connection credential',
  'oidc-app': 'OIDC application credentials',
};

type CheckOf = Check & { id: CheckId };

/** Untrusted text from a credential, shortened for a message. */
function shown(value: unknown, max = 64): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}...` : text;
}

function structureChecks(credential: Credential): CheckOf[] {
  if (credential.source !== 'jwt') return [];
  const header = credential.header ?? {};
  const checks: CheckOf[] = [];
  const alg = header.alg;
  if (typeof alg !== 'string' || alg === '') {
    checks.push({ id: 'structure.alg', level: 'error', message: 'The header names no signing algorithm (alg).', hint: 'PingOne signs its credentials (RS256). This JWT was not made by PingOne or was altered.' });
  } else if (alg.toLowerCase() === 'none') {
    checks.push({ id: 'structure.alg', level: 'error', message: 'The header says alg "none": this JWT is unsigned.', hint: 'PingOne signs its credentials (RS256). An unsigned one was made or altered by someone else.' });
  } else {
    checks.push({ id: 'structure.alg', level: 'ok', message: `Signed with ${shown(alg, 16)}, as the header says.` });
  }
  const typ = header.typ;
  if (typ === undefined) {
    checks.push({ id: 'structure.typ', level: 'ok', message: 'No typ header, as in PingOne credentials.' });
  } else if (typeof typ === 'string' && typ.toUpperCase() === 'JWT') {
    checks.push({ id: 'structure.typ', level: 'ok', message: 'typ is JWT.' });
  } else {
    const accessToken = typeof typ === 'string' && typ.toLowerCase() === 'at+jwt';
    checks.push({
      id: 'structure.typ',
      level: 'warning',
      message: accessToken ? 'typ is "at+jwt": this is an access token, not a credential.' : `Unexpected typ ${JSON.stringify(shown(typ, 32))}; PingOne credentials have none or "JWT".`,
    });
  }
  checks.push(
    credential.hasSignature
      ? { id: 'structure.signature', level: 'ok', message: 'Has a signature part.' }
      : { id: 'structure.signature', level: 'error', message: 'The signature part (third part) is empty.', hint: 'PingOne credentials are signed; the console will refuse this one. Copy the credential again, all of it.' },
  );
  checks.push({
    id: 'structure.unverified',
    level: 'info',
    message: 'Signature not verified: PingOne publishes no key for credential signatures.',
    hint: 'The target console checks the credential with PingOne when you save; "Test connection" checks the environment and client.',
  });
  return checks;
}

function environmentIdCheck(credential: Credential): CheckOf {
  const id = credential.environmentId;
  if (id === '') {
    const received = ENVIRONMENT_ID_CLAIMS.find((name) => Object.hasOwn(credential.claims, name) && credential.claims[name] !== '');
    return {
      id: 'identity.environment-id',
      level: 'error',
      message: received ? `${received} is ${JSON.stringify(shown(credential.claims[received], 32))}, not an environment ID.` : 'No environment ID.',
      hint: 'Every PingOne credential names its environment; this one is incomplete or not a PingOne credential.',
    };
  }
  if (!isEnvironmentId(id)) return { id: 'identity.environment-id', level: 'error', message: `The environment ID ${JSON.stringify(shown(id))} is not a UUID.`, hint: 'PingOne environment IDs look like 3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b.' };
  return { id: 'identity.environment-id', level: 'ok', message: `Environment ${id}.` };
}

const text = z.string().check(z.minLength(1));
/** The environment id is left to `identity.environment-id`, so one fault gives one error. */
const REQUIRED: Record<CredentialKind, z.ZodMiniObject> = {
  gateway: z.object({ organizationId: text, gatewayId: text, gatewayType: text, iat: z.number() }),
  product: z.object({ clientId: text, clientSecret: text }),
  'oidc-app': z.object({ clientId: text, clientSecret: text }),
};
const FIELD_NAMES: Record<CredentialKind, Record<string, string>> = {
  gateway: {},
  product: { clientId: `client id (${CLIENT_ID_CLAIMS.join(' or ')})`, clientSecret: `client secret (${CLIENT_SECRET_CLAIMS.join(' or ')})` },
  'oidc-app': { clientId: 'Client ID', clientSecret: 'Client Secret' },
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

function requiredClaimsCheck(credential: Credential): CheckOf {
  const values = requiredFieldValues(credential);
  const parsed = REQUIRED[credential.kind].safeParse(values);
  if (parsed.success) {
    return { id: 'identity.required-claims', level: 'ok', message: `Has everything ${KIND_NAMES[credential.kind]} needs.` };
  }
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0]);
    const name = FIELD_NAMES[credential.kind][key] ?? key;
    const value = values[key];
    if (value === undefined || value === '') return `${name} is missing`;
    const expected = issue.code === 'invalid_type' && issue.expected === 'number' ? 'a number' : 'text';
    return `${name} is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}, expected ${expected}`;
  });
  return {
    id: 'identity.required-claims',
    level: 'error',
    message: `Incomplete ${KIND_NAMES[credential.kind].replace(/^an? /, '')}: ${problems.join('; ')}.`,
    hint: credential.kind === 'product' ? 'The product credential claim names are not documented; see the Claims table for what it carries.' : undefined,
  };
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

function regionChecks(credential: Credential, context: CheckContext): CheckOf[] {
  const evidence = credential.regionEvidence;
  const checks: CheckOf[] = [];
  const tenantHost = ownTenantHost(credential, context);
  const naming = evidence.urls.filter((url) => !url.region && url.host.toLowerCase() === tenantHost);
  const offPingOne = evidence.urls.filter((url) => !url.region && !naming.includes(url));
  if (offPingOne.length) {
    checks.push({
      id: 'region.host',
      level: 'error',
      message: `${offPingOne.map((url) => `${url.claim} points to ${shown(url.host)}`).join('; ')}: not a PingOne host, possible tampering.`,
      hint: 'Genuine PingOne credentials name only *.pingone.<region> hosts. Do not use this credential; create a new one in PingOne.',
    });
  } else if (evidence.urls.length > naming.length) {
    const onPingOne = evidence.urls.filter((url) => !naming.includes(url));
    checks.push({ id: 'region.host', level: 'ok', message: `Every URL claim is on a PingOne host (${onPingOne.map((url) => url.claim).join(', ')}).` });
  }
  if (naming.length) {
    checks.push({
      id: 'region.tenant-url',
      level: 'info',
      message: `${naming.map((url) => url.claim).join(', ')} ${naming.length === 1 ? 'names' : 'name'} this tenant (${shown(naming[0]!.host)}): the tenant the credential was made for, not a PingOne host.`,
    });
  }
  const voters = [
    ...evidence.urls.filter((url) => url.votesForRegion && url.region).map((url) => ({ claim: url.claim, region: url.region })),
    ...evidence.regionClaims.filter((claim) => claim.region),
  ];
  const [first] = evidence.regions;
  if (evidence.regions.length > 1) {
    checks.push({
      id: 'region.mixed',
      level: 'error',
      message: `The credential names more than one region: ${voters.map((voter) => `${voter.claim} says ${voter.region?.name} (${voter.region?.tld})`).join('; ')}.`,
      hint: 'A genuine credential names one region. Do not use this credential; create a new one in PingOne.',
    });
  } else if (first) {
    checks.push({ id: 'region.mixed', level: 'ok', message: `Region ${first.name} (${first.tld}), from ${voters.map((voter) => voter.claim).join(', ')}.` });
  } else {
    const unmapped = evidence.regionClaims.filter((claim) => !claim.region);
    const jwt = credential.source === 'jwt';
    checks.push({
      id: 'region.unknown',
      level: jwt ? 'warning' : 'info',
      message: `No region can be derived from this credential${unmapped.map((claim) => ` (${claim.claim} ${JSON.stringify(shown(claim.value, 16))} is not a known region)`).join('')}: pick the region yourself.`,
      hint: jwt
        ? 'It has no PingOne URL or region claim. The wrong region is the most common failure: check where the environment lives.'
        : 'Paste the PingOne console link (console.pingone.<region>/?env=...) with the lines to give the region.',
    });
  }
  return checks;
}

function timeChecks(credential: Credential, nowMs: number): CheckOf[] {
  const checks: CheckOf[] = [];
  const { issuedAt, expiresAt } = credential;
  const issuedInFuture = issuedAt !== undefined && issuedAt * 1000 > nowMs + CLOCK_SKEW_SECONDS * 1000;
  if (issuedAt !== undefined && issuedInFuture) {
    checks.push({
      id: 'time.iat-future',
      level: 'warning',
      message: `Issued at ${utcMinute(issuedAt)}, ${Math.round((issuedAt * 1000 - nowMs) / 60_000)} minutes in the future.`,
      hint: "This computer's clock (or the issuer's) is off; the console may refuse the credential until the clocks agree.",
    });
  }
  if (expiresAt !== undefined) {
    checks.push(
      expiresAt * 1000 <= nowMs
        ? { id: 'time.expired', level: 'error', message: `Expired at ${utcMinute(expiresAt)}.`, hint: 'Create a new credential in PingOne.' }
        : { id: 'time.expired', level: 'ok', message: `Expires at ${utcMinute(expiresAt)} (PingOne credentials usually do not expire).` },
    );
  }
  if (issuedAt !== undefined && !issuedInFuture) {
    const days = Math.max(0, Math.floor((nowMs - issuedAt * 1000) / DAY_MS));
    checks.push(
      days > ROTATION_AGE_DAYS
        ? { id: 'time.age', level: 'warning', message: `Issued ${days} days ago (${utcMinute(issuedAt)}).`, hint: 'Consider rotating it: create a new credential in PingOne, switch over, then revoke this one.' }
        : { id: 'time.age', level: 'info', message: `Issued ${days} days ago (${utcMinute(issuedAt)}).` },
    );
  }
  return checks;
}

function targetChecks(credential: Credential, context: CheckContext): CheckOf[] {
  const target = context.console;
  if (!target) return [];
  const checks: CheckOf[] = [];
  const required = target.requiresGatewayType;
  if (required && credential.kind === 'gateway') {
    checks.push(
      credential.gatewayType === required
        ? { id: 'gateway.type', level: 'ok', message: `Gateway type ${required}, as ${target.name} needs.` }
        : {
            id: 'gateway.type',
            level: 'error',
            message: `${target.name} needs a ${required} gateway credential; this one is ${credential.gatewayType ? shown(credential.gatewayType, 32) : 'of no stated type'}.`,
            hint: 'Create the credential on a PingFederate gateway in PingOne (Integrations > PingFederate).',
          },
    );
  }
  checks.push(
    target.accepts.includes(credential.kind)
      ? { id: 'target.kind', level: 'ok', message: `${target.name} takes ${KIND_NAMES[credential.kind]}.` }
      : {
          id: 'target.kind',
          level: 'error',
          message:
            target.wrongKind?.[credential.kind] ??
            `${target.name} takes ${target.accepts.map((kind) => KIND_NAMES[kind]).join(' or ')}; this is ${KIND_NAMES[credential.kind]}.`,
        },
  );
  if (target.nameRule) checks.push(nameCheck(credential, target.nameRule));
  return checks;
}

function nameCheck(credential: Credential, rule: NameRule): CheckOf {
  const name = credential.environmentName;
  if (name === undefined) {
    return { id: 'target.name', level: 'info', message: `No environmentName in this credential: choose a name yourself (${rule.description}).` };
  }
  const suggestion = suggestedConsoleName(name, rule);
  if (suggestion === '') {
    return { id: 'target.name', level: 'warning', message: `Nothing of "${shown(name)}" fits the name rule (${rule.description}): choose a name yourself.` };
  }
  if (suggestion === name) {
    return { id: 'target.name', level: 'ok', message: `"${name}" can be used as the name as it is.`, suggestion };
  }
  return { id: 'target.name', level: 'info', message: `Suggested name "${suggestion}": "${shown(name)}" reduced to ${rule.description}.`, suggestion };
}

const describe = (name: string | undefined, id: string, tld: string | undefined) =>
  `'${shown(name ?? (id || 'no environment'))}' (${tld ?? 'region unknown'})`;

function mappingCheck(credential: Credential, expected: NonNullable<CheckContext['expected']>): CheckOf {
  const actual = describe(credential.environmentName, credential.environmentId, credential.region?.tld);
  const wanted = describe(expected.environmentName, expected.environmentId, expected.regionTld);
  const tenant = expected.tenantLabel ? `${expected.tenantLabel}${expected.tier ? ` (${expected.tier})` : ''}` : 'this tenant';
  const sameId = credential.environmentId.toLowerCase() === expected.environmentId.toLowerCase();
  const otherRegion = credential.region && expected.regionTld && credential.region.tld !== expected.regionTld;
  if (!sameId || otherRegion) {
    return {
      id: 'mapping.environment',
      level: 'error',
      message: `This credential is for ${actual} but ${tenant} expects ${wanted}.`,
      hint: 'Create the credential in the PingOne environment mapped to this tenant, or fix the mapping in Options.',
    };
  }
  if (credential.environmentName && expected.environmentName && credential.environmentName !== expected.environmentName) {
    return {
      id: 'mapping.environment',
      level: 'warning',
      message: `The environment ID matches ${tenant}, but the names differ: the credential says '${shown(credential.environmentName)}', the mapping says '${expected.environmentName}'.`,
      hint: 'The environment may have been renamed; update the mapping in Options.',
    };
  }
  return { id: 'mapping.environment', level: 'ok', message: `Matches the environment ${tenant} expects: ${wanted}.` };
}

/**
 * On a tenant mapped to nothing: the credential's environment is mapped to another tenant of the same console. On a
 * shared domain that other tenant is usually the admin's own and this one another customer's sibling tenant: refused, not noted.
 */
function elsewhereCheck(credential: Credential, { mappedElsewhere = [], origin }: CheckContext): CheckOf | undefined {
  const id = credential.environmentId.toLowerCase();
  const tenants = mappedElsewhere.filter((tenant) => id && tenant.environmentId.toLowerCase() === id);
  if (!tenants.length) return undefined;
  const places = tenants.map((tenant) => `${tenant.origin}${tenant.tenantLabel ? ` (${tenant.tenantLabel}, ${tenant.tier})` : ''}`);
  return {
    id: 'mapping.elsewhere',
    level: 'error',
    message: `The environment of this credential, ${describe(credential.environmentName, credential.environmentId, credential.region?.tld)}, is mapped to ${places.join(' and ')}, not to ${origin}.`,
    hint: 'Fill the tenant it is mapped to, or map this one in Options if it is yours too.',
  };
}

/** The first fill at an unmapped tenant of a shared domain asks: no fill was recorded at this origin yet. */
function firstFillCheck({ sharedDomain, origin, seen = [] }: CheckContext): CheckOf | undefined {
  if (!sharedDomain || seen.some((use) => use.origin === origin)) return undefined;
  return {
    id: 'tenant.first-fill',
    level: 'error',
    message: `First fill at ${origin}: every customer's tenant on ${sharedDomain} looks like this one. Fill it only if it is yours.`,
    hint: 'Asked once: a tenant filled is remembered. Mapping it in Options guards it better.',
  };
}

function reuseCheck(context: CheckContext): CheckOf | undefined {
  const { fingerprint, seen, origin } = context;
  if (!fingerprint || !seen || !origin) return undefined;
  const elsewhere = seen.filter((use) => use.fingerprint === fingerprint && use.origin !== origin);
  if (!elsewhere.length) return undefined;
  const places = [...new Set(elsewhere.map((use) => (use.tenantLabel ? `${use.origin} (${use.tenantLabel})` : use.origin)))];
  const last = Math.max(...elsewhere.map((use) => use.at));
  return {
    id: 'reuse.other-tenant',
    level: 'warning',
    message: `This credential was already used on ${places.join(', ')}, last on ${utcMinute(last / 1000)}.`,
    hint: 'The same credential cannot back two connections at once (PingFederate documentation). Create a separate credential for each.',
  };
}

export function checkCredential(credential: Credential, context: CheckContext = {}): Check[] {
  const checks: (CheckOf | undefined)[] = [
    ...structureChecks(credential),
    environmentIdCheck(credential),
    requiredClaimsCheck(credential),
    ...regionChecks(credential, context),
    ...timeChecks(credential, context.now ?? Date.now()),
    ...targetChecks(credential, context),
    context.expected ? mappingCheck(credential, context.expected) : elsewhereCheck(credential, context),
    context.expected ? undefined : firstFillCheck(context),
    reuseCheck(context),
  ];
  return checks.filter((check): check is CheckOf => check !== undefined);
}
