import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleById } from '../../lib/consoles';
import type { Check } from '../../lib/credential/types';
import type { FillReport } from '../../lib/fill/types';
import { FillPanel, type FillPanelProps } from './FillPanel';
import { FillBlockedError } from './refusal';
import type { ConsoleTab } from '../../lib/popup-tab';

afterEach(cleanup);

const aic = consoleById('aic');
const onAic: ConsoleTab = {
  consoleId: 'aic',
  consoleName: aic.name,
  origin: 'https://openam-acme-dev.forgeblocks.com',
  context: { origin: 'https://openam-acme-dev.forgeblocks.com', seen: [] },
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
  const all: FillPanelProps = { target: onAic, blocking: [], values: { name: 'Acme-Dev' }, onFill, ...props };
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

  it('sends no name when the field is empty, so the console module picks its default', async () => {
    const props = panel({ values: { name: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' }));
    expect(props.onFill).toHaveBeenCalledWith({ override: false, name: undefined });
  });

  it('says before the fill which checks will block it', () => {
    panel({ blocking });
    expect(screen.getByText(/One check fails for Advanced Identity Cloud/)).toBeTruthy();
  });

  it("when blocked: shows the background's blocking checks and \"Fill anyway\", which overrides", async () => {
    // The background's verdict counts, not the popup's: here the popup found no error but the background did.
    const blockedBy: Check[] = [{ id: 'mapping.environment', level: 'error', message: 'This tenant expects Acme Production.', hint: 'Paste its credential.' }];
    const onFill = vi
      .fn<FillPanelProps['onFill']>()
      .mockRejectedValueOnce(new FillBlockedError('Not filled: one check fails for Advanced Identity Cloud.', blockedBy))
      .mockResolvedValueOnce(report);
    panel({ blocking: [], onFill });
    fireEvent.click(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not filled: one check fails for Advanced Identity Cloud.');
    expect(within(within(alert).getByRole('list', { name: 'Blocking checks' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'This tenant expects Acme Production.Paste its credential.',
    ]);
    fireEvent.click(within(alert).getByRole('button', { name: 'Fill anyway' }));
    expect(onFill).toHaveBeenLastCalledWith({ override: true, name: 'Acme-Dev' });
    expect(await screen.findByRole('region', { name: 'Fill report' })).toBeTruthy();
  });

  it('when the organisation forbids the override here: the blocking checks, and no "Fill anyway"', async () => {
    const blockedBy: Check[] = [{ id: 'mapping.environment', level: 'error', message: 'This tenant expects Acme Production.' }];
    const refusal = new FillBlockedError('Not filled: one check fails. Your organisation does not allow "Fill anyway" on a production tenant.', blockedBy, true);
    panel({ blocking: [], onFill: vi.fn<FillPanelProps['onFill']>().mockRejectedValue(refusal) });
    fireEvent.click(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your organisation does not allow "Fill anyway"');
    expect(within(alert).getByRole('list', { name: 'Blocking checks' })).toBeTruthy();
    expect(within(alert).queryByRole('button', { name: 'Fill anyway' })).toBeNull();
    expect(within(alert).getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('Escape dismisses the blocked notice and returns focus to the fill button', async () => {
    panel({ blocking, onFill: async () => Promise.reject(new FillBlockedError('Not filled.', blocking)) });
    const fill = screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' });
    fireEvent.click(fill);
    const anyway = await screen.findByRole('button', { name: 'Fill anyway' });
    fireEvent.keyDown(anyway, { key: 'Escape' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(fill);
  });

  it('a failure that is not a block shows the message without "Fill anyway", even with failing checks', async () => {
    // The popup's checks fail too, but the background refused for another reason: nothing an override can fix.
    panel({ blocking, onFill: async () => Promise.reject(new Error('Could not reach the page to fill it: Cannot access contents of the page.')) });
    fireEvent.click(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not reach the page to fill it: Cannot access contents of the page.');
    expect(screen.queryByRole('button', { name: 'Fill anyway' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Blocking checks' })).toBeNull();
  });

  it('sends the admin\'s Description and scopes, trimmed, with the fill (the fields are FillOptions\')', async () => {
    const props = panel({ values: { name: 'Acme-Dev', description: ' Gateway for Acme ', scopes: 'profile email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' }));
    expect(props.onFill).toHaveBeenCalledWith({ override: false, name: 'Acme-Dev', description: 'Gateway for Acme', scopes: 'profile email' });
    await screen.findByRole('region', { name: 'Fill report' });
  });

  it('draws what it is given beside the Fill button, in its row and next in Tab order', () => {
    panel({ beside: <button type="button">Test connection</button> });
    const row = screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' }).parentElement!;
    expect([...row.querySelectorAll('button')].map((button) => button.textContent)).toEqual(['Fill Advanced Identity Cloud', 'Test connection']);
  });

  it('a page-level refusal says nothing was written', async () => {
    panel({ onFill: async () => ({ ...report, refused: 'The page is not the top frame.', fields: [] }) });
    fireEvent.click(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' }));
    const region = await screen.findByRole('region', { name: 'Fill report' });
    expect(region.textContent).toContain('Nothing was written: The page is not the top frame.');
  });

  describe('on a page that is no known console (activeTab)', () => {
    const pingAccess = consoleById('pingaccess');
    const origin = 'https://pa.acme.example:9000';
    const onPage: ConsoleTab = { consoleId: 'pingaccess', consoleName: pingAccess.name, origin, context: { origin, seen: [] } };
    const choices = [
      { consoleId: 'pingaccess', consoleName: 'PingAccess' },
      { consoleId: 'aic', consoleName: 'Advanced Identity Cloud' },
      { consoleId: 'pingfederate', consoleName: 'PingFederate' },
    ] as const;
    const choicePanel = (props: Partial<FillPanelProps> = {}) => {
      const pageChoice = { choices, onChoose: vi.fn(), onOpenOptions: vi.fn() };
      return { ...panel({ target: onPage, pageChoice, values: { name: 'Acme Dev' }, ...props }), pageChoice };
    };
    const select = () => screen.getByRole('combobox', { name: 'This page is' }) as HTMLSelectElement;

    it('asks which console the page is, with the chosen one selected, the page origin and why it works now only', () => {
      const { pageChoice } = choicePanel();
      expect([...select().options].map((option) => [option.value, option.textContent])).toEqual(choices.map((choice) => [choice.consoleId, choice.consoleName]));
      expect(select().value).toBe('pingaccess');
      const help = document.getElementById(select().getAttribute('aria-describedby')!)!;
      expect(help.textContent).toContain(`${origin} is no console in Options: it can be filled now, as you opened the extension on it (activeTab).`);
      expect(help.textContent).toContain('To fill it any time, add it in Options.');
      fireEvent.click(within(help).getByRole('button', { name: 'Options' }));
      expect(pageChoice.onOpenOptions).toHaveBeenCalledOnce();
      fireEvent.change(select(), { target: { value: 'pingfederate' } });
      expect(pageChoice.onChoose).toHaveBeenCalledWith('pingfederate');
    });

    it('fills naming the chosen console', async () => {
      const props = choicePanel();
      fireEvent.click(screen.getByRole('button', { name: 'Fill PingAccess' }));
      expect(props.onFill).toHaveBeenCalledWith({ override: false, name: 'Acme Dev', consoleId: 'pingaccess' });
      await screen.findByRole('region', { name: 'Fill report' });
    });

    it('a fill outcome belongs to the console it went to: another choice drops it', async () => {
      const onFill = vi.fn(async () => Promise.reject(new FillBlockedError('Not filled: one check fails for PingAccess.', blocking)));
      const pageChoice = { choices, onChoose: vi.fn(), onOpenOptions: vi.fn() };
      const props: FillPanelProps = { target: onPage, pageChoice, blocking: [], values: {}, onFill };
      const view = render(<FillPanel {...props} />);
      fireEvent.click(screen.getByRole('button', { name: 'Fill PingAccess' }));
      expect(await screen.findByRole('button', { name: 'Fill anyway' })).toBeTruthy();
      view.rerender(<FillPanel {...props} target={{ ...onAic, origin }} />);
      expect(select().value).toBe('aic');
      expect(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' })).toBeTruthy();
      expect(screen.queryByRole('alert')).toBeNull();
    });
  });
});
