/**
 * Every check of a credential for where it is going, judged (./check.ts) and worded (./check-words.ts) in one call: the
 * engine's whole answer, as the bench and the tests read it. Apart from the words, so that a page that only words the
 * background's findings (the popup) does not load the judging and its zod schemas.
 */
import { judgeCredential } from './check';
import { wordFinding } from './check-words';
import type { Check, CheckContext, Credential } from './types';

export function checkCredential(credential: Credential, context: CheckContext = {}): Check[] {
  return judgeCredential(credential, context).map(wordFinding);
}
