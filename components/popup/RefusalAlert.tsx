/**
 * A fill refused, said where the admin asked for it (the console fill and the picked-fields fill alike): why, the
 * checks that refused it with their hints, "Fill anyway" unless the organisation forbids it, and Cancel (or Escape).
 * Props in, events out.
 */
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

export interface RefusalAlertProps extends Refusal {
  busy: boolean;
  onOverride(): void;
  onDismiss(): void;
}

export function RefusalAlert({ failure, blockedBy, locked, busy, onOverride, onDismiss }: RefusalAlertProps) {
  return (
    <div
      class="alert"
      role="alert"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDismiss();
      }}
    >
      <p class="alert-message">{failure}</p>
      {blockedBy.length > 0 && (
        <>
          <ul role="list" class="blocking" aria-label="Blocking checks">
            {blockedBy.map((check) => (
              <li key={check.id}>
                {check.message}
                {check.hint && <span class="check-hint">{check.hint}</span>}
              </li>
            ))}
          </ul>
          <div class="row">
            {!locked && (
              <button type="button" class="button danger" disabled={busy} onClick={onOverride}>
                Fill anyway
              </button>
            )}
            <button type="button" class="button" onClick={onDismiss}>
              Cancel
            </button>
          </div>
        </>
      )}
    </div>
  );
}
