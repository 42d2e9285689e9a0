/**
 * Finding a planned field in the page, in order of trust: its label (`<label for>`, a wrapping `<label>`,
 * `aria-labelledby`, `aria-label`; label text only as drawn), then its `name`/`id`, then its placeholder. The top
 * document and its open shadow roots are searched; frames never are (a same-origin iframe is still another document
 * the plan was not made for).
 * The first strategy that finds any control decides: a lower-trust hint is never used to get around a refused match.
 */
import { painted } from './colour';
import type { FieldControl, PlannedField } from './types';

/** `input.type` values that take free text (`type` reads back lower-case, 'text' when missing or unknown). */
const TEXT_INPUT_TYPES = ['text', 'email', 'url', 'search', 'password', 'tel'];
const CONTROL_SELECTOR = 'input,textarea,select,[role=switch],[role=checkbox]';
/** Descendants of a label whose text is not label text. */
const NOT_LABEL_TEXT = ['select', 'textarea', 'script', 'style', 'template'];

type Root = Document | ShadowRoot;

/** Lower-case, single spaces, without the required/optional markers consoles append ("Name *", "Description:"). */
export function normalizedText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\s*(\*|:|\((required|optional)\)))+$/i, '')
    .toLowerCase();
}

function fits(element: Element, control: FieldControl): boolean {
  const tag = element.localName;
  if (control === 'select') return tag === 'select';
  if (control === 'checkbox') {
    return tag === 'input' ? (element as HTMLInputElement).type === 'checkbox' : element.matches('[role=switch],[role=checkbox]');
  }
  return tag === 'textarea' || (tag === 'input' && TEXT_INPUT_TYPES.includes((element as HTMLInputElement).type));
}

/** The document and every open shadow root under it (closed ones are unreachable by design). */
export function searchRoots(document: Document): Root[] {
  const roots: Root[] = [document];
  for (let index = 0; index < roots.length; index++) {
    for (const element of roots[index]!.querySelectorAll('*')) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
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

/** Whether a clip-path or clip cuts `element` or anything up its tree (the "visually hidden" pattern). */
function clipped(element: Element, win: Window): boolean {
  for (let node: Element | null = element; node; node = node.parentElement ?? ((node.parentNode as ShadowRoot | null)?.host || null)) {
    const { clipPath, clip } = win.getComputedStyle(node);
    if ((clipPath && clipPath !== 'none') || (clip && clip !== 'auto')) return true;
  }
  return false;
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
    (rect) => rect.width > 0 && rect.height > 0 && rect.right > -win.scrollX && rect.bottom > -win.scrollY && rect.left < right && rect.top < bottom,
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

/** Every accessible-name source for a control, normalised; `drawn`: label text only as drawn. */
function labelsOf(control: Element, root: Root, drawn: boolean): string[] {
  const texts: string[] = [];
  for (const label of root.querySelectorAll('label')) {
    const labels = label.hasAttribute('for') ? control.id !== '' && label.htmlFor === control.id : label.contains(control);
    if (labels) texts.push(textOf(label, control, drawn));
  }
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    texts.push(
      labelledBy
        .split(/\s+/)
        .map((id) => {
          const source = id && root.getElementById(id);
          return source ? textOf(source, control, drawn) : '';
        })
        .join(' '),
    );
  }
  const ariaLabel = control.getAttribute('aria-label');
  if (ariaLabel) texts.push(ariaLabel);
  return texts.map(normalizedText);
}

/** The controls the most trusted strategy finds for `field`, or [] when none finds any. */
export function locateField(document: Document, field: PlannedField): HTMLElement[] {
  const controls = searchRoots(document).flatMap((root) =>
    Array.from(root.querySelectorAll<HTMLElement>(CONTROL_SELECTOR), (element) => ({ element, root })).filter(({ element }) =>
      fits(element, field.control),
    ),
  );
  const { labels, names = [], ids = [], placeholders = [] } = field.locate;
  const withLabels = controls.map((control) => ({
    ...control,
    labels: labelsOf(control.element, control.root, false),
    drawn: labelsOf(control.element, control.root, true),
  }));
  for (const wanted of labels.map(normalizedText)) {
    const found = withLabels.filter((control) => control.labels.includes(wanted) || control.drawn.includes(wanted));
    // A label names a control for the admin only through the text it draws: one matched through hidden text (a
    // "Public comment" field whose <label> hides "Client Secret") is dropped, unless the control is not drawn either
    // (a whole step of a modal, or clipped with it), which the guard then refuses as hidden. Either way no
    // lower-trust hint is tried.
    if (found.length) {
      const win = document.defaultView!;
      const unseen = (element: HTMLElement) => !element.checkVisibility(DRAWN) || clipped(element, win);
      return found.filter((control) => control.drawn.includes(wanted) || unseen(control.element)).map((control) => control.element);
    }
  }
  const byName = controls.filter(
    ({ element }) => names.includes(element.getAttribute('name') ?? '') || (element.id !== '' && ids.includes(element.id)),
  );
  if (byName.length) return byName.map((control) => control.element);
  const wantedPlaceholders = placeholders.map(normalizedText);
  return controls
    .filter(({ element }) => wantedPlaceholders.includes(normalizedText(element.getAttribute('placeholder') ?? '')))
    .map((control) => control.element);
}
