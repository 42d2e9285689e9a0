/**
 * Every code `readCredential` can fail with. The UI may key help text on them; the tests assert each one is
 * produced by some input and that no other code ever appears.
 */
export const READ_ERROR_CODES = [
  'input.not-text',
  'input.too-large',
  'input.empty',
  'input.url',
  'input.environment-id-only',
  'input.secret-only',
  'input.opaque-token',
  'input.unrecognised',
  'jwt.part-count',
  'jwt.header.empty',
  'jwt.payload.empty',
  'jwt.header.not-base64url',
  'jwt.payload.not-base64url',
  'jwt.signature.not-base64url',
  'jwt.header.not-json',
  'jwt.payload.not-json',
  'jwt.header.not-object',
  'jwt.payload.not-object',
  'jwt.access-token',
  'jwt.not-a-credential',
  'json.invalid',
  'json.unknown-shape',
  'json.invalid-field',
  'lines.conflict',
  'lines.no-values',
  /** A safety net that should never be seen (the fuzz test asserts it is not). */
  'read.internal-error',
] as const;

export type ReadErrorCode = (typeof READ_ERROR_CODES)[number];
