/**
 * The text "Inspect as PingOne credential" sent (lib/selection-draft.ts), shown apart from the vault's credential with
 * the page it came from: the page chose it, so it is nobody's credential until the admin uses it. Decoded and checked
 * like a pasted credential; "Use this credential" makes it the vault's, "Discard" drops it.
 */
import { checkCredential, readCredential } from '../../lib/credential';
import type { CheckContext } from '../../lib/credential/types';
import { ChecksList } from './ChecksList';
import type { CopyHandler } from './CopyButton';
import { CredentialSummary } from './CredentialSummary';

export interface DraftViewProps {
  text: string;
  /** Where it was selected (lib/selection-draft selectionSource). */
  source: string;
  /** The context of the console the popup is over (lib/target checkContextFor), as for the vault's credential. */
  context?: CheckContext;
  now: number;
  onUse(): void;
  onDiscard(): void;
  onCopy: CopyHandler;
}

export function DraftView({ text, source, context, now, onUse, onDiscard, onCopy }: DraftViewProps) {
  const read = readCredential(text);
  return (
    <section class="draft" aria-labelledby="draft-heading">
      <h2 id="draft-heading">Selected text</h2>
      <p>
        <span class="strong draft-source">Text selected on {source}</span>: not your credential until you use it.
      </p>
      <div class="row">
        <button type="button" class="button" onClick={onUse}>
          Use this credential
        </button>
        <button type="button" class="button" onClick={onDiscard}>
          Discard
        </button>
      </div>
      {read.ok ? (
        <>
          <CredentialSummary id="draft-summary" credential={read.credential} now={now} onCopy={onCopy} />
          <ChecksList id="draft-checks" label="Checks of the selected text" checks={checkCredential(read.credential, context)} />
        </>
      ) : (
        <p class="alert-message">{read.error.message}</p>
      )}
    </section>
  );
}
