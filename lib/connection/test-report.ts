/**
 * Reading connection reports in tests (never shipped: only lib/connection/*.test.ts and test/e2e import this).
 */
import type { ConnectionReport, StepReport } from './types';

/** The report's step `id`; throws with the whole report when it is missing, so a failure shows what ran instead. */
export function step(report: ConnectionReport, id: StepReport['id']): StepReport {
  const found = report.steps.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no ${id} step in ${JSON.stringify(report)}`);
  return found;
}

/** Step id -> verdict, for comparing a whole run at once. */
export function verdicts(report: ConnectionReport): Record<string, StepReport['verdict']> {
  return Object.fromEntries(report.steps.map((s) => [s.id, s.verdict]));
}
