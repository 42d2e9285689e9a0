import { describe, expect, it } from 'vitest';
import { connectionUpdateOf } from './update-event';

const report = { fingerprint: '0123456789abcdef', startedAt: 1, steps: [{ id: 'environment', title: 'Environment', verdict: 'pass' }] };

describe('connectionUpdateOf', () => {
  it('takes the background’s broadcast, report and all', () => {
    expect(connectionUpdateOf({ type: 'connection.update', report })).toBe(report);
    expect(connectionUpdateOf({ type: 'connection.update', report: { ...report, steps: [] } })).toBeDefined();
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'connection.update'],
    ['another type', { type: 'clipboard.clear', report }],
    ['an extra key', { type: 'connection.update', report, tabId: 1 }],
    ['no report', { type: 'connection.update', extra: report }],
    ['a report without its fingerprint', { type: 'connection.update', report: { ...report, fingerprint: 7 } }],
    ['a report without its start', { type: 'connection.update', report: { ...report, startedAt: '1' } }],
    ['steps that are no list', { type: 'connection.update', report: { ...report, steps: {} } }],
    ['a step that is no object', { type: 'connection.update', report: { ...report, steps: ['pass'] } }],
  ])('refuses %s', (_, message) => {
    expect(connectionUpdateOf(message)).toBeUndefined();
  });
});
