/**
 * Self-hosted consoles (PingAccess, PingFederate, AIC custom domains): origins the admin adds, each needing the
 * optional host permission for exactly that origin. `onAdd` must be called synchronously from the submit event:
 * the browser shows its permission prompt only during a user gesture (entrypoints/options/main.tsx asks at once).
 */
import { useState } from 'preact/hooks';
import { CONSOLES, consoleById } from '../../lib/consoles';
import type { SelfHostedConsole } from '../../lib/consoles/types';
import { httpsOriginOf } from '../../lib/origin';
import { validateSelfHosted } from '../../lib/settings/schema';

export interface SelfHostedOriginsProps {
  entries: readonly SelfHostedConsole[];
  /** Whether the extension holds the host permission for each origin (absent: not known yet). */
  access: Readonly<Record<string, boolean>>;
  /** Asks for the permission and stores the origin only if granted. */
  onAdd(entry: SelfHostedConsole): Promise<{ granted: boolean }>;
  /** Asks again for an origin stored without access (imported from another browser). */
  onGrant(origin: string): Promise<boolean>;
  onRemove(origin: string): Promise<void>;
}

const HOSTABLE = CONSOLES.filter((module) => module.selfHostable);

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function SelfHostedOrigins({ entries, access, onAdd, onGrant, onRemove }: SelfHostedOriginsProps) {
  const [origin, setOrigin] = useState('');
  const [consoleId, setConsoleId] = useState<string>(HOSTABLE[0]?.id ?? '');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const submit = (event: Event) => {
    event.preventDefault();
    const entry = { origin: httpsOriginOf(origin) ?? origin.trim(), consoleId };
    const valid = validateSelfHosted(entry);
    if (!valid.ok) {
      setError(valid.errors.map((problem) => (problem.path === 'origin' ? problem.message : `${problem.path}: ${problem.message}`)).join('; '));
      return;
    }
    setError('');
    setStatus(`Asking for access to ${valid.selfHosted.origin}…`);
    // Synchronously, inside the submit event: see the header.
    onAdd(valid.selfHosted).then(
      ({ granted }) => {
        if (granted) {
          setStatus(`Added ${valid.selfHosted.origin} with access granted.`);
          setOrigin('');
        } else {
          setStatus(`Access to ${valid.selfHosted.origin} was not granted, so it was not added.`);
        }
      },
      (failure: unknown) => setStatus(`Not added: ${message(failure)}`),
    );
  };

  const grant = (entryOrigin: string) => {
    onGrant(entryOrigin).then(
      (granted) => setStatus(granted ? `Access to ${entryOrigin} granted.` : `Access to ${entryOrigin} was not granted.`),
      (failure: unknown) => setStatus(`Access not granted: ${message(failure)}`),
    );
  };

  const remove = async (entryOrigin: string) => {
    try {
      await onRemove(entryOrigin);
      setStatus(`Removed ${entryOrigin}.`);
    } catch (failure) {
      setStatus(`Not removed: ${message(failure)}`);
    }
  };

  return (
    <>
      {entries.length === 0 ? (
        <p class="empty-state">No self-hosted console added. Cloudflare Zero Trust and AIC tenants on forgeblocks.com or id.forgerock.io need none.</p>
      ) : (
        <ul class="origin-list" aria-label="Console origins">
          {entries.map((entry) => {
            const granted = access[entry.origin];
            return (
              <li key={entry.origin} class="origin-item">
                <span class="mono origin">{entry.origin}</span>
                <span>{consoleById(entry.consoleId).name}</span>
                <span class={granted ? 'access granted' : 'access denied'}>
                  {granted === undefined ? 'Checking access…' : granted ? 'Access granted' : 'No access'}
                </span>
                {granted === false && (
                  <button type="button" class="button small" aria-label={`Grant access to ${entry.origin}`} onClick={() => grant(entry.origin)}>
                    Grant access
                  </button>
                )}
                <button type="button" class="button small" aria-label={`Remove ${entry.origin}`} onClick={() => void remove(entry.origin)}>
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form class="row add-origin" aria-label="Add a console origin" onSubmit={submit} noValidate>
        <div class="field">
          <label class="field-label" for="self-hosted-origin">
            Console origin
          </label>
          <input
            id="self-hosted-origin"
            class="text-input mono"
            type="url"
            placeholder="https://pingaccess.example.com:9000"
            value={origin}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'self-hosted-error' : undefined}
            onInput={(event) => setOrigin(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label class="field-label" for="self-hosted-console">
            Console
          </label>
          <select id="self-hosted-console" class="select" value={consoleId} onChange={(event) => setConsoleId(event.currentTarget.value)}>
            {HOSTABLE.map((module) => (
              <option key={module.id} value={module.id}>
                {module.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button primary">
          Add console origin
        </button>
      </form>
      {error && (
        <p id="self-hosted-error" class="field-error">
          {error}
        </p>
      )}
      <p class="help">The browser asks you to allow access to exactly this origin; nothing is added without it.</p>
      <p class="status" role="status">
        {status}
      </p>
    </>
  );
}
