/**
 * Text a page selected, now the vault's credential (lib/selection-source.ts): the popup says which page, and asks the
 * admin once, when the background answers a first fill or test with `confirmSource`. The background holds the gate;
 * this only carries the admin's answer back.
 */

export interface SourceQuestion {
  origin: string;
  action: 'Fill' | 'Test';
  answer(yes: boolean): void;
}

/** "From a selection on <origin>" under the credential box; the one question before its first fill or test. */
export function SelectionSource({ origin, question }: { origin?: string; question?: SourceQuestion }) {
  return (
    <>
      {origin && (
        <p class="reason draft-source" id="credential-source">
          From a selection on {origin}
        </p>
      )}
      {question && (
        <div class="alert" role="alert" aria-label="Confirm the selected text">
          <p class="alert-message">
            Text selected on {question.origin}: that page chose it. {question.action} with it?
          </p>
          <div class="row">
            <button type="button" class="button danger" onClick={() => question.answer(true)}>
              {question.action} with it
            </button>
            <button type="button" class="button" onClick={() => question.answer(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </>
  );
}
