/** A refused fill as the popup's panels keep it (./RefusalAlert.tsx draws it), apart from its view for the first screen. */
import type { Check } from '../../lib/credential/types';
import { errorText } from '../../lib/error-text';

/**
 * The background refused the fill because of these error checks (lib/messages FillResponse `blockedBy`, its findings
 * worded by ./fill-refusal.ts): the only refusal "Fill anyway" can override. Any other refusal (no such tab, an
 * unreachable page) is a plain Error.
 */
export class FillBlockedError extends Error {
  readonly blockedBy: readonly Check[];
  /** The organisation's policy refuses "Fill anyway" here (lib/settings/managed.ts): it is not offered. */
  readonly overrideForbidden: boolean;
  constructor(message: string, blockedBy: readonly Check[], overrideForbidden = false) {
    super(message);
    this.blockedBy = blockedBy;
    this.overrideForbidden = overrideForbidden;
  }
}

/** A failed fill as a panel keeps it: what was said, and the checks and the lock of a refusal by checks. */
export interface Refusal {
  failure: string;
  blockedBy: readonly Check[];
  locked?: boolean;
}

export function refusalOf(error: unknown): Refusal {
  const blocked = error instanceof FillBlockedError ? error : undefined;
  return { failure: errorText(error), blockedBy: blocked?.blockedBy ?? [], locked: blocked?.overrideForbidden };
}
