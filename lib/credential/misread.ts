/**
 * For a single value that is neither a JWT nor a recognised form: what the admin most likely pasted instead.
 * These are the usual wrong things on the clipboard when moving PingOne credentials around.
 */
import { isEnvironmentId } from '../regions';
import { environmentOfPingOneUrl } from './claim-region';
import type { ReadError } from './types';

const WHAT_TO_PASTE =
  'Paste the credential JWT (PingAccess, PingFederate, Advanced Identity Cloud) or the Client ID, Client Secret and Environment ID lines together, each with its label (Cloudflare, PingFederate OIDC).';

/** PingOne client secrets are long random strings of URL-safe characters (and `~`, `.`), never with spaces. */
const TOKEN_CHARACTERS = /^[A-Za-z0-9._~+/=-]+$/;
/** Shorter than this, a dot-less token-like value is too short to be a client secret. */
const MIN_SECRET_LENGTH = 32;

export function misreadError(compact: string): ReadError {
  // Read before the UUID test below, whose type guard narrows `compact` to `never` once it fails.
  const { length } = compact;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(compact)) {
    const pingOne = environmentOfPingOneUrl(compact);
    return {
      code: 'input.url',
      message: pingOne
        ? `This is a PingOne link (${pingOne.region.name}${pingOne.environmentId ? `, environment ${pingOne.environmentId}` : ''}), not a credential.`
        : 'This is a link, not a credential.',
      hint: pingOne
        ? `A console or issuer link gives the region and environment only. Paste it together with the Client ID and Client Secret lines, or paste the credential JWT.`
        : WHAT_TO_PASTE,
    };
  }
  if (isEnvironmentId(compact)) {
    return {
      code: 'input.environment-id-only',
      message: 'This is an ID on its own (a UUID), probably the Environment ID or a Client ID, not a credential.',
      hint: WHAT_TO_PASTE,
    };
  }
  if (TOKEN_CHARACTERS.test(compact) && length >= MIN_SECRET_LENGTH) {
    return {
      code: 'input.secret-only',
      message: `This looks like a client secret on its own: a long random string (${length} characters) with no dots.`,
      hint: `A secret alone cannot make a connection. ${WHAT_TO_PASTE}`,
    };
  }
  if (TOKEN_CHARACTERS.test(compact)) {
    return {
      code: 'input.opaque-token',
      message: `This is a short value (${length} characters) with no dots: an opaque access token, an ID or a fragment, not a credential.`,
      hint: WHAT_TO_PASTE,
    };
  }
  return {
    code: 'input.unrecognised',
    message: 'This is not a JWT, a Cloudflare PingOne configuration, or Client ID / Client Secret / Environment ID lines.',
    hint: WHAT_TO_PASTE,
  };
}
