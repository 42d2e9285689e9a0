/**
 * "Pick fields" (lib/pick/README.md): on a page no console module knows, or a console whose fields the fill did not
 * find, the admin clicks each field once as the page asks; later fills of that origin use what was kept, through the
 * same guarded fill (the report says what each guard decided). Props in, events out.
 */
import { useState } from 'preact/hooks';
import type { FillReport } from '../../lib/fill/types';
import { pastePart } from './lazy-module';
import { refusalOf, type Refusal } from './refusal';

export interface PickFieldsPanelProps {
  /** The tab's https origin. */
  origin: string;
  /** Fields already picked at this origin. */
  picked?: { fields: number; at: number };
  /** Why nothing can be picked or filled yet (no credential), or undefined when ready. */
  notReady?: string;
  /** Resolves with what was kept ("3 fields picked"), rejects with why nothing was. */
  onPick(): Promise<string>;
  /** Rejects with a FillBlockedError when checks blocked the fill, with an Error otherwise. */
  onFillPicked(override: boolean): Promise<FillReport>;
}

type Outcome = { report: FillReport } | Refusal | { note: string };

export function PickFieldsPanel({ origin, picked, notReady, onPick, onFillPicked }: PickFieldsPanelProps) {
  const [busy, setBusy] = useState<'pick' | 'fill'>();
  const [outcome, setOutcome] = useState<Outcome>();
  // A fill's report or refusal follows a fill of a read credential: their views come with the paste part, loaded by then.
  const part = pastePart.use(outcome !== undefined && !('note' in outcome));
  const pasted = part && 'module' in part ? part.module : undefined;
  const run = async (what: 'pick' | 'fill', action: () => Promise<Outcome>) => {
    setBusy(what);
    setOutcome(undefined);
    try {
      setOutcome(await action());
    } catch (error) {
      setOutcome(refusalOf(error));
    } finally {
      setBusy(undefined);
    }
  };
  const fill = (override: boolean) => run('fill', async () => ({ report: await onFillPicked(override) }));
  return (
    <section class="act" aria-labelledby="pick-heading">
      <h2 id="pick-heading">Pick fields</h2>
      <p class="muted">
        {picked
          ? `${picked.fields} ${picked.fields === 1 ? 'field' : 'fields'} picked on ${origin}.`
          : `A form no console module knows, or a field the fill did not find: click each field once, as the page asks.`}
      </p>
      <div class="row">
        {picked && (
          <button type="button" class="button primary" disabled={notReady !== undefined || !!busy} onClick={() => fill(false)}>
            Fill picked fields
          </button>
        )}
        <button type="button" class="button" disabled={notReady !== undefined || !!busy} onClick={() => run('pick', async () => ({ note: await onPick() }))}>
          {picked ? 'Pick again' : 'Pick fields'}
        </button>
        {busy === 'pick' && <span class="muted">Click each field on the page as it asks (Esc stops)…</span>}
        {busy === 'fill' && <span class="muted">Filling…</span>}
      </div>
      {outcome && 'note' in outcome && <p role="status">{outcome.note}</p>}
      {outcome && 'failure' in outcome && (
        pasted && <pasted.RefusalAlert {...outcome} busy={!!busy} onOverride={() => fill(true)} onDismiss={() => setOutcome(undefined)} />
      )}
      {outcome && 'report' in outcome && pasted && <pasted.FillReportView report={outcome.report} />}
    </section>
  );
}
