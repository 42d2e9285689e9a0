/**
 * The popup: paste a credential, see what it is and what is wrong with it for the console in the active tab, then
 * act (fill, test, export). Props in, events out: everything that touches the browser is in entrypoints/popup.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ConnectionReport } from '../../lib/connection/types';
import type { ConsoleId } from '../../lib/consoles/types';
import type { Credential, CredentialKind } from '../../lib/credential/types';
import type { FillReport } from '../../lib/fill/types';
import type { RegionTld } from '../../lib/regions';
import type { PopupTab } from '../../lib/popup-tab';
import { ConnectionPanel, TestButtons, testRunning } from './ConnectionPanel';
import type { CopyHandler } from './CopyButton';
import { CredentialInput } from './CredentialInput';
import { pastePart } from './lazy-module';
import { FillPanel, type FillChoices } from './FillPanel';
import { FormDescriptionButton } from './FormDescriptionButton';
import { PickFieldsPanel, type PickFieldsPanelProps } from './PickFieldsPanel';
import type { SourceQuestion } from './SelectionSource';
import { TargetBanner } from './TargetBanner';
import { useJudgement, type JudgeHandler } from './use-judgement';
import { errorText } from '../../lib/error-text';

export interface PopupAppProps {
  initialText: string;
  target: PopupTab;
  connection: ConnectionReport | null;
  /** Set when stored settings were repaired or reset on load (lib/settings): said once, with a way to Options. */
  settingsNotice?: string;
  /** Set when storage.session refused what this popup shows (the credential, the test's report): it lasts only here. */
  storageNotice?: string;
  /** The keyboard shortcut that opens the popup, when one is set. */
  shortcut?: string;
  /**
   * Text the context menu sent (lib/selection-draft): drawn above the vault's credential, never filled nor tested,
   * until the admin uses it (the wiring then reopens the popup's text on it) or discards it.
   */
  draft?: { text: string; source: string };
  onUseDraft(): void;
  /**
   * The page `initialText` was selected on (lib/selection-source.ts), if a selection put it in the vault; an edit makes
   * it another text, no longer the selection's (the background binds the mark to the text's hash).
   */
  source?: string;
  /** The background asks the admin to confirm that text before its first fill or test. */
  sourceQuestion?: SourceQuestion;
  onDiscardDraft(): void;
  onTextChange(text: string): void;
  /** Reads and judges a text (the box's, the draft's) for the console shown: the background's answer. */
  onJudge: JudgeHandler;
  onPaste(): Promise<string>;
  onCopy: CopyHandler;
  /** Rejects with a FillBlockedError (./RefusalAlert.tsx) when checks blocked the fill, else with Error(message). */
  onFill(request: FillChoices): Promise<FillReport>;
  /** `regionTld`: the region the admin chose for a credential that names none. */
  onTestConnection(regionTld?: RegionTld): void;
  onCancelTest(): void;
  onClear(): void;
  /** `consoleId`: the console of the target shown (the admin's choice on a page that is no known console). */
  onRememberTenant(consoleId: ConsoleId): Promise<void>;
  onOpenOptions(): void;
  /** An https tab where fields may be picked (lib/pick): its origin, what was picked there, and the two actions. */
  pick?: Pick<PickFieldsPanelProps, 'origin' | 'picked' | 'onFillPicked'> & { onPick(kind: CredentialKind): Promise<string> };
  /** Copies the tab's forms as the fill sees them, without values. */
  onDescribeForms?(): Promise<void>;
  /** The sections the admin left open (passed checks, details, export, claims): they open so again. */
  openSections?: readonly string[];
  onSectionToggle?(section: string, open: boolean): void;
}

/** Performance entry names: the e2e suite and the bench read the measure (and the attribute on the root). */
export const INPUT_MARK = 'pch:credential-input';
export const PASTE_TO_CHECKS_MEASURE = 'pch:paste-to-checks';

const NO_CREDENTIAL = 'Paste a credential first.';

/**
 * The target the popup works with. On a page that is no known console: the console the admin picked, else the first
 * that takes this credential (a gateway credential: PingAccess), else the first offered.
 */
function shownTarget(
  target: PopupTab,
  picked: ConsoleId | undefined,
  takes: ((consoleId: ConsoleId) => boolean) | undefined,
): Exclude<PopupTab, { choices: unknown }> {
  if (!('choices' in target)) return target;
  const { choices } = target;
  return choices.find((choice) => choice.consoleId === picked) ?? choices.find((choice) => takes?.(choice.consoleId)) ?? choices[0];
}

export function PopupApp(props: PopupAppProps) {
  const { target } = props;
  const [text, setText] = useState(props.initialText);
  const [clipboardError, setClipboardError] = useState<string>();
  // The box folds once a credential is read from a paste, a drop or the vault, or when the admin leaves the box;
  // typing keeps it open, "Change" opens it.
  const [foldable, setFoldable] = useState(true);
  const [openSections, setOpenSections] = useState<readonly string[]>(props.openSections ?? []);
  const fold = (section: string) => ({
    open: openSections.includes(section),
    onToggle: (open: boolean) => {
      setOpenSections((current) => (open ? [...current, section] : current.filter((id) => id !== section)));
      props.onSectionToggle?.(section, open);
    },
  });
  const root = useRef<HTMLDivElement>(null);
  const measuring = useRef(false);

  // The views of a credential and the checks' words load with the first text (a paste, the vault's credential at open)
  // or the context menu's draft: the empty popup runs without them.
  const part = pastePart.use(text.trim() !== '' || props.draft !== undefined);
  const pasted = part && 'module' in part ? part.module : undefined;

  const [picked, setPicked] = useState<ConsoleId>();
  const choices = 'choices' in target ? target.choices : undefined;
  // The background reads and judges the text for the console shown; which console is shown on a page that is no known
  // one follows the kind read, so a first answer may be followed by a second for that console.
  const [kind, setKind] = useState<CredentialKind>();
  const shown = shownTarget(target, picked, kind && pasted && ((consoleId) => pasted.consoleById(consoleId).accepts.includes(kind)));
  const onConsole = 'unavailable' in shown ? undefined : shown;
  const asked = useJudgement(props.onJudge, text, onConsole?.consoleId, target);
  const judged = asked.judged?.text === text && text.trim() !== '' ? asked.judged : undefined;
  const read = judged?.judgement.read;
  const credential = read?.ok ? read.credential : undefined;
  useEffect(() => setKind(credential?.kind), [credential?.kind]);
  // The console's rules and plan, by id (a message carries the tab as data: lib/popup-tab.ts); with the paste part.
  const consoleModule = onConsole && pasted?.consoleById(onConsole.consoleId);
  // Only a judgement for the console shown is the fill gate's: until it comes, Fill and Test wait, as for the fingerprint.
  const current = judged !== undefined && judged.on === onConsole?.consoleId;
  const fingerprint = judged && 'fingerprint' in judged.judgement ? judged.judgement.fingerprint : undefined;
  const findings = judged && 'findings' in judged.judgement ? judged.judgement.findings : undefined;
  const checks = useMemo(() => (findings && pasted ? findings.map(pasted.wordFinding) : []), [findings, pasted]);
  const draft = useJudgement(props.onJudge, props.draft?.text ?? '', onConsole?.consoleId, target).judged;

  // "Paste to checks rendered": from the input event to the DOM holding the new checks (layout effects run right
  // after Preact commits the render, before the browser paints).
  useLayoutEffect(() => {
    if (!measuring.current) return;
    measuring.current = false;
    const measure = performance.measure(PASTE_TO_CHECKS_MEASURE, INPUT_MARK);
    root.current?.setAttribute('data-paste-to-checks-ms', measure.duration.toFixed(2));
  }, [read, pasted]);

  // The Name field starts as what the console's plan would fill; undefined: this console's form has no Name.
  const suggestedName = useMemo(() => {
    if (!credential || !consoleModule || !pasted || pasted.plannedValue(consoleModule, credential, 'name', { name: 'PingOne' }) === undefined) {
      return undefined;
    }
    return pasted.plannedValue(consoleModule, credential, 'name') ?? '';
  }, [credential, consoleModule, pasted]);
  // What the admin typed, per console: switching "This page is" and back keeps it; a new credential starts afresh.
  const [typedNames, setTypedNames] = useState<{ of?: string; byConsole: Record<string, string> }>({ byConsole: {} });
  const typed = typedNames.of === fingerprint ? typedNames.byConsole : {};
  const name = (onConsole && typed[onConsole.consoleId]) ?? suggestedName ?? '';
  const setName = (next: string) => {
    if (!onConsole) return;
    setTypedNames({ of: fingerprint, byConsole: { ...typed, [onConsole.consoleId]: next } });
  };
  // PingAccess's Description and PingFederate's extra scopes: offered where the console's plan has the field.
  const [description, setDescription] = useState('');
  const [scopes, setScopes] = useState('');
  const plannedDescription = credential && consoleModule && pasted?.plannedValue(consoleModule, credential, 'description');
  const plannedScopes = credential && consoleModule && pasted?.plannedValue(consoleModule, credential, 'scopes', { scopes });

  const change = (next: string, whole: boolean) => {
    setFoldable(whole);
    performance.mark(INPUT_MARK);
    measuring.current = true;
    setClipboardError(undefined);
    setText(next);
    props.onTextChange(next);
  };

  const paste = async () => {
    try {
      change(await props.onPaste(), true);
    } catch (error) {
      setClipboardError(`Could not read the clipboard: ${errorText(error)}`);
    }
  };

  const clear = () => {
    setText('');
    setClipboardError(undefined);
    props.onClear();
  };

  const connection = props.connection && fingerprint && props.connection.fingerprint === fingerprint ? props.connection : null;
  // The test's region (a credential naming none) and its start, held here: its button sits in Fill's row.
  const [region, setRegion] = useState<RegionTld | ''>(onConsole?.context.expected?.regionTld ?? '');
  const [testStarting, setTestStarting] = useState(false);
  useEffect(() => setTestStarting(false), [connection, fingerprint]);
  const testing = testRunning(testStarting, connection);
  const startTest = () => {
    setTestStarting(true);
    props.onTestConnection(credential && !credential.region && region ? region : undefined);
  };
  // Fill and test also wait for the judgement for the console shown (a moment, and silently): only with it are the
  // checks the fill gate's, and the panels below are keyed by its fingerprint, so a fill started before would be dropped.
  const notReady = !credential ? NO_CREDENTIAL : !current || fingerprint === undefined ? '' : undefined;
  const now = Date.now();
  const requests = credential && pasted
    ? pasted.exportRequests(credential, suggestedName === undefined ? undefined : name.trim(), (plannedDescription && description.trim()) || undefined)
    : [];

  const loadFailure = part && 'failure' in part ? part.failure : undefined;
  // Picking fields and describing the form: the first screen's action on a page no console module knows; on a known
  // console, where the fill finds its own fields, a section the admin opens when it did not.
  const knownConsole = 'consoleId' in target;
  const formTools = (props.pick || props.onDescribeForms) && (
    <>
      {props.pick && (
        <PickFieldsPanel key={fingerprint} {...props.pick} notReady={notReady} onPick={() => props.pick!.onPick(credential!.kind)} />
      )}
      {props.onDescribeForms && <FormDescriptionButton onDescribe={props.onDescribeForms} />}
    </>
  );

  return (
    <div class="popup" ref={root}>
      <header class="header">
        <h1>PingOne Connection Helper</h1>
      </header>
      {props.settingsNotice && (
        <p class="settings-notice" role="status">
          {props.settingsNotice}{' '}
          <button type="button" class="link" onClick={props.onOpenOptions}>
            Review in Options
          </button>
        </p>
      )}
      {props.storageNotice && (
        <p class="settings-notice" role="alert">
          {props.storageNotice}
        </p>
      )}
      {props.draft && pasted && (
        <pasted.DraftView
          source={props.draft.source}
          judgement={draft?.text === props.draft.text ? draft.judgement : undefined}
          now={now}
          onUse={props.onUseDraft}
          onDiscard={props.onDiscardDraft}
          onCopy={props.onCopy}
        />
      )}
      {onConsole && (
        <TargetBanner
          target={onConsole}
          environment={credential && (credential.environmentName ?? credential.environmentId)}
          onRememberTenant={() => props.onRememberTenant(onConsole.consoleId)}
        />
      )}
      <CredentialInput
        text={text}
        error={read && !read.ok ? read.error : undefined}
        clipboardError={
          clipboardError ??
          (loadFailure && `Part of the popup could not load (${loadFailure}): close it and open it again.`) ??
          (asked.failure && `The background could not read this text (${asked.failure}): close the popup and open it again.`)
        }
        autoFocus={props.initialText === ''}
        conceal={credential !== undefined && (credential.source === 'jwt' || credential.clientSecret !== undefined)}
        folded={credential && foldable && pasted ? pasted.foldedLine(credential, text) : undefined}
        onUnfold={() => setFoldable(false)}
        onInput={change}
        onLeave={() => setFoldable(true)}
        onPaste={paste}
        onClear={clear}
      />
      {/* Text from a page's selection, and the question before its first use: both follow a credential, so the paste part. */}
      {pasted && <pasted.SelectionSource origin={text === props.initialText ? props.source : undefined} question={props.sourceQuestion} />}
      {/* The first screen (400 x 600): what was read, the verdict, then the actions, then what is wrong. */}
      {credential && pasted && (
        <div class="verdict">
          <pasted.IdentityLine credential={credential} />
          <pasted.CheckVerdict checks={checks} context={onConsole && `for ${onConsole.consoleName}`} />
        </div>
      )}
      {/* Keyed by the credential's fingerprint (never its secret text): a report or a blocked fill belongs to the
          credential it was made with. */}
      <FillPanel
        key={fingerprint}
        target={shown}
        pageChoice={choices && { choices, onChoose: setPicked, onOpenOptions: props.onOpenOptions }}
        notReady={notReady}
        blocking={checks.filter((check) => check.level === 'error')}
        values={{
          name: suggestedName === undefined ? undefined : name,
          description: plannedDescription ? description : undefined,
          scopes: plannedScopes ? scopes : undefined,
        }}
        beside={<TestButtons running={testing} notReady={notReady} onTest={startTest} onCancel={props.onCancelTest} />}
        onFill={props.onFill}
      />
      {!knownConsole && formTools}
      <ConnectionPanel
        report={connection}
        running={testing}
        notReady={notReady}
        regionChoice={credential && !credential.region ? { value: region, onChange: setRegion } : undefined}
      />
      {credential && pasted && (
        <>
          <pasted.ChecksList checks={checks} label={onConsole ? `Checks for ${onConsole.consoleName}` : 'Checks'} fold={fold('checks')} />
          {onConsole && (
            <pasted.FillOptions
              key={onConsole.consoleId}
              consoleName={onConsole.consoleName}
              nameRule={consoleModule?.nameRule}
              name={suggestedName === undefined ? undefined : name}
              onNameChange={setName}
              description={plannedDescription ? { value: description, onChange: setDescription, planned: plannedDescription } : undefined}
              scopes={plannedScopes ? { value: scopes, onChange: setScopes, planned: plannedScopes } : undefined}
              fold={fold('fill-options')}
            />
          )}
          {knownConsole && formTools && (
            <pasted.Fold summary="Fields not found? Pick them" {...fold('form-tools')}>
              {formTools}
            </pasted.Fold>
          )}
          <pasted.Fold summary="Credential details" {...fold('details')}>
            <pasted.CredentialSummary credential={credential} now={now} onCopy={props.onCopy} />
          </pasted.Fold>
          {requests.length > 0 && (
            <pasted.Fold summary="Export as an API request" {...fold('export')}>
              <pasted.ExportPanel requests={requests} secretName={credential.kind === 'oidc-app' ? 'client secret' : 'credential'} onCopy={props.onCopy} />
            </pasted.Fold>
          )}
          <pasted.Fold summary={`Claims (${Object.keys(credential.claims).length})`} {...fold('claims')}>
            <pasted.ClaimsTable claims={credential.claims} now={now} onCopy={props.onCopy} />
          </pasted.Fold>
        </>
      )}
      <footer class="footer">
        <button type="button" class="link" onClick={props.onOpenOptions}>
          Options: consoles, tenants, preferences
        </button>
        {props.shortcut && <span class="muted"> · Open with {props.shortcut}</span>}
      </footer>
    </div>
  );
}
