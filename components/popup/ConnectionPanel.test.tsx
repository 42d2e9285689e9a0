import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConnectionReport } from '../../lib/connection/types';
import { ConnectionPanel, TestButtons, testRunning, type ConnectionPanelProps } from './ConnectionPanel';
import { pastePart } from './lazy-module';

// The region choice and the report come with the paste part, loaded once here as the popup has it by then
// (components/popup/lazy-module.test.tsx holds the loading itself).
beforeAll(async () => {
  await pastePart.load();
});

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
  const all: ConnectionPanelProps = { report: null, running: false, ...props };
  const view = render(<ConnectionPanel {...all} />);
  return { ...all, rerender: (next: Partial<ConnectionPanelProps>) => view.rerender(<ConnectionPanel {...all} {...next} />) };
}

describe('TestButtons', () => {
  it('starts a test; while it runs, "Test connection" waits and "Cancel test" stops it', () => {
    const onTest = vi.fn();
    const onCancel = vi.fn();
    const view = render(<TestButtons running={false} onTest={onTest} onCancel={onCancel} />);
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(onTest).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Cancel test' })).toBeNull();
    view.rerender(<TestButtons running onTest={onTest} onCancel={onCancel} />);
    expect((screen.getByRole('button', { name: 'Test connection' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel test' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('cannot start without a credential, and points to the reason', () => {
    render(<TestButtons running={false} notReady="Paste a credential first." onTest={vi.fn()} onCancel={vi.fn()} />);
    const button = screen.getByRole('button', { name: 'Test connection' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBe('test-reason');
  });
});

describe('testRunning', () => {
  it('runs from the press until the first report, then until the report is finished', () => {
    expect(testRunning(true, null)).toBe(true);
    expect(testRunning(false, null)).toBe(false);
    expect(testRunning(true, running)).toBe(true);
    expect(testRunning(true, finished)).toBe(false);
    expect(testRunning(false, finished)).toBe(false);
  });
});

describe('ConnectionPanel', () => {
  it('says it is starting, then shows steps as they arrive, and the verdict with the time taken', () => {
    const props = panel({ running: true });
    expect(screen.getByRole('region', { name: 'Connection test' }).textContent).toBe('Starting the connection test…');
    props.rerender({ report: running, running: true });
    const region = screen.getByRole('region', { name: 'Connection test' });
    const steps = within(region).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual([
      '✓Passed Environment · 42 msEnvironment found in Europe.GET https://auth.pingone.eu/x/as/.well-known/openid-configuration → 200',
      '…Running Client authenticationAsking for a token…',
    ]);

    props.rerender({ report: finished, running: false });
    expect(within(region).getAllByRole('listitem')[1]!.textContent).toBe('✕Failed Client authentication · 80 msinvalid_clientCheck the secret.');
    expect(region.textContent).toContain('The connection test found a problem. Took 250 ms.');
    expect(region.textContent).toContain('Against Europe (pingone.eu), from the credential.');
  });

  it('a report the background marked interrupted reads as finished and failed', () => {
    // lib/background/connection-path: a worker stopped mid-test leaves a running report; the next worker finishes it.
    const interrupted: ConnectionReport = {
      ...running,
      finishedAt: 9000,
      steps: [running.steps[0]!, { ...running.steps[1]!, verdict: 'fail', message: 'Interrupted: run the test again.' }],
    };
    expect(testRunning(false, interrupted)).toBe(false);
    panel({ report: interrupted });
    const region = screen.getByRole('region', { name: 'Connection test' });
    expect(within(region).getAllByRole('listitem')[1]!.textContent).toBe('✕Failed Client authenticationInterrupted: run the test again.');
    expect(region.textContent).toContain('The connection test found a problem.');
  });

  it('says why no test can run yet', () => {
    panel({ notReady: 'Paste a credential first.' });
    expect(document.getElementById('test-reason')!.textContent).toBe('Paste a credential first.');
  });

  it('offers a region when the credential names none, and reports the choice', () => {
    const onChange = vi.fn();
    panel({ regionChoice: { value: 'eu', onChange } });
    const select = screen.getByRole('combobox', { name: 'Region for the test' }) as HTMLSelectElement;
    expect(select.value).toBe('eu');
    fireEvent.change(select, { target: { value: 'ca' } });
    expect(onChange).toHaveBeenCalledWith('ca');
  });

  it('offers no region choice when the credential names one', () => {
    panel({});
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
