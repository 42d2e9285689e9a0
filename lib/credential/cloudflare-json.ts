/**
 * JSON objects an admin may paste: Cloudflare's identity-provider body
 * `{ "type": "pingone", "name", "config": { "client_id", "client_secret", "ping_env_id", "pkce_enabled" } }`
 * (lib/consoles/README.md: the SDK says `pingone`, one docs example says `ping`), its bare `config`, or a body that wraps
 * a JWT credential, such as PingAccess's admin API `{ "credential": { "value": "<jwt>" } }`.
 */
import * as z from 'zod/mini';
import { nullPrototypeCopy } from './jwt';
import { oidcAppCredential } from './oidc-app';
import type { ReadResult } from './types';

const CloudflareConfig = z.object({
  client_id: z.optional(z.string()),
  client_secret: z.optional(z.string()),
  ping_env_id: z.optional(z.string()),
  pkce_enabled: z.optional(z.boolean()),
});
const CONFIG_KEYS = ['client_id', 'client_secret', 'ping_env_id'];
const PINGONE_TYPES = ['pingone', 'ping'];

const WrappedJwt = z.union([z.object({ credential: z.string() }), z.object({ credential: z.object({ value: z.string() }) })]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownShape(value: Record<string, unknown>): ReadResult {
  const keys = Object.keys(value);
  const hint = Object.hasOwn(value, 'access_token')
    ? 'This is a token response from an authorization server, not a credential.'
    : Object.hasOwn(value, 'keys')
      ? 'This is a key set (JWKS), not a credential.'
      : keys.length
        ? `Its keys are: ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', ...' : ''}.`
        : 'It is an empty object.';
  return {
    ok: false,
    error: {
      code: 'json.unknown-shape',
      message: 'This JSON is not a Cloudflare PingOne configuration (type "pingone" with a config of client_id, client_secret, ping_env_id).',
      hint,
    },
  };
}

/** The JWT text a wrapper object carries, if it is one. */
export function wrappedJwtOf(value: unknown): string | undefined {
  const wrapped = WrappedJwt.safeParse(value);
  if (!wrapped.success) return undefined;
  const { credential } = wrapped.data;
  return typeof credential === 'string' ? credential : credential.value;
}

export function readCloudflareJson(value: unknown): ReadResult {
  if (!isPlainObject(value)) {
    return {
      ok: false,
      error: {
        code: 'json.unknown-shape',
        message: `This JSON is ${Array.isArray(value) ? 'an array' : 'not an object'}; a Cloudflare PingOne configuration is an object.`,
        hint: 'Paste the identity provider object: { "type": "pingone", "config": { ... } }.',
      },
    };
  }
  let config: unknown = value;
  if (Object.hasOwn(value, 'config')) {
    const type = value.type;
    if (type !== undefined && !(typeof type === 'string' && PINGONE_TYPES.includes(type.toLowerCase()))) {
      return {
        ok: false,
        error: {
          code: 'json.unknown-shape',
          message: `This is a Cloudflare identity provider of type ${JSON.stringify(type)}, not PingOne.`,
          hint: 'Paste the PingOne identity provider (type "pingone"), or its Client ID / Client Secret / Environment ID.',
        },
      };
    }
    config = value.config;
  }
  if (!isPlainObject(config) || !CONFIG_KEYS.some((key) => Object.hasOwn(config, key))) return unknownShape(value);

  const parsed = CloudflareConfig.safeParse(config);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `config.${issue.path.join('.')} should be ${issue.code === 'invalid_type' ? issue.expected : 'valid'}`);
    return {
      ok: false,
      error: {
        code: 'json.invalid-field',
        message: `This Cloudflare configuration has a field of the wrong type: ${fields.join('; ')}.`,
        hint: 'client_id, client_secret and ping_env_id are text; pkce_enabled is true or false.',
      },
    };
  }
  const claims = nullPrototypeCopy(config);
  if (typeof value.name === 'string' && config !== value) claims.name = value.name;
  const { client_id, client_secret, ping_env_id } = parsed.data;
  return {
    ok: true,
    credential: oidcAppCredential(
      'cloudflare-json',
      { clientId: client_id || undefined, clientSecret: client_secret || undefined, environmentId: ping_env_id || undefined },
      claims,
    ),
  };
}
