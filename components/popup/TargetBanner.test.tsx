import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleById } from '../../lib/consoles';
import type { PopupTab } from '../../lib/popup-tab';
import { TargetBanner } from './TargetBanner';

afterEach(cleanup);

const cloudflare = consoleById('cloudflare');
const base: Extract<PopupTab, { consoleId: string }> = {
  consoleId: 'cloudflare',
  consoleName: cloudflare.name,
  origin: 'https://one.dash.cloudflare.com',
  context: { origin: 'https://one.dash.cloudflare.com', seen: [] },
};

describe('TargetBanner', () => {
  it('names the console, its host, tenant and tier, and marks production', () => {
    render(
      <TargetBanner
        target={{
          ...base,
          tier: 'production',
          tenantLabel: 'Acme',
          context: { ...base.context, expected: { environmentId: 'c4b3a291-8f7e-4d6c-a5b4-93827160f5e4', environmentName: 'Acme Production (EU)', regionTld: 'eu' } },
        }}
        onRememberTenant={async () => {}}
      />,
    );
    const banner = screen.getByRole('region', { name: 'Target console' });
    expect(banner.classList.contains('production')).toBe(true);
    expect(banner.textContent).toContain('▲ Production Cloudflare Zero Trust one.dash.cloudflare.com');
    expect(banner.textContent).toContain('Tenant: Acme');
    expect(banner.textContent).toContain('Expects environment Acme Production (EU) (pingone.eu)');
    expect(screen.queryByRole('button', { name: 'Remember this tenant uses this environment' })).toBeNull();
  });

  it('offers to remember an unmapped tenant when a credential is read, and confirms', async () => {
    const onRememberTenant = vi.fn(async () => {});
    render(<TargetBanner target={base} environment="Acme Dev" onRememberTenant={onRememberTenant} />);
    const banner = screen.getByRole('region', { name: 'Target console' });
    expect(banner.classList.contains('production')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Remember this tenant uses this environment' }));
    expect(onRememberTenant).toHaveBeenCalledOnce();
    expect(await screen.findByText('Remembered.')).toBeTruthy();
  });

  it('says when remembering failed', async () => {
    render(<TargetBanner target={base} environment="Acme Dev" onRememberTenant={async () => Promise.reject(new Error('storage full'))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remember this tenant uses this environment' }));
    expect(await screen.findByText('Not saved: storage full')).toBeTruthy();
  });

  it('offers nothing to remember without a credential', () => {
    render(<TargetBanner target={base} onRememberTenant={async () => {}} />);
    expect(screen.getByRole('region', { name: 'Target console' }).textContent).toContain('Not mapped to a PingOne environment yet.');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
