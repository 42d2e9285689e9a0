import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { environment } from '../../test/fixtures/environments';
import type { TenantMapping } from '../../lib/settings/model';
import { TenantTable } from './TenantTable';
import { teamTenants } from '../../test/fixtures/team-map';

afterEach(cleanup);

const production = environment('production');
const dev = environment('dev');

const TENANTS: TenantMapping[] = [
  {
    origin: 'https://one.dash.cloudflare.com',
    consoleId: 'cloudflare',
    tier: 'production',
    label: 'Acme',
    expected: { environmentId: production.id, environmentName: production.name, regionTld: 'eu' },
  },
  { origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess', tier: 'development', label: 'Acme', expected: { environmentId: dev.id } },
];

describe('TenantTable', () => {
  it('shows each tenant with its console, tier, label and expected environment', () => {
    render(<TenantTable tenants={TENANTS} onEdit={() => {}} onRemove={async () => {}} />);
    const table = screen.getByRole('table', { name: 'Console tenants' });
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Console tenant', 'Console', 'Tier', 'Label', 'Expected environment', 'Actions']);
    const cloudflare = within(table).getByRole('row', { name: /one\.dash\.cloudflare\.com/ });
    const cells = within(cloudflare).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells.slice(0, 4)).toEqual([
      'Cloudflare Zero Trust',
      'Production',
      'Acme',
      `${production.name}${production.id}Europe (pingone.eu)`,
    ]);
    const pingAccess = within(table).getByRole('row', { name: /pa\.demo\.internal:9000/ });
    expect(within(pingAccess).getAllByRole('cell')[3]?.textContent).toBe(dev.id);
  });

  it('edits and removes by row, with buttons named after the tenant', async () => {
    const onEdit = vi.fn();
    const onRemove = vi.fn(async () => {});
    render(<TenantTable tenants={TENANTS} onEdit={onEdit} onRemove={onRemove} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit https://pa.demo.internal:9000' }));
    expect(onEdit).toHaveBeenCalledWith('https://pa.demo.internal:9000');
    fireEvent.click(screen.getByRole('button', { name: 'Remove https://one.dash.cloudflare.com' }));
    expect(onRemove).toHaveBeenCalledWith('https://one.dash.cloudflare.com');
    expect(await screen.findByText('Removed https://one.dash.cloudflare.com.')).toBeTruthy();
  });

  it('marks the row being edited', () => {
    render(<TenantTable tenants={TENANTS} editingOrigin={TENANTS[1]!.origin} onEdit={() => {}} onRemove={async () => {}} />);
    expect(screen.getByRole('button', { name: 'Edit https://pa.demo.internal:9000' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('button', { name: 'Edit https://one.dash.cloudflare.com' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('explains how to add a tenant when none is mapped', () => {
    render(<TenantTable tenants={[]} onEdit={() => {}} onRemove={async () => {}} />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(/Remember this tenant uses this environment/)).toBeTruthy();
  });

  it('draws a team-sized map a page at a time, and "Show more" draws the next page', () => {
    render(<TenantTable tenants={teamTenants(2_000)} onEdit={() => {}} onRemove={async () => {}} />);
    const table = screen.getByRole('table', { name: 'Console tenants' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 50);
    expect(screen.getByText('Showing 50 of 2000 tenants.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 100);
  });

  it('finds tenants by typing: every word must match the origin, label, tier or environment', () => {
    const tenants = teamTenants(2_000);
    render(<TenantTable tenants={tenants} onEdit={() => {}} onRemove={async () => {}} />);
    const find = screen.getByRole('searchbox', { name: 'Find a tenant' });
    fireEvent.input(find, { target: { value: 'customer 417 STAGING' } });
    const table = screen.getByRole('table', { name: 'Console tenants' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['https://customer-417-staging.forgeblocks.com']);
    expect(screen.getByText('Showing 1 of 1 matching tenants.')).toBeTruthy();
    // By environment id too, the text an admin has from PingOne's console.
    fireEvent.input(find, { target: { value: tenants[1_999]!.expected.environmentId } });
    expect(within(table).getAllByRole('row').slice(1).map((row) => within(row).getByRole('rowheader').textContent)).toEqual([tenants[1_999]!.origin]);
    fireEvent.input(find, { target: { value: 'no such tenant' } });
    expect(screen.getByText('No tenant matches.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Show \d+ more$/ })).toBeNull();
  });
});
