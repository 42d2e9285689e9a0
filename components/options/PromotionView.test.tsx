import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { environment } from '../../test/fixtures/environments';
import { promotionView } from '../../lib/settings/promotion';
import { DEFAULT_SETTINGS, type Settings, type TenantMapping } from '../../lib/settings/model';
import { recordUse } from '../../lib/settings/tenants';
import { PromotionView } from './PromotionView';
import { teamTenants } from '../../test/fixtures/team-map';

afterEach(cleanup);

const dev = environment('dev');
const staging = environment('staging');
const production = environment('production');

const tenant = (origin: string, tier: TenantMapping['tier'], environmentId: string): TenantMapping => ({
  origin,
  consoleId: 'aic',
  tier,
  label: 'Acme',
  expected: { environmentId },
});
const DEV = tenant('https://openam-acme-dev.forgeblocks.com', 'development', dev.id);
const STAGING = tenant('https://openam-acme-staging.forgeblocks.com', 'staging', staging.id);
const PROD = tenant('https://openam-acme.forgeblocks.com', 'production', production.id);

const AT = Date.UTC(2025, 9, 9, 12, 0);

function settings(): Settings {
  let result: Settings = { ...DEFAULT_SETTINGS, tenants: [PROD, DEV, STAGING] };
  result = recordUse(result, { fingerprint: '0123456789abcdef', origin: DEV.origin, consoleId: 'aic', environmentId: dev.id, at: AT });
  result = recordUse(result, { fingerprint: '0123456789abcdef', origin: STAGING.origin, consoleId: 'aic', environmentId: dev.id, at: AT + 60_000 });
  return result;
}

describe('PromotionView', () => {
  it('shows each tier of a group with the credential it received, by fingerprint and date, and the missing ones', () => {
    render(<PromotionView groups={promotionView(settings())} />);
    const group = screen.getByRole('region', { name: 'Acme' });
    const rows = within(within(group).getByRole('table', { name: 'Promotion of Acme' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Development', 'Staging', 'Production']);
    expect(rows[0]?.textContent).toContain('0123456789abcdef');
    expect(rows[0]?.querySelector('time')?.getAttribute('datetime')).toBe(new Date(AT).toISOString());
    expect(rows[2]?.textContent).toContain('Missing: no credential filled yet');
    expect(within(group).getByText('Missing: Production')).toBeTruthy();
  });

  it('warns that one credential went to two tenants', () => {
    render(<PromotionView groups={promotionView(settings())} />);
    const warnings = within(screen.getByRole('list', { name: 'Warnings for Acme' })).getAllByRole('listitem');
    expect(warnings.map((warning) => warning.textContent)).toEqual([
      expect.stringContaining('The same credential (0123456789abcdef) went to 2 tenants'),
      expect.stringContaining(`Acme staging (${STAGING.origin}) last received a credential (0123456789abcdef) from environment ${dev.id}`),
    ]);
  });

  it('has no warning list when nothing is wrong', () => {
    render(<PromotionView groups={promotionView({ ...DEFAULT_SETTINGS, tenants: [DEV] })} />);
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('explains the view when no tenant is mapped', () => {
    render(<PromotionView groups={[]} />);
    expect(screen.getByText(/give the tiers of one application the same label/)).toBeTruthy();
  });

  it('draws a team-sized map twenty applications at a time', () => {
    // 90 rows: 30 customers, each application's three tiers under one label.
    render(<PromotionView groups={promotionView({ ...DEFAULT_SETTINGS, tenants: teamTenants(90) })} />);
    expect(screen.getAllByRole('table')).toHaveLength(20);
    fireEvent.click(screen.getByRole('button', { name: 'Show 10 more applications' }));
    expect(screen.getAllByRole('table')).toHaveLength(30);
    expect(screen.queryByRole('button', { name: /more applications/ })).toBeNull();
  });
});
