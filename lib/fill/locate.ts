/**
 * Finding a planned field in the page by the name a person reads for it: its own `<label>` as drawn, then, for
 * fields that are not secret, `aria-labelledby`/`aria-label`, then its `name`/`id`, then its placeholder. The top
 * document and its open shadow roots are searched; frames never are (a same-origin iframe is still another document
 * the plan was not made for). The first strategy that finds any control decides: a lower-trust hint is never used
 * to get around a refused match. Design: ./README.md.
 */
import { painted } from './colour';
import type { FieldControl, PlannedField } from './types';

/** `input.type` values that take free text (`type` reads back lower-case, 'text' when missing or unknown). */
const TEXT_INPUT_TYPES = ['text', 'email', 'url', 'search', 'password', 'tel'];
/**
 * Controls as design systems draw them too: a switch as `button[role=switch]` (Base UI, https://base-ui.com/react/components/switch),
 * a select as a button that opens a listbox (react-aria, https://react-spectrum.adobe.com/react-aria/Select.html).
 */
const CONTROL_SELECTOR = 'input,textarea,select,[role=switch],[role=checkbox],[aria-haspopup=listbox],[role=combobox]';
/** Descendants of a label whose text is not label text (a button's text is: it is drawn in the label). */
const NOT_LABEL_TEXT = ['select', 'textarea', 'script', 'style', 'template'];

type Root = Document | ShadowRoot;

/**
 * Lower-case, single spaces, without the markers consoles append to a label: required/optional ("Name *",
 * "Description (optional)", "Description:") and a trailing help glyph ("Client ID ?", "Scopes ⓘ").
 */
export function normalizedText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\s*(\*|:|\?|ⓘ|ℹ️?|\((required|optional)\)|\b(required|optional)$))+$/iu, '')
    .toLowerCase();
}

/** Whether `element` is a select drawn as a button that opens a listbox, not a native `<select>`. */
export const isListboxButton = (element: Element) => !['select', 'input'].includes(element.localName) && element.matches('[aria-haspopup=listbox],[role=combobox]');

function fits(element: Element, control: FieldControl): boolean {
  const tag = element.localName;
  if (control === 'select') return tag === 'select' || isListboxButton(element);
  if (control === 'checkbox') {
    return tag === 'input' ? (element as HTMLInputElement).type === 'checkbox' : element.matches('[role=switch],[role=checkbox]');
  }
  if (isListboxButton(element) || element.matches('[role=switch],[role=checkbox]')) return false;
  return tag === 'textarea' || (tag === 'input' && TEXT_INPUT_TYPES.includes((element as HTMLInputElement).type));
}

/**
 * The document and every shadow root under it the browser shows the engine: closed ones too where extensions may see
 * them (Firefox: https://developer.mozilla.org/docs/Web/API/Element/openOrClosedShadowRoot), elsewhere open ones only.
 */
export function searchRoots(document: Document): Root[] {
  const roots: Root[] = [document];
  for (let index = 0; index < roots.length; index++) {
    for (const element of roots[index]!.querySelectorAll('*')) {
      const root = (element as { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? element.shadowRoot;
      if (root) roots.push(root);
    }
  }
  return roots;
}

/** What a person sees drawn: not display:none (nor [hidden]) up the tree, not visibility:hidden, not opacity 0. */
export const DRAWN: CheckVisibilityOptions = { visibilityProperty: true, opacityProperty: true };

/**
 * Below this computed font size (CSS px) label text is not read as naming anything: the smallest text consoles draw
 * is a floating label scaled to .85 of 14px; `font-size: 0` is a way to hide text that checkVisibility misses.
 */
const MIN_FONT_PX = 6;

/**
 * Whether `element` draws its own text readably: shown (DRAWN), in a font large enough, in a colour (and text fill)
 * with alpha above 0, and with no clip-path or clip on it or up its tree, where a "visually hidden" text is cut away.
 */
function drawsText(element: Element, win: Window): boolean {
  if (!element.checkVisibility(DRAWN)) return false;
  const style = win.getComputedStyle(element);
  // A browser always computes a colour; an empty one (happy-dom computes none unless given) is not judged.
  const unpainted = [style.color, style.webkitTextFillColor].some((color) => color && !painted(color));
  if (Number.parseFloat(style.fontSize) < MIN_FONT_PX || unpainted) return false;
  return !clipped(element, win);
}

/**
 * Below this opacity, multiplied up the tree, label text is not read as naming anything. A floated Bootstrap 5 label
 * is drawn at .65 (https://getbootstrap.com/docs/5.3/forms/floating-labels/) and is plainly read.
 */
const MIN_LABEL_OPACITY = 0.4;

/** Whether a clip-path or clip cuts `element` or anything up its tree (the "visually hidden" pattern), or it is faded out. */
function clipped(element: Element, win: Window): boolean {
  let opacity = 1;
  for (let node: Element | null = element; node; node = node.parentElement ?? ((node.parentNode as ShadowRoot | null)?.host || null)) {
    const { clipPath, clip, opacity: own } = win.getComputedStyle(node);
    if ((clipPath && clipPath !== 'none') || (clip && clip !== 'auto')) return true;
    opacity *= Number.parseFloat(own) || (own === '0' ? 0 : 1);
  }
  return opacity < MIN_LABEL_OPACITY;
}

/** Whether `rect` still shows inside every box up the tree that cuts off what overflows it (a 1x1 `overflow: hidden` box). */
function unclipped(rect: DOMRect, from: Element | null, win: Window): boolean {
  for (let node = from; node; node = node.parentElement) {
    const { overflowX, overflowY } = win.getComputedStyle(node);
    if (!/hidden|clip|scroll|auto/.test(`${overflowX} ${overflowY}`)) continue;
    const box = node.getBoundingClientRect();
    if (rect.right <= box.left || rect.left >= box.right || rect.bottom <= box.top || rect.top >= box.bottom) return false;
  }
  return true;
}

/**
 * Whether a text node takes up room on the page: some box of its (a Range's client rects) inside the document's
 * scrollable area, at least the viewport. Text moved out of it (`position: absolute; left: -9999px`) is not read.
 */
function laidOut(text: Node, win: Window): boolean {
  const range = win.document.createRange();
  range.selectNodeContents(text);
  const root = win.document.documentElement;
  const [right, bottom] = [Math.max(root.scrollWidth, win.innerWidth) - win.scrollX, Math.max(root.scrollHeight, win.innerHeight) - win.scrollY];
  return [...range.getClientRects()].some(
    (rect) =>
      rect.width > 0 && rect.height > 0 && rect.right > -win.scrollX && rect.bottom > -win.scrollY && rect.left < right && rect.top < bottom && unclipped(rect, text.parentElement, win),
  );
}

/** The text in `element`; `drawn`: only the text a person can read (hidden parts name nothing for them). */
function textOf(element: Element, control: Element, drawn: boolean): string {
  const win = element.ownerDocument.defaultView!;
  const readable = !drawn || drawsText(element, win);
  if (drawn && !element.checkVisibility(DRAWN)) return '';
  let text = '';
  for (const child of element.childNodes) {
    if (child.nodeType === 3) text += readable && (!drawn || laidOut(child, win)) ? (child.nodeValue ?? '') : '';
    else if (child.nodeType === 1 && child !== control && !NOT_LABEL_TEXT.includes((child as Element).localName)) {
      text += ` ${textOf(child as Element, control, drawn)} `;
    }
  }
  return text;
}

/** The `<label>` elements the browser itself ties to a control (`for` by the first element with that id, or wrapping). */
function labelElementsOf(control: Element): HTMLLabelElement[] {
  return [...((control as HTMLInputElement).labels ?? [])];
}

/** Each `aria-labelledby` target of a control, looked up in its own tree. */
function labelledByOf(control: Element): Element[] {
  const root = control.getRootNode() as Document | ShadowRoot;
  return (control.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .flatMap((id) => {
      const source = id ? root.getElementById(id) : null;
      return source ? [source] : [];
    });
}

/**
 * What names a control, normalised. `labels`: the text its own `<label>` elements draw (all their text where the control
 * itself is not drawn: a whole step of a modal that the guard then refuses as hidden). `other`: names a person does not
 * read beside the control, or reads elsewhere: `aria-labelledby` targets (each, and together) and `aria-label`.
 * `hidden`: all the text of its `<label>` elements, drawn or not.
 */
export function namesOf(control: HTMLElement, win: Window, secret: boolean): { labels: string[]; other: string[]; hidden: string[] } {
  const drawn = control.checkVisibility(DRAWN) && !clipped(control, win);
  // A secret's label must be drawn beside it: a label elsewhere on the page is not what the admin reads for this box.
  const beside = (label: Element) => !secret || !drawn || gapBetween(label.getBoundingClientRect(), control.getBoundingClientRect()) <= SECRET_LABEL_REACH_PX;
  const labels = labelElementsOf(control).map((label) => (beside(label) ? normalizedText(textOf(label, control, drawn)) : ''));
  const hidden = labelElementsOf(control).map((label) => normalizedText(textOf(label, control, false)));
  const targets = labelledByOf(control).map((target) => normalizedText(textOf(target, control, drawn)));
  const other = [...targets, normalizedText(targets.join(' ')), normalizedText(control.getAttribute('aria-label') ?? '')].filter(Boolean);
  return { labels, other, hidden };
}

/**
 * How far (CSS px) a secret's own label may be drawn from its box: labels sit above, beside or over their fields;
 * 120 px spans a label column beside a field and a help line between label and field.
 */
const SECRET_LABEL_REACH_PX = 120;

/** The gap between two boxes (0 when they overlap): the larger of the horizontal and vertical gaps. */
function gapBetween(a: DOMRect, b: DOMRect): number {
  return Math.max(0, a.left - b.right, b.left - a.right, a.top - b.bottom, b.top - a.bottom);
}

/** A control the locator found for a field, and why the engine must not write it even so (named otherwise). */
export interface Located {
  element: HTMLElement;
  misnamed?: string;
}

/**
 * The controls the most trusted strategy finds for `field`, or [] when none finds any.
 *
 * A secret field is named only by its own `<label>` as drawn (the browser's `control.labels`, so a duplicated id
 * cannot borrow another control's label): an `aria-label`, an `aria-labelledby` term elsewhere on the page, a `name`
 * or an `id` are names nobody sees, and a page could steer the secret with them. Any other field may also be found
 * through those, unless its own drawn label names it something else. A control found for a field whose own drawn
 * label also names something else is returned `misnamed`: the admin reads two names there, and the engine refuses it.
 */
export function locateField(document: Document, field: PlannedField): Located[] {
  const win = document.defaultView!;
  const controls = searchRoots(document).flatMap((root) =>
    Array.from(root.querySelectorAll<HTMLElement>(CONTROL_SELECTOR)).filter((element) => fits(element, field.control)),
  );
  const wantedAll = field.locate.labels.map(normalizedText);
  const secret = field.secret === true;
  const named = controls.map((element) => ({ element, ...namesOf(element, win, secret) }));
  const misnamed = (labels: string[]) => {
    const others = labels.filter((label) => label && !wantedAll.includes(label));
    return others.length ? `also labelled "${others[0]}" on the page` : undefined;
  };
  for (const wanted of wantedAll) {
    const found = named.filter(
      ({ labels, other }) =>
        labels.includes(wanted) || (!secret && other.includes(wanted) && !labels.some((label) => label && !wantedAll.includes(label))),
    );
    if (found.length) return found.map(({ element, labels }) => ({ element, misnamed: misnamed(labels) }));
  }
  // Names nobody sees never choose where a secret goes; and a label that names the field only in text it hides
  // (a "Public comment" field whose <label> hides "Client Secret") stops the search: no lower-trust hint around it.
  if (secret || named.some(({ hidden }) => hidden.some((text) => wantedAll.includes(text)))) return [];
  const { names = [], ids = [], placeholders = [] } = field.locate;
  const byName = controls.filter((element) => names.includes(element.getAttribute('name') ?? '') || (element.id !== '' && ids.includes(element.id)));
  if (byName.length) return byName.map((element) => ({ element }));
  const wantedPlaceholders = placeholders.map(normalizedText);
  return controls
    .filter((element) => wantedPlaceholders.includes(normalizedText(element.getAttribute('placeholder') ?? '')))
    .map((element) => ({ element }));
}
