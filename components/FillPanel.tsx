import { useRef, useState } from 'preact/hooks';
import { suggestedConsoleName } from '../lib/credential';
import type { Check, TargetConsole } from '../lib/credential/types';
import type { FillReport } from '../lib/fill/types';
import { FillReportView } from './FillReportView';
import type { PopupTarget } from './PopupApp';

export interface FillPanelProps {
  target: PopupTarget;
  /** Why there is nothing to fill yet (no credential read); absent when there is. */
  notReady?: string;
  /** The error checks for this console: the background refuses the fill while any remain, unless overridden. */
  blocking: readonly Check[];
  /** The Name the console will get, editable, starting as its plan's default; undefined when its form has none. */
  name?: string;
  onNameChange(name: string): void;
  onFill(request: { override: boolean; name?: string }): Promise<FillReport>;
}

type Outcome = { report: FillReport } | { failure: string; blocked: boolean } | undefined;

/** What a name breaking the console's rule becomes: the console module reduces it the same way (lib/credential/names). */
function nameProblem(name: string, rule: TargetConsole['nameRule']): string | undefined {
  if (!rule || name === '') return undefined;
  const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.replace(/[gy]/g, ''));
  if (pattern.test(name)) return undefined;
  const reduced = suggestedConsoleName(name, rule);
  return `Only ${rule.description} are allowed here${reduced ? `: it will be filled as "${reduced}"` : ''}.`;
}

export function FillPanel({ target, notReady, blocking, name, onNameChange, onFill }: FillPanelProps) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const fillButton = useRef<HTMLButtonElement>(null);

  if ('unavailable' in target) {
    return (
      <section class="act" aria-labelledby="fill-heading">
        <h2 id="fill-heading">Fill</h2>
        <div class="row">
          <button type="button" class="button primary" disabled aria-describedby="fill-reason">
            Fill page
          </button>
        </div>
        <p id="fill-reason" class="reason">
          {target.unavailable}
        </p>
      </section>
    );
  }

  const rule = target.console.nameRule;
  const problem = name === undefined ? undefined : nameProblem(name, rule);
  const fill = async (override: boolean) => {
    setBusy(true);
    try {
      setOutcome({ report: await onFill({ override, name: name?.trim() || undefined }) });
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      setOutcome({ failure, blocked: !override && blocking.length > 0 });
    } finally {
      setBusy(false);
    }
  };
  const dismiss = () => {
    setOutcome(undefined);
    fillButton.current?.focus();
  };
  const production = target.tier === 'production';

  return (
    <section class="act" aria-labelledby="fill-heading">
      <h2 id="fill-heading">Fill</h2>
      {name !== undefined && (
        <>
          <label for="connection-name" class="field-label">
            Connection name
          </label>
          <input
            id="connection-name"
            class="text-input"
            value={name}
            spellcheck={false}
            autocomplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby="connection-name-help"
            onInput={(event) => onNameChange(event.currentTarget.value)}
          />
          <p id="connection-name-help" class={problem ? 'help tone-error' : 'help'}>
            {problem ??
              (rule ? `${target.consoleName} allows ${rule.description}.` : `Goes into the Name field of ${target.consoleName}.`)}
          </p>
        </>
      )}
      <div class="row">
        <button
          ref={fillButton}
          type="button"
          class={production ? 'button primary danger' : 'button primary'}
          disabled={notReady !== undefined || busy}
          aria-describedby={notReady ? 'fill-reason' : undefined}
          onClick={() => fill(false)}
        >
          Fill {target.consoleName}
        </button>
        {busy && <span class="muted">Filling…</span>}
      </div>
      {notReady && (
        <p id="fill-reason" class="reason">
          {notReady}
        </p>
      )}
      {!notReady && blocking.length > 0 && !outcome && (
        <p class="reason tone-error">
          {blocking.length === 1 ? 'One check fails' : `${blocking.length} checks fail`} for {target.consoleName}: the fill
          will be refused unless you choose to fill anyway.
        </p>
      )}
      {outcome && 'failure' in outcome && (
        <div
          class="alert"
          role="alert"
          onKeyDown={(event) => {
            if (event.key === 'Escape') dismiss();
          }}
        >
          <p class="alert-message">{outcome.failure}</p>
          {outcome.blocked && (
            <>
              <ul role="list" class="blocking" aria-label="Blocking checks">
                {blocking.map((check) => (
                  <li key={check.id}>
                    {check.message}
                    {check.hint && <span class="check-hint">{check.hint}</span>}
                  </li>
                ))}
              </ul>
              <div class="row">
                <button type="button" class="button danger" disabled={busy} onClick={() => fill(true)}>
                  Fill anyway
                </button>
                <button type="button" class="button" onClick={dismiss}>
                  Cancel
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {outcome && 'report' in outcome && <FillReportView report={outcome.report} />}
    </section>
  );
}
