/**
 * "Copy form description": the tab's forms as the fill engine sees them, without values (lib/pick/describe.ts), on
 * the clipboard for a bug report when a console changed. Props in, events out.
 */
import { useState } from 'preact/hooks';
import { errorText } from '../../lib/error-text';

export function FormDescriptionButton({ onDescribe }: { onDescribe(): Promise<void> }) {
  const [said, setSaid] = useState<string>();
  const copy = async () => {
    try {
      await onDescribe();
      setSaid('Copied: the forms as the fill sees them, with no values. Paste it into a bug report.');
    } catch (error) {
      setSaid(errorText(error));
    }
  };
  return (
    <p class="row">
      <button type="button" class="link" onClick={() => void copy()}>
        Copy form description
      </button>
      {said && <span role="status" class="muted"> {said}</span>}
    </p>
  );
}
