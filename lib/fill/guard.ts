/**
 * Whether a located control is one the admin can see and use, judged as the browser renders it right now. The
 * engine writes only into such controls: a field that is hidden, transparent, covered, disabled or read-only is
 * either not the console's real field (a decoy, a duplicate) or not one the admin meant to fill.
 */

export interface Refusal {
  reason: string;
  /** True when the control is simply not on screen (hidden, no size): for an optional field that means "absent". */
  notShown: boolean;
  /**
   * True when the control is laid out where a person looks but they cannot see it (transparent) or what they see
   * is something else (covered): the pattern of clickjacking and of decoys, so the engine writes nothing at all.
   */
  deceptive?: boolean;
}

/** Below this effective opacity a field counts as invisible (issue 5: "transparent (opacity < 0.7 up the tree)"). */
const MIN_OPACITY = 0.7;

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
  const visibility = win.getComputedStyle(element).visibility;
  if (visibility === 'hidden' || visibility === 'collapse') return { reason: 'hidden (visibility)', notShown: true };
  let opacity = 1;
  for (let node: Element | null = element; node; node = parentAcrossShadow(node)) {
    if (node.hasAttribute('hidden')) return { reason: 'hidden (hidden attribute)', notShown: true };
    const style = win.getComputedStyle(node);
    if (style.display === 'none') return { reason: 'hidden (display:none)', notShown: true };
    const own = Number.parseFloat(style.opacity);
    if (!Number.isNaN(own)) opacity *= own;
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
  // 'instant': a page with `scroll-behavior: smooth` would otherwise still be scrolling when the box is measured.
  element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
  const box = element.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return { reason: 'zero-size', notShown: true };
  const hit = elementAt(win, box.left + box.width / 2, box.top + box.height / 2);
  if (!hit) return { reason: 'off screen', notShown: true };
  if (hit !== element && !element.contains(hit)) return { reason: 'covered by another element', notShown: false, deceptive: true };
  return undefined;
}

/** Why the engine must not write into `element`, or undefined when it may. */
export function refusalOf(element: HTMLElement, win: Window): Refusal | undefined {
  return stateRefusal(element) ?? styleRefusal(element, win) ?? geometryRefusal(element, win);
}
