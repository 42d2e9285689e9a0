/**
 * "Copy form description": the page's forms as the fill engine sees them, for a bug report when a console changed:
 * each control's type, role, name and id, its labels and how they are wired (`label[for]`, a wrapping label,
 * `aria-labelledby`, `aria-label`), where it lives (a form, a shadow root) and the engine's verdict on it (shown and
 * usable, or why not), plus the frames the engine never looks into. NO VALUE, ever: no control's value, checked
 * state or chosen option is read, and text is taken only from what labels a control, never from inside a form control
 * or an editable region (a textarea's text is its value; an `aria-labelledby` may point at one). Design: ./README.md.
 */
import { refusalOf } from '../fill/guard';
import { DRAWN, searchRoots } from '../fill/locate';

/** Every control the engine may fill, as lib/fill/locate.ts finds them, plus buttons a form submits with. */
const CONTROLS = 'input,textarea,select,[role=switch],[role=checkbox],[aria-haspopup=listbox],[role=combobox],[role=textbox],[contenteditable]:not([contenteditable=false])';
/** Elements whose text is what the admin typed or chose, or no text at all: never read. */
const NO_TEXT = 'input,textarea,select,option,datalist,script,style,template,[contenteditable]:not([contenteditable=false])';
/** Enough of a label to recognise it in a report. */
const MAX_TEXT = 120;

export interface LabelWiring {
  via: 'for' | 'wrapping' | 'aria-labelledby' | 'aria-label';
  text: string;
  /** Whether a person sees it drawn (checkVisibility as lib/fill/locate.ts asks it). */
  drawn?: boolean;
  /** aria-labelledby: the id it names, and whether that id exists in the control's tree. */
  ref?: string;
}

export interface ControlDescription {
  /** 1-based among the controls of its form (or of the page, outside a form). */
  position: number;
  tag: string;
  type?: string;
  role?: string;
  name?: string;
  id?: string;
  placeholder?: string;
  labels: LabelWiring[];
  /** The engine's verdict, judged in script: `usable`, or why it would refuse (hidden, covered, disabled...). */
  verdict: string;
}

export interface FormDescription {
  /** `form#id`, `form[name=...]`, `form #n`, or `(no form)`. */
  form: string;
  /** `document`, or the shadow root's host as `shadow root of <tag>`. */
  root: string;
  controls: ControlDescription[];
}

export interface PageDescription {
  /** The page's origin and path: no query or fragment, where tokens travel. */
  page: string;
  forms: FormDescription[];
  /** Frames inside the page, by origin: the fill engine never writes into one. */
  frames: { origin: string; drawn: boolean }[];
}

/** Text a person reads in `element`, leaving out everything inside controls and editable regions. */
function labelText(element: Element): string {
  if (element.matches(NO_TEXT)) return '';
  let text = '';
  for (const child of element.childNodes) {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
    else if (child.nodeType === 1) text += ` ${labelText(child as Element)} `;
  }
  return shortened(text.replace(/\s+/g, ' ').trim());
}

const shortened = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

function wiringOf(control: HTMLElement): LabelWiring[] {
  const wiring: LabelWiring[] = [...((control as HTMLInputElement).labels ?? [])].map((label) => ({
    via: label.contains(control) ? 'wrapping' : 'for',
    text: labelText(label),
    drawn: label.checkVisibility(DRAWN),
  }));
  const root = control.getRootNode() as Document | ShadowRoot;
  for (const ref of (control.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
    const target = root.getElementById(ref);
    wiring.push({ via: 'aria-labelledby', ref, text: target ? labelText(target) : '(no element with this id)', drawn: target?.checkVisibility(DRAWN) ?? false });
  }
  const ariaLabel = control.getAttribute('aria-label');
  if (ariaLabel) wiring.push({ via: 'aria-label', text: shortened(ariaLabel) });
  return wiring;
}

function formName(form: HTMLFormElement | null, index: number): string {
  if (!form) return '(no form)';
  if (form.id) return `form#${form.id}`;
  const name = form.getAttribute('name');
  return name ? `form[name=${name}]` : `form #${index + 1}`;
}

function verdictOf(control: HTMLElement, win: Window): string {
  const clicked = control.matches('input[type=checkbox],input[type=radio],[role=switch],[role=checkbox],[aria-haspopup=listbox],[role=combobox]');
  return refusalOf(control, win, clicked)?.reason ?? 'usable';
}

const attribute = (element: Element, name: string) => element.getAttribute(name) ?? undefined;

export function describePage(win: Window = window): PageDescription {
  // The verdict's hit test scrolls each control into view (lib/fill/guard.ts): the admin's place is put back after.
  const [scrollX, scrollY] = [win.scrollX, win.scrollY];
  const forms = [...win.document.forms];
  const groups = new Map<string, FormDescription>();
  for (const root of searchRoots(win.document)) {
    const rootName = 'host' in root ? `shadow root of <${root.host.localName}>` : 'document';
    for (const control of root.querySelectorAll<HTMLElement>(CONTROLS)) {
      const form = (control as HTMLInputElement).form ?? control.closest('form');
      const name = formName(form, form ? forms.indexOf(form) : -1);
      const key = `${rootName}\u0000${name}`;
      const group = groups.get(key) ?? { form: name, root: rootName, controls: [] };
      groups.set(key, group);
      group.controls.push({
        position: group.controls.length + 1,
        tag: control.localName,
        type: control.localName === 'input' ? (control as HTMLInputElement).type : undefined,
        role: attribute(control, 'role'),
        name: attribute(control, 'name'),
        id: control.id || undefined,
        placeholder: attribute(control, 'placeholder'),
        labels: wiringOf(control),
        verdict: verdictOf(control, win),
      });
    }
  }
  const frames = searchRoots(win.document).flatMap((root) =>
    [...root.querySelectorAll<HTMLIFrameElement>('iframe,frame')].map((frame) => {
      let origin = 'about:blank';
      try {
        origin = new URL(frame.src, win.location.href).origin;
      } catch {
        origin = '(unreadable src)';
      }
      return { origin, drawn: frame.checkVisibility(DRAWN) };
    }),
  );
  win.scrollTo(scrollX, scrollY);
  return { page: `${win.location.origin}${win.location.pathname}`, forms: [...groups.values()], frames };
}

/** What the popup copies: a one-line header, then the description as JSON. */
export function describePageText(win: Window = window): string {
  return `PingOne Connection Helper: form description (no values)\n${JSON.stringify(describePage(win), null, 2)}\n`;
}
