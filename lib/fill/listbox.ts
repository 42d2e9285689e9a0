/**
 * A select drawn as a button that opens a listbox (react-aria's Select, https://react-spectrum.adobe.com/react-aria/Select.html,
 * which Ping's Astro SelectField uses; Base UI's Select, https://base-ui.com/react/components/select): chosen as a
 * person does. Click the button, find the option by its text in the listbox it opened, click the option, and read
 * the choice back from the button. Both libraries treat `element.click()` as a virtual press (a screen reader's),
 * which opens the listbox and selects. Nothing but the button and one option in its own listbox is clicked.
 */
import { DRAWN, normalizedText } from './locate';
import type { WriteResult } from './write';

/** How long the page may take to draw the listbox after the click, and to show the choice after the option's click. */
const OPEN_TIMEOUT_MS = 1000;
const POLL_MS = 10;

/** The text the button shows for its choice (its value element, without the chevron icon). */
export function shownOption(button: HTMLElement): string {
  return (button.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const shows = (button: HTMLElement, wanted: string) =>
  [button, ...button.querySelectorAll('*')].some((element) => normalizedText(element.textContent ?? '') === wanted);

async function waitFor<T>(win: Window, find: () => T | undefined): Promise<T | undefined> {
  const deadline = win.performance.now() + OPEN_TIMEOUT_MS;
  for (;;) {
    const found = find();
    if (found || win.performance.now() > deadline) return found;
    await new Promise((resolve) => win.setTimeout(resolve, POLL_MS));
  }
}

/** The listbox the button opened: the one its `aria-controls` names, else the one drawn listbox on the page. */
function listboxOf(button: HTMLElement): Element | undefined {
  const root = button.getRootNode() as Document | ShadowRoot;
  const controlled = (button.getAttribute('aria-controls') ?? '').split(/\s+/).map((id) => (id ? root.getElementById(id) : null));
  const named = controlled.find((element) => element?.matches('[role=listbox]') && element.checkVisibility(DRAWN));
  if (named) return named;
  const drawn = [...button.ownerDocument.querySelectorAll('[role=listbox]')].filter((element) => element.checkVisibility(DRAWN));
  return drawn.length === 1 ? drawn[0] : undefined;
}

export async function chooseOption(button: HTMLElement, value: string, win: Window): Promise<WriteResult> {
  const wanted = normalizedText(value);
  if (shows(button, wanted)) return { status: 'unchanged' };
  button.click();
  const listbox = await waitFor(win, () => listboxOf(button));
  if (!listbox) return { status: 'refused', reason: 'its list of options did not open' };
  const option = [...listbox.querySelectorAll<HTMLElement>('[role=option]')].find(
    (candidate) => normalizedText(candidate.textContent ?? '') === wanted && candidate.checkVisibility(DRAWN) && !candidate.closest('a[href]'),
  );
  if (!option) {
    button.click();
    return { status: 'refused', reason: `no option "${value}"` };
  }
  option.click();
  return (await waitFor(win, () => shows(button, wanted) || undefined))
    ? { status: 'filled', reached: true }
    : { status: 'refused', reason: 'the page did not keep the choice', reached: true };
}
