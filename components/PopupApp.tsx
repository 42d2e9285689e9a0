/**
 * The popup: paste a credential, see what it is and what is wrong with it for the console in the active tab, then
 * act (fill, test, export). Props in, events out: everything that touches the browser is in entrypoints/popup.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ConnectionReport } from '../lib/connection/types';
import { cloudflareApiRequest, consoleById, pingAccessApiRequest } from '../lib/consoles';
import type { ConsoleId, ConsoleModule } from '../lib/consoles/types';
import { checkCredential, fingerprintCredential, readCredential } from '../lib/credential';
import type { Credential, ExpectedEnvironment, SeenUse, TargetConsole } from '../lib/credential/types';
import type { FillReport } from '../lib/fill/types';
import type { RegionTld } from '../lib/regions';
import type { Tier } from '../lib/settings';
import { ChecksList } from './ChecksList';
import { ClaimsTable } from './ClaimsTable';
import { ConnectionPanel } from './ConnectionPanel';
import { CredentialInput } from './CredentialInput';
import { CredentialSummary } from './CredentialSummary';
import { ExportPanel, type ExportRequest } from './ExportPanel';
import { FillPanel } from './FillPanel';
import { TargetBanner } from './TargetBanner';

export type PopupTarget =
  | { unavailable: string }
  | {
      consoleId: ConsoleId;
      consoleName: string;
      origin: string;
      console: TargetConsole;
      expected?: ExpectedEnvironment;
      tier?: Tier;
      tenantLabel?: string;
      seen: readonly SeenUse[];
    };

export interface PopupAppProps {
  initialText: string;
  target: PopupTarget;
  connection: ConnectionReport | null;
  /** Set when stored settings were repaired or reset on load (lib/settings): said once, with a way to Options. */
  settingsNotice?: string;
  onTextChange(text: string): void;
  onPaste(): Promise<string>;
  onCopy(value: string): Promise<void>;
  /** Rejects with Error(message) when the background blocked or failed the fill. */
  onFill(request: { override: boolean; name?: string }): Promise<FillReport>;
  /** `regionTld`: the region the admin chose for a credential that names none. */
  onTestConnection(regionTld?: RegionTld): void;
  onCancelTest(): void;
  onClear(): void;
  onRememberTenant(): Promise<void>;
  onOpenOptions(): void;
}

/** Performance entry names: the e2e suite and the bench read the measure (and the attribute on the root). */
export const INPUT_MARK = 'pch:credential-input';
export const PASTE_TO_CHECKS_MEASURE = 'pch:paste-to-checks';

const NO_CREDENTIAL = 'Paste a credential first.';

/**
 * The Name the console's own plan fills for this credential (`name` as the admin typed it, or the console's default),
 * or undefined when its form has no Name field. Asking the plan keeps one source for every console's naming rules;
 * only the name is read, so the plan's origin does not matter here.
 */
function plannedName(module: ConsoleModule, credential: Credential, name?: string): string | undefined {
  try {
    const field = module.plan(credential, { origin: '', name }).fields.find((candidate) => candidate.key === 'name');
    return typeof field?.value === 'string' ? field.value : undefined;
  } catch {
    return undefined;
  }
}

/** The admin-API exports that fit this credential's kind; `name`: the admin's, else each console's default. */
function exportRequests(credential: Credential, name: string | undefined): ExportRequest[] {
  const nameFor = (id: ConsoleId) => name || plannedName(consoleById(id), credential) || 'PingOne';
  const requests: ExportRequest[] = [];
  if (consoleById('cloudflare').accepts.includes(credential.kind)) {
    requests.push({
      label: 'Copy Cloudflare API request',
      build: (includeSecret) => cloudflareApiRequest(credential, { name: nameFor('cloudflare'), includeSecret }),
    });
  }
  if (consoleById('pingaccess').accepts.includes(credential.kind)) {
    requests.push({
      label: 'Copy PingAccess API request',
      build: (includeSecret) => pingAccessApiRequest(credential, { name: nameFor('pingaccess'), includeSecret }),
    });
  }
  return requests;
}

export function PopupApp(props: PopupAppProps) {
  const { target } = props;
  const onConsole = 'unavailable' in target ? undefined : target;
  const [text, setText] = useState(props.initialText);
  const [clipboardError, setClipboardError] = useState<string>();
  const root = useRef<HTMLDivElement>(null);
  const measuring = useRef(false);

  const read = useMemo(() => (text.trim() === '' ? undefined : readCredential(text)), [text]);
  const credential = read?.ok ? read.credential : undefined;

  // The fingerprint (WebCrypto, async) feeds the reuse check and ties connection reports to this credential.
  const [fingerprinted, setFingerprinted] = useState<{ of: Credential; fingerprint: string }>();
  useEffect(() => {
    if (!credential) return;
    let current = true;
    void fingerprintCredential(credential).then((fingerprint) => current && setFingerprinted({ of: credential, fingerprint }));
    return () => {
      current = false;
    };
  }, [credential]);
  const fingerprint = fingerprinted && fingerprinted.of === credential ? fingerprinted.fingerprint : undefined;

  const checks = useMemo(
    () =>
      credential
        ? checkCredential(
            credential,
            onConsole
              ? { console: onConsole.console, origin: onConsole.origin, expected: onConsole.expected, fingerprint, seen: onConsole.seen }
              : {},
          )
        : [],
    [credential, onConsole, fingerprint],
  );

  // "Paste to checks rendered": from the input event to the DOM holding the new checks (layout effects run right
  // after Preact commits the render, before the browser paints).
  useLayoutEffect(() => {
    if (!measuring.current) return;
    measuring.current = false;
    const measure = performance.measure(PASTE_TO_CHECKS_MEASURE, INPUT_MARK);
    root.current?.setAttribute('data-paste-to-checks-ms', measure.duration.toFixed(2));
  }, [read]);

  // The Name field starts as what the console's plan would fill; undefined: this console's form has no Name.
  const consoleModule = onConsole && consoleById(onConsole.consoleId);
  const suggestedName = useMemo(() => {
    if (!credential || !consoleModule || plannedName(consoleModule, credential, 'PingOne') === undefined) return undefined;
    return plannedName(consoleModule, credential) ?? '';
  }, [credential, consoleModule]);
  const [name, setName] = useState(suggestedName ?? '');
  useEffect(() => setName(suggestedName ?? ''), [suggestedName]);

  const change = (next: string) => {
    performance.mark(INPUT_MARK);
    measuring.current = true;
    setClipboardError(undefined);
    setText(next);
    props.onTextChange(next);
  };

  const paste = async () => {
    try {
      change(await props.onPaste());
    } catch (error) {
      setClipboardError(`Could not read the clipboard: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const clear = () => {
    setText('');
    setClipboardError(undefined);
    props.onClear();
  };

  const connection = props.connection && fingerprint && props.connection.fingerprint === fingerprint ? props.connection : null;
  const notReady = credential ? undefined : NO_CREDENTIAL;
  const now = Date.now();

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
      {onConsole && (
        <TargetBanner
          target={onConsole}
          environment={credential && (credential.environmentName ?? credential.environmentId)}
          onRememberTenant={props.onRememberTenant}
        />
      )}
      <CredentialInput
        text={text}
        error={read && !read.ok ? read.error : undefined}
        clipboardError={clipboardError}
        autoFocus={props.initialText === ''}
        conceal={credential !== undefined && (credential.source === 'jwt' || credential.clientSecret !== undefined)}
        onInput={change}
        onPaste={paste}
        onClear={clear}
      />
      {credential && (
        <>
          <CredentialSummary credential={credential} now={now} onCopy={props.onCopy} />
          <ChecksList checks={checks} context={onConsole && `for ${onConsole.consoleName}`} />
        </>
      )}
      {/* Keyed by the credential: a report or a blocked fill belongs to the credential it was made with. */}
      <FillPanel
        key={credential?.raw}
        target={target}
        notReady={notReady}
        blocking={checks.filter((check) => check.level === 'error')}
        name={suggestedName === undefined ? undefined : name}
        onNameChange={setName}
        onFill={props.onFill}
      />
      <ConnectionPanel
        key={credential?.raw}
        report={connection}
        notReady={notReady}
        regionChoice={credential && !credential.region ? { initial: onConsole?.expected?.regionTld } : undefined}
        onTest={props.onTestConnection}
        onCancel={props.onCancelTest}
      />
      {credential && (
        <>
          <ExportPanel
            requests={exportRequests(credential, suggestedName === undefined ? undefined : name.trim())}
            secretName={credential.kind === 'oidc-app' ? 'client secret' : 'credential'}
            onCopy={props.onCopy}
          />
          <ClaimsTable claims={credential.claims} now={now} onCopy={props.onCopy} />
        </>
      )}
      <footer class="footer">
        <button type="button" class="link" onClick={props.onOpenOptions}>
          Options: consoles, tenants, preferences
        </button>
      </footer>
    </div>
  );
}
