/**
 * Writing a value the way a person's input arrives, so framework state follows the DOM. React tracks an input's
 * value through its own `value` property on the element and ignores an `input` event when that tracked value
 * already equals the DOM's; writing through the prototype's native setter leaves the tracker behind, so React's
 * onChange fires. Vue's v-model and Angular's DefaultValueAccessor listen to `input` (and `change`), Angular marks
 * a control touched on `blur`. Checkboxes are clicked, since React's onChange for them listens to `click`; a select
 * drawn as a button and a listbox is chosen as a person does (./listbox.ts).
 *
 * The page's own handlers run inside a write (focus, input, click), so the result says what REACHED the page, not
 * only what stayed: a value the page read and then cleared was still seen by its script. Before a text value goes
 * in, after the focus events and the page's reaction to them, the field is judged again (`recheck`): a page that
 * hides or covers the field when it is focused receives nothing.
 */
import { chooseOption, shownOption } from './listbox';
import { isListboxButton, normalizedText } from './locate';
import type { PlannedField, WriteResult } from './types';

/**
 * How the field is judged again once focused: `settle`, what may take the page's time (the renderer's verdict for a
 * secret), then `now`, synchronously, right before the value goes in. Each answers why not, or undefined.
 */
export interface Recheck {
  settle: () => Promise<string | undefined>;
  now: () => string | undefined;
}

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
    const init = { bubbles: !/^(focus|blur)$/.test(type), composed: true };
    const event =
      type === 'input'
        ? new win.InputEvent(type, { ...init, inputType: 'insertReplacementText' })
        : /focus|blur/.test(type)
          ? new win.FocusEvent(type, init)
          : new win.Event(type, init);
    element.dispatchEvent(event);
  }
}

/** What a write that reached the page reports when the page did not keep the value. */
const NOT_KEPT = 'the page received the value but did not keep it';

async function writeText(element: HTMLElement, value: string, win: Win, recheck: Recheck): Promise<WriteResult> {
  const native = nativeValue(element, win);
  if (native.get() === value) return { status: 'unchanged' };
  dispatch(element, win, ['focus', 'focusin']);
  // React 18 and Vue 3 re-render in a microtask their focus handlers queued, ahead of this one: the page has answered
  // the focus when the field is judged, and nothing runs between that judgement and the write.
  await null;
  const late = await recheck.settle();
  // Judged in script last, with nothing in between before the write; its reason is the more precise one.
  const changed = recheck.now() ?? late;
  if (changed) {
    dispatch(element, win, ['blur', 'focusout']);
    return { status: 'refused', reason: `changed when focused: ${changed}` };
  }
  native.set(value);
  dispatch(element, win, ['input', 'change', 'blur', 'focusout']);
  // A controlled input whose framework did not take the change is reset to the old state on re-render.
  return native.get() === value ? { status: 'filled', reached: true } : { status: 'not-kept', reason: NOT_KEPT, reached: true };
}

function isChecked(element: HTMLElement): boolean {
  return element.localName === 'input' ? (element as HTMLInputElement).checked : element.getAttribute('aria-checked') === 'true';
}

/** Clicks what a person clicks (`face`: a hidden checkbox's drawn label). A toggle that would submit is refused before. */
function writeCheckbox(element: HTMLElement, face: HTMLElement, value: boolean): WriteResult {
  if (isChecked(element) === value) return { status: 'unchanged' };
  face.click();
  return isChecked(element) === value ? { status: 'filled', reached: true } : { status: 'refused', reason: 'the toggle did not change' };
}

function writeSelect(element: HTMLSelectElement, value: string, secret: boolean, win: Win): WriteResult {
  const wanted = normalizedText(value);
  const option = Array.from(element.options).find((candidate) => candidate.value === value || normalizedText(candidate.text) === wanted);
  if (!option) return { status: 'refused', reason: secret ? 'no matching option' : `no option "${value}"` };
  const native = nativeValue(element, win);
  if (native.get() === option.value) return { status: 'unchanged' };
  native.set(option.value);
  dispatch(element, win, ['input', 'change']);
  return native.get() === option.value ? { status: 'filled', reached: true } : { status: 'not-kept', reason: 'the page did not keep the choice', reached: true };
}

/** What the control holds now, in the form `writeField` takes back: a checkbox's state, a text's or select's value. */
export function valueOf(element: HTMLElement, field: PlannedField, win: Win): string | boolean {
  if (field.control === 'checkbox') return isChecked(element);
  return isListboxButton(element) ? shownOption(element) : nativeValue(element, win).get();
}

export async function writeField(element: HTMLElement, field: PlannedField, win: Win, face: HTMLElement, recheck: Recheck): Promise<WriteResult> {
  if (field.control === 'checkbox') return writeCheckbox(element, face, field.value === true);
  const value = String(field.value);
  if (field.control === 'select') {
    return isListboxButton(element) ? chooseOption(element, value, win) : writeSelect(element as HTMLSelectElement, value, field.secret === true, win);
  }
  return writeText(element, value, win, recheck);
}
