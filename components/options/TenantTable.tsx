/**
 * The environment map: one row per console tenant and the PingOne environment it must receive credentials from.
 * A team's map runs to thousands of rows: found by typing, drawn a page at a time.
 */
import { useMemo, useState } from 'preact/hooks';
import { consoleById } from '../../lib/consoles';
import { regionByTld } from '../../lib/regions';
import { type TenantMapping, TIER_NAMES } from '../../lib/settings/model';
import { savedNotText } from '../../lib/storage-refusal';
import { tenantFinder } from '../../lib/settings/find-tenants';
import { usePaged } from './use-paged';

/** Rows drawn at first and per "Show more": a screenful or two, whatever the map's size. */
const PAGE = 50;

export interface TenantTableProps {
  tenants: readonly TenantMapping[];
  /** The origin of the row being edited, if any (its Edit button shows it is open). */
  editingOrigin?: string;
  onEdit(origin: string): void;
  /** Rejects with Error(message) when the change could not be saved. */
  onRemove(origin: string): Promise<void>;
}

export function TenantTable({ tenants, editingOrigin, onEdit, onRemove }: TenantTableProps) {
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState('');
  const find = useMemo(() => tenantFinder(tenants), [tenants]);
  const matches = useMemo(() => find(query), [find, query]);
  const { shown, hidden, more } = usePaged(matches, PAGE);

  const remove = async (origin: string) => {
    try {
      await onRemove(origin);
      setStatus(`Removed ${origin}.`);
    } catch (error) {
      setStatus(`Not removed: ${origin}: ${savedNotText(error)}`);
    }
  };

  if (tenants.length === 0) {
    return (
      <>
        <p class="empty-state">
          No tenant is mapped yet. Add one below, or open the popup on a console and choose “Remember this tenant uses
          this environment”.
        </p>
        <p class="status" role="status">
          {status}
        </p>
      </>
    );
  }

  return (
    <>
      <label class="field-label" for="find-tenant">
        Find a tenant
      </label>
      <input
        id="find-tenant"
        class="text-input"
        type="search"
        value={query}
        placeholder="Origin, label, tier or environment"
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      <p class="help" aria-live="polite">
        {matches.length === 0
          ? 'No tenant matches.'
          : `Showing ${shown.length} of ${matches.length}${query.trim() ? ' matching' : ''} tenants.`}
      </p>
      <div class="table-scroll">
        <table class="data-table" aria-label="Console tenants">
          <thead>
            <tr>
              <th scope="col">Console tenant</th>
              <th scope="col">Console</th>
              <th scope="col">Tier</th>
              <th scope="col">Label</th>
              <th scope="col">Expected environment</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((tenant) => {
              const region = tenant.expected.regionTld ? regionByTld(tenant.expected.regionTld) : undefined;
              return (
                <tr key={tenant.origin}>
                  <th scope="row" class="mono origin">
                    {tenant.origin}
                  </th>
                  <td>{consoleById(tenant.consoleId).name}</td>
                  <td>
                    <span class={`tier tier-${tenant.tier}`}>{TIER_NAMES[tenant.tier]}</span>
                  </td>
                  <td>{tenant.label}</td>
                  <td>
                    {tenant.expected.environmentName && <span class="strong env-name">{tenant.expected.environmentName}</span>}
                    <code class="env-id">{tenant.expected.environmentId}</code>
                    {region && (
                      <span class="muted env-region">
                        {region.name} (pingone.{region.tld})
                      </span>
                    )}
                  </td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="button small"
                      aria-label={`Edit ${tenant.origin}`}
                      aria-expanded={editingOrigin === tenant.origin}
                      onClick={() => onEdit(tenant.origin)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      class="button small"
                      aria-label={`Remove ${tenant.origin}`}
                      onClick={() => void remove(tenant.origin)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {more && (
        <button type="button" class="button small" onClick={more}>
          Show {Math.min(PAGE, hidden)} more
        </button>
      )}
      <p class="status" role="status">
        {status}
      </p>
    </>
  );
}
