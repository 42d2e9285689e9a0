import { describe, expect, it } from 'vitest';
import { wordFinding, type Finding } from '../../lib/credential';
import { FillBlockedError } from './refusal';
import { fillRefusal } from './fill-refusal';

describe('fillRefusal', () => {
  const kind: Finding = { id: 'target.kind', level: 'error', facts: { console: 'Cloudflare Zero Trust', kind: 'gateway', accepts: ['oidc-app'] } };
  const expired: Finding = { id: 'time.expired', level: 'error', facts: { at: 1_700_000_000 } };

  it("words the background's findings with their hints, for the popup to show and override", () => {
    const refusal = fillRefusal({ ok: false, error: 'Not filled: 2 checks fail for Cloudflare Zero Trust.', blockedBy: [kind, expired] }) as FillBlockedError;
    expect(refusal).toBeInstanceOf(FillBlockedError);
    expect(refusal.message).toBe('Not filled: 2 checks fail for Cloudflare Zero Trust.');
    expect(refusal.blockedBy).toEqual([
      { id: 'target.kind', level: 'error', message: 'Cloudflare Zero Trust takes OIDC application credentials; this is a gateway credential.' },
      { id: 'time.expired', level: 'error', message: 'Expired at 2023-11-14 22:13 UTC.', hint: 'Create a new credential in PingOne.' },
    ]);
    expect(refusal.blockedBy).toEqual([kind, expired].map(wordFinding));
    expect(refusal.overrideForbidden).toBe(false);
  });

  it('makes any other refusal a plain error, which offers no override', () => {
    const refusal = fillRefusal({ ok: false, error: 'Could not reach the page to fill it: no tab.' });
    expect(refusal).not.toBeInstanceOf(FillBlockedError);
    expect(refusal.message).toBe('Could not reach the page to fill it: no tab.');
  });

  it("keeps the policy's refusal of \"Fill anyway\"", () => {
    expect(fillRefusal({ ok: false, error: 'Not filled: one check fails.', blockedBy: [expired], overrideForbidden: true })).toMatchObject({ overrideForbidden: true });
  });
});
