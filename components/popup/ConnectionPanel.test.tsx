import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionReport } from '../../lib/connection/types';
import { ConnectionPanel, type ConnectionPanelProps } from './ConnectionPanel';

afterEach(cleanup);

const running: ConnectionReport = {
  fingerprint: 'f',
  startedAt: 1000,
  region: { tld: 'eu', name: 'Europe', source: 'credential' },
  steps: [
    { id: 'environment', title: 'Environment', verdict: 'pass', message: 'Environment found in Europe.', request: 'GET https://auth.pingone.eu/x/as/.well-known/openid-configuration', httpStatus: 200, durationMs: 41.7 },
    { id: 'client-auth', title: 'Client authentication', verdict: 'running', message: 'Asking for a token…' },
  ],
};
const finished: ConnectionReport = {
  ...running,
  finishedAt: 1250,
  steps: [running.steps[0]!, { id: 'client-auth', title: 'Client authentication', verdict: 'fail', message: 'invalid_client', hint: 'Check the secret.', durationMs: 80 }],
};

function panel(props: Partial<ConnectionPanelProps>) {
  const all: ConnectionPanelProps = { report: null, onTest: vi.fn(), onCancel: vi.fn(), ...props };
  const view = render(<ConnectionPanel {...all} />);
  return { ...all, rerender: (next: Partial<ConnectionPanelProps>) => view.rerender(<ConnectionPanel {...all} {...next} />) };
}

describe('ConnectionPanel', () => {
  it('starts a test, offers "Cancel test" while it runs, and shows steps as they arrive', () => {
    const props = panel({});
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(props.onTest).toHaveBeenCalledWith(undefined);
    expect((screen.getByRole('button', { name: 'Test connection' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel test' }));
    expect(props.onCancel).toHaveBeenCalledOnce();

    props.rerender({ report: running });
    const region = screen.getByRole('region', { name: 'Connection test' });
    const steps = within(region).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual([
      '✓Passed Environment · 42 msEnvironment found in Europe.GET https://auth.pingone.eu/x/as/.well-known/openid-configuration → 200',
      '…Running Client authenticationAsking for a token…',
    ]);
    expect(screen.getByRole('button', { name: 'Cancel test' })).toBeTruthy();

    props.rerender({ report: finished });
    expect(screen.queryByRole('button', { name: 'Cancel test' })).toBeNull();
    expect(within(region).getAllByRole('listitem')[1]!.textContent).toBe('✕Failed Client authentication · 80 msinvalid_clientCheck the secret.');
    expect(region.textContent).toContain('The connection test found a problem. Took 250 ms.');
    expect(region.textContent).toContain('Against Europe (pingone.eu), from the credential.');
  });

  it('a report the background marked interrupted reads as finished and failed, and the test can run again', () => {
    // lib/background/connection-path: a worker stopped mid-test leaves a running report; the next worker finishes it.
    const interrupted: ConnectionReport = {
      ...running,
      finishedAt: 9000,
      steps: [running.steps[0]!, { ...running.steps[1]!, verdict: 'fail', message: 'Interrupted: run the test again.' }],
    };
    const props = panel({ report: interrupted });
    const region = screen.getByRole('region', { name: 'Connection test' });
    expect(within(region).getAllByRole('listitem')[1]!.textContent).toBe('✕Failed Client authenticationInterrupted: run the test again.');
    expect(region.textContent).toContain('The connection test found a problem.');
    expect(screen.queryByRole('button', { name: 'Cancel test' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(props.onTest).toHaveBeenCalledOnce();
  });

  it('cannot start without a credential, and says why', () => {
    panel({ notReady: 'Paste a credential first.' });
    expect((screen.getByRole('button', { name: 'Test connection' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Paste a credential first.')).toBeTruthy();
  });

  it('offers a region when the credential names none, starting from the mapping, and passes the choice', () => {
    const props = panel({ regionChoice: { initial: 'eu' } });
    const select = screen.getByRole('combobox', { name: 'Region for the test' }) as HTMLSelectElement;
    expect(select.value).toBe('eu');
    fireEvent.change(select, { target: { value: 'ca' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(props.onTest).toHaveBeenCalledWith('ca');
  });

  it('offers no region choice when the credential names one', () => {
    panel({});
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
