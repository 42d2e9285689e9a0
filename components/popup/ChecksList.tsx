import type { Check, CheckLevel } from '../../lib/credential/types';
import { Fragment } from 'preact';
import { Fold } from './Fold';

/** Errors first, then warnings, notes and passes; the sort is stable, so lib's order holds within a level. */
const RANK: Record<CheckLevel, number> = { error: 0, warning: 1, info: 2, ok: 3 };

/** Icon and word for each level: the word is for screen readers, and colour is never the only signal. */
const LEVELS: Record<CheckLevel, { icon: string; word: string; plural: string }> = {
  error: { icon: '✕', word: 'Error', plural: 'errors' },
  warning: { icon: '!', word: 'Warning', plural: 'warnings' },
  info: { icon: 'i', word: 'Note', plural: 'notes' },
  ok: { icon: '✓', word: 'Passed', plural: 'passed' },
};

function sortedChecks(checks: readonly Check[]): Check[] {
  return [...checks].sort((a, b) => RANK[a.level] - RANK[b.level]);
}

export interface ChecksListProps {
  checks: readonly Check[];
  /** Where the checks were run for, e.g. "for Cloudflare Zero Trust"; absent when no console is open. */
  context?: string;
  /** The list's accessible name, and the prefix of its ids: another credential's checks on the page need their own. */
  label?: string;
  id?: string;
  /**
   * Fold the passed checks and notes into a section the admin opens; errors and warnings stay in view, message and
   * hint, and the verdict line is drawn apart (CheckVerdict). Absent: a heading, the counts and one list of everything.
   */
  fold?: { open: boolean; onToggle(open: boolean): void };
}

function CheckItem({ check }: { check: Check }) {
  return (
    <li class={`check check-${check.level}`} data-check-id={check.id} data-level={check.level}>
      <span class="check-icon" aria-hidden="true">
        {LEVELS[check.level].icon}
      </span>
      <span class="check-text">
        <span class="visually-hidden">{LEVELS[check.level].word}: </span>
        <span class="check-message">{check.message}</span>
        {check.hint && <span class="check-hint">{check.hint}</span>}
      </span>
    </li>
  );
}

/** "1 error · 1 warning · 7 passed": the checks' verdict on one line. */
function countsOf(checks: readonly Check[], levels: readonly CheckLevel[]) {
  return levels
    .map((level) => ({ level, count: checks.filter((check) => check.level === level).length }))
    .filter(({ count }) => count > 0)
    .map(({ level, count }) => ({ level, text: `${count} ${count === 1 && level !== 'ok' ? LEVELS[level].word.toLowerCase() : LEVELS[level].plural}` }));
}

/** The checks' verdict on one line, "Checks for PingAccess: 1 error · 1 warning · 7 passed", for the first screen. */
export function CheckVerdict({ checks, context }: { checks: readonly Check[]; context?: string }) {
  return <Counts checks={checks} prefix={`Checks${context ? ` ${context}` : ''}:`} />;
}

function Counts({ checks, prefix }: { checks: readonly Check[]; prefix?: string }) {
  return (
    <p class="checks-counts">
      {prefix && <span class="checks-prefix">{prefix} </span>}
      {countsOf(checks, Object.keys(LEVELS) as CheckLevel[]).map(({ level, text }, index) => (
        <Fragment key={level}>
          {index > 0 && <span aria-hidden="true"> · </span>}
          <span class={`count count-${level}`}>{text}</span>
        </Fragment>
      ))}
    </p>
  );
}

export function ChecksList({ checks, context, label = 'Checks', id = 'checks', fold }: ChecksListProps) {
  const sorted = sortedChecks(checks);
  const shown = fold ? sorted.filter((check) => check.level === 'error' || check.level === 'warning') : sorted;
  const folded = fold ? sorted.slice(shown.length) : [];
  if (fold) {
    // The verdict line is CheckVerdict's, above the actions; here the errors and warnings, then the rest folded.
    return (
      <section class="checks" id={id} aria-label={label}>
        {shown.length > 0 && (
          <ul role="list" aria-label={label} class="check-list">
            {shown.map((check) => (
              <CheckItem key={check.id} check={check} />
            ))}
          </ul>
        )}
        {folded.length > 0 && (
          <Fold open={fold.open} onToggle={fold.onToggle} class="checks-more" summary={countsOf(folded, ['info', 'ok']).map(({ text }) => text).join(' · ')}>
            <ul role="list" aria-label={`${label}: passed and notes`} class="check-list">
              {folded.map((check) => (
                <CheckItem key={check.id} check={check} />
              ))}
            </ul>
          </Fold>
        )}
      </section>
    );
  }
  return (
    <section class="checks" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        Checks{context && <span class="heading-context"> {context}</span>}
      </h2>
      <Counts checks={checks} />
      <ul role="list" aria-label={label} class="check-list">
        {shown.map((check) => (
          <CheckItem key={check.id} check={check} />
        ))}
      </ul>
    </section>
  );
}
