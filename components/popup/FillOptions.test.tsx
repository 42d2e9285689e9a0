import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleById } from '../../lib/consoles';
import { FillOptions, type FillOptionsProps } from './FillOptions';

afterEach(cleanup);

const aic = consoleById('aic');

function options(props: Partial<FillOptionsProps>) {
  const all: FillOptionsProps = {
    consoleName: aic.name,
    nameRule: aic.nameRule,
    name: 'Acme-Dev',
    onNameChange: vi.fn(),
    fold: { open: true, onToggle: vi.fn() },
    ...props,
  };
  render(<FillOptions {...all} />);
  return all;
}

const summary = () => document.querySelector('summary')!.textContent;
const details = () => document.querySelector('details')!;

describe('FillOptions', () => {
  it('folded, its line says what will be filled, so a folded value is never a hidden one', () => {
    options({ fold: { open: false, onToggle: vi.fn() } });
    expect(details().open).toBe(false);
    expect(summary()).toBe('Fill with Name: Acme-Dev');
  });

  it('reports name edits, and opens itself to flag a name the console rule refuses', () => {
    const props = options({ name: 'Acme Dev!', fold: { open: false, onToggle: vi.fn() } });
    expect(details().open).toBe(true);
    const input = screen.getByRole('textbox', { name: 'Connection name' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Only letters, digits and hyphens are allowed here: it will be filled as "Acme-Dev".')).toBeTruthy();
    fireEvent.input(input, { target: { value: 'Acme-Dev' } });
    expect(props.onNameChange).toHaveBeenCalledWith('Acme-Dev');
  });

  it('draws nothing for a form with no Name, Description or scopes', () => {
    options({ name: undefined });
    expect(document.querySelector('details')).toBeNull();
  });

  it("PingAccess: an optional Description, saying what is filled when it is left empty", () => {
    const onChange = vi.fn();
    options({ consoleName: 'PingAccess', nameRule: undefined, description: { value: '', onChange, planned: 'PingOne environment Acme Dev (3f2a9c1e)' } });
    const input = screen.getByRole('textbox', { name: 'Description' });
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe('Optional. Left empty: "PingOne environment Acme Dev (3f2a9c1e)".');
    expect(summary()).toBe('Fill with Name: Acme-Dev · Description: PingOne environment Acme Dev (3f2a9c1e)');
    expect(screen.queryByRole('textbox', { name: 'Extra scopes' })).toBeNull();
    fireEvent.input(input, { target: { value: 'Gateway for Acme' } });
    expect(onChange).toHaveBeenCalledWith('Gateway for Acme');
  });

  it('PingFederate: extra scopes, shown with the openid that is always filled', () => {
    const onChange = vi.fn();
    options({ consoleName: 'PingFederate', nameRule: undefined, name: undefined, scopes: { value: 'profile email', onChange, planned: 'openid profile email' } });
    const input = screen.getByRole('textbox', { name: 'Extra scopes' }) as HTMLInputElement;
    expect(input.value).toBe('profile email');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Space separated; openid is always included. Scopes filled: openid profile email',
    );
    expect(summary()).toBe('Fill with Scopes: openid profile email');
    fireEvent.input(input, { target: { value: 'profile' } });
    expect(onChange).toHaveBeenCalledWith('profile');
  });
});
