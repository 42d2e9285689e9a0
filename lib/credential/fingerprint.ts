/** A non-reversible id for a credential, so "seen before" records never hold the credential itself. */
import type { Credential } from './types';

/** Domain separation: this hash can never equal a SHA-256 of the same text computed for another purpose. */
const DOMAIN = 'pingone-connection-helper/credential-fingerprint/v1';

/**
 * SHA-256 (WebCrypto, in Node 20 and in extensions) of the domain, the kind and the credential's identifying
 * text, as 16 hex characters (64 bits: plenty to tell an admin's credentials apart, not an authenticator).
 * An OIDC app is identified by its client id, secret and environment, so the same app pasted as JSON or as
 * lines has one fingerprint.
 */
export async function fingerprintCredential(credential: Credential): Promise<string> {
  const identity =
    credential.source === 'jwt'
      ? credential.raw
      : [credential.clientId ?? '', credential.clientSecret ?? '', credential.environmentId].join('\n');
  const bytes = new TextEncoder().encode(`${DOMAIN}\n${credential.kind}\n${identity}`);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
