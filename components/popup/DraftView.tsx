/**
 * The text "Inspect as PingOne credential" sent (lib/selection-draft.ts), shown apart from the vault's credential with
 * the page it came from: the page chose it, so it is nobody's credential until the admin uses it. Decoded and checked
 * like a pasted credential; "Use this credential" makes it the vault's, "Discard" drops it.
 */
import { wordFinding } from '../../lib/credential/check-words';
import type { CredentialJudgement } from '../../lib/messages';
import { ChecksList } from './ChecksList';
import type { CopyHandler } from './CopyButton';
import { CredentialSummary } from './CredentialSummary';

export interface DraftViewProps {
  /** Where it was selected (lib/selection-draft selectionSource). */
  source: string;
  /** The text read and judged by the background for the console the popup is over, as the vault's; undefined until then. */
  judgement?: CredentialJudgement;
  now: number;
  onUse(): void;
  onDiscard(): void;
  onCopy: CopyHandler;
}

export function DraftView({ source, judgement, now, onUse, onDiscard, onCopy }: DraftViewProps) {
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
      {judgement &&
        ('findings' in judgement ? (
          <>
            <CredentialSummary id="draft-summary" credential={judgement.read.credential} now={now} onCopy={onCopy} />
            <ChecksList id="draft-checks" label="Checks of the selected text" checks={judgement.findings.map(wordFinding)} />
          </>
        ) : (
          <p class="alert-message">{judgement.read.error.message}</p>
        ))}
    </section>
  );
}
