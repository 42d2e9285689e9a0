/**
 * Whether a located control is one the admin can see and use, judged in script as the browser lays it out right
 * now, in every browser. The engine writes only into such controls: a field that is hidden, transparent, covered,
 * disabled or read-only is either not the console's real field (a decoy, a duplicate) or not one the admin meant to
 * fill. `refusalOf` and `overlaidOf` are synchronous, so the engine repeats them right before each write with no
 * page script in between; Chromium's own renderer is asked in ./renderer.ts, and what is drawn over a field is told
 * apart from the field's own dress in ./cover.ts. Design: ./README.md.
 */
import { painted } from './colour';
import { beneath, coveredOf, elementAt, intersection, parentAcrossShadow, sizeOf, topLayerOf, type Area } from './cover';
import { DRAWN, searchRoots } from './locate';

export interface Refusal {
  reason: string;
  /** True when the control is simply not on screen (hidden, no size): for an optional field that means "absent". */
  notShown: boolean;
  /**
   * True when the control is laid out where a person looks but they cannot see it (transparent) or what they see
   * is something else (covered), or when clicking it does more than it shows: the patterns of clickjacking and of
   * decoys, so the engine writes nothing at all.
   */
  deceptive?: boolean;
}

/** Below this effective opacity a field counts as invisible: text at 0.7 is still plainly read. */
const MIN_OPACITY = 0.7;
/**
 * Below this width or height (CSS px, as drawn, so after `transform: scale()`) no one can read or use a field. The
 * smallest native controls, checkbox and radio, measure 13x13 in Chromium 156 (getBoundingClientRect); the usual
 * "visually hidden" input behind a custom switch is 1x1, so it counts as not shown.
 */
const MIN_SIZE = 8;
/** What a click inside would also activate: follow a link, press a button, submit or reset a form, open a details. */
const CLICK_TRAP = 'a[href],area[href],button,summary,input[type=submit],input[type=image],input[type=reset]';
/** 'instant': a page with `scroll-behavior: smooth` would otherwise still be scrolling when the box is measured. */
export const TO_CENTRE: ScrollIntoViewOptions = { block: 'center', inline: 'center', behavior: 'instant' };
/** Why a secret field is refused under an outline or a box shadow painted from outside it. */
const PAINTED_OVER = 'painted over by an outline or shadow';

function stateRefusal(element: HTMLElement): Refusal | undefined {
  if (element.matches(':disabled') || element.getAttribute('aria-disabled') === 'true') return { reason: 'disabled', notShown: false };
  if ((element as HTMLInputElement).readOnly || element.getAttribute('aria-readonly') === 'true') {
    return { reason: 'read-only', notShown: false };
  }
  return undefined;
}

export function styleRefusal(element: HTMLElement, win: Window): Refusal | undefined {
  let opacity = 1;
  for (let node: Element | null = element; node; node = parentAcrossShadow(node)) {
    if (node.hasAttribute('hidden')) return { reason: 'hidden (hidden attribute)', notShown: true };
    const style = win.getComputedStyle(node);
    // `visibility` is inherited (and a child may override it): the element's own computed value is the one drawn.
    if (node === element && ['hidden', 'collapse'].includes(style.visibility)) return { reason: 'hidden (visibility)', notShown: true };
    if (style.display === 'none') return { reason: 'hidden (display:none)', notShown: true };
    // A clip path draws only part of the box (`inset(50%)`: none of it), the "visually hidden" pattern.
    if (style.clipPath && style.clipPath !== 'none') return { reason: 'clipped (clip-path)', notShown: true };
    const own = Number.parseFloat(style.opacity);
    if (!Number.isNaN(own)) opacity *= own;
    // `filter: opacity()` fades like `opacity` does; a blur or an SVG filter can make a field unreadable or draw
    // something else in its place. The computed value lists the functions (Chromium 156: `opacity(0.5) blur(2px)`
    // for `opacity(50%) blur(2px)`; happy-dom keeps the percentage).
    for (const [, name, amount] of style.filter.matchAll(/([a-z-]+)\(([^)]*)\)/g)) {
      const value = Number.parseFloat(amount!) / (amount!.endsWith('%') ? 100 : 1);
      if (name === 'opacity') opacity *= value;
      else if (name === 'url' || (name === 'blur' && value >= 1)) return { reason: `filtered (${name})`, notShown: false, deceptive: true };
    }
  }
  // Opacities multiply down the tree, so several slightly transparent ancestors add up.
  if (opacity < MIN_OPACITY) return { reason: `transparent (opacity ${Math.round(opacity * 100) / 100})`, notShown: false, deceptive: true };
  return undefined;
}

function geometryRefusal(element: HTMLElement, win: Window): Refusal | undefined {
  element.scrollIntoView(TO_CENTRE);
  const box = element.getBoundingClientRect();
  if (box.width < MIN_SIZE || box.height < MIN_SIZE) return { reason: 'too small to see', notShown: true };
  const hit = elementAt(win, box.left + box.width / 2, box.top + box.height / 2);
  if (!hit) return { reason: 'off screen', notShown: true };
  if (hit !== element && !element.contains(hit)) return { reason: 'covered by another element', notShown: false, deceptive: true };
  return undefined;
}

/**
 * A toggle is written by clicking it, and a click also activates what it sits in (the event's path, across shadow
 * roots): a link, a button (a form's submit button submits), a summary; a label activates its own control.
 * A checkbox inside its own <label> is the ordinary case (the label's control is the checkbox itself).
 */
function clickRefusal(element: HTMLElement): Refusal | undefined {
  const button = element as HTMLButtonElement;
  let trap = element.matches('a[href],area[href]') || (element.localName === 'button' && button.type !== 'button' && !!button.form);
  for (let node = parentAcrossShadow(element); node && !trap; node = parentAcrossShadow(node)) {
    const activated = node.localName === 'label' ? (node as HTMLLabelElement).control : node;
    trap = !!activated && activated !== element && activated.matches(CLICK_TRAP);
  }
  return trap ? { reason: 'a toggle whose click would also press a button or link', notShown: false, deceptive: true } : undefined;
}

/**
 * Why the engine must not write into `element`, or undefined when it may. `clicked`: it is written by a click.
 * `face`: what a person sees and clicks for it, when that is not the control itself (the drawn label of a visually
 * hidden checkbox): judged for being shown, while the control is judged for its state.
 * Not being shown is judged first: a clipped, disabled native stand-in beside a design system's drawn select is not
 * a control anyone sees, so it is "not shown", never "disabled" (the admin sees an enabled dropdown).
 */
export function refusalOf(element: HTMLElement, win: Window, clicked = false, face: HTMLElement = element): Refusal | undefined {
  const shown = styleRefusal(face, win) ?? geometryRefusal(face, win);
  if (shown?.notShown) return shown;
  return stateRefusal(element) ?? (clicked ? clickRefusal(element) ?? (face === element ? undefined : clickRefusal(face)) : undefined) ?? shown;
}

/**
 * What a person sees and clicks for a checkbox drawn by a design system over a visually hidden native input (Ping's
 * Astro SwitchField, https://github.com/pingidentity/astro: the input inside its label, 1x1 and clipped): its own
 * label, when that label is shown and the input is not. Otherwise the control itself.
 */
export function faceOf(element: HTMLElement, win: Window): HTMLElement {
  if (element.localName !== 'input' || !styleRefusal(element, win) && !geometryRefusal(element, win)) return element;
  // Only a label that holds the input: a label elsewhere on the page is not what a person sees as this toggle.
  const label = [...((element as HTMLInputElement).labels ?? [])].find(
    (candidate) => candidate.contains(element) && !styleRefusal(candidate, win) && !geometryRefusal(candidate, win),
  );
  return label ?? element;
}

/**
 * Where an element's outline and outer box shadows paint, beyond its border box: the outline grown by its width and
 * offset, each shadow moved by its offsets and grown by blur and spread (Chromium 156 computes each shadow as
 * `<colour> <x> <y> <blur> <spread> [inset]`, shadows joined by commas).
 */
function paintedAreas(own: Area, style: CSSStyleDeclaration): Area[] {
  const grown = (area: Area, by: number, dx = 0, dy = 0): Area => ({ left: area.left + dx - by, top: area.top + dy - by, right: area.right + dx + by, bottom: area.bottom + dy + by });
  const areas: Area[] = [];
  if (style.outlineStyle && style.outlineStyle !== 'none' && painted(style.outlineColor)) {
    const extent = Number.parseFloat(style.outlineWidth) + Number.parseFloat(style.outlineOffset || '0');
    if (extent > 0) areas.push(grown(own, extent));
  }
  for (const shadow of style.boxShadow === 'none' ? [] : (style.boxShadow ?? '').split(/,(?![^(]*\))/)) {
    const color = /[a-z-]+\([^)]*\)|#\w+|\b[a-z]+\b/.exec(shadow.replace('inset', ''))?.[0] ?? 'currentcolor';
    const [x = 0, y = 0, blur = 0, spread = 0] = shadow.replace(color, '').split(/\s+/).map(Number.parseFloat).filter((length) => !Number.isNaN(length));
    const reaches = x !== 0 || y !== 0 || blur + spread > 0;
    if (shadow.trim() && reaches && !shadow.includes('inset') && painted(color)) areas.push(grown(own, blur + spread, x, y));
  }
  return areas;
}

/**
 * What paints over a secret field from outside its own box, which no overlap of boxes measures: a tiny box over the
 * field's edge with `outline: 200px solid #fff` or `box-shadow: 0 0 0 200px #fff`. Refused: an element not drawn
 * beneath the field whose outline or shadow reaches over it.
 */
function paintedOver(element: HTMLElement, win: Window, elements: Element[]): string | undefined {
  const box = element.getBoundingClientRect();
  for (const other of elements) {
    if (other === element || other.contains(element) || element.contains(other) || !other.checkVisibility(DRAWN)) continue;
    for (const area of paintedAreas(other.getBoundingClientRect(), win.getComputedStyle(other))) {
      const shared = intersection(area, box);
      if (sizeOf(shared) && !beneath(other, element, shared)) return PAINTED_OVER;
    }
  }
  return undefined;
}

export const everythingIn = (win: Window) => searchRoots(win.document).flatMap((root) => [...root.querySelectorAll('*')]);

/**
 * What script alone can tell is drawn over `element` (./cover.ts: anything but its own dress, or dress that hides
 * its typing area) and, for a secret field, what paints over it from outside its box. Synchronous, so the engine
 * runs it right before a write and after the focus events with no page script in between; in every browser, so a
 * page that covers a field when it is focused is caught before the value goes in.
 */
export function overlaidOf(element: HTMLElement, win: Window & typeof globalThis, secret: boolean): string | undefined {
  const elements = everythingIn(win);
  const cover = coveredOf(element, win, elements, topLayerOf(searchRoots(win.document)));
  return ('reason' in cover ? cover.reason : undefined) ?? (secret ? paintedOver(element, win, elements) : undefined);
}
