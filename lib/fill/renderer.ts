/**
 * Chromium's own verdict on what a person sees (IntersectionObserver v2, https://web.dev/articles/intersectionobserver-v2):
 * `isVisible` is false when anything at all is drawn over a field, pointer-events or not, or when it is faded,
 * filtered, blended or transformed. Real consoles draw their own dress over their fields on purpose, so a "not
 * visible" is explained before it refuses (./cover.ts): when all that is drawn over the field is its own dress, the
 * renderer is asked again with that dress hidden for one frame, and the field must then be visible. What is open in
 * the top layer is never hidden to ask again: hiding it would hide its backdrop too. Design: ./README.md.
 */
import { coveredOf, parentAcrossShadow, topLayerOf, type Dress } from './cover';
import { everythingIn, TO_CENTRE } from './guard';
import { searchRoots } from './locate';

/** Why IntersectionObserver v2 said no: it reports one flag for occlusion, opacity below 1, filters and transforms. */
export const UNSEEN = 'not visible as the browser draws it (covered, faded or distorted)';
/** Why the renderer's "not visible" stands when it still holds with the field's own dress hidden. */
const UNEXPLAINED = 'covered by something script cannot see';
/**
 * How long to wait for the renderer's answer. It comes with the next frame (about 16 ms); a tab that is not being
 * drawn (in the background) never answers, and a field nobody can see is not filled.
 */
const VISIBILITY_TIMEOUT_MS = 1000;
/** The attribute that marks, for one frame, an element whose `::before` and `::after` are hidden to ask again. */
const HIDE_PSEUDO = 'data-pingone-helper-hide-pseudo';
/** The same for a top-layer element's transparent `::backdrop` (the element itself is never hidden). */
const HIDE_BACKDROP = 'data-pingone-helper-hide-backdrop';

const hasRenderer = (win: Window & typeof globalThis) => 'isVisible' in (win.IntersectionObserverEntry?.prototype ?? {});

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
 * What else makes the renderer say "not visible" besides being covered (Chromium's HasDistortingVisualEffects): an
 * opacity below 1, a filter or backdrop filter, a blend mode, a transform other than a move, on the field or up its
 * tree (measured in Chromium 156: `opacity: .99` up the tree makes a field not visible, `translate()` does not). A
 * field drawn so stays refused whatever overlaps it: only what is drawn over a field is ever explained.
 */
function distorted(element: Element, win: Window): boolean {
  for (let node: Element | null = element; node; node = parentAcrossShadow(node)) {
    const style = win.getComputedStyle(node);
    // Identity values (`rotate: 0deg`, `scale: 1`, as utility CSS writes them) distort nothing.
    const turned = [style.rotate, style.scale].map((value) => (/^(0deg|1|1 1|1 1 1)$/.test(value ?? '') ? 'none' : value));
    const effects = [style.filter, style.backdropFilter, ...turned, style.mixBlendMode === 'normal' ? '' : style.mixBlendMode];
    if (Number.parseFloat(style.opacity) < 1 || effects.some((value) => value && value !== 'none')) return true;
    // Chromium computes any transform to a matrix; one that only moves the box is matrix(1, 0, 0, 1, x, y).
    if (!/^(none|matrix\(1, 0, 0, 1, [^,]+, [^,]+\))?$/.test(style.transform)) return true;
  }
  return false;
}

/**
 * Hides the field's dress while `ask` runs: each element with an inline `visibility: hidden !important`, each owner's
 * `::before`/`::after` and each transparent top-layer `::backdrop` through a constructed style sheet and a marker
 * attribute. Then puts back each element's
 * inline `visibility` exactly as it was, its priority too, no `style` attribute where there was none, and removes
 * the sheet and the markers.
 */
async function without<T>(win: Window & typeof globalThis, { elements, pseudoOwners, backdropOwners }: Dress, ask: () => Promise<T>): Promise<T> {
  // An element outside HTML and SVG has no inline style to hide: it stays drawn, and the renderer's answer says so.
  const saved = elements.filter((other) => 'style' in other).map((other) => {
    const { style } = other as HTMLElement;
    return { style, other, attribute: other.hasAttribute('style'), value: style.getPropertyValue('visibility'), priority: style.getPropertyPriority('visibility') };
  });
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(
    `[${HIDE_PSEUDO}]::before,[${HIDE_PSEUDO}]::after{visibility:hidden!important}` +
      `[${HIDE_BACKDROP}]::backdrop{display:none!important;visibility:hidden!important}`,
  );
  const roots = [...new Set([...pseudoOwners, ...backdropOwners].map((owner) => owner.getRootNode() as Document | ShadowRoot))];
  try {
    for (const { style } of saved) style.setProperty('visibility', 'hidden', 'important');
    for (const owner of pseudoOwners) owner.setAttribute(HIDE_PSEUDO, '');
    for (const owner of backdropOwners) owner.setAttribute(HIDE_BACKDROP, '');
    for (const root of roots) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return await ask();
  } finally {
    for (const { style, other, attribute, value, priority } of saved) {
      if (value) style.setProperty('visibility', value, priority);
      else style.removeProperty('visibility');
      if (!attribute && !style.length) other.removeAttribute('style');
    }
    for (const owner of pseudoOwners) owner.removeAttribute(HIDE_PSEUDO);
    for (const owner of backdropOwners) owner.removeAttribute(HIDE_BACKDROP);
    for (const root of roots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  }
}

/**
 * The elements Chromium's renderer says a person cannot see, each with the reason, less those whose "not visible"
 * is all their own dress (./cover.ts), checked by asking again with the dress hidden.
 * All are asked at once where the page is scrolled now; one out of view is scrolled to and asked again on its own.
 * Browsers without v2 (Firefox, Safari) answer nothing here: `overlaidOf` (./guard.ts) judges overlaps in script there.
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
  // Judged after the last await, so the page's script cannot change the DOM in between: one list of its elements
  // serves every field. It is never kept longer (across the fill): it would miss an overlay the page adds later.
  const everything = overlapped.length ? everythingIn(win) : [];
  const topLayer = overlapped.length ? topLayerOf(searchRoots(win.document)) : [];
  const judged = overlapped.map((element) => {
    element.scrollIntoView(TO_CENTRE);
    return [element, distorted(element, win) ? { reason: UNSEEN } : coveredOf(element, win, everything, topLayer)] as const;
  });
  for (const [element, cover] of judged) {
    if ('reason' in cover) {
      unseen.set(element, cover.reason);
      continue;
    }
    // The renderer's "not visible" with no dress found over the field: what covers it is out of script's sight.
    if (Object.values(cover.dress).every((listed: Element[]) => !listed.length)) {
      unseen.set(element, UNSEEN);
      continue;
    }
    // With its dress hidden for one frame, the field must be visible, or something script cannot see (a closed
    // shadow root, a pseudo-element elsewhere) covers it too.
    element.scrollIntoView(TO_CENTRE);
    const entry = (await without(win, cover.dress, () => observe([element], win))).get(element);
    if (!entry?.isVisible) unseen.set(element, UNEXPLAINED);
  }
  return unseen;
}
