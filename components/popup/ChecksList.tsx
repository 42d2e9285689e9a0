import type { Check, CheckLevel } from '../../lib/credential/types';

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
}

export function ChecksList({ checks, context, label = 'Checks', id = 'checks' }: ChecksListProps) {
  const sorted = sortedChecks(checks);
  const counts = (Object.keys(LEVELS) as CheckLevel[])
    .map((level) => ({ level, count: checks.filter((check) => check.level === level).length }))
    .filter(({ count }) => count > 0);
  return (
    <section class="checks" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        Checks{context && <span class="heading-context"> {context}</span>}
      </h2>
      <p class="checks-counts">
        {counts.map(({ level, count }) => (
          <span key={level} class={`count count-${level}`}>
            {count} {count === 1 && level !== 'ok' ? LEVELS[level].word.toLowerCase() : LEVELS[level].plural}
          </span>
        ))}
      </p>
      <ul role="list" aria-label={label} class="check-list">
        {sorted.map((check) => (
          <li key={check.id} class={`check check-${check.level}`} data-check-id={check.id} data-level={check.level}>
            <span class="check-icon" aria-hidden="true">
              {LEVELS[check.level].icon}
            </span>
            <span class="check-text">
              <span class="visually-hidden">{LEVELS[check.level].word}: </span>
              <span class="check-message">{check.message}</span>
              {check.hint && <span class="check-hint">{check.hint}</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
