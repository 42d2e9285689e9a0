import type { ConnectionReport, StepVerdict } from '../../lib/connection/types';
import { REGIONS, type RegionTld } from '../../lib/regions';

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

/** Icon AND word for every verdict: colour is never the only signal. */
const VERDICTS: Record<StepVerdict, { icon: string; word: string }> = {
  pass: { icon: '✓', word: 'Passed' },
  fail: { icon: '✕', word: 'Failed' },
  warn: { icon: '!', word: 'Warning' },
  info: { icon: 'i', word: 'Note' },
  skipped: { icon: '–', word: 'Skipped' },
  running: { icon: '…', word: 'Running' },
};

const SOURCES = { chosen: 'chosen by you', credential: 'from the credential', assumed: 'assumed: the credential names none' };

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
  const failed = report?.steps.some((step) => step.verdict === 'fail');
  // Nothing to say: no empty section (and its rule) takes a line of the first screen.
  if (!regionChoice && !notReady && !running && !report) return null;
  return (
    <section role="region" aria-label="Connection test" class="connection">
      {regionChoice && (
        <p class="row">
          <label for="test-region" class="field-label inline">
            Region for the test
          </label>
          <select
            id="test-region"
            class="select"
            value={regionChoice.value}
            onChange={(event) => regionChoice.onChange(event.currentTarget.value as RegionTld | '')}
          >
            {/* lib/connection/types RegionSource 'assumed': with no region, the test runs against North America. */}
            <option value="">Not chosen (North America is assumed)</option>
            {REGIONS.map((entry) => (
              <option key={entry.tld} value={entry.tld}>
                {entry.name} (pingone.{entry.tld})
              </option>
            ))}
          </select>
        </p>
      )}
      {notReady && (
        <p id="test-reason" class="reason">
          {notReady}
        </p>
      )}
      {running && !report && <p class="muted">Starting the connection test…</p>}
      {report && (
        <>
          {report.region && (
            <p class="muted">
              Against {report.region.name} (pingone.{report.region.tld}), {SOURCES[report.region.source]}.
            </p>
          )}
          <ol class="steps" aria-live="polite">
            {report.steps.map((step) => {
              const verdict = VERDICTS[step.verdict];
              return (
                <li key={step.id} class={`step verdict-${step.verdict}`}>
                  <span class="check-icon" aria-hidden="true">
                    {verdict.icon}
                  </span>
                  <span class="step-body">
                    <span class="step-title">
                      <span class="verdict-word">{verdict.word}</span> {step.title}
                      {step.durationMs !== undefined && <span class="muted"> · {Math.round(step.durationMs)} ms</span>}
                    </span>
                    <span class="step-message">{step.message}</span>
                    {step.hint && <span class="check-hint">{step.hint}</span>}
                    {step.request && (
                      <code class="step-request">
                        {step.request}
                        {step.httpStatus !== undefined && ` → ${step.httpStatus}`}
                      </code>
                    )}
                  </span>
                </li>
              );
            })}
          </ol>
          {report.finishedAt !== undefined && (
            <p class={failed ? 'report-summary tone-error' : 'report-summary tone-ok'}>
              {failed ? 'The connection test found a problem.' : 'Finished without failures.'} Took{' '}
              {Math.round(report.finishedAt - report.startedAt)} ms.
            </p>
          )}
        </>
      )}
    </section>
  );
}
