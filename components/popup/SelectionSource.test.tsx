import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { popupProps } from '../../test/fixtures/popup-props';
import { PopupApp, type PopupAppProps } from './PopupApp';

afterEach(cleanup);

const TEXT = ['Client ID: 1f0e2d3c-4b5a-4968-8776-655443322110', 'Client Secret: s3cr3t-from-a-page-000000000', 'Environment ID: 3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b'].join('\n');

function popup(props: Partial<PopupAppProps>) {
  const all = popupProps({ initialText: TEXT, ...props });
  return render(<PopupApp {...all} />);
}

describe('text a selection put in the vault', () => {
  it('says its page under the credential box, until the text is edited', async () => {
    popup({ source: 'https://evil.test' });
    // With the paste part, which a credential in the box loads.
    expect(await screen.findByText('From a selection on https://evil.test')).toBeTruthy();
    fireEvent.input(screen.getByRole('textbox', { name: 'Credential', hidden: true }), { target: { value: `${TEXT}\n` } });
    expect(screen.queryByText('From a selection on https://evil.test')).toBeNull();
  });

  it('carries the admin’s answer to the background’s question, yes or no', async () => {
    const answer = vi.fn();
    popup({ source: 'https://evil.test', sourceQuestion: { origin: 'https://evil.test', action: 'Test', answer } });
    const question = await screen.findByRole('alert', { name: 'Confirm the selected text' });
    expect(question.textContent).toContain('Text selected on https://evil.test: that page chose it. Test with it?');
    fireEvent.click(screen.getByRole('button', { name: 'Test with it' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(answer.mock.calls).toEqual([[true], [false]]);
  });
});
