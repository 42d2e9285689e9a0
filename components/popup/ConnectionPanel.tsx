import { useEffect, useState } from 'preact/hooks';
import type { ConnectionReport, StepVerdict } from '../../lib/connection/types';
import { REGIONS, type RegionTld } from '../../lib/regions';

export interface ConnectionPanelProps {
  /** The last report for THIS credential (the caller drops reports about another one), or null. */
  report: ConnectionReport | null;
  /**
   * Why no test can run yet (no credential read); absent when one can.
   * '': not ready yet, for a reason not worth saying (the popup is still fingerprinting the credential).
   */
  notReady?: string;
  /** The credential names no region: offer a choice, starting from this one (the tenant mapping's, if any). */
  regionChoice?: { initial?: RegionTld };
  onTest(regionTld?: RegionTld): void;
  onCancel(): void;
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

export function ConnectionPanel({ report, notReady, regionChoice, onTest, onCancel }: ConnectionPanelProps) {
  const [starting, setStarting] = useState(false);
  const [region, setRegion] = useState<RegionTld | ''>(regionChoice?.initial ?? '');
  // A report arriving ends the "starting" state; the caller clears the old report when a test starts.
  useEffect(() => {
    if (report) setStarting(false);
  }, [report]);

  const running = starting || (report !== null && report.finishedAt === undefined);
  const failed = report?.steps.some((step) => step.verdict === 'fail');
  const start = () => {
    setStarting(true);
    onTest(regionChoice && region ? region : undefined);
  };

  return (
    <section role="region" aria-labelledby="connection-heading" class="connection">
      <h2 id="connection-heading">Connection test</h2>
      <div class="row">
        <button
          type="button"
          class="button"
          disabled={notReady !== undefined || running}
          aria-describedby={notReady ? 'test-reason' : undefined}
          onClick={start}
        >
          Test connection
        </button>
        {running && (
          <button type="button" class="button" onClick={onCancel}>
            Cancel test
          </button>
        )}
      </div>
      {/* After the button, which stays the first stop; the region is chosen before pressing it. */}
      {regionChoice && (
        <p class="row">
          <label for="test-region" class="field-label inline">
            Region for the test
          </label>
          <select
            id="test-region"
            class="select"
            value={region}
            onChange={(event) => setRegion(event.currentTarget.value as RegionTld | '')}
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
      {running && !report && <p class="muted">Starting…</p>}
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
