import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { environment } from '../../test/fixtures/environments';
import type { TenantMapping } from '../../lib/settings/model';
import { PROD_TENANT } from '../../test/fixtures/tenants';
import { TenantForm } from './TenantForm';

afterEach(cleanup);

const production = environment('production');

function addForm() {
  return screen.getByRole('form', { name: 'Add a tenant' });
}

function type(form: HTMLElement, label: string, value: string) {
  fireEvent.input(within(form).getByLabelText(label), { target: { value } });
}

function choose(form: HTMLElement, label: string, value: string) {
  fireEvent.change(within(form).getByLabelText(label), { target: { value } });
}

describe('TenantForm', () => {
  it('shows a message under each invalid field and saves nothing', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<TenantForm mappedOrigins={[]} selfHosted={[]} onSubmit={onSubmit} />);
    const form = addForm();
    type(form, 'Console origin', 'http://pa.acme.example');
    type(form, 'Expected environment ID', 'not-a-uuid');
    fireEvent.click(within(form).getByRole('button', { name: 'Add tenant' }));

    const origin = within(form).getByLabelText('Console origin');
    expect(origin.getAttribute('aria-invalid')).toBe('true');
    expect(origin.getAttribute('aria-describedby')).toContain('add-tenant-origin-error');
    expect(within(form).getByText('expected an https origin like https://host or https://host:port (no path)')).toBeTruthy();
    expect(within(form).getByText('expected a UUID')).toBeTruthy();
    expect(within(form).getAllByText('required')).toHaveLength(2); // console and tier
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('cuts a pasted console URL to its origin, guesses console and tier, defaults the label to the host', async () => {
    const onSubmit = vi.fn(async (_tenant: TenantMapping) => {});
    render(<TenantForm mappedOrigins={[]} selfHosted={[]} onSubmit={onSubmit} />);
    const form = addForm();
    type(form, 'Console origin', 'https://openam-acme-dev.forgeblocks.com/platform/?realm=alpha#/dashboard');
    expect((within(form).getByLabelText('Console') as HTMLSelectElement).value).toBe('aic');
    expect((within(form).getByLabelText('Tier') as HTMLSelectElement).value).toBe('development');
    type(form, 'Expected environment ID', ` ${environment('dev').id.toUpperCase()} `);
    fireEvent.click(within(form).getByRole('button', { name: 'Add tenant' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({
      origin: 'https://openam-acme-dev.forgeblocks.com',
      consoleId: 'aic',
      tier: 'development',
      label: 'openam-acme-dev.forgeblocks.com',
      expected: { environmentId: environment('dev').id },
    });
    // Cleared for the next row.
    await waitFor(() => expect((within(form).getByLabelText('Console origin') as HTMLInputElement).value).toBe(''));
  });

  it('keeps the console and tier the admin chose when the origin changes', () => {
    render(<TenantForm mappedOrigins={[]} selfHosted={[]} onSubmit={async () => {}} />);
    const form = addForm();
    choose(form, 'Tier', 'uat');
    choose(form, 'Console', 'pingfederate');
    type(form, 'Console origin', 'https://openam-acme-prod.forgeblocks.com');
    expect((within(form).getByLabelText('Tier') as HTMLSelectElement).value).toBe('uat');
    expect((within(form).getByLabelText('Console') as HTMLSelectElement).value).toBe('pingfederate');
  });

  it('recognises a self-hosted origin the admin added', () => {
    render(<TenantForm mappedOrigins={[]} selfHosted={[{ origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess' }]} onSubmit={async () => {}} />);
    const form = addForm();
    type(form, 'Console origin', 'https://pa.demo.internal:9000/');
    expect((within(form).getByLabelText('Console') as HTMLSelectElement).value).toBe('pingaccess');
  });

  it('refuses a second row for an origin already mapped', () => {
    const onSubmit = vi.fn(async () => {});
    render(<TenantForm mappedOrigins={[PROD_TENANT.origin]} selfHosted={[]} onSubmit={onSubmit} />);
    const form = addForm();
    type(form, 'Console origin', 'https://one.dash.cloudflare.com/');
    type(form, 'Expected environment ID', production.id);
    fireEvent.click(within(form).getByRole('button', { name: 'Add tenant' }));
    expect(within(form).getByText('https://one.dash.cloudflare.com is already mapped: edit its row instead')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('edits a row: prefilled, saved with the new values, cancellable', async () => {
    const onSubmit = vi.fn(async (_tenant: TenantMapping) => {});
    const onCancel = vi.fn();
    render(<TenantForm editing={PROD_TENANT} mappedOrigins={[PROD_TENANT.origin]} selfHosted={[]} onSubmit={onSubmit} onCancel={onCancel} />);
    const form = screen.getByRole('form', { name: `Edit tenant ${PROD_TENANT.origin}` });
    expect((within(form).getByLabelText('Environment name (optional)') as HTMLInputElement).value).toBe(production.name);
    expect((within(form).getByLabelText('Region (optional)') as HTMLSelectElement).value).toBe('eu');
    type(form, 'Label', 'Acme SSO');
    fireEvent.click(within(form).getByRole('button', { name: 'Save tenant' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ ...PROD_TENANT, label: 'Acme SSO' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });

  it('says which row was not saved, and that the browser’s storage is full', async () => {
    render(<TenantForm editing={PROD_TENANT} mappedOrigins={[PROD_TENANT.origin]} selfHosted={[]} onSubmit={async () => Promise.reject(new Error('QUOTA_BYTES exceeded'))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save tenant' }));
    expect(
      await screen.findByText(`Not saved: ${PROD_TENANT.origin}: the browser's storage for this extension is full (QUOTA_BYTES exceeded)`),
    ).toBeTruthy();
  });
});
