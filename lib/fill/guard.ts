/**
 * Whether a located control is one the admin can see and use, judged as the browser renders it right now. The
 * engine writes only into such controls: a field that is hidden, transparent, covered, disabled or read-only is
 * either not the console's real field (a decoy, a duplicate) or not one the admin meant to fill.
 *
 * Two layers. `refusalOf` is synchronous, works in every browser, and is what the engine repeats right before each
 * write: state, computed style up the tree (opacity, filter, clip-path), size after transforms, and a hit test at
 * the centre. `unseenOf` asks Chromium's own renderer (IntersectionObserver v2), which also sees what those miss: an
 * overlay that lets clicks through (`pointer-events: none`, so the hit test skips it), blend modes, rotations.
 * The renderer says "not visible" for anything at all drawn over a field, and real consoles draw some things there
 * on purpose (a floating label, a reveal button), so when the field is drawn plainly that verdict is explained
 * before it refuses: what overlaps the field is found, and only its own label and small things that leave the
 * typing area free are let pass (`coveredOf`), and the renderer is asked again with those hidden for a moment: the
 * field must then be visible. `overlaidOf` is the synchronous part the engine repeats right before each write.
 */
import { painted } from './colour';
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
/**
 * What may be drawn over a field without hiding it: its own label (floating labels: Bootstrap 5's `.form-floating`
 * and ForgeRock platform-ui's `.floating-label`, which AIC's admin UI uses, lay the label over the input's top-left or
 * across its top, `pointer-events: none`) and small things that leave the typing area free (a reveal button inside
 * the end of a secret input, as Cloudflare's has). All the rest drawn over a field must cover less than this share
 * of its area, together.
 */
const SMALL_SHARE = 0.35;
/** Where a person clicks to type, as fractions of the field's box (x, y): its centre and a point a quarter in. */
const TYPING_POINTS = [
  [0.5, 0.5],
  [0.25, 0.5],
] as const;
/** Why the renderer's "not visible" stands when what is drawn over the field was found and is more than allowed. */
const COVERED_OVER = 'covered by an element drawn over it';
/** Why a secret field is refused under an outline or a box shadow painted from outside it. */
const PAINTED_OVER = 'painted over by an outline or shadow';
/** Why the renderer's "not visible" stands when it still holds with the field's label and small things hidden. */
const UNEXPLAINED = 'covered by something script cannot see';

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

interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function intersection(a: Area, b: Area): Area {
  return { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
}

const sizeOf = (area: Area) => Math.max(0, area.right - area.left) * Math.max(0, area.bottom - area.top);

/**
 * What else makes the renderer say "not visible" besides being covered (Chromium's HasDistortingVisualEffects): an
 * opacity below 1, a filter or backdrop filter, a blend mode, a transform other than a move, on the field or up its
 * tree (measured in Chromium 156: `opacity: .99` up the tree makes a field not visible, `translate()` does not). A
 * field drawn so stays refused whatever overlaps it: only what is drawn over a field is ever explained.
 */
function distorted(element: Element, win: Window): boolean {
  for (let node: Element | null = element; node; node = parentAcrossShadow(node)) {
    const style = win.getComputedStyle(node);
    const effects = [style.filter, style.backdropFilter, style.rotate, style.scale, style.mixBlendMode === 'normal' ? '' : style.mixBlendMode];
    if (Number.parseFloat(style.opacity) < 1 || effects.some((value) => value && value !== 'none')) return true;
    // Chromium computes any transform to a matrix; one that only moves the box is matrix(1, 0, 0, 1, x, y).
    if (!/^(none|matrix\(1, 0, 0, 1, [^,]+, [^,]+\))?$/.test(style.transform)) return true;
  }
  return false;
}

/**
 * How much of a field of area `whole` the ::before and ::after of `element` may cover when taken out of the flow
 * (absolute, fixed): drawn anywhere, and script cannot learn where, so each counts at its full size (Chromium 156
 * computes their used width and height), and as all of the field when it has a transform or no size to read.
 */
function pseudoArea(element: Element, win: Window, whole: number): number {
  let area = 0;
  for (const pseudo of ['::before', '::after']) {
    const style = win.getComputedStyle(element, pseudo);
    if (['', 'none', 'normal'].includes(style.content) || !/absolute|fixed/.test(style.position)) continue;
    const size = Number.parseFloat(style.width) * Number.parseFloat(style.height);
    area += style.transform === 'none' && size < whole ? size : whole;
  }
  return area;
}

/**
 * Whether `other` is drawn under `element` where they overlap (the page and the backdrop under a modal's fields): the
 * hit test lists every element at a point, topmost first. One that lets clicks through (`pointer-events: none`) is
 * not listed, so it counts as drawn on top. Table rows and row groups are never listed either (Chromium 156 lists
 * their cells and the table): they are drawn with their table.
 */
function beneath(other: Element, element: Element, shared: Area): boolean {
  const root = element.getRootNode() as Document | ShadowRoot;
  const stack = root.elementsFromPoint((shared.left + shared.right) / 2, (shared.top + shared.bottom) / 2);
  const own = stack.indexOf(element);
  return own >= 0 && stack.indexOf((other.matches('tr,thead,tbody,tfoot') && other.closest('table')) || other) > own;
}

/** The field's own labels drawn apart from it: `<label for>` and `aria-labelledby` (a wrapping label is an ancestor). */
function ownLabels(element: HTMLElement, ancestors: Set<Element>): Element[] {
  const root = element.getRootNode() as Document | ShadowRoot;
  const labelledBy = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => (id && root.getElementById(id)) || undefined);
  return [...((element as HTMLInputElement).labels ?? []), ...labelledBy].filter((label): label is HTMLElement => !!label && !ancestors.has(label));
}

/** A label is only ever text over a field: one with a background of its own hides what is under it. */
const seeThrough = (element: Element, win: Window) => {
  const style = win.getComputedStyle(element);
  return !painted(style.backgroundColor) && (style.backgroundImage || 'none') === 'none';
};

/** What `coveredOf` let pass over a field: the elements themselves, which the renderer is then asked about. */
type Explained = { reason?: string; over: Element[] };

/**
 * Why what is drawn over `element` hides it, or undefined when all of it is explained: nothing distorts the field
 * (`renderer`: the renderer said "not visible"), and all that overlaps it is either its own label with no background
 * of its own (with whatever the label holds inside its own box and draws no background either) or small things:
 * those, with the ::before/::after they and the field's parent and grandparent (where a page would attach an
 * overlay) take out of the flow, cover under SMALL_SHARE of its area together and no typing point, where the hit
 * test finds the field.
 * `elements`: every element of the document and its open shadow roots, so an overlay appended anywhere (a portal
 * at the end of <body>) is found by its box. What script cannot see at all (a closed shadow root, a pseudo-element
 * of an element elsewhere) is not found here: `unseenOf` asks the renderer again with what was let pass hidden.
 */
function coveredOf(element: HTMLElement, win: Window, elements: Element[], renderer: boolean): Explained {
  const explained: Explained = { over: [] };
  if (renderer && distorted(element, win)) return { ...explained, reason: UNSEEN };
  element.scrollIntoView(TO_CENTRE);
  const box = element.getBoundingClientRect();
  const whole = sizeOf(box);
  const ancestors = new Set<Element>();
  for (let node = parentAcrossShadow(element); node; node = parentAcrossShadow(node)) ancestors.add(node);
  const labels = ownLabels(element, ancestors);
  const [parent, grandparent] = ancestors;
  const over: Area[] = [];
  let covered = [parent, grandparent].reduce((sum, node) => sum + (node ? pseudoArea(node, win, whole) : 0), 0);
  for (const other of elements) {
    if (other === element || ancestors.has(other) || element.contains(other)) continue;
    const otherBox = other.getBoundingClientRect();
    const shared = intersection(otherBox, box);
    if (!sizeOf(shared) || !other.checkVisibility(DRAWN)) continue;
    const inLabel = (label: Element) => label === other || (label.contains(other) && sizeOf(intersection(otherBox, label.getBoundingClientRect())) >= sizeOf(otherBox));
    if (!labels.some(inLabel) || !seeThrough(other, win)) {
      if (beneath(other, element, shared)) continue;
      covered += sizeOf(shared) + pseudoArea(other, win, whole);
      over.push(shared);
    }
    explained.over.push(other);
  }
  // The renderer's "not visible" with nothing found over the field: what covers it is out of script's sight.
  if (renderer && !explained.over.length) return { ...explained, reason: UNSEEN };
  if (covered >= SMALL_SHARE * whole) return { ...explained, reason: COVERED_OVER };
  for (const [x, y] of TYPING_POINTS) {
    const [left, top] = [box.left + box.width * x, box.top + box.height * y];
    const hit = elementAt(win, left, top);
    const underSomething = over.some((shared) => left >= shared.left && left < shared.right && top >= shared.top && top < shared.bottom);
    if (!hit || (hit !== element && !element.contains(hit)) || underSomething) return { ...explained, reason: COVERED_OVER };
  }
  return explained;
}

/** How far past its border box `style` paints: a drawn outline (width + offset) and outer box shadows. */
function paintedBeyond(style: CSSStyleDeclaration): number {
  let extent = style.outlineStyle && style.outlineStyle !== 'none' && painted(style.outlineColor) ? Number.parseFloat(style.outlineWidth) + Number.parseFloat(style.outlineOffset || '0') : 0;
  // Chromium 156 computes each shadow as `<colour> <x> <y> <blur> <spread> [inset]`, shadows joined by commas; the
  // lengths are read in order whatever else the value holds.
  for (const shadow of style.boxShadow === 'none' ? [] : (style.boxShadow ?? '').split(/,(?![^(]*\))/)) {
    const color = /[a-z-]+\([^)]*\)|#\w+|\b[a-z]+\b/.exec(shadow.replace('inset', ''))?.[0] ?? 'currentcolor';
    const lengths = shadow.replace(color, '').split(/\s+/).map(Number.parseFloat).filter((length) => !Number.isNaN(length));
    const [x = 0, y = 0, blur = 0, spread = 0] = lengths;
    if (!shadow.includes('inset') && painted(color)) extent = Math.max(extent, Math.max(Math.abs(x), Math.abs(y)) + blur + spread);
  }
  return Number.isNaN(extent) ? 0 : extent;
}

/**
 * What paints over a secret field from outside its own box, which no overlap of boxes measures: a tiny box over the
 * field's edge with `outline: 200px solid #fff` or `box-shadow: 0 0 0 200px #fff` counts as a small thing, and the
 * field is visible with it hidden (probed in Chromium 156), so `coveredOf` and the renderer let it pass. Refused: an
 * element not drawn beneath the field whose box, grown by its outline and shadows, reaches over it.
 */
function paintedOver(element: HTMLElement, win: Window, elements: Element[]): string | undefined {
  const box = element.getBoundingClientRect();
  for (const other of elements) {
    if (other === element || other.contains(element) || element.contains(other) || !other.checkVisibility(DRAWN)) continue;
    const grow = paintedBeyond(win.getComputedStyle(other));
    if (grow <= 0) continue;
    const own = other.getBoundingClientRect();
    const shared = intersection({ left: own.left - grow, top: own.top - grow, right: own.right + grow, bottom: own.bottom + grow }, box);
    if (sizeOf(shared) && !beneath(other, element, shared)) return PAINTED_OVER;
  }
  return undefined;
}

const hasRenderer = (win: Window & typeof globalThis) => 'isVisible' in (win.IntersectionObserverEntry?.prototype ?? {});

const everythingIn = (win: Window) => searchRoots(win.document).flatMap((root) => [...root.querySelectorAll('*')]);

/**
 * What script alone can tell is drawn over `element`, synchronous so the engine runs it right before a write with
 * no await (no page script) in between: for a secret field, what paints over it from outside its box; and in a
 * browser without the renderer's verdict (Firefox: its hit test passes through `pointer-events: none`), every
 * overlap, which must be explained as `coveredOf` explains the renderer's "not visible".
 */
export function overlaidOf(element: HTMLElement, win: Window & typeof globalThis, secret: boolean): string | undefined {
  const elements = everythingIn(win);
  return (hasRenderer(win) ? undefined : coveredOf(element, win, elements, false).reason) ?? (secret ? paintedOver(element, win, elements) : undefined);
}

/**
 * Hides `elements` (inline `visibility: hidden !important`) while `ask` runs, then puts back each one's inline
 * `visibility` exactly as it was, its priority too, and no `style` attribute where there was none.
 */
async function without<T>(elements: Element[], ask: () => Promise<T>): Promise<T> {
  const saved = elements.map((other) => {
    const { style } = other as HTMLElement;
    return { style, other, attribute: other.hasAttribute('style'), value: style.getPropertyValue('visibility'), priority: style.getPropertyPriority('visibility') };
  });
  try {
    for (const { style } of saved) style.setProperty('visibility', 'hidden', 'important');
    return await ask();
  } finally {
    for (const { style, other, attribute, value, priority } of saved) {
      if (value) style.setProperty('visibility', value, priority);
      else style.removeProperty('visibility');
      if (!attribute && !style.length) other.removeAttribute('style');
    }
  }
}

/**
 * The elements Chromium's renderer says a person cannot see, each with the reason (IntersectionObserver v2
 * `isVisible`: not occluded by anything drawn over them, pointer-events or not, no opacity below 1, filter, blend or
 * non-translating transform), less those whose "not visible" `coveredOf` explains.
 * All are asked at once where the page is scrolled now; one out of view is scrolled to and asked again on its own.
 * An explained verdict is checked by asking again with what was let pass hidden (`without`).
 * Browsers without v2 (Firefox, Safari) answer nothing here: `overlaidOf` judges overlaps in script there.
 */
export async function unseenOf(elements: HTMLElement[], win: Window & typeof globalThis): Promise<Map<HTMLElement, string>> {
  const unseen = new Map<HTMLElement, string>();
  if (!elements.length || !hasRenderer(win)) return unseen;
  const first = await observe(elements, win);
  const overlapped: HTMLElement[] = [];
  for (const element of elements) {
    let entry = first.get(element);
    if (entry && !entry.isIntersecting) {
      element.scrollIntoView(TO_CENTRE);
      entry = (await observe([element], win)).get(element);
    }
    if (entry?.isIntersecting && !entry.isVisible) overlapped.push(element);
    else if (!entry?.isVisible) unseen.set(element, UNSEEN);
  }
  // Explained after the last await, so the page's script cannot change the DOM in between: one list of its elements
  // serves every field. It is never kept longer (across the fill): it would miss an overlay the page adds later.
  const everything = overlapped.length ? everythingIn(win) : [];
  const explained = overlapped.map((element) => [element, coveredOf(element, win, everything, true)] as const);
  for (const [element, { reason, over }] of explained) {
    if (reason) {
      unseen.set(element, reason);
      continue;
    }
    // The explanation is checked with the renderer: with what it let pass hidden for one frame, the field must be
    // visible, or something script cannot see (a closed shadow root, a pseudo-element elsewhere) covers it too.
    element.scrollIntoView(TO_CENTRE);
    const entry = (await without(over, () => observe([element], win))).get(element);
    if (!entry?.isVisible) unseen.set(element, UNEXPLAINED);
  }
  return unseen;
}
