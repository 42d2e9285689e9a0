import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcMinute } from './utc-minute';

/** What the checks wrote before utcMinute: toISOString cut to the minute. */
function isoMinute(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? `${seconds} (not a valid date)` : date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

describe('utcMinute', () => {
  it('writes 2025-10-09 08:53 UTC for the test credentials’ iat', () => {
    expect(utcMinute(1_760_000_000)).toBe('2025-10-09 08:53 UTC');
  });

  it.each([0, -1, -62_135_596_800, -62_135_596_801, 253_402_300_799, 253_402_300_800, 8.64e12, 8.64e12 + 1, -8.64e12, 1.5, -0.5, Number.NaN, Infinity, -1e20])(
    'writes %s as toISOString cut to the minute would',
    (seconds) => {
      expect(utcMinute(seconds)).toBe(isoMinute(seconds));
    },
  );

  it('agrees with toISOString cut to the minute on any number of seconds (10k)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -9e12, max: 9e12 }), fc.double({ noNaN: false })), (seconds) => {
        expect(utcMinute(seconds)).toBe(isoMinute(seconds));
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);
});
