/**
 * Writing a value the way a person's input arrives, so framework state follows the DOM. React tracks an input's
 * value through its own `value` property on the element and ignores an `input` event when that tracked value
 * already equals the DOM's; writing through the prototype's native setter leaves the tracker behind, so React's
 * onChange fires. Vue's v-model and Angular's DefaultValueAccessor listen to `input` (and `change`), Angular marks
 * a control touched on `blur`. Checkboxes are clicked, since React's onChange for them listens to `click`.
 */
import { normalizedText } from './locate';
import type { FieldStatus, PlannedField } from './types';

export type WriteResult = { status: Extract<FieldStatus, 'filled' | 'unchanged' | 'refused'>; reason?: string };

type Win = Window & typeof globalThis;

function nativeValue(element: HTMLElement, win: Win) {
  const prototype =
    element.localName === 'textarea'
      ? win.HTMLTextAreaElement.prototype
      : element.localName === 'select'
        ? win.HTMLSelectElement.prototype
        : win.HTMLInputElement.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, 'value')!;
  return { get: () => descriptor.get!.call(element) as string, set: (value: string) => descriptor.set!.call(element, value) };
}

function dispatch(element: HTMLElement, win: Win, types: string[]) {
  for (const type of types) {
    const init = { bubbles: type !== 'focus' && type !== 'blur', composed: true };
    const event =
      type === 'input'
        ? new win.InputEvent(type, { ...init, inputType: 'insertReplacementText' })
        : type.startsWith('focus') || type === 'blur'
          ? new win.FocusEvent(type, init)
          : new win.Event(type, init);
    element.dispatchEvent(event);
  }
}

function writeText(element: HTMLElement, value: string, win: Win): WriteResult {
  const native = nativeValue(element, win);
  if (native.get() === value) return { status: 'unchanged' };
  dispatch(element, win, ['focus', 'focusin']);
  native.set(value);
  dispatch(element, win, ['input', 'change', 'blur', 'focusout']);
  // A controlled input whose framework did not take the change is reset to the old state on re-render.
  return native.get() === value ? { status: 'filled' } : { status: 'refused', reason: 'the page did not keep the value' };
}

function isChecked(element: HTMLElement): boolean {
  return element.localName === 'input' ? (element as HTMLInputElement).checked : element.getAttribute('aria-checked') === 'true';
}

/** A toggle whose click would submit or navigate is refused before this (guard.ts clickRefusal). */
function writeCheckbox(element: HTMLElement, value: boolean): WriteResult {
  if (isChecked(element) === value) return { status: 'unchanged' };
  element.click();
  return isChecked(element) === value ? { status: 'filled' } : { status: 'refused', reason: 'the toggle did not change' };
}

function writeSelect(element: HTMLSelectElement, value: string, secret: boolean, win: Win): WriteResult {
  const wanted = normalizedText(value);
  const option = Array.from(element.options).find((candidate) => candidate.value === value || normalizedText(candidate.text) === wanted);
  if (!option) return { status: 'refused', reason: secret ? 'no matching option' : `no option "${value}"` };
  const native = nativeValue(element, win);
  if (native.get() === option.value) return { status: 'unchanged' };
  native.set(option.value);
  dispatch(element, win, ['input', 'change']);
  return native.get() === option.value ? { status: 'filled' } : { status: 'refused', reason: 'the page did not keep the choice' };
}

/** What the control holds now, in the form `writeField` takes back: a checkbox's state, a text's or select's value. */
export function valueOf(element: HTMLElement, field: PlannedField, win: Win): string | boolean {
  return field.control === 'checkbox' ? isChecked(element) : nativeValue(element, win).get();
}

export function writeField(element: HTMLElement, field: PlannedField, win: Win): WriteResult {
  if (field.control === 'checkbox') return writeCheckbox(element, field.value === true);
  const value = String(field.value);
  if (field.control === 'select') return writeSelect(element as HTMLSelectElement, value, field.secret === true, win);
  return writeText(element, value, win);
}
