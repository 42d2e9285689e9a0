/**
 * Picked fields: which fields the admin is asked to click for a credential, what is kept of each click (how to find
 * the field again, never a value), and how a kept mapping becomes a FillPlan for the one guarded fill engine
 * (lib/fill). Design: ./README.md.
 */
import type { Credential, CredentialKind } from '../credential/types';
import type { FieldLocator, FillPlan, PlannedField } from '../fill/types';
import type { PickedField, PickedForm, PickKey } from '../settings/model';

/** One prompt of the picker: "Click the field for <label>". */
export interface PickPrompt {
  key: PickKey;
  label: string;
  secret: boolean;
  /** The admin may Skip it: the form may not ask for it. */
  optional: boolean;
}

const PROMPTS: Readonly<Record<CredentialKind, readonly PickPrompt[]>> = {
  // An OIDC application as PingOne shows it: Client ID, Client Secret, Environment ID (lib/credential/README.md);
  // a form that builds the issuer itself may not ask for the environment.
  'oidc-app': [
    { key: 'clientId', label: 'Client ID', secret: false, optional: false },
    { key: 'clientSecret', label: 'Client Secret', secret: true, optional: false },
    { key: 'environmentId', label: 'Environment ID', secret: false, optional: true },
  ],
  // Gateway and product credentials are pasted whole, as one JWT (PingAccess, PingFederate, AIC).
  gateway: [{ key: 'credential', label: 'Credential', secret: true, optional: false }],
  product: [{ key: 'credential', label: 'Credential', secret: true, optional: false }],
};

export function promptsFor(kind: CredentialKind): readonly PickPrompt[] {
  return PROMPTS[kind];
}

/**
 * How the engine finds a picked field again: by its drawn label; a field that is not secret also by its name or id.
 * A secret never by those (lib/fill/README.md, Names): the picker keeps a secret only when its label names it.
 */
export function locatorOf(field: PickedField, secret: boolean): FieldLocator {
  return {
    labels: field.label ? [field.label] : [],
    ...(secret ? {} : { names: field.name ? [field.name] : [], ids: field.id ? [field.id] : [] }),
  };
}

function valueOf(credential: Credential, key: PickKey): string | undefined {
  return key === 'credential' ? credential.raw : credential[key];
}

/** The credential's values as a plan for the picked fields of `form`; what was skipped or is missing becomes a note. */
export function pickedPlan(credential: Credential, form: PickedForm): FillPlan {
  const fields: PlannedField[] = [];
  const notes: string[] = [];
  for (const prompt of promptsFor(credential.kind)) {
    const picked = form.fields.find((field) => field.field === prompt.key);
    const value = valueOf(credential, prompt.key);
    if (!picked) notes.push(`${prompt.label}: not picked on this page; enter it yourself if the form asks for it.`);
    else if (!value) notes.push(`${prompt.label}: not in this credential; enter it yourself.`);
    else fields.push({ key: prompt.key, label: prompt.label, control: 'text', value, secret: prompt.secret, locate: locatorOf(picked, prompt.secret) });
  }
  return { consoleId: 'picked', consoleName: `the fields picked on ${new URL(form.origin).host}`, origin: form.origin, fields, notes };
}
