/**
 * Import and export of the environment map as JSON. Import is all or nothing: on any error the list of problems,
 * each with its row path (`tenants[2].expected.environmentId: expected a UUID`), and nothing changed.
 */
import { useState } from 'preact/hooks';
import type { SettingsError } from '../../lib/settings/schema';
import { errorText } from '../../lib/error-text';
import { savedNotText } from '../../lib/storage-refusal';

export type ImportOutcome = { ok: true; tenants: number; selfHosted: number } | { ok: false; errors: SettingsError[] };

export interface ImportExportProps {
  /** Validates and, only when valid, replaces the map and preferences. */
  onImport(text: string): Promise<ImportOutcome>;
  onDownload(): void;
  onCopy(): Promise<void>;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function ImportExport({ onImport, onDownload, onCopy }: ImportExportProps) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<SettingsError[]>([]);
  const [status, setStatus] = useState('');

  const runImport = async (source: string, from: string) => {
    setStatus('');
    setErrors([]);
    try {
      const outcome = await onImport(source);
      if (outcome.ok) {
        setStatus(
          `Imported ${from}: ${plural(outcome.tenants, 'tenant', 'tenants')} and ${plural(outcome.selfHosted, 'console origin', 'console origins')}.`,
        );
        setText('');
      } else {
        setErrors(outcome.errors);
      }
    } catch (failure) {
      setErrors([{ path: '(file)', message: `Not saved: ${savedNotText(failure)}` }]);
    }
  };

  const copy = async () => {
    try {
      await onCopy();
      setStatus('Settings JSON copied.');
    } catch (failure) {
      setStatus(`Copy failed: ${errorText(failure)}`);
    }
  };

  return (
    <div class="import-export">
      <div class="row">
        <button type="button" class="button" onClick={onDownload}>
          Download settings file
        </button>
        <button type="button" class="button" onClick={() => void copy()}>
          Copy settings JSON
        </button>
      </div>
      <p class="help">Exports the environment map, console origins and preferences: never a credential, and not the fill history.</p>

      <div class="field">
        <label class="field-label" for="import-file">
          Import settings file
        </label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void file.text().then((content) => runImport(content, file.name));
          }}
        />
      </div>
      <div class="field">
        <label class="field-label" for="import-text">
          Or paste settings JSON
        </label>
        <textarea id="import-text" class="text-input mono" rows={5} value={text} onInput={(event) => setText(event.currentTarget.value)} />
        <div class="row">
          <button type="button" class="button primary" disabled={!text.trim()} onClick={() => void runImport(text, 'the pasted JSON')}>
            Import
          </button>
        </div>
      </div>
      <p class="help">Importing replaces the tenants, console origins and preferences; the fill history stays.</p>

      <div class={errors.length > 0 ? 'alert' : 'alert empty'} role="alert">
        {errors.length > 0 && (
          <>
            <p class="alert-message">
              Nothing was imported: {plural(errors.length, 'problem', 'problems')} found. Your settings are unchanged.
            </p>
            <ul class="import-errors" aria-label="Import problems">
              {errors.map((error) => (
                <li key={`${error.path}:${error.message}`}>
                  <code>{error.path}</code>: {error.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <p class="status" role="status">
        {status}
      </p>
    </div>
  );
}
