import { suggestedConsoleName } from '../../lib/credential/names';
import type { ConsoleRules } from '../../lib/credential/types';
import { Fold } from './Fold';

/** An optional text the admin may type for this console's form. */
interface OptionalInput {
  value: string;
  onChange(value: string): void;
}

export interface FillOptionsProps {
  consoleName: string;
  nameRule?: ConsoleRules['nameRule'];
  /** The Name the console will get, editable, starting as its plan's default; undefined when its form has none. */
  name?: string;
  onNameChange(name: string): void;
  /** PingAccess's Description; `planned`: what its plan fills when the admin leaves it empty. Absent on other forms. */
  description?: OptionalInput & { planned: string };
  /** PingFederate's extra scopes; `planned`: the whole Scopes value its plan fills (always with `openid`). */
  scopes?: OptionalInput & { planned: string };
  fold: { open: boolean; onToggle(open: boolean): void };
}

/** What a name breaking the console's rule becomes: the console module reduces it the same way (lib/credential/names). */
function nameProblem(name: string, rule: ConsoleRules['nameRule']): string | undefined {
  if (!rule || name === '') return undefined;
  const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.replace(/[gy]/g, ''));
  if (pattern.test(name)) return undefined;
  const reduced = suggestedConsoleName(name, rule);
  return `Only ${rule.description} are allowed here${reduced ? `: it will be filled as "${reduced}"` : ''}.`;
}

/** A labelled one-line input with its help text, which is also its accessible description. */
function TextField(props: {
  id: string;
  label: string;
  value: string;
  /** lib/messages caps each text the fill message carries. */
  maxLength: number;
  help: string;
  problem?: boolean;
  onChange(value: string): void;
}) {
  return (
    <>
      <label for={props.id} class="field-label">
        {props.label}
      </label>
      <input
        id={props.id}
        class="text-input"
        value={props.value}
        maxLength={props.maxLength}
        spellcheck={false}
        autocomplete="off"
        aria-invalid={props.problem || undefined}
        aria-describedby={`${props.id}-help`}
        onInput={(event) => props.onChange(event.currentTarget.value)}
      />
      <p id={`${props.id}-help`} class={props.problem ? 'help tone-error' : 'help'}>
        {props.help}
      </p>
    </>
  );
}

/**
 * The values the admin may set for this console's form (Name, PingAccess's Description, PingFederate's scopes), folded
 * below the first screen. The summary line says what will be filled, so a folded value is never a hidden one; a name
 * the console's rule would change opens the section.
 */
export function FillOptions({ consoleName, nameRule, name, onNameChange, description, scopes, fold }: FillOptionsProps) {
  if (name === undefined && !description && !scopes) return null;
  const problem = name === undefined ? undefined : nameProblem(name, nameRule);
  const said = [
    name !== undefined && `Name: ${name.trim() || 'none'}`,
    description && `Description: ${description.value.trim() || description.planned}`,
    scopes && `Scopes: ${scopes.planned}`,
  ].filter(Boolean);
  return (
    <Fold
      class="fill-options"
      summary={
        <>
          Fill with <span class="fold-values">{said.join(' · ')}</span>
        </>
      }
      open={fold.open || problem !== undefined}
      onToggle={fold.onToggle}
    >
      {name !== undefined && (
        <TextField
          id="connection-name"
          label="Connection name"
          value={name}
          maxLength={200}
          help={problem ?? (nameRule ? `${consoleName} allows ${nameRule.description}.` : `Goes into the Name field of ${consoleName}.`)}
          problem={problem !== undefined}
          onChange={onNameChange}
        />
      )}
      {description && (
        <TextField
          id="connection-description"
          label="Description"
          value={description.value}
          maxLength={1000}
          help={`Optional. Left empty: "${description.planned}".`}
          onChange={description.onChange}
        />
      )}
      {scopes && (
        <TextField
          id="connection-scopes"
          label="Extra scopes"
          value={scopes.value}
          maxLength={500}
          help={`Space separated; openid is always included. Scopes filled: ${scopes.planned}`}
          onChange={scopes.onChange}
        />
      )}
    </Fold>
  );
}
