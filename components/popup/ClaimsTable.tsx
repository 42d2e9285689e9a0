import { CLAIM_INFO, claimInfo, isTimeClaim } from '../../lib/credential/claim-info';
import { localDateTime, relativeAge } from './claim-time';
import type { CopyHandler } from './CopyButton';
import { SecretValue } from './SecretValue';

export interface ClaimsTableProps {
  /** Every claim as received: untrusted, rendered as text only. */
  claims: Readonly<Record<string, unknown>>;
  now: number;
  onCopy: CopyHandler;
}

const KNOWN_ORDER = Object.keys(CLAIM_INFO);

/**
 * Names of claims lib/credential/claim-info does not know that still look like they hold a secret (a custom
 * `apiToken`, `db_password`, `privateKey`): masked like the known secrets, since a wrong guess costs one click.
 */
const SECRET_LOOKING_NAME = /secret|passw|private|token|apikey|api_key/i;

function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

function ClaimValue({ name, value, now, onCopy }: { name: string; value: unknown; now: number; onCopy: ClaimsTableProps['onCopy'] }) {
  const info = claimInfo(name);
  if (info ? info.secret : SECRET_LOOKING_NAME.test(name)) {
    return <SecretValue label={info?.label ?? name} value={asText(value)} onCopy={onCopy} />;
  }
  const date = isTimeClaim(name) && typeof value === 'number' ? localDateTime(value) : undefined;
  if (date !== undefined && typeof value === 'number') {
    return (
      <>
        <span class="claim-date">{date}</span> <span class="muted">({relativeAge(value, now)})</span>
        <code class="claim-raw">{value}</code>
      </>
    );
  }
  return <code class="claim-raw">{asText(value)}</code>;
}

/**
 * Every claim, known ones first (in the order of lib/credential/claim-info, which groups them as PingOne documents
 * them) with their explanation, then the rest marked "not recognised" in the order received.
 */
export function ClaimsTable({ claims, now, onCopy }: ClaimsTableProps) {
  const names = Object.keys(claims);
  const known = names.filter((name) => claimInfo(name)).sort((a, b) => KNOWN_ORDER.indexOf(a) - KNOWN_ORDER.indexOf(b));
  const unknown = names.filter((name) => !claimInfo(name));
  return (
    <section class="claims" aria-labelledby="claims-heading">
      <h2 id="claims-heading">Claims</h2>
      <table aria-labelledby="claims-heading" class="data-table claims-table">
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {[...known, ...unknown].map((name) => {
            const info = claimInfo(name);
            return (
              <tr key={name} class={info ? undefined : 'unknown'}>
                <th scope="row">
                  {info && <span class="claim-label">{info.label}</span>}
                  <code class="claim-name">{name}</code>
                  {info ? <span class="claim-description">{info.description}</span> : <span class="tag">not recognised</span>}
                </th>
                <td>
                  <ClaimValue name={name} value={claims[name]} now={now} onCopy={onCopy} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
