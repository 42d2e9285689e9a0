import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { environment } from '../../test/fixtures/environments';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/model';
import { recordUse } from '../../lib/settings/tenants';
import { DEV_TENANT, PICKED_FORM, PROD_TENANT, settingsWith } from '../../test/fixtures/tenants';
import { OptionsApp, type OptionsAppProps } from './OptionsApp';

afterEach(cleanup);

const dev = environment('dev');
const production = environment('production');

const noop = async () => {};

function props(settings: Settings, overrides: Partial<OptionsAppProps> = {}): OptionsAppProps {
  return {
    settings,
    access: {},
    onDismissNotice: () => {},
    onSaveTenant: noop,
    onRemoveTenant: noop,
    onAddSelfHosted: async () => ({ granted: true }),
    onGrantSelfHosted: async () => true,
    onRemoveSelfHosted: noop,
    onPreferencesChange: noop,
    onImport: async () => ({ ok: true, tenants: 0, selfHosted: 0 }),
    onDownloadExport: () => {},
    onCopyExport: noop,
    onDeletePicked: noop,
    ...overrides,
  };
}

/** The page with its settings held in memory, changed the way entrypoints/options/main.tsx changes storage. */
function Stateful({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  return (
    <OptionsApp
      {...props(settings, {
        onSaveTenant: async (tenant, replacing) =>
          setSettings((current) => ({
            ...current,
            tenants: replacing === undefined ? [...current.tenants, tenant] : current.tenants.map((row) => (row.origin === replacing ? tenant : row)),
          })),
        onRemoveTenant: async (origin) => setSettings((current) => ({ ...current, tenants: current.tenants.filter((row) => row.origin !== origin) })),
      })}
    />
  );
}

describe('OptionsApp', () => {
  it('has one heading per part of the page', () => {
    render(<OptionsApp {...props(DEFAULT_SETTINGS)} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('PingOne Connection Helper');
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Environment map',
      'Promotion',
      'Self-hosted consoles',
      'Preferences',
      'Picked fields',
      'Import and export',
    ]);
  });

  it('shows the settings notice as a banner that can be dismissed', () => {
    const onDismissNotice = vi.fn();
    render(<OptionsApp {...props(DEFAULT_SETTINGS, { notice: 'Settings from an earlier version were upgraded.', onDismissNotice })} />);
    const banner = screen.getByRole('status', { name: 'Settings notice' });
    expect(banner.textContent).toContain('Settings from an earlier version were upgraded.');
    fireEvent.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(onDismissNotice).toHaveBeenCalled();
  });

  it('shows no banner without a notice', () => {
    render(<OptionsApp {...props(DEFAULT_SETTINGS)} />);
    expect(screen.queryByRole('status', { name: 'Settings notice' })).toBeNull();
  });

  it('adds a tenant, then edits it in place of the add form, then removes it', async () => {
    render(<Stateful initial={DEFAULT_SETTINGS} />);
    const add = screen.getByRole('form', { name: 'Add a tenant' });
    fireEvent.input(within(add).getByLabelText('Console origin'), { target: { value: PROD_TENANT.origin } });
    fireEvent.input(within(add).getByLabelText('Label'), { target: { value: 'Acme' } });
    fireEvent.input(within(add).getByLabelText('Expected environment ID'), { target: { value: production.id } });
    fireEvent.click(within(add).getByRole('button', { name: 'Add tenant' }));
    const tenantRow = () => within(screen.getByRole('table', { name: 'Console tenants' })).getByRole('row', { name: /one\.dash\.cloudflare\.com/ });
    const row = await waitFor(tenantRow);
    expect(row.textContent).toContain('Cloudflare Zero Trust');
    expect(row.textContent).toContain('Production');

    fireEvent.click(screen.getByRole('button', { name: `Edit ${PROD_TENANT.origin}` }));
    const edit = screen.getByRole('form', { name: `Edit tenant ${PROD_TENANT.origin}` });
    expect(screen.queryByRole('form', { name: 'Add a tenant' })).toBeNull();
    fireEvent.change(within(edit).getByLabelText('Tier'), { target: { value: 'staging' } });
    fireEvent.click(within(edit).getByRole('button', { name: 'Save tenant' }));
    await waitFor(() => expect(tenantRow().textContent).toContain('Staging'));
    expect(screen.getByRole('form', { name: 'Add a tenant' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: `Remove ${PROD_TENANT.origin}` }));
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Console tenants' })).toBeNull());
  });

  it('shows the promotion of the mapped tenants from the fill history', () => {
    const settings = recordUse({ ...DEFAULT_SETTINGS, tenants: [PROD_TENANT, DEV_TENANT] }, { fingerprint: 'fedcba9876543210', origin: DEV_TENANT.origin, consoleId: 'aic', environmentId: dev.id, at: 1_760_000_000_000 });
    render(<OptionsApp {...props(settings)} />);
    const group = screen.getByRole('region', { name: 'Acme' });
    expect(group.textContent).toContain('fedcba9876543210');
    expect(within(group).getByText('Missing: Production')).toBeTruthy();
  });
});

describe('picked fields', () => {
  it('lists what finds each picked field again, never a value, and deletes an origin\'s fields', async () => {
    const onDeletePicked = vi.fn(noop);
    render(<OptionsApp {...props(settingsWith({ picked: [PICKED_FORM] }), { onDeletePicked })} />);
    const list = screen.getByRole('list', { name: 'Picked fields' });
    expect(list.textContent).toContain('Client ID: label "application key", name appKey, control 1 of its form');
    expect(list.textContent).toContain('Client Secret: label "application password", id app-password, control 2 of its form');
    fireEvent.click(screen.getByRole('button', { name: `Delete the fields picked on ${PICKED_FORM.origin}` }));
    await waitFor(() => expect(onDeletePicked).toHaveBeenCalledWith(PICKED_FORM.origin));
  });
  it('says so when nothing was picked', () => {
    render(<OptionsApp {...props(DEFAULT_SETTINGS)} />);
    expect(screen.getByText(/^No fields picked\./)).toBeTruthy();
  });
});
