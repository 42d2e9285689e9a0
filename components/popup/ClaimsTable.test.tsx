import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimsTable } from './ClaimsTable';
import { localDateTime } from './claim-time';

afterEach(cleanup);

const NOW = Date.UTC(2026, 0, 15);
const copy = async () => {};

function rows() {
  return within(screen.getByRole('table', { name: 'Claims' }))
    .getAllByRole('row')
    .slice(1);
}

describe('ClaimsTable', () => {
  it('puts known claims first, explained, and marks the others "not recognised" in the order received', () => {
    render(
      <ClaimsTable
        claims={{ zeta: 1, environmentName: 'Acme Dev', custom: 'x', environmentId: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b' }}
        now={NOW}
        onCopy={copy}
      />,
    );
    const headers = rows().map((row) => within(row).getByRole('rowheader').textContent);
    expect(headers).toEqual([
      'Environment IDenvironmentIdThe PingOne environment this credential belongs to.',
      'Environment nameenvironmentNameName of the PingOne environment; check it is the one this tenant maps to.',
      'zetanot recognised',
      'customnot recognised',
    ]);
  });

  it('shows iat as a local date with its age, and keeps the number', () => {
    const iat = NOW / 1000 - 3 * 86_400;
    render(<ClaimsTable claims={{ iat }} now={NOW} onCopy={copy} />);
    const cell = within(rows()[0]!).getByRole('cell');
    expect(cell.textContent).toBe(`${localDateTime(iat)} (3 days ago)${iat}`);
  });

  it('says "in ..." for an exp in the future', () => {
    const exp = NOW / 1000 + 2 * 3600;
    render(<ClaimsTable claims={{ exp }} now={NOW} onCopy={copy} />);
    expect(within(rows()[0]!).getByRole('cell').textContent).toContain('(in 2 hours)');
  });

  it('masks secret claims behind Reveal', () => {
    render(<ClaimsTable claims={{ clientSecret: 'stg-worker-secret-Pp4oO8iI2uU6yY0t' }} now={NOW} onCopy={copy} />);
    const table = screen.getByRole('table', { name: 'Claims' });
    expect(table.textContent).not.toContain('stg-worker-secret');
    fireEvent.click(within(table).getByRole('button', { name: 'Reveal' }));
    expect(table.textContent).toContain('stg-worker-secret-Pp4oO8iI2uU6yY0t');
  });

  it('masks unrecognised claims whose name says secret, password, private key, token or API key', () => {
    const hidden = { db_password: 'pw-1', apiToken: 'tok-2', privateKey: 'pk-3', ApiKey: 'ak-4', x_api_key: 'ak-5', appSecret: { v: 'sec-6' } };
    render(<ClaimsTable claims={{ ...hidden, tokenless: 'shown', description: 'shown too' }} now={NOW} onCopy={copy} />);
    const table = screen.getByRole('table', { name: 'Claims' });
    for (const value of ['pw-1', 'tok-2', 'pk-3', 'ak-4', 'ak-5', 'sec-6']) expect(table.textContent).not.toContain(value);
    // "tokenless" names a token too: a needless mask costs one click, a missed secret cannot be taken back.
    expect(within(table).getAllByRole('group').map((group) => group.getAttribute('aria-label'))).toEqual([...Object.keys(hidden), 'tokenless']);
    expect(table.textContent).toContain('shown too');
    fireEvent.click(within(screen.getByRole('group', { name: 'apiToken' })).getByRole('button', { name: 'Reveal' }));
    expect(table.textContent).toContain('tok-2');
  });

  it('renders hostile claim names and values as text, never as markup', () => {
    const payload = '<img src=x onerror="globalThis.__pwned=1">';
    render(<ClaimsTable claims={{ [payload]: payload, environmentName: { nested: payload } }} now={NOW} onCopy={copy} />);
    expect(document.querySelector('img')).toBeNull();
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
    const table = screen.getByRole('table', { name: 'Claims' });
    expect(within(table).getAllByText(payload)).toHaveLength(2);
    expect(table.textContent).toContain(JSON.stringify({ nested: payload }));
  });

  it('treats a claim named like an Object.prototype member as unknown', () => {
    const claims = Object.assign(Object.create(null), { constructor: 'c', toString: 't' }) as Record<string, unknown>;
    render(<ClaimsTable claims={claims} now={NOW} onCopy={copy} />);
    expect(rows().map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'constructornot recognised',
      'toStringnot recognised',
    ]);
  });
});
