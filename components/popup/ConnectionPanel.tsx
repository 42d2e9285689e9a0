import type { ConnectionReport } from '../../lib/connection/types';
import type { RegionTld } from '../../lib/regions';
import { pastePart } from './lazy-module';

export interface TestButtonsProps {
  /** A test was asked for and has not finished (see `testRunning`). */
  running: boolean;
  /** Why no test can run yet (ConnectionPanelProps `notReady`); the reason is drawn by the panel, under the row. */
  notReady?: string;
  onTest(): void;
  onCancel(): void;
}

export interface ConnectionPanelProps {
  /** The last report for THIS credential (the caller drops reports about another one), or null. */
  report: ConnectionReport | null;
  running: boolean;
  /**
   * Why no test can run yet (no credential read); absent when one can.
   * '': not ready yet, for a reason not worth saying (the popup is still fingerprinting the credential).
   */
  notReady?: string;
  /** The credential names no region: the admin's choice ('' for none yet), starting from the tenant mapping's. */
  regionChoice?: { value: RegionTld | ''; onChange(region: RegionTld | ''): void };
}

/** A test runs from the admin's press (`starting`, until the first report arrives) until its report is finished. */
export function testRunning(starting: boolean, report: ConnectionReport | null): boolean {
  return (starting && report === null) || (report !== null && report.finishedAt === undefined);
}

/** "Test connection", and "Cancel test" while one runs: drawn in the first screen's action row, beside Fill. */
export function TestButtons({ running, notReady, onTest, onCancel }: TestButtonsProps) {
  return (
    <>
      <button
        type="button"
        class="button"
        disabled={notReady !== undefined || running}
        aria-describedby={notReady ? 'test-reason' : undefined}
        onClick={onTest}
      >
        Test connection
      </button>
      {running && (
        <button type="button" class="button" onClick={onCancel}>
          Cancel test
        </button>
      )}
    </>
  );
}

/** The test's region choice, why it cannot run, and its report step by step (the buttons are TestButtons). */
export function ConnectionPanel({ report, running, notReady, regionChoice }: ConnectionPanelProps) {
  // The region choice and the report belong to a read credential, so they come with the paste part (loaded by then).
  const part = pastePart.use(report !== null || regionChoice !== undefined);
  const pasted = part && 'module' in part ? part.module : undefined;
  // Nothing to say: no empty section (and its rule) takes a line of the first screen.
  if (!regionChoice && !notReady && !running && !report) return null;
  return (
    <section role="region" aria-label="Connection test" class="connection">
      {regionChoice && pasted && <pasted.RegionChoice {...regionChoice} />}
      {notReady && (
        <p id="test-reason" class="reason">
          {notReady}
        </p>
      )}
      {running && !report && <p class="muted">Starting the connection test…</p>}
      {report && pasted && <pasted.ConnectionReportView report={report} />}
    </section>
  );
}
