import { useEffect, useRef, useState } from 'preact/hooks';
import { SECRET_CLIPBOARD_SECONDS } from '../../lib/clipboard-clear';

/** Copies `value`; `secret`: the wiring takes it off the clipboard again (lib/copied-secret.ts). */
export type CopyHandler = (value: string, secret: boolean) => Promise<void>;

export interface CopyButtonProps {
  /** Visible text and accessible name, e.g. "Copy" or "Copy Cloudflare API request". */
  label: string;
  /** Built on click, so a value that depends on a choice (include the secret?) is read at that moment. */
  value: () => string;
  onCopy: CopyHandler;
  /** Said after a successful copy; defaults to "Copied". */
  copiedText?: string;
  /** The value is a secret: it is cleared from the clipboard after a while, and the button says so. */
  secret?: boolean;
}

/** How long the "Copied" note stays: long enough to read, short enough not to describe a later state. */
const FEEDBACK_MS = 2000;

/**
 * A copy button with brief feedback in a polite live region. The region is always in the DOM, because screen
 * readers announce changes to an existing live region, not one inserted with its text already in it.
 */
export function CopyButton({ label, value, onCopy, copiedText = 'Copied', secret = false }: CopyButtonProps) {
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const say = (text: string) => {
    setStatus(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(''), FEEDBACK_MS);
  };

  const copy = async () => {
    try {
      await onCopy(value(), secret);
      say(secret ? `${copiedText}: cleared from the clipboard in ${SECRET_CLIPBOARD_SECONDS} s` : copiedText);
    } catch (error) {
      say(`Copy failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <span class="copy">
      <button type="button" class="button small" onClick={copy}>
        {label}
      </button>
      <span class="copy-status" role="status">
        {status}
      </span>
    </span>
  );
}
