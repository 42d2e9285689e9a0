/**
 * The fill engine, run by the background in the console tab's top frame (isolated world): it writes a FillPlan into
 * the page's form and reports, field by field, what it did and why. It writes only when the page is the plan's origin
 * and the top frame, only into controls a person could see and use, and it never submits: no Enter, no button
 * clicks beyond a checkbox or switch toggle. Every field is judged before any is written, so a page caught covering
 * or hiding a field it shows (clickjacking, decoys) receives nothing at all, not even the non-secret fields.
 */
import { refusalOf } from './guard';
import { locateField } from './locate';
import type { FieldOutcome, FillPlan, FillReport, PlannedField } from './types';
import { writeField } from './write';

/** The global `/fill.js` sets, which the background's second executeScript call invokes with the plan. */
export const FILL_GLOBAL = '__pingoneConnectionHelperFill';

type Win = Window & typeof globalThis;

type Decision = { field: PlannedField; element: HTMLElement } | { field: PlannedField; outcome: FieldOutcome; deceptive?: boolean };

function decide(field: PlannedField, win: Win): Decision {
  const { key, label } = field;
  const candidates = locateField(win.document, field);
  if (candidates.length === 0) {
    const outcome: FieldOutcome = field.optional
      ? { key, label, status: 'absent', reason: 'not on this page' }
      : { key, label, status: 'not-found', reason: 'no such field on this page' };
    return { field, outcome };
  }
  const judged = candidates.map((element) => ({ element, refusal: refusalOf(element, win) }));
  const usable = judged.filter((candidate) => !candidate.refusal);
  if (usable.length > 1) {
    return { field, outcome: { key, label, status: 'refused', reason: `ambiguous: ${usable.length} visible fields match` } };
  }
  if (usable[0]) return { field, element: usable[0].element };
  // Not one usable candidate; a hidden duplicate beside a usable one is simply left alone above.
  const refusals = judged.map((candidate) => candidate.refusal!);
  if (field.optional && refusals.every((refusal) => refusal.notShown)) {
    return { field, outcome: { key, label, status: 'absent', reason: 'not shown on this page' } };
  }
  const refusal = refusals.find((candidate) => !candidate.notShown) ?? refusals[0]!;
  return { field, outcome: { key, label, status: 'refused', reason: refusal.reason }, deceptive: refusal.deceptive };
}

export function fillPage(plan: FillPlan, win: Win = window): FillReport {
  const started = win.performance.now();
  const report = (fields: FieldOutcome[], refused?: string): FillReport => ({
    consoleId: plan.consoleId,
    ...(refused ? { refused } : {}),
    fields,
    notes: plan.notes ?? [],
    durationMs: win.performance.now() - started,
  });
  if (plan.refused) return report([], plan.refused);
  if (win !== win.top) return report([], 'Not filled: this is a frame inside the page, not the page itself.');
  if (win.location.origin !== plan.origin) {
    return report([], `Not filled: this page is ${win.location.origin}, not ${plan.origin}.`);
  }

  const decisions = plan.fields.map((field) => decide(field, win));
  const deceptive = decisions.flatMap((decision) => ('deceptive' in decision && decision.deceptive ? [decision.outcome] : []));
  if (deceptive.length > 0) {
    const fields = decisions.map((decision): FieldOutcome =>
      'outcome' in decision
        ? decision.outcome
        : { key: decision.field.key, label: decision.field.label, status: 'refused', reason: 'not written: the page failed a safety check' },
    );
    const what = deceptive.map((outcome) => `${outcome.label} is ${outcome.reason}`).join('; ');
    return report(fields, `Not filled: ${what}. A page that covers or hides a field it shows may be capturing what goes in; nothing was written.`);
  }
  return report(
    decisions.map((decision) => {
      if ('outcome' in decision) return decision.outcome;
      const { key, label } = decision.field;
      const written = writeField(decision.element, decision.field, win);
      return written.reason ? { key, label, status: written.status, reason: written.reason } : { key, label, status: written.status };
    }),
  );
}
