/**
 * Whether a located control is one the admin can see and use, judged as the browser renders it right now. The
 * engine writes only into such controls: a field that is hidden, transparent, covered, disabled or read-only is
 * either not the console's real field (a decoy, a duplicate) or not one the admin meant to fill.
 *
 * Two layers. `refusalOf` is synchronous, works in every browser, and is what the engine repeats right before each
 * write: state, computed style up the tree (opacity, filter, clip-path), size after transforms, and a hit test at
 * the centre. `unseenOf` asks Chromium's own renderer (IntersectionObserver v2), which also sees what those miss: an
 * overlay that lets clicks through (`pointer-events: none`, so the hit test skips it), blend modes, rotations.
 */

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

/** Below this effective opacity a field counts as invisible (issue 5: "transparent (opacity < 0.7 up the tree)"). */
const MIN_OPACITY = 0.7;
/**
 * Below this width or height (CSS px, as drawn, so after `transform: scale()`) no one can read or use a field. The
 * smallest native controls, checkbox and radio, measure 13x13 in Chromium 156 (getBoundingClientRect); the usual
 * "visually hidden" input behind a custom switch is 1x1, so it counts as not shown (an optional toggle is absent).
 */
const MIN_SIZE = 8;
/** What a click inside would also activate: follow a link, press a button, submit or reset a form, open a details. */
const CLICK_TRAP = 'a[href],area[href],button,summary,input[type=submit],input[type=image],input[type=reset]';
/** Why IntersectionObserver v2 said no: it reports one flag for occlusion, opacity below 1, filters and transforms. */
export const UNSEEN = 'not visible as the browser draws it (covered, faded or distorted)';
/**
 * How long to wait for the renderer's answer. It comes with the next frame (about 16 ms); a tab that is not being
 * drawn (in the background) never answers, and a field nobody can see is not filled.
 */
const VISIBILITY_TIMEOUT_MS = 1000;
/** 'instant': a page with `scroll-behavior: smooth` would otherwise still be scrolling when the box is measured. */
const TO_CENTRE: ScrollIntoViewOptions = { block: 'center', inline: 'center', behavior: 'instant' };

function parentAcrossShadow(element: Element): Element | null {
  const parent = element.parentNode;
  return parent && parent.nodeType === 11 ? (parent as ShadowRoot).host : element.parentElement;
}

function stateRefusal(element: HTMLElement): Refusal | undefined {
  if (element.matches(':disabled') || element.getAttribute('aria-disabled') === 'true') return { reason: 'disabled', notShown: false };
  if ((element as HTMLInputElement).readOnly || element.getAttribute('aria-readonly') === 'true') {
    return { reason: 'read-only', notShown: false };
  }
  return undefined;
}

function styleRefusal(element: HTMLElement, win: Window): Refusal | undefined {
  let opacity = 1;
  for (let node: Element | null = element; node; node = parentAcrossShadow(node)) {
    if (node.hasAttribute('hidden')) return { reason: 'hidden (hidden attribute)', notShown: true };
    const style = win.getComputedStyle(node);
    // `visibility` is inherited (and a child may override it): the element's own computed value is the one drawn.
    if (node === element && (style.visibility === 'hidden' || style.visibility === 'collapse')) return { reason: 'hidden (visibility)', notShown: true };
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

/** The topmost element at a point, followed into open shadow roots. */
function elementAt(win: Window, x: number, y: number): Element | null {
  let hit = win.document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
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

/** Why the engine must not write into `element`, or undefined when it may. `clicked`: it is written by a click. */
export function refusalOf(element: HTMLElement, win: Window, clicked = false): Refusal | undefined {
  return stateRefusal(element) ?? (clicked ? clickRefusal(element) : undefined) ?? styleRefusal(element, win) ?? geometryRefusal(element, win);
}

type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };

/** One answer from the renderer per element (undefined: none came in time). */
function observe(elements: HTMLElement[], win: Window & typeof globalThis): Promise<Map<Element, VisibilityEntry>> {
  const entries = new Map<Element, VisibilityEntry>();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      win.clearTimeout(timer);
      resolve(entries);
    };
    const timer = win.setTimeout(done, VISIBILITY_TIMEOUT_MS);
    // Chromium throws NotSupportedError for `trackVisibility` with `delay` below 100 (the least time between two
    // answers; the first comes with the next frame).
    const observer = new win.IntersectionObserver(
      (answers) => {
        for (const answer of answers) entries.set(answer.target, answer);
        if (entries.size === elements.length) done();
      },
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    for (const element of elements) observer.observe(element);
  });
}

/**
 * The elements Chromium's renderer says a person cannot see (IntersectionObserver v2 `isVisible`: not occluded by
 * anything drawn over them, pointer-events or not, no opacity below 1, filter, blend or non-translating transform).
 * All are asked at once where the page is scrolled now; one out of view is scrolled to and asked again on its own.
 * Browsers without v2 (Firefox, Safari) answer nothing here, and `refusalOf` is all there is.
 */
export async function unseenOf(elements: HTMLElement[], win: Window & typeof globalThis): Promise<HTMLElement[]> {
  if (!elements.length || !('isVisible' in (win.IntersectionObserverEntry?.prototype ?? {}))) return [];
  const first = await observe(elements, win);
  const unseen: HTMLElement[] = [];
  for (const element of elements) {
    let entry = first.get(element);
    if (entry && !entry.isIntersecting) {
      element.scrollIntoView(TO_CENTRE);
      entry = (await observe([element], win)).get(element);
    }
    if (!entry?.isVisible) unseen.push(element);
  }
  return unseen;
}
