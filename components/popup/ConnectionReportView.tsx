import type { ConnectionReport, StepVerdict } from '../../lib/connection/types';

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

/** A connection test's report step by step, with its region and, once finished, its summary. */
export function ConnectionReportView({ report }: { report: ConnectionReport }) {
  const failed = report.steps.some((step) => step.verdict === 'fail');
  return (
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
  );
}
