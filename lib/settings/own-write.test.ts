import { describe, expect, it } from 'vitest';
import { DEV_TENANT, PROD_TENANT, settingsWith } from '../../test/fixtures/tenants';
import { writesFor } from './layout';
import { bringsNothingNew } from './own-write';

/** storage.onChanged's changes for the items a write sets and the keys it removes. */
function changesOf(write: { set: Record<string, unknown>; remove: string[] }) {
  return {
    ...Object.fromEntries(Object.entries(write.set).map(([key, newValue]) => [key, { newValue }])),
    ...Object.fromEntries(write.remove.map((key) => [key, {}])),
  };
}

describe('bringsNothingNew (a page hearing its own write)', () => {
  const before = settingsWith({ tenants: [PROD_TENANT, DEV_TENANT] });
  const after = settingsWith({ tenants: [{ ...PROD_TENANT, label: 'Renamed' }], idleClearMinutes: 25 });
  const write = writesFor(after, writesFor(before, {}).set);

  it('the changes of the write that made these settings bring nothing new, its removals included', () => {
    expect(write.remove).toEqual([`tenant:${DEV_TENANT.origin}`]);
    expect(bringsNothingNew(after, changesOf(write))).toBe(true);
    expect(bringsNothingNew(after, { unrelated: { newValue: 1 } })).toBe(true);
  });

  it('another page’s change does: a row, the origin list, a preference, a row put back', () => {
    expect(bringsNothingNew(before, changesOf(write))).toBe(false);
    expect(bringsNothingNew(after, { [`tenant:${PROD_TENANT.origin}`]: { newValue: PROD_TENANT } })).toBe(false);
    expect(bringsNothingNew(after, { 'tenant-origins': { newValue: [] } })).toBe(false);
    expect(bringsNothingNew(after, { settings: { newValue: { ...after, tenants: undefined, idleClearMinutes: 10 } } })).toBe(false);
    expect(bringsNothingNew(after, { [`tenant:${DEV_TENANT.origin}`]: { newValue: DEV_TENANT } })).toBe(false);
  });
});
