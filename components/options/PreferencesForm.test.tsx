import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PreferencesForm } from './PreferencesForm';

afterEach(cleanup);

function minutesBox() {
  return screen.getByLabelText('Forget the credential after this many idle minutes') as HTMLInputElement;
}

describe('PreferencesForm', () => {
  it('shows the stored values', () => {
    render(<PreferencesForm idleClearMinutes={25} readClipboardOnOpen onChange={async () => {}} />);
    expect(minutesBox().value).toBe('25');
    expect((screen.getByRole('checkbox', { name: 'Read the clipboard when the popup opens' }) as HTMLInputElement).checked).toBe(true);
  });

  it('saves whole minutes from 1 to 120 when the field is committed', async () => {
    const onChange = vi.fn(async () => {});
    render(<PreferencesForm idleClearMinutes={10} readClipboardOnOpen={false} onChange={onChange} />);
    fireEvent.input(minutesBox(), { target: { value: '30' } });
    fireEvent.change(minutesBox());
    expect(onChange).toHaveBeenCalledWith({ idleClearMinutes: 30 });
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('refuses other values with a message, saving nothing', () => {
    const onChange = vi.fn(async () => {});
    render(<PreferencesForm idleClearMinutes={10} readClipboardOnOpen={false} onChange={onChange} />);
    for (const value of ['0', '121', '2.5', '']) {
      fireEvent.input(minutesBox(), { target: { value } });
      fireEvent.keyDown(minutesBox(), { key: 'Enter' });
      expect(screen.getByText('Enter whole minutes from 1 to 120.')).toBeTruthy();
      expect(minutesBox().getAttribute('aria-invalid')).toBe('true');
    }
    expect(onChange).not.toHaveBeenCalled();
  });

  it('toggles reading the clipboard on open', () => {
    const onChange = vi.fn(async () => {});
    render(<PreferencesForm idleClearMinutes={10} readClipboardOnOpen={false} onChange={onChange} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Read the clipboard when the popup opens' }));
    expect(onChange).toHaveBeenCalledWith({ readClipboardOnOpen: true });
  });
});
