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
      <p class="muted">
        These come from your organisation’s policy and win over your own rows for the same origin. Only the policy can
        change them.
      </p>
      {tenants.length > 0 && (
        <table aria-label="Tenants set by your organisation">
          <thead>
            <tr>
              <th scope="col">Tenant</th>
              <th scope="col">Console</th>
              <th scope="col">Tier</th>
              <th scope="col">Environment</th>
              <th scope="col">Locked</th>
            </tr>
          </thead>
          <tbody>
            {tenants.map((tenant) => (
              <tr key={tenant.origin}>
                <td>
                  {tenant.label}
                  <br />
                  <span class="muted">{tenant.origin}</span>
                </td>
                <td>{consoleById(tenant.consoleId)?.name ?? tenant.consoleId}</td>
                <td>{TIER_NAMES[tenant.tier]}</td>
                <td>{tenant.expected.environmentName ?? tenant.expected.environmentId}</td>
                <td>set by your organisation</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selfHosted.length > 0 && (
        <ul aria-label="Console origins set by your organisation">
          {selfHosted.map((entry) => (
            <li key={entry.origin}>
              {entry.origin} ({consoleById(entry.consoleId)?.name ?? entry.consoleId}): set by your organisation
            </li>
          ))}
        </ul>
      )}
      {idle !== undefined && <p>Idle clear: {idle} min, set by your organisation.</p>}
      {!policy.allowFillAnywayOnProduction && <p>“Fill anyway” is not offered on production tenants: set by your organisation.</p>}
      {errors.length > 0 && (
        <div role="alert" aria-label="Policy errors">
          <p>Parts of the policy are malformed and are not applied:</p>
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
