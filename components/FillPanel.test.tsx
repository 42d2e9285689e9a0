import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleById } from '../lib/consoles';
import type { Check } from '../lib/credential/types';
import type { FillReport } from '../lib/fill/types';
import { FillPanel, type FillPanelProps } from './FillPanel';
import type { PopupTarget } from './PopupApp';

afterEach(cleanup);

const aic = consoleById('aic');
const onAic: PopupTarget = {
  consoleId: 'aic',
  consoleName: aic.name,
  origin: 'https://openam-acme-dev.forgeblocks.com',
  console: aic,
  seen: [],
};
const report: FillReport = {
  consoleId: 'aic',
  fields: [
    { key: 'credential', label: 'Credential', status: 'filled' },
    { key: 'name', label: 'Name', status: 'not-found', reason: 'appears after Next' },
  ],
  notes: ['Step 2: Name, after Next.'],
  durationMs: 12.4,
};
const blocking: Check[] = [{ id: 'target.kind', level: 'error', message: 'Advanced Identity Cloud takes a product-connection credential.', hint: 'Paste the product credential.' }];

function panel(props: Partial<FillPanelProps>) {
  const onFill = vi.fn(async () => report);
  const all: FillPanelProps = { target: onAic, blocking: [], name: 'Acme-Dev', onNameChange: () => {}, onFill, ...props };
  render(<FillPanel {...all} />);
  return all;
}

describe('FillPanel', () => {
  it('off a console: a disabled "Fill page" with the reason next to it', () => {
    panel({ target: { unavailable: 'This tab is not a known console.' } });
    const button = screen.getByRole('button', { name: 'Fill page' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe('This tab is not a known console.');
  });

  it('on a console without a credential: "Fill <console>" disabled, saying why', () => {
    panel({ notReady: 'Paste a credential first.' });
    const button = screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByText('Paste a credential first.')).toBeTruthy();
  });

  it('fills with the edited name and shows the report field by field', async () => {
    const props = panel({});
    fireEvent.click(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' }));
    expect(props.onFill).toHaveBeenCalledWith({ override: false, name: 'Acme-Dev' });
    const region = await screen.findByRole('region', { name: 'Fill report' });
    expect(within(region).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '✓Credential: Filled',
      '✕Name: Not found (appears after Next)',
      'Step 2: Name, after Next.',
    ]);
    expect(region.textContent).toContain('1 of 2 fields set in 12 ms');
  });

  it('reports name edits and flags a name the console rule refuses', () => {
    const onNameChange = vi.fn();
    panel({ name: 'Acme Dev!', onNameChange });
    const input = screen.getByRole('textbox', { name: 'Connection name' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Only letters, digits and hyphens are allowed here: it will be filled as "Acme-Dev".')).toBeTruthy();
    fireEvent.input(input, { target: { value: 'Acme-Dev' } });
    expect(onNameChange).toHaveBeenCalledWith('Acme-Dev');
  });

  it('has no name field for a console whose form has no Name', () => {
    panel({ name: undefined });
    expect(screen.queryByRole('textbox', { name: 'Connection name' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' })).toBeTruthy();
  });

  it('sends no name when the field is empty, so the console module picks its default', async () => {
    const props = panel({ name: '  ' });
    fireEvent.click(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' }));
    expect(props.onFill).toHaveBeenCalledWith({ override: false, name: undefined });
  });

  it('when blocked: shows the failing checks and "Fill anyway", which overrides', async () => {
    const onFill = vi
      .fn<FillPanelProps['onFill']>()
      .mockRejectedValueOnce(new Error('Not filled: one check fails for Advanced Identity Cloud.'))
      .mockResolvedValueOnce(report);
    panel({ blocking, onFill });
    expect(screen.getByText(/One check fails for Advanced Identity Cloud/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not filled: one check fails for Advanced Identity Cloud.');
    expect(within(alert).getByRole('list', { name: 'Blocking checks' }).textContent).toContain(blocking[0]!.message);
    fireEvent.click(within(alert).getByRole('button', { name: 'Fill anyway' }));
    expect(onFill).toHaveBeenLastCalledWith({ override: true, name: 'Acme-Dev' });
    expect(await screen.findByRole('region', { name: 'Fill report' })).toBeTruthy();
  });

  it('Escape dismisses the blocked notice and returns focus to the fill button', async () => {
    panel({ blocking, onFill: async () => Promise.reject(new Error('Not filled.')) });
    const fill = screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' });
    fireEvent.click(fill);
    const anyway = await screen.findByRole('button', { name: 'Fill anyway' });
    fireEvent.keyDown(anyway, { key: 'Escape' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(fill);
  });

  it('a failure that is not a block shows the message without "Fill anyway"', async () => {
    panel({ onFill: async () => Promise.reject(new Error('Cannot access contents of the page.')) });
    fireEvent.click(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Cannot access contents of the page.');
    expect(screen.queryByRole('button', { name: 'Fill anyway' })).toBeNull();
  });

  it('a page-level refusal says nothing was written', async () => {
    panel({ onFill: async () => ({ ...report, refused: 'The page is not the top frame.', fields: [] }) });
    fireEvent.click(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' }));
    const region = await screen.findByRole('region', { name: 'Fill report' });
    expect(region.textContent).toContain('Nothing was written: The page is not the top frame.');
  });
});
