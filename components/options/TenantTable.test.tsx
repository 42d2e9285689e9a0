import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { environment } from '../../test/fixtures/environments';
import type { TenantMapping } from '../../lib/settings/model';
import { TenantTable } from './TenantTable';

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
});
