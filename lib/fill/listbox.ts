/**
 * A select drawn as a button that opens a listbox (react-aria's Select, https://react-spectrum.adobe.com/react-aria/Select.html,
 * which Ping's Astro SelectField uses; Base UI's Select, https://base-ui.com/react/components/select): chosen as a
 * person does. Click the button, find the option by its text in the listbox it opened, click the option, and read
 * the choice back from the button. Both libraries treat `element.click()` as a virtual press (a screen reader's),
 * which opens the listbox and selects. Nothing but the button and one option in its own listbox is clicked.
 */
import { refusalOf } from './guard';
import { DRAWN, normalizedText } from './locate';
import type { WriteResult } from './types';

/**
 * How long the page may take to draw the listbox after the click, and to show the choice after the option's click:
 * Astro's first popover mounts its overlay layer, which took over a second on a loaded 2-core machine.
 */
const OPEN_TIMEOUT_MS = 3000;
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

const drawnListboxes = (button: HTMLElement) => [...button.ownerDocument.querySelectorAll('[role=listbox]')].filter((element) => element.checkVisibility(DRAWN));

/**
 * The listbox the button opened: the one its `aria-controls` names, else the one drawn listbox that was not there
 * before the click (`before`), never one the page already showed.
 */
function listboxOf(button: HTMLElement, before: Element[]): Element | undefined {
  const root = button.getRootNode() as Document | ShadowRoot;
  const controlled = (button.getAttribute('aria-controls') ?? '').split(/\s+/).map((id) => (id ? root.getElementById(id) : null));
  const named = controlled.find((element) => element?.matches('[role=listbox]') && element.checkVisibility(DRAWN));
  if (named) return named;
  const opened = drawnListboxes(button).filter((element) => !before.includes(element));
  return opened.length === 1 ? opened[0] : undefined;
}

export async function chooseOption(button: HTMLElement, value: string, win: Window): Promise<WriteResult> {
  const wanted = normalizedText(value);
  if (shows(button, wanted)) return { status: 'unchanged' };
  const before = drawnListboxes(button);
  // The engine's own scrolling to judge fields fires its scroll events at the next frame; react-aria closes an open
  // listbox on a scroll of the page around its button (useCloseOnScroll), so they must be over before the click.
  await new Promise((resolve) => {
    win.requestAnimationFrame(() => win.setTimeout(resolve, 0));
    win.setTimeout(resolve, 100);
  });
  button.click();
  const listbox = await waitFor(win, () => listboxOf(button, before));
  if (!listbox) return { status: 'refused', reason: 'its list of options did not open' };
  // The option is judged as any control a click writes: shown, enabled, and not inside a link or button.
  const option = [...listbox.querySelectorAll<HTMLElement>('[role=option]')].find(
    (candidate) => normalizedText(candidate.textContent ?? '') === wanted && !refusalOf(candidate, win, true),
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
