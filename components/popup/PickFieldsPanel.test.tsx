import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FillReport } from '../../lib/fill/types';
import { FillBlockedError } from './refusal';
import { PickFieldsPanel } from './PickFieldsPanel';

afterEach(cleanup);

const ORIGIN = 'https://apps.example.test';
const REPORT: FillReport = { consoleId: 'picked', fields: [{ key: 'clientId', label: 'Client ID', status: 'filled' }], notes: [], durationMs: 12 };

describe('PickFieldsPanel', () => {
  it('offers "Pick fields" where nothing was picked, and says what the pick kept', async () => {
    const onPick = vi.fn(async () => '3 fields picked');
    render(<PickFieldsPanel origin={ORIGIN} onPick={onPick} onFillPicked={async () => REPORT} />);
    expect(screen.queryByRole('button', { name: 'Fill picked fields' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pick fields' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', '3 fields picked');
  });

  it('fills what was picked, and a refusal by checks offers "Fill anyway", which fills with the override', async () => {
    const onFillPicked = vi.fn(async (override: boolean) => {
      if (!override) throw new FillBlockedError('Not filled: one check fails.', [{ id: 'region.host', level: 'error', message: 'authUrl points to evil.example' }]);
      return REPORT;
    });
    render(<PickFieldsPanel origin={ORIGIN} picked={{ fields: 3, at: 0 }} onPick={async () => ''} onFillPicked={onFillPicked} />);
    expect(screen.getByText(`3 fields picked on ${ORIGIN}.`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fill picked fields' }));
    expect((await screen.findByRole('alert')).textContent).toContain('authUrl points to evil.example');
    fireEvent.click(screen.getByRole('button', { name: 'Fill anyway' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Fill report' }).textContent).toContain('Client ID: Filled'));
    expect(onFillPicked.mock.calls).toEqual([[false], [true]]);
  });

  it('offers no "Fill anyway" where the organisation forbids it (a production tenant), and still names the checks', async () => {
    const onFillPicked = vi.fn(async () => {
      throw new FillBlockedError(
        'Not filled: one check fails. Your organisation does not allow "Fill anyway" on a production tenant.',
        [{ id: 'mapping.environment', level: 'error', message: 'This credential is for the dev environment.' }],
        true,
      );
    });
    render(<PickFieldsPanel origin={ORIGIN} picked={{ fields: 3, at: 0 }} onPick={async () => ''} onFillPicked={onFillPicked} />);
    fireEvent.click(screen.getByRole('button', { name: 'Fill picked fields' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This credential is for the dev environment.');
    expect(screen.queryByRole('button', { name: 'Fill anyway' })).toBeNull();
  });

  it('waits for a credential', () => {
    render(<PickFieldsPanel origin={ORIGIN} notReady="Paste a credential first." onPick={async () => ''} onFillPicked={async () => REPORT} />);
    expect(screen.getByRole('button', { name: 'Pick fields' })).toHaveProperty('disabled', true);
  });
});
