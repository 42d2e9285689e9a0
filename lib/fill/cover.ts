/**
 * What is drawn over a field, told apart as a person sees it: the field's own dress, or something covering it.
 *
 * Design systems draw over their own fields on purpose: a floating label over an input (Bootstrap's
 * `.form-floating`, ForgeRock platform-ui's Field), an opaque label strip across a textarea's first line
 * (platform-ui), a 3 px status bar as the wrapper's `::after` (Ping's Astro), a reveal button inside a secret input.
 * Those belong to the field. The field's WRAPPER is the smallest box holding the field and one of its own labels
 * and no other control a person could fill; its dress is, inside that wrapper, the field's own labels (their text
 * names the field), things that draw no text (icons, buttons, bars), and the `::before`/`::after` of the wrapper
 * and the boxes between it and the field. Everything else drawn over the field covers it: another element styled
 * like a label or a bar, a label of another field moved over this one, anything open in the top layer.
 *
 * Dress may be opaque, but it must leave the typing area visible: at least TYPING_SHARE of a grid of points over
 * the field are under no opaque dress and hit the field itself. Design: ./README.md.
 */
import { painted } from './colour';
import { DRAWN } from './locate';

export interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function intersection(a: Area, b: Area): Area {
  return { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
}

export const sizeOf = (area: Area) => Math.max(0, area.right - area.left) * Math.max(0, area.bottom - area.top);

/** Why the renderer's "not visible" stands when what is drawn over the field is not its own dress, or hides it. */
const COVERED_OVER = 'covered by an element drawn over it';
/** Why a field is refused while something in the top layer paints a backdrop over the page it is on. */
const UNDER_BACKDROP = 'under a backdrop open over the page';
/** Share of the typing grid that must stay clear of opaque dress (a 3-row textarea under a 40 px label strip: 0.6). */
const TYPING_SHARE = 0.4;
/** Where the typing area is probed, as fractions of the field's box: 5 x 5 points. */
const GRID = [0.1, 0.3, 0.5, 0.7, 0.9];
/** Overlaps thinner than this (CSS px) are boxes touching at an edge, not drawn over the field. */
const EDGE_PX = 2;
const touching = (shared: Area) => Math.min(shared.right - shared.left, shared.bottom - shared.top) < EDGE_PX;
/** Controls a person fills: another one inside a box means the box is a form section, not one field's wrapper. */
const FILLABLE = 'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]),textarea,select,[role=switch],[role=checkbox],[aria-haspopup=listbox]:not(button),[role=combobox]:not(button)';
/** The top layer (https://developer.mozilla.org/docs/Glossary/Top_layer): drawn over the whole page. */
const TOP_LAYER = [':popover-open', ':modal', ':fullscreen'];

export function parentAcrossShadow(element: Element): Element | null {
  const parent = element.parentNode;
  return parent && parent.nodeType === 11 ? (parent as ShadowRoot).host : element.parentElement;
}

const containsAcrossShadow = (outer: Element, inner: Element) => {
  for (let node: Element | null = inner; node; node = parentAcrossShadow(node)) if (node === outer) return true;
  return false;
};

/** The field's own labels: the browser's `labels` and its `aria-labelledby` targets. */
function ownLabelsOf(element: HTMLElement): Element[] {
  const root = element.getRootNode() as Document | ShadowRoot;
  const labelledBy = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id): Element | null => (id ? root.getElementById(id) : null));
  return [...((element as HTMLInputElement).labels ?? []), ...labelledBy].filter((label): label is Element => !!label);
}

/** Whether a person could fill `control` (drawn, with room to click): a clipped or 1 px stand-in is not one. */
function shownControl(control: Element): boolean {
  if (!control.checkVisibility(DRAWN)) return false;
  const box = control.getBoundingClientRect();
  return box.width >= 8 && box.height >= 8;
}

/** The smallest box holding `element` and one of its own labels and no other control a person could fill. */
function wrapperOf(element: HTMLElement, labels: Element[]): Element | undefined {
  for (let node = parentAcrossShadow(element); node; node = parentAcrossShadow(node)) {
    if (!labels.some((label) => containsAcrossShadow(node, label))) continue;
    const others = [...node.querySelectorAll(FILLABLE)].filter((other) => other !== element && !element.contains(other) && !other.contains(element) && shownControl(other));
    return others.length ? undefined : node;
  }
  return undefined;
}

/** Whether `element` draws text of its own that a person could read (a text node with letters, not hidden). */
function hasReadableText(element: Element): boolean {
  if (!element.checkVisibility(DRAWN)) return false;
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (/\p{L}|\p{N}/u.test(text.nodeValue ?? '') && text.parentElement?.checkVisibility(DRAWN)) return true;
  }
  return false;
}

/** What draws a picture rather than text: inside a box, it paints wherever it lies. */
const GRAPHIC = 'img,svg,canvas,video,iframe,object,embed';

const drawn = (value: string | undefined) => !!value && value !== 'none';

/**
 * What a computed style paints besides text: its whole box (a background colour or image, a shadow, inset too, an
 * outline, a backdrop filter), only the ring its drawn border sides make, or nothing. Box paint covers what is under
 * it; text hides only where its glyphs are.
 */
function paintOf(style: CSSStyleDeclaration): 'box' | 'ring' | undefined {
  if (painted(style.backgroundColor) || [style.boxShadow, style.backdropFilter, style.backgroundImage, style.outlineStyle].some(drawn)) return 'box';
  const bordered = ['top', 'right', 'bottom', 'left'].some(
    (side) => Number.parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0 && painted(style.getPropertyValue(`border-${side}-color`)),
  );
  return bordered ? 'ring' : undefined;
}

/** What `element` paints besides text: as its style says, and a picture in it paints its box wherever it lies. */
const elementPaint = (element: Element, win: Window) =>
  element.matches(GRAPHIC) || element.querySelector(GRAPHIC) ? 'box' : paintOf(win.getComputedStyle(element));

/**
 * Where dress paints over the field, within `shared`: all of it, except for a box that paints nothing but its border
 * (MUI's notched outline: a `fieldset` with a 1 px border drawn over the whole input,
 * https://mui.com/material-ui/react-text-field/), which paints only the ring its border widths draw.
 */
function paintedParts(other: Element, win: Window, shared: Area): Area[] {
  const paint = elementPaint(other, win);
  if (paint !== 'ring') return paint ? [shared] : [];
  const style = win.getComputedStyle(other);
  const box = other.getBoundingClientRect();
  const width = (side: string) => Number.parseFloat(style.getPropertyValue(`border-${side}-width`)) || 0;
  const ring: Area[] = [
    { left: box.left, right: box.right, top: box.top, bottom: box.top + width('top') },
    { left: box.left, right: box.right, top: box.bottom - width('bottom'), bottom: box.bottom },
    { left: box.left, right: box.left + width('left'), top: box.top, bottom: box.bottom },
    { left: box.right - width('right'), right: box.right, top: box.top, bottom: box.bottom },
  ];
  return ring.map((part) => intersection(part, shared)).filter((part) => sizeOf(part) > 0);
}

/** Letters or digits in a pseudo-element's `content`: text it draws. */
const contentText = (style: CSSStyleDeclaration) => /\p{L}|\p{N}/u.test(style.content.replace(/^"|"$/g, '').replace(/^(none|normal)$/, ''));

/** Whether `element` draws nothing at all: no box paint, no text, no control inside. */
const paintsNothing = (element: Element, win: Window) => !elementPaint(element, win) && !hasReadableText(element) && !element.querySelector('input,textarea,select');

/** Letters or digits in a `::before`/`::after` content: text a label draws that no script reads as its name. */
const pseudoText = (element: Element, win: Window) => (['::before', '::after'] as const).some((pseudo) => contentText(win.getComputedStyle(element, pseudo)));

/** The open top-layer elements of the document and its open shadow roots (a browser without a selector has none). */
export function topLayerOf(roots: (Document | ShadowRoot)[]): Element[] {
  return roots.flatMap((root) =>
    TOP_LAYER.flatMap((selector) => {
      try {
        return [...root.querySelectorAll(selector)];
      } catch {
        return [];
      }
    }),
  );
}

/**
 * Where a `::before`/`::after` taken out of the flow is drawn, from its computed offsets and size against its
 * containing block (the element itself when positioned, else its nearest positioned ancestor); the whole `fallback`
 * when that cannot be read (a transform, no size). Undefined when it is not drawn out of the flow.
 */
function pseudoBox(element: Element, pseudo: '::before' | '::after', win: Window, fallback: Area): Area | undefined {
  const style = win.getComputedStyle(element, pseudo);
  if (['', 'none', 'normal'].includes(style.content) || !/absolute|fixed/.test(style.position)) return undefined;
  // Its computed width and height are of the content box unless `box-sizing: border-box`: the drawn box adds padding and borders.
  const extra = (sides: string[]) =>
    style.boxSizing === 'border-box' ? 0 : sides.reduce((sum, side) => sum + (Number.parseFloat(style.getPropertyValue(side)) || 0), 0);
  const width = Number.parseFloat(style.width) + extra(['padding-left', 'padding-right', 'border-left-width', 'border-right-width']);
  const height = Number.parseFloat(style.height) + extra(['padding-top', 'padding-bottom', 'border-top-width', 'border-bottom-width']);
  const [left, top] = [style.left, style.top].map(Number.parseFloat) as [number, number];
  // What moves it beyond its offsets (margins, transforms, a fixed box's viewport-or-ancestor block) is not worked out:
  // it then counts as drawn over all of the field.
  const moved = [style.transform, style.translate, style.rotate, style.scale].some((value) => value && !/^(none|0deg|1|1 1|0px)$/.test(value));
  const margins = [style.marginTop, style.marginLeft].some((margin) => Number.parseFloat(margin) !== 0);
  if (moved || margins || style.position === 'fixed' || [width, height, left, top].some(Number.isNaN)) return fallback;
  // The containing block: the nearest box that is positioned, transformed, filtered or contained.
  const contains = (node: Element) => {
    const own = win.getComputedStyle(node);
    return own.position !== 'static' || [own.transform, own.filter, own.perspective].some((value) => value && value !== 'none') || /paint|layout|strict|content/.test(own.contain);
  };
  let block: Element | null = element;
  while (block && !contains(block)) block = parentAcrossShadow(block);
  const origin = block ? block.getBoundingClientRect() : { left: -win.scrollX, top: -win.scrollY };
  const borders = block ? win.getComputedStyle(block) : undefined;
  const x = origin.left + (borders ? Number.parseFloat(borders.borderLeftWidth) || 0 : 0) + left;
  const y = origin.top + (borders ? Number.parseFloat(borders.borderTopWidth) || 0 : 0) + top;
  return { left: x, top: y, right: x + width, bottom: y + height };
}

/** Whether a pseudo-element paints: its box, or text in its `content` (the pattern of a drawn-over notice). */
function paintedPseudo(element: Element, pseudo: '::before' | '::after', win: Window): boolean {
  const style = win.getComputedStyle(element, pseudo);
  return !!paintOf(style) || contentText(style);
}

/**
 * Whether `other` is drawn under `element` where they overlap (the page and the backdrop under a modal's fields): the
 * hit test lists every element at a point, topmost first. One that lets clicks through (`pointer-events: none`) is
 * not listed, so it counts as drawn on top. Table rows and row groups are never listed either (Chromium 156 lists
 * their cells and the table): they are drawn with their table.
 */
export function beneath(other: Element, element: Element, shared: Area): boolean {
  const root = element.getRootNode() as Document | ShadowRoot;
  const stack = root.elementsFromPoint((shared.left + shared.right) / 2, (shared.top + shared.bottom) / 2);
  const own = stack.indexOf(element);
  return own >= 0 && stack.indexOf((other.matches('tr,thead,tbody,tfoot') && other.closest('table')) || other) > own;
}

/** The topmost element at a point, followed into open shadow roots. */
export function elementAt(win: Window, x: number, y: number): Element | null {
  let hit = win.document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** What `coveredOf` found to be the field's dress over it: hidden for a moment when the renderer is asked again. */
export interface Dress {
  elements: Element[];
  /** Elements whose `::before`/`::after` is dress drawn over the field (a wrapper's status bar). */
  pseudoOwners: Element[];
  /** Top-layer elements elsewhere whose ::backdrop paints nothing: never the elements themselves. */
  backdropOwners: Element[];
}

export type Cover = { reason: string } | { dress: Dress };

/**
 * Whether what is drawn over `element` covers it (a reason) or is all its own dress (listed). `elements`: every
 * element of the document and its open shadow roots, so an overlay appended anywhere (a portal at the end of
 * <body>) is found by its box; `topLayer`: what is open in the top layer. What script cannot see at all (a closed
 * shadow root, a pseudo-element of an element elsewhere) is not found here: the renderer is asked again with the
 * dress hidden (./renderer.ts).
 */
export function coveredOf(element: HTMLElement, win: Window, elements: Element[], topLayer: Element[]): Cover {
  const box = element.getBoundingClientRect();
  const labels = ownLabelsOf(element);
  const wrapper = wrapperOf(element, labels);
  const inTopLayer = (other: Element) => topLayer.some((layer) => layer.contains(other) && !layer.contains(element));
  const dress: Dress = { elements: [], pseudoOwners: [], backdropOwners: [] };
  // Every top-layer element is drawn over the page with its ::backdrop, full screen. One that paints refuses every
  // field outside it; a transparent one (a popover's, by default) paints nothing, though Chromium's renderer then
  // calls every field "not visible": it is hidden, alone, when the renderer is asked again.
  for (const layer of topLayer) {
    if (containsAcrossShadow(layer, element)) continue;
    const backdrop = win.getComputedStyle(layer, '::backdrop');
    if (painted(backdrop.backgroundColor) || (backdrop.backgroundImage || 'none') !== 'none' || (backdrop.backdropFilter || 'none') !== 'none') {
      return { reason: UNDER_BACKDROP };
    }
    dress.backdropOwners.push(layer);
  }
  const opaqueDress: Area[] = [];
  for (const other of elements) {
    if (other === element || other.contains(element) || element.contains(other)) continue;
    const otherBox = other.getBoundingClientRect();
    const shared = intersection(otherBox, box);
    if (touching(shared) || !other.checkVisibility(DRAWN)) continue;
    // An own label is dress only while all it draws is its name: text in its pseudo-elements is a second name.
    const ownLabel = labels.find((label) => (label === other || label.contains(other)) && !pseudoText(label, win) && !pseudoText(other, win));
    const own = !!wrapper && wrapper.contains(other) && !inTopLayer(other) && (!!ownLabel || !hasReadableText(other));
    if (!own) {
      // Drawn beneath the field, or drawing nothing (an empty layout box; if it takes the clicks, the typing grid
      // below finds it in the field's place).
      if (!inTopLayer(other) && (beneath(other, element, shared) || paintsNothing(other, win))) continue;
      return { reason: COVERED_OVER };
    }
    dress.elements.push(other);
    opaqueDress.push(...paintedParts(other, win, shared));
  }
  // Pseudo-elements drawn out of the flow by the field's ancestors: dress up to the wrapper, covering above it.
  const outOfFlow = (owner: Element) =>
    (['::before', '::after'] as const).flatMap((pseudo) => {
      const drawn = pseudoBox(owner, pseudo, win, box);
      const shared = drawn && intersection(drawn, box);
      const style = win.getComputedStyle(owner, pseudo);
      // Drawn beneath the element's content (a card's background as its ::before with z-index -1).
      if (Number.parseInt(style.zIndex, 10) < 0) return [];
      return shared && !touching(shared) ? [{ shared, painted: paintedPseudo(owner, pseudo, win) }] : [];
    });
  for (let node = parentAcrossShadow(element), depth = 0; node && depth < 3; node = parentAcrossShadow(node)) {
    const own = !!wrapper && wrapper.contains(node);
    depth += own ? 0 : 1;
    const drawnOver = outOfFlow(node);
    if (!drawnOver.length) continue;
    if (!own && drawnOver.some((drawn) => drawn.painted)) return { reason: COVERED_OVER };
    dress.pseudoOwners.push(node);
    opaqueDress.push(...drawnOver.filter((drawn) => drawn.painted).map((drawn) => drawn.shared));
  }
  let clear = 0;
  for (const fx of GRID) {
    for (const fy of GRID) {
      const [x, y] = [box.left + (box.right - box.left) * fx, box.top + (box.bottom - box.top) * fy];
      const hit = elementAt(win, x, y);
      const underDress = opaqueDress.some((area) => x >= area.left && x < area.right && y >= area.top && y < area.bottom);
      if (!underDress && hit && (hit === element || element.contains(hit))) clear++;
    }
  }
  return clear >= TYPING_SHARE * GRID.length * GRID.length ? { dress } : { reason: COVERED_OVER };
}
