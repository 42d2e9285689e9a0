/**
 * Compact JWS -> header + claims, with errors that say which part is wrong and how.
 * Each part is decoded once, as jose's decodeJwt does; only when that fails do we look closer to name the fault.
 */
import { base64url } from 'jose';
import type { ReadError } from './types';

export type JwtPart = 'header' | 'payload' | 'signature';

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  hasSignature: boolean;
}

const PART_NAMES: readonly JwtPart[] = ['header', 'payload', 'signature'];
const JWT_SHAPE_HINT = 'A PingOne credential is a JWT: three base64url parts joined by dots, usually starting with "eyJ".';

/** Copies own enumerable properties into an object without a prototype, so a `__proto__` key is plain data. */
export function nullPrototypeCopy(source: object): Record<string, unknown> {
  const copy: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(source)) copy[key] = value;
  return copy;
}

function partCountError(count: number): ReadError {
  const hint =
    count === 5
      ? 'Five parts is an encrypted JWT (JWE). PingOne credentials are signed JWTs with three parts: copy the credential itself.'
      : count === 2
        ? 'The third part (the signature) is missing: the copy was probably cut off at the end. Copy the whole credential again.'
        : count === 1
          ? 'It starts like a JWT but has no dots: the copy was probably cut off. Copy the whole credential again.'
          : 'More than three parts usually means two values were pasted together. Paste one credential.';
  return {
    code: 'jwt.part-count',
    message: `A JWT has 3 parts separated by dots; this has ${count}.`,
    hint: `${hint} ${JWT_SHAPE_HINT}`,
  };
}

const BASE64URL_ALPHABET = /[^A-Za-z0-9_-]/;

/**
 * The first fault in one part's base64url text, computed here because jose only says "failed".
 * Trailing `=` padding is tolerated (not in RFC 7515, but atob and Uint8Array.fromBase64 accept it).
 * `offset` is where the part starts in the whole JWT, so the position can be given both ways.
 */
function base64urlFault(part: JwtPart, text: string, offset: number): ReadError | undefined {
  // Two, else one, trailing `=` off: as /={1,2}$/ would, without running a regex over the whole part.
  const body = text.endsWith('==') ? text.slice(0, -2) : text.endsWith('=') ? text.slice(0, -1) : text;
  const bad = BASE64URL_ALPHABET.exec(body);
  if (bad) {
    const position = bad.index + 1;
    const shown = JSON.stringify(bad[0]);
    return {
      code: `jwt.${part}.not-base64url`,
      message: `The ${part} is not base64url: character ${shown} at position ${position} of the ${part} (position ${offset + position} of the JWT) is not allowed.`,
      hint: `Base64url uses only letters, digits, "-" and "_". ${bad[0] === '+' || bad[0] === '/' ? 'This looks like standard base64 or a value edited by hand.' : 'The text may have been altered while copying (smart quotes, ellipsis, a mail client).'}`,
    };
  }
  if (body.length % 4 === 1) {
    return {
      code: `jwt.${part}.not-base64url`,
      message: `The ${part} is not base64url: it has ${body.length} character${body.length === 1 ? '' : 's'}, a length base64url never has.`,
      hint: 'A character was lost or added while copying. Copy the whole credential again.',
    };
  }
  return undefined;
}

function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The text a part encodes when it is unpadded base64url of ASCII, as every PingOne credential's parts are: atob's
 * binary string is then the text itself, without base64url.decode's byte array and the UTF-8 decoder. Undefined
 * otherwise, for the full decode to judge.
 */
function asciiText(text: string): string | undefined {
  // jose refuses `+` and `/` in base64url, and `=` is where atob and Uint8Array.fromBase64 (jose's choice where it exists) differ.
  if (text.includes('+') || text.includes('/') || text.includes('=')) return undefined;
  let binary: string;
  try {
    binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    return undefined;
  }
  return NON_ASCII.test(binary) ? undefined : binary;
}

/**
 * A header or payload as a null-prototype object, or undefined where jose's decodeJwt would throw (base64url,
 * strict UTF-8, JSON, not an object). The object is JSON.parse's own, so its prototype is dropped in place, not copied.
 */
function decodedObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(asciiText(text) ?? strictUtf8.decode(base64url.decode(text)));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.setPrototypeOf(value, null) : undefined;
  } catch {
    return undefined;
  }
}

/** Why a header or payload did not decode to an object: called only after decodedObject refused it, to name the fault. */
function contentFault(part: 'header' | 'payload', text: string): ReadError {
  let bytes: Uint8Array;
  try {
    bytes = base64url.decode(text);
  } catch {
    return { code: `jwt.${part}.not-base64url`, message: `The ${part} could not be decoded as base64url.`, hint: JWT_SHAPE_HINT };
  }
  let json: string;
  try {
    json = strictUtf8.decode(bytes);
  } catch {
    return {
      code: `jwt.${part}.not-json`,
      message: `The ${part} decodes to bytes that are not UTF-8 text, so not to JSON.`,
      hint: `${JWT_SHAPE_HINT} This is not a JWT, or it was altered.`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {
      code: `jwt.${part}.not-json`,
      message: `The ${part} decodes, but not to JSON.`,
      hint: `${JWT_SHAPE_HINT} Its ${part} decodes to a JSON object; this one does not, so it is not a JWT or it was altered.`,
    };
  }
  return {
    code: `jwt.${part}.not-object`,
    message: `The ${part} is JSON, but ${describeJsonValue(value)} instead of an object.`,
    hint: JWT_SHAPE_HINT,
  };
}

/** The first part, in order, that is empty or not base64url. */
function partFault(parts: readonly string[]): ReadError | undefined {
  let offset = 0;
  for (const [index, text] of parts.entries()) {
    const part = PART_NAMES[index] ?? 'signature';
    if (text === '' && part !== 'signature') {
      return {
        code: `jwt.${part}.empty`,
        message: `The ${part} (part ${index + 1} of 3) is empty.`,
        hint: `${JWT_SHAPE_HINT} The ${part} was lost while copying.`,
      };
    }
    const fault = base64urlFault(part, text, offset);
    if (fault) return fault;
    offset += text.length + 1;
  }
  return undefined;
}

/** Decodes a compact JWT (already stripped of whitespace and wrappers). Never throws. */
export function decodeCompactJwt(compact: string): { ok: true; jwt: DecodedJwt } | { ok: false; error: ReadError } {
  const parts = compact.split('.');
  if (parts.length !== 3) return { ok: false, error: partCountError(parts.length) };
  const [headerText = '', payloadText = '', signatureText = ''] = parts;
  const header = decodedObject(headerText);
  const claims = decodedObject(payloadText);
  // A part that decodes is neither empty nor has a base64url fault: with both decoded, only the signature is left to scan.
  const fault = header && claims ? base64urlFault('signature', signatureText, headerText.length + payloadText.length + 2) : partFault(parts);
  if (fault) return { ok: false, error: fault };
  if (!header) return { ok: false, error: contentFault('header', headerText) };
  if (!claims) return { ok: false, error: contentFault('payload', payloadText) };
  return { ok: true, jwt: { header, claims, hasSignature: signatureText !== '' } };
}
