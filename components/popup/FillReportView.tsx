import type { FieldStatus, FillReport } from '../../lib/fill/types';

const STATUS: Record<FieldStatus, { icon: string; word: string; tone: string }> = {
  filled: { icon: '✓', word: 'Filled', tone: 'ok' },
  unchanged: { icon: '✓', word: 'Already set', tone: 'ok' },
  absent: { icon: '–', word: 'Not on this form', tone: 'info' },
  'not-found': { icon: '✕', word: 'Not found', tone: 'error' },
  refused: { icon: '✕', word: 'Refused', tone: 'error' },
  'not-kept': { icon: '!', word: 'Sent, not kept', tone: 'error' },
};

/** What the fill did, field by field; secret values are never in a report (lib/fill/types), only labels. */
export function FillReportView({ report }: { report: FillReport }) {
  const written = report.fields.filter((field) => field.status === 'filled' || field.status === 'unchanged').length;
  // What the page's script received, even where the fill stopped or the page did not keep it: never "nothing".
  const reached = report.fields.filter((field) => field.reached).map((field) => field.label);
  return (
    <section role="region" aria-label="Fill report" class="report">
      <h3>Fill report</h3>
      {report.refused ? (
        <p class="report-summary tone-error">
          {reached.length ? `The page received ${reached.join(', ')}: ` : 'Nothing was written: '}
          {report.refused}
        </p>
      ) : (
        <p class="report-summary">
          {written} of {report.fields.length} fields set in {Math.round(report.durationMs)} ms. Nothing was submitted:
          review the form, then save it in the console.
        </p>
      )}
      {report.fields.length > 0 && (
        <ul role="list" class="report-fields">
          {report.fields.map((field) => {
            const status = STATUS[field.status];
            return (
              <li key={field.key} class={`tone-${status.tone}`}>
                <span class="check-icon" aria-hidden="true">
                  {status.icon}
                </span>
                <span>
                  <span class="strong">{field.label}</span>: {status.word}
                  {field.reason && <span class="muted"> ({field.reason})</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {report.notes.length > 0 && (
        <ul role="list" class="report-notes" aria-label="Still to do by hand">
          {report.notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
