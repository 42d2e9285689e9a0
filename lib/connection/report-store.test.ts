import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readReport, readReports, removeReport, REPORT_KEY_PREFIX, writeReport } from './report-store';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('connection reports', () => {
  it('are kept per fingerprint, listed together, and removed one at a time', async () => {
    await writeReport('fp-a', { n: 1 });
    await writeReport('fp-b', { n: 2 });
    expect(await readReport('fp-a')).toEqual({ n: 1 });
    expect(await readReports()).toEqual(new Map([['fp-a', { n: 1 }], ['fp-b', { n: 2 }]]));
    await removeReport('fp-a');
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual([`${REPORT_KEY_PREFIX}fp-b`]);
  });
});
