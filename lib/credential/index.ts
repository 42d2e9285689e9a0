/** The credential engine: text -> Credential -> Check[]. Pure TypeScript: no browser API, runs in Node too. */
export type * from './types';
export { readCredential, MAX_INPUT_LENGTH } from './read';
export { READ_ERROR_CODES, type ReadErrorCode } from './read-error-codes';
export { judgeCredential, CHECK_IDS, type CheckId, type Finding } from './check';
export { wordFinding } from './check-words';
export { checkCredential } from './check-credential';
export { fingerprintCredential } from './fingerprint';
export { suggestedConsoleName, LETTERS_DIGITS_HYPHENS, type NameRule } from './names';
export { CLAIM_INFO, claimInfo, isTimeClaim, type ClaimInfo } from './claim-info';
