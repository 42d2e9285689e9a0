import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { environment } from '../../test/fixtures/environments';
import { PROD_TENANT, settingsWith } from '../../test/fixtures/tenants';
import { reportManagedPolicy } from '../../lib/settings/managed-report';
import { ManagedPolicyView } from './ManagedPolicyView';

const production = environment('production');
const ORG_ROW = { origin: PROD_TENANT.origin, consoleId: 'cloudflare', tier: 'production', label: 'Acme production', expected: { environmentId: production.id } };
const PA = 'https://pa.acme.internal:9000';

afterEach(cleanup);

describe('ManagedPolicyView', () => {
  it('shows the organisation’s rows locked, what they override, its switches, and each malformed part by path', () => {
    const report = reportManagedPolicy({
      tenants: [ORG_ROW, { ...ORG_ROW, origin: 'https://x.forgeblocks.com', consoleId: 'aic', tier: 'prod', label: 'Bad', expected: { environmentId: 'x' } }],
      idleClearMinutes: 5,
      allowFillAnywayOnProduction: false,
    });
    render(<ManagedPolicyView report={report} own={settingsWith({ tenants: [PROD_TENANT], idleClearMinutes: 30 })} access={{}} onGrant={vi.fn()} />);
    const rows = within(screen.getByRole('list', { name: 'Set by your organisation' })).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      `Acme production (${PROD_TENANT.origin}): Cloudflare Zero Trust, Production, ${production.id}. Locked: set by your organisation`,
    ]);
    expect(screen.getByText(`Your own row “Acme” for ${PROD_TENANT.origin} is not used: your organisation’s row wins.`)).toBeTruthy();
    expect(screen.getByText('Idle clear: 5 min, set by your organisation (your own 30 min is not used).')).toBeTruthy();
    expect(screen.getByText('No “Fill anyway” on production tenants.')).toBeTruthy();
    const errors = within(screen.getByRole('alert', { name: 'Policy errors' })).getAllByRole('listitem').map((item) => item.textContent);
    expect(errors).toEqual([
      'tenants[1].tier: expected one of development, uat, staging, production, sandbox',
      'tenants[1].expected.environmentId: expected a UUID',
    ]);
  });

  it('a valid policy shows no errors and leaves "Fill anyway" alone unless it says so', () => {
    render(<ManagedPolicyView report={reportManagedPolicy({ tenants: [ORG_ROW] })} own={settingsWith({})} access={{}} onGrant={vi.fn()} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('No “Fill anyway” on production tenants.')).toBeNull();
    expect(screen.queryByText(/Idle clear/)).toBeNull();
  });

  it('offers "Grant access" for a policy’s console origin the extension cannot reach yet, and only then', () => {
    const onGrant = vi.fn();
    const report = reportManagedPolicy({ selfHosted: [{ origin: PA, consoleId: 'pingaccess' }] });
    const { rerender } = render(<ManagedPolicyView report={report} own={settingsWith({})} access={{ [PA]: false }} onGrant={onGrant} />);
    fireEvent.click(screen.getByRole('button', { name: `Grant access to ${PA}` }));
    expect(onGrant).toHaveBeenCalledWith(PA);
    rerender(<ManagedPolicyView report={report} own={settingsWith({})} access={{ [PA]: true }} onGrant={onGrant} />);
    expect(screen.queryByRole('button', { name: `Grant access to ${PA}` })).toBeNull();
  });
});
