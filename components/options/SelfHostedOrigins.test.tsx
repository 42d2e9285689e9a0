import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SelfHostedConsole } from '../../lib/consoles/types';
import { SelfHostedOrigins } from './SelfHostedOrigins';

afterEach(cleanup);

const PA: SelfHostedConsole = { origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess' };
const PF: SelfHostedConsole = { origin: 'https://pf.demo.internal:9999', consoleId: 'pingfederate' };

function addOrigin(origin: string, consoleName?: string) {
  const form = screen.getByRole('form', { name: 'Add a console origin' });
  fireEvent.input(within(form).getByLabelText('Console origin'), { target: { value: origin } });
  if (consoleName) {
    const select = within(form).getByLabelText('Console') as HTMLSelectElement;
    const option = within(select).getByRole('option', { name: consoleName }) as HTMLOptionElement;
    fireEvent.change(select, { target: { value: option.value } });
  }
  fireEvent.click(within(form).getByRole('button', { name: 'Add console origin' }));
}

describe('SelfHostedOrigins', () => {
  it('lists origins with their console and access state, offering to grant missing access', async () => {
    const onGrant = vi.fn(async () => true);
    render(<SelfHostedOrigins entries={[PA, PF]} access={{ [PA.origin]: true, [PF.origin]: false }} onAdd={vi.fn()} onGrant={onGrant} onRemove={async () => {}} />);
    const list = screen.getByRole('list', { name: 'Console origins' });
    const [pa, pf] = within(list).getAllByRole('listitem');
    expect(pa?.textContent).toContain('PingAccess');
    expect(pa?.textContent).toContain('Access granted');
    expect(within(pa!).queryByRole('button', { name: /Grant access/ })).toBeNull();
    expect(pf?.textContent).toContain('PingFederate');
    expect(pf?.textContent).toContain('No access');
    fireEvent.click(within(pf!).getByRole('button', { name: `Grant access to ${PF.origin}` }));
    expect(onGrant).toHaveBeenCalledWith(PF.origin);
    expect(await screen.findByText(`Access to ${PF.origin} granted.`)).toBeTruthy();
  });

  it('asks for access inside the submit event itself (the browser needs the user gesture) and reports it', async () => {
    let resolve!: (value: { granted: boolean }) => void;
    const onAdd = vi.fn(() => new Promise<{ granted: boolean }>((done) => (resolve = done)));
    render(<SelfHostedOrigins entries={[]} access={{}} onAdd={onAdd} onGrant={vi.fn()} onRemove={async () => {}} />);
    addOrigin('https://PF.demo.internal:9999/pf-admin-ui/', 'PingFederate');
    // Called synchronously during the click, before any promise settled.
    expect(onAdd).toHaveBeenCalledWith(PF);
    expect(screen.getByText(`Asking for access to ${PF.origin}…`)).toBeTruthy();
    resolve({ granted: true });
    expect(await screen.findByText(`Added ${PF.origin} with access granted.`)).toBeTruthy();
  });

  it('says so when access was refused', async () => {
    render(<SelfHostedOrigins entries={[]} access={{}} onAdd={async () => ({ granted: false })} onGrant={vi.fn()} onRemove={async () => {}} />);
    addOrigin(PA.origin);
    expect(await screen.findByText(`Access to ${PA.origin} was not granted, so it was not added.`)).toBeTruthy();
  });

  it('asks for nothing when the origin is not https', () => {
    const onAdd = vi.fn();
    render(<SelfHostedOrigins entries={[]} access={{}} onAdd={onAdd} onGrant={vi.fn()} onRemove={async () => {}} />);
    addOrigin('http://pa.demo.internal:9000');
    expect(onAdd).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Console origin').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('expected an https origin like https://host or https://host:port (no path)')).toBeTruthy();
  });

  it('offers only the consoles that can be self-hosted', () => {
    render(<SelfHostedOrigins entries={[]} access={{}} onAdd={vi.fn()} onGrant={vi.fn()} onRemove={async () => {}} />);
    const options = within(screen.getByLabelText('Console')).getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['PingAccess', 'Advanced Identity Cloud', 'PingFederate']);
  });

  it('removes an origin', async () => {
    const onRemove = vi.fn(async () => {});
    render(<SelfHostedOrigins entries={[PA]} access={{ [PA.origin]: true }} onAdd={vi.fn()} onGrant={vi.fn()} onRemove={onRemove} />);
    fireEvent.click(screen.getByRole('button', { name: `Remove ${PA.origin}` }));
    expect(onRemove).toHaveBeenCalledWith(PA.origin);
    expect(await screen.findByText(`Removed ${PA.origin}.`)).toBeTruthy();
  });
});
