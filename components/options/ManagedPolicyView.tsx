/**
 * What the organisation's policy sets (lib/settings/managed.ts): its tenant rows and console origins, locked here and
 * edited only in the policy, which of the admin's own settings it overrides, and each malformed part of the policy by
 * path, so the admin can tell their IT what to fix. Options imports this lazily, only when a policy exists.
 */
import { consoleById } from '../../lib/consoles';
import type { PolicyReport } from '../../lib/settings/managed-report';
import { TIER_NAMES, type Settings } from '../../lib/settings/model';

export interface ManagedPolicyViewProps {
  report: PolicyReport;
  /** The admin's own settings: their rows at an origin the policy names are not used. */
  own: Settings;
  /** Whether the extension holds the host permission of each origin (the policy's self-hosted ones included). */
  access: Readonly<Record<string, boolean>>;
  /** Asks for the host permission of a policy's console origin: the policy names it, the admin grants it. */
  onGrant(origin: string): void;
}

export function ManagedPolicyView({ report: { policy, errors }, own, access, onGrant }: ManagedPolicyViewProps) {
  const { tenants, selfHosted, idleClearMinutes } = policy;
  const shadowed = own.tenants.filter((row) => tenants.some((tenant) => tenant.origin === row.origin));
  return (
    <section aria-labelledby="policy-heading">
      <h2 id="policy-heading">Set by your organisation</h2>
      <p class="muted">Your organisation’s policy: it wins over your own rows on the same origin.</p>
      <ul aria-label="Set by your organisation">
        {tenants.map((tenant) => (
          <li key={tenant.origin}>
            {tenant.label} ({tenant.origin}): {consoleById(tenant.consoleId).name}, {TIER_NAMES[tenant.tier]},{' '}
            {tenant.expected.environmentId}. Locked: set by your organisation
          </li>
        ))}
        {selfHosted.map((entry) => (
          <li key={entry.origin}>
            {entry.origin}: {consoleById(entry.consoleId).name}. Locked: set by your organisation.{' '}
            {access[entry.origin] === false && (
              <button type="button" class="button small" aria-label={`Grant access to ${entry.origin}`} onClick={() => onGrant(entry.origin)}>
                Grant access
              </button>
            )}
          </li>
        ))}
      </ul>
      {shadowed.map((row) => (
        <p key={row.origin}>Your own row “{row.label}” for {row.origin} is not used: your organisation’s row wins.</p>
      ))}
      {idleClearMinutes !== undefined && (
        <p>
          Idle clear: {idleClearMinutes} min, set by your organisation (your own {own.idleClearMinutes} min is not used).
        </p>
      )}
      {!policy.allowFillAnywayOnProduction && <p>No “Fill anyway” on production tenants.</p>}
      {errors.length > 0 && (
        <div role="alert" aria-label="Policy errors">
          <p>Not applied, malformed:</p>
          <ul>
            {errors.map((error) => (
              <li key={error.path + error.message}>
                <code>{error.path}</code>: {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
