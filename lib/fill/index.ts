/**
 * The fill engine, run by the background in the console tab's top frame (isolated world): it writes a FillPlan into
 * the page's form and reports, field by field, what it did and why. It writes only when the page is the plan's origin
 * and the top frame, only into controls a person could see and use, and it never submits: no Enter, no button
 * clicks beyond a checkbox or switch toggle, and a submit the page attempts during the fill is cancelled.
 *
 * Every field is judged before any is written (guard.ts: in script, then by Chromium's renderer), so a page caught
 * covering or hiding a field it shows (clickjacking, decoys) receives nothing at all, not even the non-secret
 * fields. The page's own code runs between those checks and the writes, and after each write (its handlers), so
 * each field is judged again right before it is written and right after: a page that changes its form during the
 * fill stops it, and what this fill wrote is put back. Secret fields are written last, so a change the other writes
 * provoke stops the fill before the secret reaches the page.
 */
import { faceOf, overlaidOf, refusalOf, styleRefusal, type Refusal } from './guard';
import { isListboxButton, locateField } from './locate';
import { unseenOf } from './renderer';
import type { FieldOutcome, FieldStatus, FillPlan, FillReport, PlannedField } from './types';
import { valueOf, writeField } from './write';

/** The global `/fill.js` sets, which the background's second executeScript call invokes (and awaits) with the plan. */
export const FILL_GLOBAL = '__pingoneConnectionHelperFill';

type Win = Window & typeof globalThis;

/** `face`: what a person sees and clicks for the control (itself, or a hidden checkbox's drawn label). */
type Chosen = { field: PlannedField; element: HTMLElement; face: HTMLElement };
type Decision = Chosen | { field: PlannedField; outcome: FieldOutcome; deceptive?: boolean };

/**
 * How long the engine lets the page's running transitions and animations end before judging it: a modal fading in
 * (Bootstrap's `.fade`, 150 ms) is seen by the admin once it has, and judged half-faded it reads as transparent.
 */
const SETTLE_MS = 1000;

/** Waits for the document's finite transitions and animations to finish, at most SETTLE_MS (endless ones never do). */
async function animationsSettled(win: Win): Promise<void> {
  const running = (win.document.getAnimations?.() ?? []).filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
  if (!running.length) return;
  await Promise.race([Promise.allSettled(running.map((animation) => animation.finished)), new Promise((resolve) => win.setTimeout(resolve, SETTLE_MS))]);
}

/** Putting back what this fill wrote is never refused: the page already had it. */
const PUT_BACK = { settle: async () => undefined, now: () => undefined };

/** A field the engine chose but did not write, because it refused the page or stopped before reaching it. */
const NOT_WRITTEN = 'not written: the fill stopped';

const outcomeOf = ({ key, label }: PlannedField, reason: string, status: FieldStatus = 'refused'): FieldOutcome => ({ key, label, status, reason });

function decide(field: PlannedField, win: Win): Decision {
  const candidates = locateField(win.document, field);
  if (candidates.length === 0) {
    return { field, outcome: field.optional ? outcomeOf(field, 'not on this page', 'absent') : outcomeOf(field, 'no such field on this page', 'not-found') };
  }
  const judged = candidates.map(({ element, misnamed }) => {
    const face = field.control === 'checkbox' ? faceOf(element, win) : element;
    const refusal = refusalOf(element, win, field.control === 'checkbox' || isListboxButton(element), face);
    // Two names drawn for one control: the admin cannot tell which one the value is for.
    const named: Refusal | undefined = misnamed && !refusal?.notShown ? { reason: misnamed, notShown: false, deceptive: true } : undefined;
    return { element, face, refusal: named ?? refusal };
  });
  const usable = judged.filter((candidate) => !candidate.refusal);
  if (usable.length > 1) return { field, outcome: outcomeOf(field, `ambiguous: ${usable.length} visible fields match`) };
  if (usable[0]) return { field, element: usable[0].element, face: usable[0].face };
  // Not one usable candidate; a hidden duplicate beside a usable one is simply left alone above.
  const refusals = judged.map((candidate) => candidate.refusal!);
  if (field.optional && refusals.every((refusal) => refusal.notShown)) {
    return { field, outcome: outcomeOf(field, 'not shown on this page', 'absent') };
  }
  const refusal = refusals.find((candidate) => !candidate.notShown) ?? refusals[0]!;
  return { field, outcome: outcomeOf(field, refusal.reason), deceptive: refusal.deceptive };
}

/** Why `chosen` is no longer the field to write, located and judged afresh in script, synchronously; or undefined. */
function relocated({ field, element }: Chosen, win: Win): string | undefined {
  const again = decide(field, win);
  if (!('element' in again)) return again.outcome.reason;
  return again.element !== element ? 'another field now matches' : undefined;
}

/**
 * Why `chosen` is no longer the field to write, or undefined while it still is: it is located and judged afresh, so
 * a control the page removed (no longer connected) is not found, and a hidden, covered or relabelled one is refused.
 * It first lets the page's pending reaction run: React 18 and Vue 3 re-render in a microtask queued by the event
 * that changed their state, ahead of this one.
 */
async function changeOf(chosen: Chosen, win: Win, askRenderer: boolean, afterWrite = false): Promise<string | undefined> {
  const { field, element, face } = chosen;
  await null;
  const unseen = askRenderer && (await unseenOf([face], win)).get(face);
  if (afterWrite) {
    // A field that holds what was just written may lock and mask itself (Kumo's SensitiveInput turns read-only and
    // draws dots over what it holds): now it only matters that it is still this field, and not hidden away.
    if (!locateField(win.document, field).some((located) => located.element === element)) return 'another field now matches';
    return styleRefusal(face, win)?.reason;
  }
  // Judged in script after the renderer's answer (closest to the write), and its reason preferred: more precise.
  return relocated(chosen, win) ?? (unseen || undefined);
}

export async function fillPage(plan: FillPlan, win: Win = window): Promise<FillReport> {
  const started = win.performance.now();
  const report = (fields: FieldOutcome[], refusedWhy?: string): FillReport => ({
    consoleId: plan.consoleId,
    ...(refusedWhy ? { refused: refusedWhy } : {}),
    fields,
    notes: plan.notes ?? [],
    durationMs: win.performance.now() - started,
  });
  if (plan.refused) return report([], plan.refused);
  if (win !== win.top) return report([], 'Not filled: this is a frame inside the page, not the page itself.');
  if (win.location.origin !== plan.origin) {
    return report([], `Not filled: this page is ${win.location.origin}, not ${plan.origin}.`);
  }

  await animationsSettled(win);
  let decisions = plan.fields.map((field) => decide(field, win));
  const caught = () => decisions.flatMap((decision) => ('deceptive' in decision && decision.deceptive ? [decision.outcome] : []));
  if (caught().length === 0) {
    const unseen = await unseenOf(
      decisions.flatMap((decision) => ('element' in decision ? [decision.face] : [])),
      win,
    );
    decisions = decisions.map((decision) => {
      const reason = 'element' in decision && (unseen.get(decision.face) ?? overlaidOf(decision.face, win, decision.field.secret === true));
      return reason ? { field: decision.field, outcome: outcomeOf(decision.field, reason), deceptive: true } : decision;
    });
  }
  const deceptive = caught();
  if (deceptive.length > 0) {
    const what = deceptive.map((outcome) => `${outcome.label} is ${outcome.reason}`).join('; ');
    return report(
      decisions.map((decision) => ('outcome' in decision ? decision.outcome : outcomeOf(decision.field, NOT_WRITTEN))),
      `Not filled: ${what}. A page that hides what it fills or clicks may be capturing it; nothing was written.`,
    );
  }

  const outcomes = decisions.map((decision) => ('outcome' in decision ? decision.outcome : undefined));
  // Array.prototype.sort is stable: the plan's order within non-secret and within secret fields.
  const order = decisions
    .flatMap((decision, index) => ('element' in decision ? [{ ...decision, index }] : []))
    .sort((a, b) => Number(!!a.field.secret) - Number(!!b.field.secret));
  const written: { chosen: Chosen; index: number; previous: string | boolean }[] = [];
  let submitted = false;
  // Capturing on the window runs before any listener the page added on the document or its form (React's root,
  // Vue's handlers), so the page's own submit handling never starts.
  const cancelSubmit = (event: Event) => {
    submitted = true;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  win.addEventListener('submit', cancelSubmit, true);
  let stopped: string | undefined;
  try {
    for (const { index, ...chosen } of order) {
      const { field, element, face } = chosen;
      const before = await changeOf(chosen, win, field.secret === true);
      if (before) {
        outcomes[index] = outcomeOf(field, `changed during the fill: ${before}`);
        stopped = `${field.label} changed during the fill (${before})`;
        break;
      }
      // Judged in script once more with no await before the write, so no page script runs between the two; and
      // again inside a text write, after the page answered the focus events: a secret waits for the renderer's
      // verdict again (what script cannot see: a closed shadow root attached on focus), then the field is located
      // and judged again with nothing in between.
      const recheck = {
        settle: async () => (field.secret ? (await unseenOf([face], win)).get(face) : undefined),
        now: () => relocated(chosen, win) ?? overlaidOf(face, win, field.secret === true),
      };
      const overlaid = overlaidOf(face, win, field.secret === true);
      if (overlaid) {
        outcomes[index] = outcomeOf(field, `changed during the fill: ${overlaid}`);
        stopped = `${field.label} changed during the fill (${overlaid})`;
        break;
      }
      const previous = valueOf(element, field, win);
      const result = await writeField(element, field, win, face, recheck);
      outcomes[index] = { key: field.key, label: field.label, ...result };
      if (result.status === 'filled') written.unshift({ chosen, index, previous });
      const after = await changeOf(chosen, win, false, true);
      if (submitted) stopped = `the page tried to submit its form after ${field.label} was written (the submit was cancelled)`;
      else if (after) stopped = `${field.label} changed during the fill (${after})`;
      if (stopped) break;
    }
    // What this fill wrote goes back the way it went in (native setter and events, or a click), newest first.
    for (const { chosen, index, previous } of stopped ? written : []) {
      const { status } = await writeField(chosen.element, { ...chosen.field, value: previous }, win, chosen.face, PUT_BACK);
      outcomes[index] = { ...outcomeOf(chosen.field, status === 'refused' ? 'written; the page kept it' : 'written, then put back'), reached: true };
    }
  } finally {
    win.removeEventListener('submit', cancelSubmit, true);
  }
  if (!stopped) return report(outcomes as FieldOutcome[]);
  const putBack = written.map(({ chosen }) => chosen.field.label).reverse();
  return report(
    decisions.map((decision, index) => outcomes[index] ?? outcomeOf(decision.field, NOT_WRITTEN)),
    `Not filled: ${stopped}. The fill stopped` + (putBack.length ? ` and put back ${putBack.join(', ')} (the page's script may have read them).` : '.'),
  );
}
