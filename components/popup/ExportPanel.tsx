import { useEffect, useRef, useState } from 'preact/hooks';
import { CopyButton, type CopyHandler } from './CopyButton';

export interface ExportRequest {
  /** Button text and accessible name, e.g. "Copy Cloudflare API request". */
  label: string;
  build(includeSecret: boolean): string;
}

export interface ExportPanelProps {
  requests: readonly ExportRequest[];
  /** What the secret is called for this credential: "client secret" or "credential". */
  secretName: string;
  onCopy: CopyHandler;
}

type SecretMode = 'left-out' | 'confirming' | 'included';

/**
 * API request bodies for the consoles' admin APIs (lib/consoles/README.md). Copies leave the secret out until the admin
 * confirms, in the page (not window.confirm, which blocks the popup and cannot be styled or tested), that the
 * copied text may hold it. Escape cancels the confirmation and focus returns to where it was.
 */
export function ExportPanel({ requests, secretName, onCopy }: ExportPanelProps) {
  const [mode, setMode] = useState<SecretMode>('left-out');
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Least harmful action first (WAI-ARIA APG, alert dialog): Enter right away keeps the secret out.
    if (mode === 'confirming') cancel.current?.focus();
  }, [mode]);
  if (requests.length === 0) return null;

  const close = (next: SecretMode) => {
    setMode(next);
    // The opener exists again only after the re-render.
    setTimeout(() => opener.current?.focus());
  };
  const included = mode === 'included';

  return (
    <section class="export" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <div class="row wrap">
        {requests.map((request) => (
          <CopyButton
            key={request.label}
            label={request.label}
            value={() => request.build(included)}
            onCopy={onCopy}
            copiedText={included ? `Copied, with the ${secretName}` : `Copied, without the ${secretName}`}
            secret={included}
          />
        ))}
      </div>
      {mode === 'confirming' ? (
        <div
          class="confirm"
          role="alertdialog"
          aria-labelledby="export-confirm-title"
          aria-describedby="export-confirm-text"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close('left-out');
            }
          }}
        >
          <p id="export-confirm-title" class="strong">
            Include the {secretName} in copied requests?
          </p>
          <p id="export-confirm-text">
            Anyone who sees the copied text can use it. Paste it only into the console's API client, then clear the
            clipboard.
          </p>
          <div class="row">
            <button type="button" class="button danger" onClick={() => close('included')}>
              Include the {secretName}
            </button>
            <button ref={cancel} type="button" class="button" onClick={() => close('left-out')}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <p class="row">
          <span class={included ? 'tone-error' : 'muted'}>
            {included ? `Copies include the ${secretName}.` : `Copies leave the ${secretName} out.`}
          </span>
          <button
            ref={opener}
            type="button"
            class="button small"
            onClick={() => (included ? close('left-out') : setMode('confirming'))}
          >
            {included ? `Leave the ${secretName} out` : `Include the ${secretName}…`}
          </button>
        </p>
      )}
    </section>
  );
}
