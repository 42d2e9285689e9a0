/**
 * Promotion: for each application (tenants sharing a label), which tiers have received a credential (by
 * fingerprint and date, never the secret), which have not, and where one credential went to two tenants.
 */
import type { PromotionGroup } from '../../lib/settings/promotion';
import { TIER_NAMES } from '../../lib/settings/model';
import { usePaged } from './use-paged';

/** Applications drawn at first and per "Show more" (a team's map has hundreds). */
const PAGE = 20;

export interface PromotionViewProps {
  groups: readonly PromotionGroup[];
}

function when(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function PromotionView({ groups }: PromotionViewProps) {
  const { shown, hidden, more } = usePaged(groups, PAGE);
  if (groups.length === 0) {
    return <p class="empty-state">Map tenants above; give the tiers of one application the same label to follow its promotion here.</p>;
  }
  return (
    <div class="promotion">
      {shown.map((group) => {
        const headingId = `promotion-${group.label.replace(/[^\w-]/g, '_')}`;
        return (
          <section key={group.label} class="promotion-group" aria-labelledby={headingId}>
            <h3 id={headingId}>{group.label}</h3>
            <table class="data-table" aria-label={`Promotion of ${group.label}`}>
              <thead>
                <tr>
                  <th scope="col">Tier</th>
                  <th scope="col">Console tenant</th>
                  <th scope="col">Credential received</th>
                </tr>
              </thead>
              <tbody>
                {group.tiers.map((status) => (
                  <tr key={status.origin}>
                    <th scope="row">
                      <span class={`tier tier-${status.tier}`}>{TIER_NAMES[status.tier]}</span>
                    </th>
                    <td class="mono origin">{status.origin}</td>
                    <td>
                      {status.lastFill ? (
                        <>
                          <code class="fingerprint" title="Credential fingerprint (not the credential)">
                            {status.lastFill.fingerprint}
                          </code>{' '}
                          <time dateTime={new Date(status.lastFill.at).toISOString()}>{when(status.lastFill.at)}</time>
                        </>
                      ) : (
                        <span class="missing">Missing: no credential filled yet</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {group.missing.length > 0 && (
              <p class="missing-summary">Missing: {group.missing.map((tier) => TIER_NAMES[tier]).join(', ')}</p>
            )}
            {group.warnings.length > 0 && (
              <ul class="warnings" aria-label={`Warnings for ${group.label}`}>
                {group.warnings.map((warning) => (
                  <li key={`${warning.kind}-${warning.fingerprint}-${warning.origins.join()}`} class="warning">
                    <span class="warning-icon" aria-hidden="true">
                      !
                    </span>
                    <span>{warning.message}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {more && (
        <button type="button" class="button small" onClick={more}>
          Show {Math.min(PAGE, hidden)} more applications
        </button>
      )}
    </div>
  );
}
