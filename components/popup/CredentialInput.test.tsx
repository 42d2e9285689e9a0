import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CredentialInput } from './CredentialInput';

afterEach(cleanup);

const noop = () => {};

describe('CredentialInput', () => {
  it('reports every edit of the box labelled "Credential"', () => {
    const onInput = vi.fn();
    render(<CredentialInput text="" onInput={onInput} onPaste={noop} onClear={noop} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Credential' }), { target: { value: 'eyJ' } });
    expect(onInput).toHaveBeenCalledWith('eyJ', true);
  });

  it('tells a whole text (paste, drop, a tool\'s insert) from a keystroke by the key that went before it', () => {
    const onInput = vi.fn();
    render(<CredentialInput text="" onInput={onInput} onPaste={noop} onClear={noop} />);
    const box = screen.getByRole('textbox', { name: 'Credential' });
    const input = (value: string, key?: KeyboardEventInit) => {
      if (key) fireEvent.keyDown(box, key);
      fireEvent.input(box, { target: { value } });
      return onInput.mock.lastCall;
    };
    expect(input('e', { key: 'e' })).toEqual(['e', false]);
    expect(input('', { key: 'Backspace' })).toEqual(['', false]);
    expect(input('x\n', { key: 'Enter' })).toEqual(['x\n', false]);
    expect(input('Client ID: x', { key: 'v', ctrlKey: true })).toEqual(['Client ID: x', true]);
    expect(input('Client ID: y')).toEqual(['Client ID: y', true]);
  });

  it('shows the read error and its hint in an alert tied to the box', () => {
    render(
      <CredentialInput
        text="https://example.com"
        error={{ code: 'input.url', message: 'This is a link, not a credential.', hint: 'Copy the credential itself.' }}
        onInput={noop}
        onPaste={noop}
        onClear={noop}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('This is a link, not a credential.Copy the credential itself.');
    const box = screen.getByRole('textbox', { name: 'Credential' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain(alert.id);
  });

  it('shows a clipboard failure in the same alert', () => {
    render(<CredentialInput text="" clipboardError="Could not read the clipboard: denied" onInput={noop} onPaste={noop} onClear={noop} />);
    expect(screen.getByRole('alert').textContent).toBe('Could not read the clipboard: denied');
  });

  it('has an empty alert region and a valid box when there is no error', () => {
    render(<CredentialInput text="" onInput={noop} onPaste={noop} onClear={noop} />);
    expect(screen.getByRole('alert').textContent).toBe('');
    expect(screen.getByRole('textbox', { name: 'Credential' }).getAttribute('aria-invalid')).toBeNull();
  });

  it('pastes and clears on request; Clear is disabled when there is nothing to clear', () => {
    const onPaste = vi.fn();
    const onClear = vi.fn();
    const { rerender } = render(<CredentialInput text="" onInput={noop} onPaste={onPaste} onClear={onClear} />);
    expect((screen.getByRole('button', { name: 'Clear' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Paste from clipboard' }));
    expect(onPaste).toHaveBeenCalledOnce();
    rerender(<CredentialInput text="something" onInput={noop} onPaste={onPaste} onClear={onClear} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onClear).toHaveBeenCalledOnce();
  });

  it('marks the box for concealment only when told its text holds a secret', () => {
    const { rerender } = render(<CredentialInput text="Client Secret: x" conceal onInput={noop} onPaste={noop} onClear={noop} />);
    expect(screen.getByRole('textbox', { name: 'Credential' }).classList.contains('concealed')).toBe(true);
    expect(screen.getByText(/Its text is hidden while you are not editing it\./)).toBeTruthy();
    rerender(<CredentialInput text="3f2a" onInput={noop} onPaste={noop} onClear={noop} />);
    expect(screen.getByRole('textbox', { name: 'Credential' }).classList.contains('concealed')).toBe(false);
  });
});
