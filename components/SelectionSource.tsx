/**
 * Text a page selected, now the vault's credential (lib/selection-source.ts): the popup says which page, and asks the
 * admin once, when the background answers a first fill or test with `confirmSource`. The background holds the gate;
 * this only carries the admin's answer back.
 */

/** "From a selection on <origin>", under the credential box. */
export function SelectionSourceNote({ origin }: { origin: string }) {
  return (
    <p class="reason draft-source" id="credential-source">
      From a selection on {origin}
    </p>
  );
}

export interface SourceQuestion {
  origin: string;
  action: 'fill' | 'test';
  answer(yes: boolean): void;
}

/** The one question before the first fill or test of selected text. */
export function SourceConfirm({ question }: { question: SourceQuestion }) {
  const verb = question.action === 'fill' ? 'Fill' : 'Test';
  return (
    <div class="alert" role="alert" aria-label="Confirm the selected text">
      <p class="alert-message">
        This credential is text selected on {question.origin}: that page chose it. {verb} with it?
      </p>
      <div class="row">
        <button type="button" class="button danger" onClick={() => question.answer(true)}>
          Yes, {verb.toLowerCase()} with it
        </button>
        <button type="button" class="button" onClick={() => question.answer(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
