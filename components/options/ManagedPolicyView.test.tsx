import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { environment } from '../../test/fixtures/environments';
import { NO_POLICY, parseManagedPolicy } from '../../lib/settings/managed';
import { ManagedPolicyView } from './ManagedPolicyView';

const production = environment('production');

describe('ManagedPolicyView', () => {
  it('shows nothing without a policy', () => {
    const { container } = render(<ManagedPolicyView policy={NO_POLICY} />);
    expect(container.textContent).toBe('');
  });

  it('shows the organisation’s rows locked, its switches, and each malformed part by path', () => {
    const policy = parseManagedPolicy({
      tenants: [
        { origin: 'https://one.dash.cloudflare.com', consoleId: 'cloudflare', tier: 'production', label: 'Acme production', expected: { environmentId: production.id } },
        { origin: 'https://one.dash.cloudflare.com', consoleId: 'cloudflare', tier: 'prod', label: 'Bad', expected: { environmentId: 'x' } },
      ],
      allowFillAnywayOnProduction: false,
    });
    render(<ManagedPolicyView policy={policy} />);
    const rows = within(screen.getByRole('list', { name: 'Set by your organisation' })).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      `Acme production (https://one.dash.cloudflare.com): Cloudflare Zero Trust, Production, ${production.id}. Locked: set by your organisation`,
    ]);
    expect(screen.getByText('No “Fill anyway” on production tenants.')).toBeTruthy();
    const errors = within(screen.getByRole('alert', { name: 'Policy errors' })).getAllByRole('listitem').map((item) => item.textContent);
    expect(errors).toEqual([
      'tenants[1].tier: expected one of development, uat, staging, production, sandbox',
      'tenants[1].expected.environmentId: expected a UUID',
    ]);
  });
});
