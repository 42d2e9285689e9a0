/**
 * REGION_TLDS is the region table's domains as a tuple for schemas; the table itself (REGIONS) is what builds URLs.
 * They must never drift apart: a message naming a region the table lacks would pass the schema, and a region added
 * to the table but not the tuple could never be chosen.
 */
import { describe, expect, it } from 'vitest';
import { uiRequestSchema } from './messages';
import { REGION_TLDS, REGIONS, regionOfHost } from './regions';

describe('REGION_TLDS', () => {
  it('lists exactly the region table’s domains, in its order', () => {
    expect([...REGION_TLDS]).toEqual(REGIONS.map((region) => region.tld));
  });

  it('is what connection.start accepts as a region, and nothing else', () => {
    for (const regionTld of REGION_TLDS) {
      expect(uiRequestSchema.safeParse({ type: 'connection.start', regionTld }).success).toBe(true);
    }
    for (const regionTld of ['COM', 'pingone.com', 'de', '']) {
      expect(uiRequestSchema.safeParse({ type: 'connection.start', regionTld }).success).toBe(false);
    }
  });
});

describe('regionOfHost', () => {
  it.each([
    ['auth.pingone.com', 'com'],
    ['API.PingOne.EU', 'eu'],
    ['auth.pingone.com.au', 'com.au'],
    ['pingone.com.au.', 'com.au'],
    ['pingone.asia', 'asia'],
    ['a.b.pingone.sg', 'sg'],
  ])('gives %s the region %s, the longest TLD first', (host, tld) => {
    expect(regionOfHost(host)?.tld).toBe(tld);
  });

  it.each(['pingone.com.evil.example', 'evilpingone.com', 'pingone.de', 'auth.pingone.com..', ''])('finds no region for %s', (host) => {
    expect(regionOfHost(host)).toBeUndefined();
  });
});
