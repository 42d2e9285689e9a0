/**
 * The picker, run by the background in the tab's top frame (isolated world, like the fill engine): one prompt at a
 * time in a closed shadow root drawn over the page ("Click the field for Client ID", Skip for optional fields, Stop
 * or Esc), and for each click what finds that field again: its own drawn label (as lib/fill/locate.ts reads it), its
 * name and id, its place among its form's text controls. It never reads a value. A click is kept only when the fill
 * engine's own locator finds exactly the clicked field from what was kept, and a secret only when its own drawn label
 * names it (the engine never finds a secret any other way). Design: ./README.md.
 */
import { locateField, namesOf } from '../fill/locate';
import type { PickedField } from '../settings/model';
import { locatorOf, type PickPrompt } from './fields';

export type PickResult = { status: 'picked'; fields: PickedField[] } | { status: 'stopped'; reason: string };

/** Text fields the picker takes: what lib/fill writes text into. */
const TEXT_CONTROLS = 'textarea,input:not([type]),input[type=text],input[type=email],input[type=url],input[type=search],input[type=password],input[type=tel]';
/** A pick left open this long is stopped: the background is waiting on it. */
const PICK_TIMEOUT_MS = 5 * 60_000;

const STYLE = `
:host { all: initial; }
[role=dialog] { position: fixed; top: 12px; right: 12px; z-index: 2147483647; max-width: 320px; padding: 12px 14px;
  background: #fff; color: #1a1a1a; border: 2px solid #1f5fbf; border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / .25);
  font: 14px/1.4 system-ui, sans-serif; }
p { margin: 0 0 8px; } .why { color: #a4262c; } button { font: inherit; margin-right: 6px; padding: 3px 10px; cursor: pointer; }
`;

/** The control a click was for: the control itself, or the control of the label clicked. */
function clickedControl(event: MouseEvent): HTMLElement | undefined {
  const target = event.composedPath()[0];
  if (!(target instanceof Element)) return undefined;
  const label = target.closest('label');
  const control = target.closest<HTMLElement>(TEXT_CONTROLS) ?? (label?.control as HTMLElement | null | undefined);
  return control?.matches(TEXT_CONTROLS) ? control : undefined;
}

/** 1-based place of `control` among the text controls of its form, or of the page outside any form. */
function positionOf(control: HTMLElement): number {
  const form = (control as HTMLInputElement).form;
  const scope: ParentNode = form ?? control.ownerDocument;
  const peers = [...scope.querySelectorAll<HTMLElement>(TEXT_CONTROLS)].filter((peer) => form || !(peer as HTMLInputElement).form);
  return peers.indexOf(control) + 1 || 1;
}

/** What is kept of a clicked field, or why it cannot be kept. */
export function pickedFieldOf(control: HTMLElement, prompt: PickPrompt, win: Window): PickedField | { why: string } {
  const [label] = namesOf(control, win, prompt.secret).labels.filter(Boolean);
  if (prompt.secret && !label) return { why: `This field has no label of its own drawn beside it. The ${prompt.label} goes only into a field its label names.` };
  const name = control.getAttribute('name')?.slice(0, 200);
  const id = control.id.slice(0, 200);
  // Only what the field has: an empty name or id finds nothing again.
  const field: PickedField = { field: prompt.key, ...(label ? { label: label.slice(0, 200) } : {}), ...(name ? { name } : {}), ...(id ? { id } : {}), position: positionOf(control) };
  // Found again exactly as a later fill will look for it, by the engine's own locator.
  const found = locateField(win.document, { key: prompt.key, label: prompt.label, control: 'text', value: '', secret: prompt.secret, locate: locatorOf(field, prompt.secret) });
  if (found.length !== 1 || found[0]!.element !== control) {
    return { why: `This field cannot be told apart from ${found.length > 1 ? `${found.length - 1} other field(s)` : 'the page'} by its label, name or id. Pick another, or Stop.` };
  }
  if (found[0]!.misnamed) return { why: `This field is ${found[0]!.misnamed}: two names for one field.` };
  return field;
}

export function pickFields(prompts: readonly PickPrompt[], win: Window = window): Promise<PickResult> {
  if (win !== win.top) return Promise.resolve({ status: 'stopped', reason: 'Fields are picked in the page itself, never in a frame.' });
  const document = win.document;
  const host = document.createElement('div');
  // Closed: the page's script cannot reach into the prompt nor press its buttons.
  const shadow = host.attachShadow({ mode: 'closed' });
  // Built node by node, never from markup (the README's rule: no HTML from strings anywhere).
  const element = <Tag extends keyof HTMLElementTagNameMap>(tag: Tag, set: Partial<HTMLElementTagNameMap[Tag]> = {}) =>
    Object.assign(document.createElement(tag), set);
  const style = element('style', { textContent: STYLE });
  const dialog = element('div');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', 'Pick fields');
  const prompt = element('p', { className: 'prompt' });
  const why = element('p', { className: 'why', hidden: true });
  const skip = element('button', { type: 'button', className: 'skip', textContent: 'Skip' });
  const stop = element('button', { type: 'button', className: 'stop', textContent: 'Stop (Esc)' });
  dialog.append(prompt, why, skip, stop);
  shadow.append(style, dialog);
  document.documentElement.append(host);

  return new Promise((resolve) => {
    const picked: PickedField[] = [];
    let index = 0;
    const finish = (result: PickResult) => {
      win.removeEventListener('click', onClick, true);
      win.removeEventListener('keydown', onKey, true);
      win.clearTimeout(timer);
      host.remove();
      resolve(result);
    };
    const show = () => {
      const current = prompts[index];
      if (!current) return finish({ status: 'picked', fields: picked });
      prompt.textContent = `Click the field for ${current.label}${current.optional ? ' (optional)' : ''}`;
      why.hidden = true;
      skip.hidden = !current.optional;
    };
    const onClick = (event: MouseEvent) => {
      if (event.composedPath().includes(host)) return;
      // The click picks a field; the page does not act on it (no submit, no navigation, no handler).
      event.preventDefault();
      event.stopImmediatePropagation();
      const control = clickedControl(event);
      const result = control ? pickedFieldOf(control, prompts[index]!, win) : { why: 'That is not a text field. Click the box the value is typed into.' };
      if ('why' in result) {
        why.textContent = result.why;
        why.hidden = false;
        return;
      }
      picked.push(result);
      index++;
      show();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      finish({ status: 'stopped', reason: 'Stopped: nothing was kept.' });
    };
    skip.addEventListener('click', () => {
      index++;
      show();
    });
    stop.addEventListener('click', () => finish({ status: 'stopped', reason: 'Stopped: nothing was kept.' }));
    const timer = win.setTimeout(() => finish({ status: 'stopped', reason: 'Stopped after five minutes: nothing was kept.' }), PICK_TIMEOUT_MS);
    win.addEventListener('click', onClick, true);
    win.addEventListener('keydown', onKey, true);
    show();
  });
}
