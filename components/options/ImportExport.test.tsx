import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { environment } from '../../test/fixtures/environments';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/model';
import { exportSettings, parseSettingsImport } from '../../lib/settings/transfer';
import { ImportExport, type ImportOutcome } from './ImportExport';

afterEach(cleanup);

const GOOD: Settings = {
  ...DEFAULT_SETTINGS,
  tenants: [{ origin: 'https://one.dash.cloudflare.com', consoleId: 'cloudflare', tier: 'production', label: 'Acme', expected: { environmentId: environment('production').id } }],
  selfHosted: [{ origin: 'https://pa.demo.internal:9000', consoleId: 'pingaccess' }],
};

/** What the options page does: lib/settings' real validation, applied only when valid. */
function importer() {
  const applied: Settings[] = [];
  const onImport = async (text: string): Promise<ImportOutcome> => {
    const parsed = parseSettingsImport(text);
    if (!parsed.ok) return parsed;
    applied.push(parsed.settings);
    return { ok: true, tenants: parsed.settings.tenants.length, selfHosted: parsed.settings.selfHosted.length };
  };
  return { applied, onImport };
}

function pasteAndImport(text: string) {
  fireEvent.input(screen.getByLabelText('Or paste settings JSON'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
}

describe('ImportExport', () => {
  it('imports pasted JSON and says what it imported', async () => {
    const { applied, onImport } = importer();
    render(<ImportExport onImport={onImport} onDownload={() => {}} onCopy={async () => {}} />);
    pasteAndImport(exportSettings(GOOD));
    expect(await screen.findByText('Imported the pasted JSON: 1 tenant and 1 console origin.')).toBeTruthy();
    expect(applied).toHaveLength(1);
    expect((screen.getByLabelText('Or paste settings JSON') as HTMLTextAreaElement).value).toBe('');
  });

  it('lists every bad row with its path and says nothing changed', async () => {
    const { applied, onImport } = importer();
    render(<ImportExport onImport={onImport} onDownload={() => {}} onCopy={async () => {}} />);
    const file = JSON.parse(exportSettings(GOOD));
    file.tenants.push({ ...file.tenants[0], origin: 'https://pa.acme.example', expected: { environmentId: 'dev' } });
    file.tenants.push({ ...file.tenants[0], origin: 'https://pf.acme.example', tier: 'prod' });
    pasteAndImport(JSON.stringify(file));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Nothing was imported: 2 problems found. Your settings are unchanged.')).toBeTruthy();
    const items = within(within(alert).getByRole('list', { name: 'Import problems' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'tenants[1].expected.environmentId: expected a UUID',
      'tenants[2].tier: expected one of development, uat, staging, production, sandbox',
    ]);
    expect(applied).toEqual([]);
  });

  it('imports a chosen file', async () => {
    const { onImport } = importer();
    render(<ImportExport onImport={onImport} onDownload={() => {}} onCopy={async () => {}} />);
    const file = new File(['{"version": 1, "tenants": [}'], 'broken.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Import settings file'), { target: { files: [file] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('(file): not valid JSON');
  });

  it('downloads and copies through its events', async () => {
    const onDownload = vi.fn();
    const onCopy = vi.fn(async () => {});
    render(<ImportExport onImport={importer().onImport} onDownload={onDownload} onCopy={onCopy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download settings file' }));
    expect(onDownload).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Copy settings JSON' }));
    expect(await screen.findByText('Settings JSON copied.')).toBeTruthy();
  });

  it('keeps Import disabled until something is pasted', () => {
    render(<ImportExport onImport={importer().onImport} onDownload={() => {}} onCopy={async () => {}} />);
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
