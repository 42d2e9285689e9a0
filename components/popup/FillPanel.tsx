import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { ConsoleId } from '../../lib/consoles/types';
import type { Check } from '../../lib/credential/types';
import type { FillReport } from '../../lib/fill/types';
import { pastePart } from './lazy-module';
import type { ConsoleTab } from '../../lib/popup-tab';
import { refusalOf, type Refusal } from './refusal';

/** What the popup asks the background to fill (lib/messages `fill`, less the tab): the admin's own values, if any. */
export interface FillChoices {
  override: boolean;
  name?: string;
  /** PingAccess's Description. */
  description?: string;
  /** PingFederate's scopes besides `openid`, space separated. */
  scopes?: string;
  /** The console the admin says the page is, when it is no known console (lib/messages `fill` consoleId). */
  consoleId?: ConsoleId;
}

/** The admin says which self-hosted console a page that is no known console is (the activeTab path). */
export interface PageChoice {
  choices: readonly Pick<ConsoleTab, 'consoleId' | 'consoleName'>[];
  onChoose(consoleId: ConsoleId): void;
  onOpenOptions(): void;
}

export interface FillPanelProps {
  /** With `pageChoice`: the console chosen now. */
  target: ConsoleTab | { unavailable: string };
  pageChoice?: PageChoice;
  /**
   * Why there is nothing to fill yet (no credential read); absent when there is.
   * '': not ready yet, for a reason not worth saying (the popup is still fingerprinting the credential).
   */
  notReady?: string;
  /**
   * The error checks the popup finds with the background's own context (lib/target checkContextFor): said before the
   * fill. Whether the fill is blocked is the background's answer, never this list.
   */
  blocking: readonly Check[];
  /** The admin's values for this console's form (components/popup/FillOptions), sent with the fill. */
  values: Pick<FillChoices, 'name' | 'description' | 'scopes'>;
  /** Drawn in the Fill button's row, after it: the other first-screen action (Test connection), next in Tab order. */
  beside?: ComponentChildren;
  /** Rejects with a FillBlockedError when checks blocked the fill, with an Error when it failed otherwise. */
  onFill(request: FillChoices): Promise<FillReport>;
}

/** `consoleId`: the console the fill went to; a report or a block says nothing about another choice of console. */
type Outcome = ({ report: FillReport } | Refusal) & { consoleId: ConsoleId };

/**
 * "This page is": the console the admin names this page, its origin, and why the fill works only now: Chrome gives the
 * extension the tab because the toolbar button was clicked on it, until the tab leaves this origin
 * (https://developer.chrome.com/docs/extensions/develop/concepts/activeTab).
 */
function PageChoiceField({ choice, target, busy }: { choice: PageChoice; target: ConsoleTab; busy: boolean }) {
  return (
    <>
      <label for="page-console" class="field-label">
        This page is
      </label>
      <select
        id="page-console"
        class="select"
        disabled={busy}
        value={target.consoleId}
        aria-describedby="page-console-help"
        onChange={(event) => choice.onChoose(event.currentTarget.value as ConsoleId)}
      >
        {choice.choices.map((option) => (
          <option key={option.consoleId} value={option.consoleId}>
            {option.consoleName}
          </option>
        ))}
      </select>
      <p id="page-console-help" class="help">
        <span class="strong">{target.origin}</span> is no console in Options: it can be filled now, as you opened the
        extension on it (activeTab). To fill it any time, add it in{' '}
        <button type="button" class="link" onClick={choice.onOpenOptions}>
          Options
        </button>
        .
      </p>
    </>
  );
}

export function FillPanel({ target, pageChoice, notReady, blocking, values, beside, onFill }: FillPanelProps) {
  const [busy, setBusy] = useState(false);
  const [lastOutcome, setOutcome] = useState<Outcome>();
  const fillButton = useRef<HTMLButtonElement>(null);
  // A fill's report or refusal follows a fill of a read credential: their views come with the paste part, loaded by then.
  const part = pastePart.use(lastOutcome !== undefined);
  const pasted = part && 'module' in part ? part.module : undefined;

  if ('unavailable' in target) {
    return (
      <section class="act" aria-label="Fill">
        <div class="row">
          <button type="button" class="button primary" disabled aria-describedby="fill-reason">
            Fill page
          </button>
          {beside}
        </div>
        <p id="fill-reason" class="reason">
          {target.unavailable}
        </p>
      </section>
    );
  }

  const outcome = lastOutcome?.consoleId === target.consoleId ? lastOutcome : undefined;
  const fill = async (override: boolean) => {
    setBusy(true);
    const { consoleId } = target;
    try {
      setOutcome({
        consoleId,
        report: await onFill({
          override,
          name: values.name?.trim() || undefined,
          description: values.description?.trim() || undefined,
          scopes: values.scopes?.trim() || undefined,
          ...(pageChoice ? { consoleId } : {}),
        }),
      });
    } catch (error) {
      setOutcome({ consoleId, ...refusalOf(error) });
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
    <section class="act" aria-label="Fill">
      {pageChoice && <PageChoiceField choice={pageChoice} target={target} busy={busy} />}
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
        {beside}
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
        pasted && <pasted.RefusalAlert {...outcome} busy={busy} onOverride={() => fill(true)} onDismiss={dismiss} />
      )}
      {outcome && 'report' in outcome && pasted && <pasted.FillReportView report={outcome.report} />}
    </section>
  );
}
