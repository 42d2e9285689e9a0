/**
 * The fields picked per origin (lib/pick): what finds each again (its label, name, id, place in its form; never a
 * value), and Delete per origin. Props in, events out. Loaded with the page, not on demand: Vite's helper for a
 * dynamic import weighed more than this list.
 */
import type { PickedField, PickedForm } from '../../lib/settings/model';
import { promptsFor } from '../../lib/pick/fields';

/** The prompt words the picker asked with, for each field. */
const WORDS = Object.fromEntries([...promptsFor('oidc-app'), ...promptsFor('gateway')].map((prompt) => [prompt.key, prompt.label]));

function howFound(field: PickedField): string {
  const parts = [field.label && `label "${field.label}"`, field.name && `name ${field.name}`, field.id && `id ${field.id}`, `control ${field.position} of its form`];
  return parts.filter(Boolean).join(', ');
}

export function PickedFields({ picked, onDelete }: { picked: readonly PickedForm[]; onDelete(origin: string): Promise<void> }) {
  if (!picked.length) return <p class="empty-state">No fields picked. The popup's "Pick fields" keeps them here for a form no console module knows.</p>;
  return (
    <ul class="origin-list" aria-label="Picked fields">
      {picked.map((form) => (
        <li key={form.origin} class="origin-item">
          <span class="mono origin">{form.origin}</span>
          <span class="muted"> picked {new Date(form.at).toISOString().slice(0, 10)}</span>
          <ul>
            {form.fields.map((field) => (
              <li key={field.field}>
                {WORDS[field.field]}: {howFound(field)}
              </li>
            ))}
          </ul>
          <button type="button" class="button small" aria-label={`Delete the fields picked on ${form.origin}`} onClick={() => void onDelete(form.origin)}>
            Delete
          </button>
        </li>
      ))}
    </ul>
  );
}
