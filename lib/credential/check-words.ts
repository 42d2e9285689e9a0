/**
 * The words of each check (./check.ts judges, this says it): a message naming what was found, and a hint of what to
 * do where there is one. Loaded where the admin reads checks (the popup, Options), never by the background, which
 * decides on findings alone and sends them to the popup to word.
 */
import { CLIENT_ID_CLAIMS, CLIENT_SECRET_CLAIMS } from './claim-names';
import type { CheckId, EnvironmentFacts, Finding, FindingFacts } from './check';
import { utcMinute } from './utc-minute';
import type { Check, CheckContext, CheckLevel, Credential, CredentialKind } from './types';

const KIND_NAMES: Record<CredentialKind, string> = {
  gateway: 'a gateway credential',
  product: 'a product-connection credential',
  'oidc-app': 'OIDC application credentials',
};

const FIELD_NAMES: Record<CredentialKind, Record<string, string>> = {
  gateway: {},
  product: { clientId: `client id (${CLIENT_ID_CLAIMS.join(' or ')})`, clientSecret: `client secret (${CLIENT_SECRET_CLAIMS.join(' or ')})` },
  'oidc-app': { clientId: 'Client ID', clientSecret: 'Client Secret' },
};

const NEW_ONE = 'Do not use this credential; create a new one in PingOne.';

/** Untrusted text from a credential, shortened for a message. */
function shown(value: unknown, max = 64): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}...` : text;
}

const quoted = (value: unknown, max?: number) => JSON.stringify(shown(value, max));

const environment = ({ name, id, tld }: EnvironmentFacts) => `'${shown(name ?? (id || 'no environment'))}' (${tld ?? 'region unknown'})`;

type Words = Pick<Check, 'message' | 'hint'>;

/** Each check's words from its level and facts. */
const WORDS: { [K in CheckId]: (facts: FindingFacts[K], level: CheckLevel, suggestion?: string) => Words } = {
  'structure.alg': ({ alg }, level) =>
    level === 'ok'
      ? { message: `Signed with ${shown(alg, 16)}, as the header says.` }
      : alg === undefined
        ? { message: 'The header names no signing algorithm (alg).', hint: 'PingOne signs its credentials (RS256). This JWT was not made by PingOne or was altered.' }
        : { message: 'The header says alg "none": this JWT is unsigned.', hint: 'PingOne signs its credentials (RS256). An unsigned one was made or altered by someone else.' },
  'structure.typ': ({ typ }, level) => ({
    message:
      level === 'ok'
        ? typ === undefined
          ? 'No typ header, as in PingOne credentials.'
          : 'typ is JWT.'
        : typeof typ === 'string' && typ.toLowerCase() === 'at+jwt'
          ? 'typ is "at+jwt": this is an access token, not a credential.'
          : `Unexpected typ ${quoted(typ, 32)}; PingOne credentials have none or "JWT".`,
  }),
  'structure.signature': (_, level) =>
    level === 'ok'
      ? { message: 'Has a signature part.' }
      : { message: 'The signature part (third part) is empty.', hint: 'PingOne credentials are signed; the console will refuse this one. Copy the credential again, all of it.' },
  'structure.unverified': () => ({
    message: 'Signature not verified: PingOne publishes no key for credential signatures.',
    hint: 'The target console checks the credential with PingOne when you save; "Test connection" checks the environment and client.',
  }),
  'identity.environment-id': ({ id, claim, value }, level) =>
    level === 'ok'
      ? { message: `Environment ${id}.` }
      : id === ''
        ? {
            message: claim ? `${claim} is ${quoted(value, 32)}, not an environment ID.` : 'No environment ID.',
            hint: 'Every PingOne credential names its environment; this one is incomplete or not a PingOne credential.',
          }
        : { message: `The environment ID ${quoted(id)} is not a UUID.`, hint: 'PingOne environment IDs look like 3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b.' },
  'identity.required-claims': ({ kind, problems = [] }, level) => {
    if (level === 'ok') return { message: `Has everything ${KIND_NAMES[kind]} needs.` };
    const faults = problems.map(({ field, got, expected }) => {
      const name = FIELD_NAMES[kind][field] ?? field;
      return got ? `${name} is ${got}, expected ${expected}` : `${name} is missing`;
    });
    return {
      message: `Incomplete ${KIND_NAMES[kind].replace(/^an? /, '')}: ${faults.join('; ')}.`,
      hint: kind === 'product' ? 'The product credential claim names are not documented; see the Claims table for what it carries.' : undefined,
    };
  },
  'region.host': ({ urls }, level) =>
    level === 'ok'
      ? { message: `Every URL claim is on a PingOne host (${urls.map((url) => url.claim).join(', ')}).` }
      : {
          message: `${urls.map((url) => `${url.claim} points to ${shown(url.host)}`).join('; ')}: not a PingOne host, possible tampering.`,
          hint: `Genuine PingOne credentials name only *.pingone.<region> hosts. ${NEW_ONE}`,
        },
  'region.tenant-url': ({ urls }) => ({
    message: `${urls.map((url) => url.claim).join(', ')} ${urls.length === 1 ? 'names' : 'name'} this tenant (${shown(urls[0]?.host)}): the tenant the credential was made for, not a PingOne host.`,
  }),
  'region.mixed': ({ voters, region }, level) =>
    level === 'ok'
      ? { message: `Region ${region?.name} (${region?.tld}), from ${voters.map((voter) => voter.claim).join(', ')}.` }
      : {
          message: `The credential names more than one region: ${voters.map((voter) => `${voter.claim} says ${voter.region?.name} (${voter.region?.tld})`).join('; ')}.`,
          hint: `A genuine credential names one region. ${NEW_ONE}`,
        },
  'region.unknown': ({ unmapped, jwt }) => ({
    message: `No region can be derived from this credential${unmapped.map((claim) => ` (${claim.claim} ${quoted(claim.value, 16)} is not a known region)`).join('')}: pick the region yourself.`,
    hint: jwt
      ? 'It has no PingOne URL or region claim. The wrong region is the most common failure: check where the environment lives.'
      : 'Paste the PingOne console link (console.pingone.<region>/?env=...) with the lines to give the region.',
  }),
  'time.iat-future': ({ at, minutes }) => ({
    message: `Issued at ${utcMinute(at)}, ${minutes} minutes in the future.`,
    hint: "This computer's clock (or the issuer's) is off; the console may refuse the credential until the clocks agree.",
  }),
  'time.expired': ({ at }, level) =>
    level === 'ok'
      ? { message: `Expires at ${utcMinute(at)} (PingOne credentials usually do not expire).` }
      : { message: `Expired at ${utcMinute(at)}.`, hint: 'Create a new credential in PingOne.' },
  'time.age': ({ at, days }, level) => ({
    message: `Issued ${days} days ago (${utcMinute(at)}).`,
    hint: level === 'warning' ? 'Consider rotating it: create a new credential in PingOne, switch over, then revoke this one.' : undefined,
  }),
  'gateway.type': ({ console, required, actual }, level) =>
    level === 'ok'
      ? { message: `Gateway type ${required}, as ${console} needs.` }
      : {
          message: `${console} needs a ${required} gateway credential; this one is ${actual ? shown(actual, 32) : 'of no stated type'}.`,
          hint: 'Create the credential on a PingFederate gateway in PingOne (Integrations > PingFederate).',
        },
  'target.kind': ({ console, kind, accepts, said }, level) => ({
    message:
      level === 'ok'
        ? `${console} takes ${KIND_NAMES[kind]}.`
        : (said ?? `${console} takes ${accepts.map((accepted) => KIND_NAMES[accepted]).join(' or ')}; this is ${KIND_NAMES[kind]}.`),
  }),
  'target.name': ({ rule, name }, level, suggestion) => ({
    message:
      name === undefined
        ? `No environmentName in this credential: choose a name yourself (${rule}).`
        : level === 'warning'
          ? `Nothing of "${shown(name)}" fits the name rule (${rule}): choose a name yourself.`
          : level === 'ok'
            ? `"${name}" can be used as the name as it is.`
            : `Suggested name "${suggestion}": "${shown(name)}" reduced to ${rule}.`,
  }),
  'mapping.environment': ({ credential, expected }, level) => {
    const tenant = expected.tenantLabel ? `${expected.tenantLabel}${expected.tier ? ` (${expected.tier})` : ''}` : 'this tenant';
    const wanted = environment({ name: expected.environmentName, id: expected.environmentId, tld: expected.regionTld });
    if (level === 'error') {
      return {
        message: `This credential is for ${environment(credential)} but ${tenant} expects ${wanted}.`,
        hint: 'Create the credential in the PingOne environment mapped to this tenant, or fix the mapping in Options.',
      };
    }
    if (level === 'warning') {
      return {
        message: `The environment ID matches ${tenant}, but the names differ: the credential says '${shown(credential.name)}', the mapping says '${expected.environmentName}'.`,
        hint: 'The environment may have been renamed; update the mapping in Options.',
      };
    }
    return { message: `Matches the environment ${tenant} expects: ${wanted}.` };
  },
  'mapping.elsewhere': ({ credential, tenants, origin }) => ({
    message: `The environment of this credential, ${environment(credential)}, is mapped to ${tenants
      .map((tenant) => `${tenant.origin}${tenant.tenantLabel ? ` (${tenant.tenantLabel}, ${tenant.tier})` : ''}`)
      .join(' and ')}, not to ${origin}.`,
    hint: 'Fill the tenant it is mapped to, or map this one in Options if it is yours too.',
  }),
  'tenant.first-fill': ({ origin, sharedDomain }) => ({
    message: `First fill at ${origin}: every customer's tenant on ${sharedDomain} looks like this one. Fill it only if it is yours.`,
    hint: 'Asked once: a tenant filled is remembered. Mapping it in Options guards it better.',
  }),
  'reuse.other-tenant': ({ uses, last }) => ({
    message: `This credential was already used on ${[...new Set(uses.map((use) => (use.tenantLabel ? `${use.origin} (${use.tenantLabel})` : use.origin)))].join(', ')}, last on ${utcMinute(last / 1000)}.`,
    hint: 'The same credential cannot back two connections at once (PingFederate documentation). Create a separate credential for each.',
  }),
};

/** A finding as the admin reads it: its id and level, the message, the hint, and the suggestion it carries. */
export function wordFinding(finding: Finding): Check {
  const words = (WORDS[finding.id] as (facts: Finding['facts'], level: CheckLevel, suggestion?: string) => Words)(
    finding.facts,
    finding.level,
    finding.suggestion,
  );
  const check: Check = { id: finding.id, level: finding.level, message: words.message };
  if (words.hint !== undefined) check.hint = words.hint;
  if (finding.suggestion !== undefined) check.suggestion = finding.suggestion;
  return check;
}
