/**
 * A refused fill as the popup throws it. Only a refusal by checks can be overridden ("Fill anyway"): the background
 * names them in `blockedBy` as findings, worded here (lib/credential/check-words.ts). It comes with the paste part,
 * which the popup has loaded by then: it read the credential it asked to fill with.
 */
import { wordFinding } from '../../lib/credential/check-words';
import type { FillResponse } from '../../lib/messages';
import { FillBlockedError } from './refusal';

export function fillRefusal({ error, blockedBy, overrideForbidden }: Extract<FillResponse, { ok: false }>): Error {
  return blockedBy?.length ? new FillBlockedError(error, blockedBy.map(wordFinding), overrideForbidden) : new Error(error);
}
