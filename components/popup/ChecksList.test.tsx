import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Check } from '../../lib/credential/types';
import { ChecksList } from './ChecksList';

const checks: Check[] = [
  { id: 'structure.alg', level: 'ok', message: 'Signed with RS256.' },
  { id: 'structure.unverified', level: 'info', message: 'Signature not verified.' },
  { id: 'region.mixed', level: 'error', message: 'Two regions.', hint: 'Create a new credential.' },
  { id: 'time.age', level: 'warning', message: 'Issued 400 days ago.', hint: 'Consider rotating it.' },
  { id: 'target.kind', level: 'error', message: 'Wrong kind.' },
];

afterEach(cleanup);

describe('ChecksList', () => {
  it('lists errors first, then warnings, notes and passes, keeping the order within a level', () => {
    render(<ChecksList checks={checks} />);
    const items = within(screen.getByRole('list', { name: 'Checks' })).getAllByRole('listitem');
    expect(items.map((item) => item.dataset.checkId)).toEqual([
      'region.mixed',
      'target.kind',
      'time.age',
      'structure.unverified',
      'structure.alg',
    ]);
  });

  it('shows each message with its hint and names the level in words, not only by colour', () => {
    render(<ChecksList checks={checks} />);
    const first = within(screen.getByRole('list', { name: 'Checks' })).getAllByRole('listitem')[0]!;
    expect(first.textContent).toBe('✕Error: Two regions.Create a new credential.');
  });

  it('counts the checks by level and says what console they were run for', () => {
    render(<ChecksList checks={checks} context="for Cloudflare Zero Trust" />);
    expect(screen.getByRole('heading', { name: 'Checks for Cloudflare Zero Trust' })).toBeTruthy();
    expect(screen.getByText('2 errors')).toBeTruthy();
    expect(screen.getByText('1 warning')).toBeTruthy();
    expect(screen.getByText('1 note')).toBeTruthy();
    expect(screen.getByText('1 passed')).toBeTruthy();
  });

  it('renders a hostile message as text', () => {
    render(<ChecksList checks={[{ id: 'x', level: 'error', message: '<img src=x onerror="alert(1)">' }]} />);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeTruthy();
  });
});

describe('ChecksList folded', () => {
  it('keeps errors and warnings in view, with their hints, and folds passes and notes into a section', () => {
    const onToggle = vi.fn();
    render(<ChecksList checks={checks} fold={{ open: false, onToggle }} />);
    const shown = within(screen.getByRole('list', { name: 'Checks' })).getAllByRole('listitem');
    expect(shown.map((item) => item.dataset.checkId)).toEqual(['region.mixed', 'target.kind', 'time.age']);
    expect(shown[2]!.textContent).toContain('Consider rotating it.');
    const details = document.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('1 note · 1 passed');
    const folded = [...details.querySelectorAll('li')].map((item) => item.dataset.checkId);
    expect(folded).toEqual(['structure.unverified', 'structure.alg']);
  });

  it('reports the admin opening the section', () => {
    const onToggle = vi.fn();
    render(<ChecksList checks={checks} fold={{ open: false, onToggle }} />);
    const details = document.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(onToggle).toHaveBeenCalledWith(true);
  });
});
