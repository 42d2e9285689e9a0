/** Preferences: how long an idle credential stays in the popup, and whether the popup reads the clipboard on open. */
import { useEffect, useState } from 'preact/hooks';
import { MAX_IDLE_CLEAR_MINUTES, type Settings } from '../../lib/settings/model';
import { savedNotText } from '../../lib/storage-refusal';

export type PreferencesChange = Partial<Pick<Settings, 'idleClearMinutes' | 'readClipboardOnOpen'>>;

export interface PreferencesFormProps {
  idleClearMinutes: number;
  readClipboardOnOpen: boolean;
  /** Rejects with Error(message) when the change could not be saved. */
  onChange(change: PreferencesChange): Promise<void>;
}

export function PreferencesForm({ idleClearMinutes, readClipboardOnOpen, onChange }: PreferencesFormProps) {
  const [minutes, setMinutes] = useState(String(idleClearMinutes));
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  // Another page (or an import) may change the stored value while this one is open.
  useEffect(() => setMinutes(String(idleClearMinutes)), [idleClearMinutes]);

  const save = async (change: PreferencesChange) => {
    try {
      await onChange(change);
      setStatus('Saved.');
    } catch (failure) {
      setStatus(`Not saved: ${savedNotText(failure)}`);
    }
  };

  const commitMinutes = () => {
    const value = Number(minutes.trim());
    if (!/^\d+$/.test(minutes.trim()) || value < 1 || value > MAX_IDLE_CLEAR_MINUTES) {
      setError(`Enter whole minutes from 1 to ${MAX_IDLE_CLEAR_MINUTES}.`);
      return;
    }
    setError('');
    if (value !== idleClearMinutes) void save({ idleClearMinutes: value });
  };

  return (
    <div class="preferences">
      <div class="field">
        <label class="field-label" for="idle-clear-minutes">
          Forget the credential after this many idle minutes
        </label>
        <input
          id="idle-clear-minutes"
          class="text-input narrow"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_IDLE_CLEAR_MINUTES}
          step={1}
          value={minutes}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'idle-clear-help idle-clear-error' : 'idle-clear-help'}
          onInput={(event) => setMinutes(event.currentTarget.value)}
          onChange={commitMinutes}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitMinutes();
          }}
        />
        <p id="idle-clear-help" class="help">
          The pasted credential lives only in this browser session's memory store and is cleared after this time.
        </p>
        {error && (
          <p id="idle-clear-error" class="field-error">
            {error}
          </p>
        )}
      </div>
      <div class="field checkbox">
        <input
          id="read-clipboard-on-open"
          type="checkbox"
          checked={readClipboardOnOpen}
          aria-describedby="read-clipboard-help"
          onChange={(event) => void save({ readClipboardOnOpen: event.currentTarget.checked })}
        />
        <label for="read-clipboard-on-open">Read the clipboard when the popup opens</label>
        <p id="read-clipboard-help" class="help">
          Off by default: the popup then reads the clipboard only when you press “Paste from clipboard”.
        </p>
      </div>
      <p class="status" role="status">
        {status}
      </p>
    </div>
  );
}
