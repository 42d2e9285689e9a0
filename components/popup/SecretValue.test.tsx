import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SecretValue } from './SecretValue';

afterEach(cleanup);

const SECRET = 'dev-webapp-secret-Zx2cV4bN6mA8sD0f';

describe('SecretValue', () => {
  it('is masked until revealed, and hides again', () => {
    render(<SecretValue label="Client secret" value={SECRET} onCopy={async () => {}} />);
    const group = screen.getByRole('group', { name: 'Client secret' });
    expect(group.textContent).not.toContain(SECRET);
    fireEvent.click(within(group).getByRole('button', { name: 'Reveal' }));
    expect(group.textContent).toContain(SECRET);
    fireEvent.click(within(group).getByRole('button', { name: 'Hide' }));
    expect(group.textContent).not.toContain(SECRET);
  });

  it('copies the value as a secret without revealing it and says, in a live region, when it leaves the clipboard', async () => {
    const onCopy = vi.fn(async () => {});
    render(<SecretValue label="Client secret" value={SECRET} onCopy={onCopy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(onCopy).toHaveBeenCalledWith(SECRET, true);
    const said = 'Copied: cleared from the clipboard in 30 s';
    expect(await screen.findByText(said)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(said);
    expect(screen.getByRole('group', { name: 'Client secret' }).textContent).not.toContain(SECRET);
  });

  it('says when the copy failed, without the secret', async () => {
    render(<SecretValue label="Client secret" value={SECRET} onCopy={async () => Promise.reject(new Error('Document is not focused.'))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText('Copy failed: Document is not focused.')).toBeTruthy();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('clears the "Copied" note after a moment', async () => {
    vi.useFakeTimers();
    try {
      render(<SecretValue label="Client secret" value={SECRET} onCopy={async () => {}} />);
      fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
      await vi.waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Copied/));
      await vi.advanceTimersByTimeAsync(5000);
      expect(screen.getByRole('status').textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });
});
