import { useState } from 'preact/hooks';
import { CopyButton, type CopyHandler } from './CopyButton';

export interface SecretValueProps {
  /** What the secret is ("Client Secret"): names the group holding its Reveal and Copy buttons. */
  label: string;
  value: string;
  onCopy: CopyHandler;
}

/**
 * A secret shown masked until the admin asks. The mask has a fixed length so it does not give away the secret's
 * length; Copy works without revealing, which is what an admin moving the secret to a console usually wants.
 */
export function SecretValue({ label, value, onCopy }: SecretValueProps) {
  const [revealed, setRevealed] = useState(false);
  return (
    <span class="secret" role="group" aria-label={label}>
      {revealed ? (
        <code class="secret-value">{value}</code>
      ) : (
        <span class="secret-mask">
          <span aria-hidden="true">••••••••••••</span>
          <span class="visually-hidden">hidden</span>
        </span>
      )}
      <span class="secret-actions">
        {/* The label itself changes (Reveal/Hide), so no aria-pressed: APG says a toggle keeps one label. */}
        <button type="button" class="button small" onClick={() => setRevealed(!revealed)}>
          {revealed ? 'Hide' : 'Reveal'}
        </button>
        <CopyButton label="Copy" value={() => value} onCopy={onCopy} secret />
      </span>
    </span>
  );
}
