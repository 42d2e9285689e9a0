/**
 * A fill refused, said where the admin asked for it (the console fill and the picked-fields fill alike): why, the
 * checks that refused it with their hints, "Fill anyway" unless the organisation forbids it, and Cancel (or Escape).
 * Props in, events out. With the paste part: a fill follows a read credential.
 */
import type { Refusal } from './refusal';

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
