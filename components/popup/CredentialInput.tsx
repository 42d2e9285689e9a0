import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { ReadError } from '../../lib/credential/types';

export interface CredentialInputProps {
  text: string;
  /** Why the text is not a credential (from readCredential); shown next to the box. */
  error?: ReadError;
  /** Why the clipboard could not be read. */
  clipboardError?: string;
  /** Focus the box when the popup opens empty, so Ctrl+V works at once. */
  autoFocus?: boolean;
  /** The text holds a secret: draw it as discs while the box is not focused (shoulder-surfing, screenshots). */
  conceal?: boolean;
  /**
   * Set once a credential is read: the box folds to this one line (e.g. "gateway JWT · 1,214 characters") so the
   * actions fit the popup; "Change" unfolds it.
   */
  folded?: string;
  /** `whole`: the input brought a whole text (a paste, a drop, a tool's insert), not a keystroke. */
  onInput(text: string, whole: boolean): void;
  /** Focus left the box: the admin is done editing. */
  onLeave?(): void;
  onPaste(): void;
  onClear(): void;
  onUnfold?(): void;
}

const ERROR_ID = 'credential-error';

/**
 * A key that types into the box (a character, Enter, Backspace, Delete), not a shortcut such as Ctrl+V: the input
 * that follows it is a keystroke. An input no such key went before is a whole text: a paste, a drop, a tool's insert.
 */
function typesText(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  return event.key.length === 1 || event.key === 'Enter' || event.key === 'Backspace' || event.key === 'Delete';
}

const HELP_ID = 'credential-help';

export function CredentialInput(props: CredentialInputProps) {
  const { text, error, clipboardError, autoFocus, conceal, folded, onInput, onPaste, onClear } = props;
  const box = useRef<HTMLTextAreaElement>(null);
  const change = useRef<HTMLButtonElement>(null);
  const editor = useRef<HTMLDivElement>(null);
  const keyed = useRef(false);
  const isFolded = folded !== undefined;
  // Focus in the box or its buttons as they fold would fall to the page: it goes to "Change" instead.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (isFolded && (active === null || active === document.body || editor.current?.contains(active))) change.current?.focus();
  }, [isFolded]);
  const unfold = () => {
    props.onUnfold?.();
    // The box is drawn again by the render this causes; focus waits for it.
    requestAnimationFrame(() => box.current?.focus());
  };
  // The autofocus attribute is not honoured for elements a script inserts after load in every browser: focus here.
  useEffect(() => {
    if (autoFocus) box.current?.focus();
  }, []);
  const problem = error ?? (clipboardError ? { message: clipboardError, hint: undefined } : undefined);
  return (
    <section class="input" aria-label="Credential input">
      {isFolded && (
        <p class="credential-line">
          <span class="field-label inline">Credential:</span> <span class="credential-folded">{folded}</span>
          <span class="credential-line-actions">
            <button type="button" class="link" ref={change} onClick={unfold}>
              Change
            </button>
            <button type="button" class="link" onClick={onClear}>
              Clear
            </button>
          </span>
        </p>
      )}
      <div ref={editor} hidden={isFolded}>
      <label for="credential" class="field-label">
        Credential
      </label>
      <p id={HELP_ID} class="help">
        A gateway or product-connection credential (JWT), Cloudflare JSON, or the Client ID, Client Secret and
        Environment ID lines of a PingOne application.{conceal && ' Its text is hidden while you are not editing it.'}
      </p>
      <textarea
        id="credential"
        class={conceal ? 'credential concealed' : 'credential'}
        rows={4}
        value={text}
        spellcheck={false}
        autocomplete="off"
        autocapitalize="off"
        ref={box}
        aria-invalid={error ? true : undefined}
        aria-describedby={problem ? `${ERROR_ID} ${HELP_ID}` : HELP_ID}
        onKeyDown={(event) => {
          keyed.current = typesText(event);
        }}
        onInput={(event) => {
          onInput(event.currentTarget.value, !keyed.current);
          keyed.current = false;
        }}
        onBlur={props.onLeave}
      />
      <div class="row">
        <button type="button" class="button" onClick={onPaste}>
          Paste from clipboard
        </button>
        <button type="button" class="button" onClick={onClear} disabled={text === ''}>
          Clear
        </button>
      </div>
      </div>
      {/* Always present so the error is announced when it appears (a live region must exist first). */}
      <div id={ERROR_ID} role="alert" class={problem ? 'alert' : 'alert empty'}>
        {problem && (
          <>
            <p class="alert-message">{problem.message}</p>
            {problem.hint && <p class="alert-hint">{problem.hint}</p>}
          </>
        )}
      </div>
    </section>
  );
}
