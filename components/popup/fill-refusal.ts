/**
 * A refused fill as the popup throws it. Only a refusal by checks can be overridden ("Fill anyway"): the background
 * names them in `blockedBy` as findings, worded here (lib/credential/check-words.ts) with the paste part, which a
 * credential to fill has loaded.
 */
import { wordFinding } from '../../lib/credential/check-words';
import type { FillResponse } from '../../lib/messages';
import { FillBlockedError } from './FillPanel';

export function fillRefusal(response: Extract<FillResponse, { ok: false }>): Error {
  if (!response.blockedBy?.length) return new Error(response.error);
  return new FillBlockedError(response.error, response.blockedBy.map(wordFinding), response.overrideForbidden);
}
