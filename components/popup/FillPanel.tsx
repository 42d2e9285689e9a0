import { useRef, useState } from 'preact/hooks';
import type { ConsoleId } from '../../lib/consoles/types';
import { suggestedConsoleName } from '../../lib/credential';
import type { Check, ConsoleRules } from '../../lib/credential/types';
import type { FillReport } from '../../lib/fill/types';
import { FillReportView } from './FillReportView';
import type { ConsoleTab } from './console-tab';
import { errorText } from '../../lib/error-text';

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

/**
 * The background refused the fill because of these error checks (lib/messages FillResponse `blockedBy`): the only
 * refusal "Fill anyway" can override. Any other refusal (no such tab, an unreachable page) is a plain Error.
 */
export class FillBlockedError extends Error {
  readonly blockedBy: readonly Check[];
  constructor(message: string, blockedBy: readonly Check[]) {
    super(message);
    this.blockedBy = blockedBy;
  }
}

/** An optional text the admin may type for this console's form. */
interface OptionalInput {
  value: string;
  onChange(value: string): void;
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
  /** The Name the console will get, editable, starting as its plan's default; undefined when its form has none. */
  name?: string;
  onNameChange(name: string): void;
  /** PingAccess's Description; `planned`: what its plan fills when the admin leaves it empty. Absent on other forms. */
  description?: OptionalInput & { planned: string };
  /** PingFederate's extra scopes; `planned`: the whole Scopes value its plan fills (always with `openid`). */
  scopes?: OptionalInput & { planned: string };
  /** Rejects with a FillBlockedError when checks blocked the fill, with an Error when it failed otherwise. */
  onFill(request: FillChoices): Promise<FillReport>;
}

/** `consoleId`: the console the fill went to; a report or a block says nothing about another choice of console. */
type Outcome = ({ report: FillReport } | { failure: string; blockedBy: readonly Check[] }) & { consoleId: ConsoleId };

/** What a name breaking the console's rule becomes: the console module reduces it the same way (lib/credential/names). */
function nameProblem(name: string, rule: ConsoleRules['nameRule']): string | undefined {
  if (!rule || name === '') return undefined;
  const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.replace(/[gy]/g, ''));
  if (pattern.test(name)) return undefined;
  const reduced = suggestedConsoleName(name, rule);
  return `Only ${rule.description} are allowed here${reduced ? `: it will be filled as "${reduced}"` : ''}.`;
}

/** A labelled one-line input with its help text, which is also its accessible description. */
function TextField(props: {
  id: string;
  label: string;
  value: string;
  /** lib/messages caps each text the fill message carries. */
  maxLength: number;
  help: string;
  problem?: boolean;
  onChange(value: string): void;
}) {
  return (
    <>
      <label for={props.id} class="field-label">
        {props.label}
      </label>
      <input
        id={props.id}
        class="text-input"
        value={props.value}
        maxLength={props.maxLength}
        spellcheck={false}
        autocomplete="off"
        aria-invalid={props.problem || undefined}
        aria-describedby={`${props.id}-help`}
        onInput={(event) => props.onChange(event.currentTarget.value)}
      />
      <p id={`${props.id}-help`} class={props.problem ? 'help tone-error' : 'help'}>
        {props.help}
      </p>
    </>
  );
}

/**
 * "This page is": the console the admin names this page, its origin, and why the fill works only now: Chrome gives the
 * extension the tab because the toolbar button was clicked on it (activeTab), until the tab leaves this origin.
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
        aria-describedby="page-console-help"
        onChange={(event) => choice.onChoose(event.currentTarget.value as ConsoleId)}
      >
        {choice.choices.map((option) => (
          <option key={option.consoleId} value={option.consoleId} selected={option.consoleId === target.consoleId}>
            {option.consoleName}
          </option>
        ))}
      </select>
      <p id="page-console-help" class="help">
        <span class="strong">{target.origin}</span> is not a console added in Options. It can be filled this once: you
        opened the extension from the toolbar on this page, and Chrome lets it in until the tab leaves it (activeTab). To
        fill it any time, add this origin as a {target.consoleName} console in{' '}
        <button type="button" class="link" onClick={choice.onOpenOptions}>
          Options
        </button>
        .
      </p>
    </>
  );
}

export function FillPanel({ target, pageChoice, notReady, blocking, name, onNameChange, description, scopes, onFill }: FillPanelProps) {
  const [busy, setBusy] = useState(false);
  const [lastOutcome, setOutcome] = useState<Outcome>();
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

  const outcome = lastOutcome?.consoleId === target.consoleId ? lastOutcome : undefined;
  const rule = target.console.nameRule;
  const problem = name === undefined ? undefined : nameProblem(name, rule);
  const fill = async (override: boolean) => {
    setBusy(true);
    const { consoleId } = target;
    try {
      setOutcome({
        consoleId,
        report: await onFill({
          override,
          name: name?.trim() || undefined,
          description: description?.value.trim() || undefined,
          scopes: scopes?.value.trim() || undefined,
          ...(pageChoice ? { consoleId } : {}),
        }),
      });
    } catch (error) {
      const failure = errorText(error);
      setOutcome({ consoleId, failure, blockedBy: error instanceof FillBlockedError ? error.blockedBy : [] });
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
          {outcome.blockedBy.length > 0 && (
            <>
              <ul role="list" class="blocking" aria-label="Blocking checks">
                {outcome.blockedBy.map((check) => (
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
      {/* After the button: the primary action is the first stop after the credential. */}
      {name !== undefined && (
        <TextField
          id="connection-name"
          label="Connection name"
          value={name}
          maxLength={200}
          help={
            problem ??
            (rule ? `${target.consoleName} allows ${rule.description}.` : `Goes into the Name field of ${target.consoleName}.`)
          }
          problem={problem !== undefined}
          onChange={onNameChange}
        />
      )}
      {description && (
        <TextField
          id="connection-description"
          label="Description"
          value={description.value}
          maxLength={1000}
          help={`Optional. Left empty: "${description.planned}".`}
          onChange={description.onChange}
        />
      )}
      {scopes && (
        <TextField
          id="connection-scopes"
          label="Extra scopes"
          value={scopes.value}
          maxLength={500}
          help={`Space separated; openid is always included. Scopes filled: ${scopes.planned}`}
          onChange={scopes.onChange}
        />
      )}
    </section>
  );
}
