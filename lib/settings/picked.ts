/** Fields picked per origin (lib/pick): the one row an origin has, a new pick replacing it, and forgetting it. */
import { MAX_PICKED, type PickedForm, type Settings } from './model';

export function pickedFor(settings: Settings, origin: string): PickedForm | undefined {
  return settings.picked.find((form) => form.origin === origin);
}

/** The new pick first; the oldest beyond MAX_PICKED is dropped. */
export function rememberPicked(settings: Settings, form: PickedForm): Settings {
  return { ...settings, picked: [form, ...settings.picked.filter((other) => other.origin !== form.origin)].slice(0, MAX_PICKED) };
}

export function forgetPicked(settings: Settings, origin: string): Settings {
  return { ...settings, picked: settings.picked.filter((form) => form.origin !== origin) };
}
