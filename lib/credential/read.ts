/** Whatever an admin pastes -> a Credential, or a specific error saying what it is instead. Never throws. */
import { readCloudflareJson, wrappedJwtOf } from './cloudflare-json';
import { decodeCompactJwt } from './jwt';
import { credentialFromJwt } from './jwt-credential';
import { looksLikeLabelledLines, readLabelledLines } from './labelled-lines';
import { misreadError } from './misread';
import type { ReadError, ReadResult } from './types';

/**
 * Credentials are well under 4 KiB; 16 KiB leaves room for a pasted page section. The cap is in UTF-16 code units
 * (`string.length`), checked before any other work, so a huge paste costs nothing.
 */
export const MAX_INPUT_LENGTH = 16 * 1024;

function fail(error: ReadError): ReadResult {
  return { ok: false, error };
}

/** Wrappers around a JWT that copying adds: quotes, `Bearer `, `credential=`, a JSON string literal. */
function unwrapJwtText(text: string): string {
  let current = text.trim();
  for (let round = 0; round < 3; round++) {
    const before = current;
    if (/^"[^]*"$/.test(current)) {
      try {
        const parsed: unknown = JSON.parse(current);
        if (typeof parsed === 'string') current = parsed.trim();
      } catch {
        // Not a JSON string literal: the quote stripping below handles it.
      }
    }
    current = current
      .replace(/^(['"`])([^]*)\1$/, '$2')
      .replace(/^bearer(?:\s+|$)/i, '')
      .replace(/^credential\s*[=:]\s*/i, '')
      .trim();
    if (current === before) break;
  }
  return current;
}

function readJwtText(text: string): ReadResult {
  // Line breaks and spaces inside come from mail clients and terminals wrapping a long line; JWTs have none.
  const compact = unwrapJwtText(text).replace(/\s+/g, '');
  if (compact === '') return fail({ code: 'input.empty', message: 'There is nothing to read.' });
  // `includes` first: a JWT has no `://`, and the regex would walk its first part.
  if (compact.includes('://') && /^[a-z][a-z0-9+.-]*:\/\//i.test(compact)) return fail(misreadError(compact));
  if (!compact.includes('.') && !compact.startsWith('eyJ')) return fail(misreadError(compact));
  const decoded = decodeCompactJwt(compact);
  return decoded.ok ? credentialFromJwt(compact, decoded.jwt) : decoded;
}

function readJson(text: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The engine's message quotes the input, which may hold a secret: say it in our own words.
    return fail({
      code: 'json.invalid',
      message: 'This starts like JSON ("{") but is not valid JSON.',
      hint: 'Part of it may be missing. Copy the whole object again, or paste the Client ID, Client Secret and Environment ID lines.',
    });
  }
  const wrapped = wrappedJwtOf(value);
  return wrapped === undefined ? readCloudflareJson(value) : readJwtText(wrapped);
}

function read(input: unknown): ReadResult {
  if (typeof input !== 'string') {
    return fail({ code: 'input.not-text', message: `Expected text to read, got ${input === null ? 'null' : typeof input}.` });
  }
  if (input.length > MAX_INPUT_LENGTH) {
    return fail({
      code: 'input.too-large',
      message: `This is ${input.length} characters; a credential is at most ${MAX_INPUT_LENGTH}.`,
      hint: 'Copy only the credential, not the whole page.',
    });
  }
  const text = input.trim();
  if (text === '') return fail({ code: 'input.empty', message: 'There is nothing to read.' });
  if (text.startsWith('{')) return readJson(text);
  if (looksLikeLabelledLines(text)) return readLabelledLines(text);
  return readJwtText(text);
}

/**
 * Reads a pasted credential: a JWT (whitespace, quotes, `Bearer `, `credential=` tolerated), a Cloudflare PingOne
 * JSON configuration, or labelled Client ID / Client Secret / Environment ID lines. Never throws: any input,
 * including non-text at runtime, gives a result.
 */
export function readCredential(input: unknown): ReadResult {
  try {
    return read(input);
  } catch {
    // A safety net only: the fuzz test asserts this code never appears.
    return fail({ code: 'read.internal-error', message: 'This text could not be read (an internal error).' });
  }
}
