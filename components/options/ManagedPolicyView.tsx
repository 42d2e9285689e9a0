/**
 * What the organisation's policy sets (lib/settings/managed.ts): its tenant rows and console origins, locked here and
 * edited only in the policy, and each malformed part of the policy by path, so the admin can tell their IT what to fix.
 */
import { consoleById } from '../../lib/consoles';
import type { ManagedPolicy } from '../../lib/settings/managed';
import { TIER_NAMES } from '../../lib/settings/model';

export function ManagedPolicyView({ policy }: { policy: ManagedPolicy }) {
  const { tenants, selfHosted, errors } = policy;
  const idle = policy.idleClearMinutes;
  if (!tenants.length && !selfHosted.length && !errors.length && idle === undefined && policy.allowFillAnywayOnProduction) return null;
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
            {entry.origin}: {consoleById(entry.consoleId).name}. Locked: set by your organisation
          </li>
        ))}
      </ul>
      {idle !== undefined && <p>Idle clear: {idle} min.</p>}
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
