/**
 * The words for a test whose worker went away (the browser stopped it, or it crashed): the same whether the next
 * worker finds the unfinished report (lib/background/connection-path.ts) or the open popup sees its port close
 * (lib/worker-watch.ts), so the admin reads one verdict either way.
 */
import type { ConnectionReport } from './types';

export const INTERRUPTED_MESSAGE = "Interrupted: the browser stopped the extension's background worker; run the test again.";

/** `report` finished at `now`: each step still running fails with the interrupted words. */
export function interruptedReport(report: ConnectionReport, now: number): ConnectionReport {
  return {
    ...report,
    finishedAt: now,
    steps: report.steps.map((step) => (step.verdict === 'running' ? { ...step, verdict: 'fail', message: INTERRUPTED_MESSAGE } : step)),
  };
}
