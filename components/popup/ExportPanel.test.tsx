import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel, type ExportRequest } from './ExportPanel';

afterEach(cleanup);

const requests: ExportRequest[] = [
  { label: 'Copy Cloudflare API request', build: (includeSecret) => JSON.stringify({ client_secret: includeSecret ? 's3cret' : '<placeholder>' }) },
];

function panel() {
  const onCopy = vi.fn(async (_value: string, _secret: boolean) => {});
  render(<ExportPanel requests={requests} secretName="client secret" onCopy={onCopy} />);
  return onCopy;
}

describe('ExportPanel', () => {
  it('copies without the secret by default', async () => {
    const onCopy = panel();
    fireEvent.click(screen.getByRole('button', { name: 'Copy Cloudflare API request' }));
    // Not a secret: left on the clipboard.
    expect(onCopy).toHaveBeenCalledWith('{"client_secret":"<placeholder>"}', false);
    expect(await screen.findByText('Copied, without the client secret')).toBeTruthy();
  });

  it('includes the secret only after the in-page confirmation', async () => {
    const onCopy = panel();
    fireEvent.click(screen.getByRole('button', { name: 'Include the client secret…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Include the client secret in copied requests?' });
    // The least harmful choice has focus, so a reflexive Enter keeps the secret out.
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(screen.getByRole('button', { name: 'Include the client secret' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(dialog.isConnected).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Copy Cloudflare API request' }));
    // A secret: the wiring takes it off the clipboard again, and the button says when.
    expect(onCopy).toHaveBeenCalledWith('{"client_secret":"s3cret"}', true);
    expect(await screen.findByText('Copied, with the client secret: cleared from the clipboard in 30 s')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Leave the client secret out' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy Cloudflare API request' }));
    expect(onCopy).toHaveBeenLastCalledWith('{"client_secret":"<placeholder>"}', false);
  });

  it('Escape cancels the confirmation, keeps the secret out and returns focus to the opener', async () => {
    const onCopy = panel();
    fireEvent.click(screen.getByRole('button', { name: 'Include the client secret…' }));
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Include the client secret…'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy Cloudflare API request' }));
    expect(onCopy).toHaveBeenCalledWith('{"client_secret":"<placeholder>"}', false);
  });

  it('renders nothing when no console takes this credential', () => {
    const { container } = render(<ExportPanel requests={[]} secretName="credential" onCopy={async () => {}} />);
    expect(container.textContent).toBe('');
  });
});
