/**
 * Finding a planned field in the page, in order of trust: its label (`<label for>`, a wrapping `<label>`,
 * `aria-labelledby`, `aria-label`; label text only as drawn), then its `name`/`id`, then its placeholder. The top
 * document and its open shadow roots are searched; frames never are (a same-origin iframe is still another document
 * the plan was not made for).
 * The first strategy that finds any control decides: a lower-trust hint is never used to get around a refused match.
 */
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

/** The text in `element`; `drawn`: only the text a person can read (hidden parts name nothing for them). */
function textOf(element: Element, control: Element, drawn: boolean): string {
  if (drawn && !element.checkVisibility(DRAWN)) return '';
  let text = '';
  for (const child of element.childNodes) {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
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
    // (a whole step of a modal), which the guard then refuses as hidden. Either way no lower-trust hint is tried.
    if (found.length) {
      return found.filter((control) => control.drawn.includes(wanted) || !control.element.checkVisibility(DRAWN)).map((control) => control.element);
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
