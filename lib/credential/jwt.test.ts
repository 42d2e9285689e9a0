/**
 * decodeCompactJwt takes a shortcut for parts that are base64url of ASCII text (jwt.ts, asciiText); whatever a part
 * holds, it must make of it what jose's own base64url decode, strict UTF-8 and JSON.parse make of it.
 */
import { base64url } from 'jose';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCompactJwt } from './jwt';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The object jose's decoding makes of a part, or undefined where it throws or gives no object. */
function joseObject(part: string): object | undefined {
  try {
    const value: unknown = JSON.parse(strictUtf8.decode(base64url.decode(part)));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const jsonText = fc.oneof(
  fc.json(),
  fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })).map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary' }),
);
/** Parts as a JWT has them, padded as some copies are, from raw bytes (not UTF-8, not JSON), or made of base64 debris. */
const part = fc.oneof(
  jsonText.map((text) => base64url.encode(text)),
  fc.tuple(jsonText, fc.constantFrom('=', '==')).map(([text, padding]) => base64url.encode(text) + padding),
  jsonText.map((text) => base64url.encode(text).replaceAll('-', '+').replaceAll('_', '/')),
  fc.uint8Array({ maxLength: 48 }).map((bytes) => base64url.encode(bytes)),
  fc.string({ unit: fc.constantFrom(...'eyJ9IiwiYQ-_+/=*'.split('')), maxLength: 24 }),
);

describe('decodeCompactJwt', () => {
  it('decodes a header and payload to what jose makes of them, whatever they hold (10k)', () => {
    fc.assert(
      fc.property(part, part, (headerText, payloadText) => {
        const decoded = decodeCompactJwt(`${headerText}.${payloadText}.c2ln`);
        const header = joseObject(headerText);
        const claims = joseObject(payloadText);
        if (header && claims) expect(decoded).toEqual({ ok: true, jwt: { header, claims, hasSignature: true } });
        else expect(decoded.ok).toBe(false);
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('decodes non-ASCII claims, whose parts skip the shortcut', () => {
    const claims = { environmentName: 'Zürich 東京 🦊', clientSecret: 's' };
    const decoded = decodeCompactJwt(`${base64url.encode('{"alg":"RS256"}')}.${base64url.encode(JSON.stringify(claims))}.c2ln`);
    expect(decoded.ok && decoded.jwt.claims).toEqual(claims);
  });
});
