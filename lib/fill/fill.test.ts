import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fillPage } from './index';
import type { FieldOutcome, FillPlan, PlannedField } from './types';

/**
 * A stand-in for layout, which happy-dom does not do (every box is 0x0, elementFromPoint answers null, and it has no
 * elementsFromPoint). Elements get boxes in the order they are placed, the last placed on top, and hit tests answer
 * from those boxes the way Chromium does: an element with `pointer-events: none` is passed through,
 * `document.elementFromPoint` retargets to the shadow host, each open ShadowRoot answers for its own tree, and
 * `elementsFromPoint` lists every element at the point, topmost first. Geometry refusals are proven for real in
 * test/e2e/fill-refusals.spec.ts; this only lets the unit tests reach the code after the geometry checks and check
 * its decisions on given boxes.
 */

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface FakeLayout {
  /** Give `element` a box on top of everything placed before; without a box, the next free row. */
  place(element: Element, box?: Box): Box;
  /** Place every control in the document and its open shadow roots, one row each. */
  placeControls(): void;
  restore(): void;
}

const CONTROLS = 'input,textarea,select,[role=switch],[role=checkbox]';

function fakeLayout(): FakeLayout {
  const placed: { element: Element; box: Box }[] = [];
  let nextRow = 0;
  // Kept on the element itself: happy-dom hands a select's methods a Proxy of it, so identity lookups miss.
  const BOX = Symbol('box');
  const boxOf = (element: Element) => (element as Element & { [BOX]?: Box })[BOX];
  const stackAt = (x: number, y: number) =>
    placed
      .filter(
        ({ element, box }) =>
          element.isConnected && getComputedStyle(element).pointerEvents !== 'none' && x >= box.left && x < box.left + box.width && y >= box.top && y < box.top + box.height,
      )
      .map(({ element }) => element)
      .reverse();
  const topmost = (x: number, y: number) => stackAt(x, y)[0] ?? null;
  const retarget = (element: Element | null, root: Document | ShadowRoot): Element | null => {
    let current = element;
    while (current && current.getRootNode() !== root) {
      const rootNode = current.getRootNode();
      current = rootNode instanceof ShadowRoot ? rootNode.host : null;
    }
    return current;
  };

  const rect = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const box = boxOf(this) ?? { left: 0, top: 0, width: 0, height: 0 };
    return { ...box, x: box.left, y: box.top, right: box.left + box.width, bottom: box.top + box.height, toJSON: () => box } as DOMRect;
  });
  // Text is laid out in its nearest placed ancestor's box, or in a line at the top-left of the page (happy-dom's
  // Range has no client rects at all).
  const textRects = vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    let node: Node | null = this.startContainer;
    while (node && !(node instanceof Element && boxOf(node))) node = node.parentNode;
    const box = (node && boxOf(node as Element)) ?? { left: 0, top: 0, width: 100, height: 16 };
    return [{ ...box, right: box.left + box.width, bottom: box.top + box.height }] as unknown as DOMRectList;
  });
  const documentHit = vi.spyOn(document, 'elementFromPoint').mockImplementation((x, y) => retarget(topmost(x, y), document));
  const shadowPrototype = ShadowRoot.prototype as unknown as { elementFromPoint?: (x: number, y: number) => Element | null };
  shadowPrototype.elementFromPoint = function (this: ShadowRoot, x: number, y: number) {
    return retarget(topmost(x, y), this);
  };
  type Stacks = { elementsFromPoint?: (x: number, y: number) => Element[] };
  // On the document itself: happy-dom's document does not inherit from the global Document.prototype.
  const stackPrototypes = [document, ShadowRoot.prototype] as unknown as Stacks[];
  for (const prototype of stackPrototypes) {
    prototype.elementsFromPoint = function (this: Document | ShadowRoot, x: number, y: number) {
      // An element of an enclosing tree is listed as itself, one inside a nested shadow root as its host.
      return [...new Set(stackAt(x, y).map((element) => retarget(element, this) ?? element))];
    };
  }

  const layout: FakeLayout = {
    place(element, box) {
      const given = box ?? { left: 10, top: nextRow, width: 200, height: 20 };
      if (!box) nextRow += 30;
      placed.push({ element, box: given });
      (element as Element & { [BOX]?: Box })[BOX] = given;
      return given;
    },
    placeControls() {
      const roots: (Document | ShadowRoot)[] = [document];
      for (let index = 0; index < roots.length; index++) {
        for (const element of roots[index]!.querySelectorAll('*')) {
          if (element.shadowRoot) roots.push(element.shadowRoot);
          if (element.matches(CONTROLS)) layout.place(element);
        }
      }
    },
    restore() {
      rect.mockRestore();
      textRects.mockRestore();
      documentHit.mockRestore();
      delete shadowPrototype.elementFromPoint;
      for (const prototype of stackPrototypes) delete prototype.elementsFromPoint;
    },
  };
  return layout;
}

let layout: FakeLayout;
beforeEach(() => {
  layout = fakeLayout();
});
afterEach(() => {
  layout.restore();
  document.body.innerHTML = '';
});

const SECRET = 'dev-webapp-secret-Zx2cV4bN6mA8sD0f';

function text(key: string, labels: string[], value: string, extra: Partial<PlannedField> = {}): PlannedField {
  return { key, label: labels[0] ?? key, control: 'text', value, locate: { labels }, ...extra };
}

function planOf(...fields: PlannedField[]): FillPlan {
  return { consoleId: 'test', consoleName: 'Test console', origin: location.origin, fields, notes: ['a note'] };
}

/** Render `html`, give every control a box, fill, and return the one field's outcome. */
async function fillOne(html: string, field: PlannedField): Promise<FieldOutcome> {
  document.body.innerHTML = html;
  layout.placeControls();
  const report = await fillPage(planOf(field));
  expect(report.refused).toBeUndefined();
  return report.fields[0]!;
}

const input = (selector: string) => document.querySelector<HTMLInputElement>(selector)!;

describe('locating a field', () => {
  const cases: [string, string][] = [
    ['<label for>', '<label for="s">Client Secret</label><input id="s">'],
    ['a wrapping <label>', '<label>Client Secret <input id="s"></label>'],
    ['aria-labelledby (several ids)', '<span id="a">Client</span><span id="b">Secret</span><input id="s" aria-labelledby="a b">'],
    ['aria-label', '<input id="s" aria-label="Client Secret">'],
    ['a label with a required marker and odd spacing', '<label for="s">  client\n  SECRET <abbr>*</abbr></label><input id="s">'],
  ];
  for (const [how, html] of cases) {
    it(`by ${how}`, async () => {
      expect((await fillOne(`<input id="other" name="other">${html}`, text('clientSecret', ['Client Secret'], SECRET))).status).toBe('filled');
      expect(input('#s').value).toBe(SECRET);
      expect(input('#other').value).toBe('');
    });
  }

  it('tries label variants in the order given, most specific first', async () => {
    await fillOne('<label for="a">Name</label><input id="a"><label for="b">Integration Name</label><input id="b">', text('name', ['Integration Name', 'Name'], 'x'));
    expect([input('#a').value, input('#b').value]).toEqual(['', 'x']);
  });

  it('does not take label text from the control itself (a wrapped select’s options)', async () => {
    const outcome = await fillOne('<label>Scheme <select id="s"><option>Basic</option></select></label>', {
      ...text('scheme', ['Scheme Basic'], 'Basic'),
      control: 'select',
    });
    expect(outcome.status).toBe('not-found');
  });

  it('falls back to name/id, then placeholder, only when no label matches', async () => {
    await fillOne('<input id="p" placeholder="Client secret"><input id="n" name="client_secret">', {
      ...text('clientSecret', ['Client Secret'], SECRET),
      locate: { labels: ['Client Secret'], names: ['client_secret'], placeholders: ['Client secret'] },
    });
    expect([input('#n').value, input('#p').value]).toEqual([SECRET, '']);

    await fillOne('<input id="p" placeholder="Client secret"><input id="n" name="unrelated">', {
      ...text('clientSecret', ['Client Secret'], SECRET),
      locate: { labels: ['Client Secret'], names: ['client_secret'], placeholders: ['Client secret'] },
    });
    expect(input('#p').value).toBe(SECRET);
  });

  it('trusts a label over a name: a field named client_secret does not win over the one labelled Client Secret', async () => {
    await fillOne('<input id="n" name="client_secret"><label for="l">Client Secret</label><input id="l">', {
      ...text('clientSecret', ['Client Secret'], SECRET),
      locate: { labels: ['Client Secret'], names: ['client_secret'] },
    });
    expect([input('#l').value, input('#n').value]).toEqual([SECRET, '']);
  });

  it('matches only controls of the planned kind', async () => {
    const outcome = await fillOne('<label for="t">PKCE</label><input id="t">', { key: 'pkce', label: 'PKCE', control: 'checkbox', value: true, locate: { labels: ['PKCE'] } });
    expect(outcome.status).toBe('not-found');
    expect(input('#t').value).toBe('');
  });

  it('searches open shadow roots, labels resolved inside them', async () => {
    document.body.innerHTML = '<console-form></console-form>';
    const shadow = document.querySelector('console-form')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<label for="s">Client Secret</label><input id="s">';
    layout.placeControls();
    expect((await fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET)))).fields[0]?.status).toBe('filled');
    expect(shadow.querySelector('input')!.value).toBe(SECRET);
  });

  it('reports a missing required field as not-found and a missing optional one as absent', async () => {
    document.body.innerHTML = '<label for="n">Name</label><input id="n">';
    layout.placeControls();
    const report = await fillPage(planOf(text('secret', ['Client Secret'], SECRET), text('step2', ['Description'], 'd', { optional: true })));
    expect(report.fields.map((field) => [field.key, field.status])).toEqual([
      ['secret', 'not-found'],
      ['step2', 'absent'],
    ]);
  });
});

describe('writing so the page’s framework notices', () => {
  /**
   * React's value tracking (react-dom inputValueTracking): an own `value` property on the element records every
   * write through `element.value`; React's input handler fires onChange only when the DOM value differs from it.
   */
  function trackLikeReact(element: HTMLInputElement) {
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    let tracked = native.get!.call(element) as string;
    Object.defineProperty(element, 'value', {
      configurable: true,
      get() {
        return native.get!.call(this);
      },
      set(value: string) {
        tracked = String(value);
        native.set!.call(this, value);
      },
    });
    const changes: string[] = [];
    element.addEventListener('input', () => {
      const current = element.value;
      if (current !== tracked) {
        tracked = current;
        changes.push(current);
      }
    });
    return changes;
  }

  it('reaches a React-style tracked input through the prototype’s native setter', async () => {
    document.body.innerHTML = '<label for="s">Client Secret</label><input id="s">';
    layout.placeControls();
    const changes = trackLikeReact(input('#s'));
    expect((await fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET)))).fields[0]?.status).toBe('filled');
    expect(changes).toEqual([SECRET]);
  });

  it('(control) the same tracker ignores a plain `element.value =` write, so the test above tells the two apart', async () => {
    document.body.innerHTML = '<input id="s">';
    const changes = trackLikeReact(input('#s'));
    input('#s').value = SECRET;
    input('#s').dispatchEvent(new Event('input', { bubbles: true }));
    expect(changes).toEqual([]);
  });

  it('sends focus, input, change, blur and focusout, the ones that bubble bubbling to the document', async () => {
    document.body.innerHTML = '<label for="s">Description</label><textarea id="s"></textarea>';
    layout.placeControls();
    const onElement: string[] = [];
    const onDocument: string[] = [];
    const textarea = document.querySelector('textarea')!;
    for (const type of ['focus', 'focusin', 'input', 'change', 'blur', 'focusout']) {
      textarea.addEventListener(type, (event) => onElement.push(`${type}:${(event.target as HTMLTextAreaElement).value}`));
      document.addEventListener(type, () => onDocument.push(type));
    }
    await fillPage(planOf({ ...text('description', ['Description'], 'two\nlines'), control: 'textarea' }));
    expect(onElement).toEqual(['focus:', 'focusin:', 'input:two\nlines', 'change:two\nlines', 'blur:two\nlines', 'focusout:two\nlines']);
    expect(onDocument).toEqual(['focusin', 'input', 'change', 'focusout']);
  });

  it('reports unchanged, and sends no event, when the field already holds the value', async () => {
    document.body.innerHTML = '<label for="n">Name</label><input id="n" value="Acme-Dev">';
    layout.placeControls();
    const events: string[] = [];
    input('#n').addEventListener('input', () => events.push('input'));
    expect((await fillPage(planOf(text('name', ['Name'], 'Acme-Dev')))).fields[0]?.status).toBe('unchanged');
    expect(events).toEqual([]);
  });

  it('reports a value the page put back (a controlled input whose state refused it) instead of claiming success', async () => {
    document.body.innerHTML = '<label for="n">Name</label><input id="n" value="locked">';
    layout.placeControls();
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    input('#n').addEventListener('input', (event) => native.set!.call(event.target, 'locked'));
    expect((await fillPage(planOf(text('name', ['Name'], 'new')))).fields[0]).toMatchObject({
      status: 'not-kept',
      reason: 'the page received the value but did not keep it',
      reached: true,
    });
  });

  it('turns a checkbox on by clicking it (React listens to click), and leaves it alone when already on', async () => {
    document.body.innerHTML = '<form><input type="checkbox" id="c"><label for="c">PKCE</label></form>';
    layout.placeControls();
    const seen: string[] = [];
    const submitted = vi.fn((event: Event) => event.preventDefault());
    document.querySelector('form')!.addEventListener('submit', submitted);
    for (const type of ['click', 'change']) input('#c').addEventListener(type, () => seen.push(type));
    const pkce: PlannedField = { key: 'pkce', label: 'PKCE', control: 'checkbox', value: true, locate: { labels: ['PKCE'] } };
    expect((await fillPage(planOf(pkce))).fields[0]?.status).toBe('filled');
    expect(input('#c').checked).toBe(true);
    expect(seen).toEqual(['click', 'change']);
    expect((await fillPage(planOf(pkce))).fields[0]?.status).toBe('unchanged');
    expect(seen).toEqual(['click', 'change']);
    expect(submitted).not.toHaveBeenCalled();
  });

  it('toggles an ARIA switch button (type=button, as UI libraries render one) by clicking it, inside a form too', async () => {
    document.body.innerHTML = '<form><button type="button" role="switch" aria-checked="false" aria-label="PKCE" id="ok"></button></form>';
    layout.placeControls();
    const ok = document.getElementById('ok')!;
    ok.addEventListener('click', () => ok.setAttribute('aria-checked', String(ok.getAttribute('aria-checked') !== 'true')));
    const submitted = vi.fn((event: Event) => event.preventDefault());
    document.querySelector('form')!.addEventListener('submit', submitted);
    const report = await fillPage(planOf({ key: 'pkce', label: 'PKCE', control: 'checkbox', value: true, locate: { labels: ['PKCE'] } }));
    expect(report.fields.map((field) => [field.status, field.reason])).toEqual([['filled', undefined]]);
    expect(ok.getAttribute('aria-checked')).toBe('true');
    expect(submitted).not.toHaveBeenCalled();
  });

  it('chooses from a select drawn as a button and a listbox (react-aria) as a person does; the clipped, disabled stand-in is not the control', async () => {
    // react-aria's Select: a labelled button that opens a listbox in a portal, beside a visually hidden native select.
    document.body.innerHTML =
      '<div><span id="l">Authentication Scheme</span><button type="button" id="b" aria-haspopup="listbox" aria-labelledby="l v"><span id="v">Select</span></button>' +
      '<div style="clip-path:inset(50%)"><label>Authentication Scheme<select disabled><option>Basic</option><option>Post</option></select></label></div></div>';
    const button = document.getElementById('b')!;
    layout.place(button);
    const clicks: string[] = [];
    button.addEventListener('click', () => {
      clicks.push('button');
      queueMicrotask(() => {
        const list = document.createElement('ul');
        list.setAttribute('role', 'listbox');
        list.id = 'list';
        for (const text of ['Basic', 'Post']) {
          const option = document.createElement('li');
          option.setAttribute('role', 'option');
          option.textContent = text;
          option.addEventListener('click', () => {
            clicks.push(text);
            document.getElementById('v')!.textContent = text;
            list.remove();
          });
          list.append(option);
        }
        button.setAttribute('aria-controls', 'list');
        document.body.append(list);
        for (const option of list.children) layout.place(option);
      });
    });
    const scheme: PlannedField = { key: 'scheme', label: 'Authentication Scheme', control: 'select', value: 'Basic', locate: { labels: ['Authentication Scheme'] } };
    const report = await fillPage(planOf(scheme));
    expect(report.fields[0]).toMatchObject({ status: 'filled', reached: true });
    expect(clicks).toEqual(['button', 'Basic']);
    expect(document.getElementById('v')!.textContent).toBe('Basic');
    expect((await fillPage(planOf(scheme))).fields[0]?.status).toBe('unchanged');
  });

  it('clicks the drawn label of a visually hidden checkbox (Astro SwitchField), judging the label for visibility', async () => {
    document.body.innerHTML = '<label id="face"><input type="checkbox" role="switch" id="c" style="clip-path:inset(50%)"><span>Use Proxy</span></label>';
    layout.place(document.getElementById('face')!);
    const pkce: PlannedField = { key: 'useProxy', label: 'Use Proxy', control: 'checkbox', value: true, locate: { labels: ['Use Proxy'] } };
    const report = await fillPage(planOf(pkce));
    expect(report.fields[0]).toMatchObject({ status: 'filled', reached: true });
    expect(input('#c').checked).toBe(true);
  });

  it('chooses a select option by its text or its value, with input and change', async () => {
    document.body.innerHTML =
      '<label for="t">OpenID Connect Login Type</label><select id="t"><option value="">Select</option><option value="CODE">Code</option><option value="POST">Form Post</option></select>' +
      '<label for="a">Authentication Scheme</label><select id="a"><option>Post</option><option value="BASIC">Basic</option></select>' +
      '<label for="x">Other</label><select id="x"><option>One</option></select>';
    layout.placeControls();
    const changes: string[] = [];
    document.addEventListener('change', (event) => changes.push((event.target as HTMLSelectElement).value));
    const select = (key: string, labels: string[], value: string): PlannedField => ({ key, label: key, control: 'select', value, locate: { labels } });
    const report = await fillPage(
      planOf(select('loginType', ['OpenID Connect Login Type'], 'Code'), select('scheme', ['Authentication Scheme'], 'BASIC'), select('other', ['Other'], 'Two')),
    );
    expect(report.fields.map((field) => [field.status, field.reason])).toEqual([
      ['filled', undefined],
      ['filled', undefined],
      ['refused', 'no option "Two"'],
    ]);
    expect(changes).toEqual(['CODE', 'BASIC']);
    expect((await fillPage(planOf(select('loginType', ['OpenID Connect Login Type'], 'Code')))).fields[0]?.status).toBe('unchanged');
  });
});

describe('refusing what a person could not see or use', () => {
  const refusedCases: [string, string, string][] = [
    ['disabled', '<label for="s">Client Secret</label><input id="s" disabled>', 'disabled'],
    ['aria-disabled', '<label for="s">Client Secret</label><input id="s" aria-disabled="true">', 'disabled'],
    ['read-only', '<label for="s">Client Secret</label><input id="s" readonly>', 'read-only'],
    ['hidden attribute on an ancestor', '<div hidden><label for="s">Client Secret</label><input id="s"></div>', 'hidden (hidden attribute)'],
    ['display:none on an ancestor', '<div style="display:none"><label for="s">Client Secret</label><input id="s"></div>', 'hidden (display:none)'],
    ['visibility:hidden', '<div style="visibility:hidden"><label for="s">Client Secret</label><input id="s"></div>', 'hidden (visibility)'],
    ['opacity 0.01 on an ancestor', '<div style="opacity:0.01"><label for="s">Client Secret</label><input id="s"></div>', 'transparent (opacity 0.01)'],
    [
      'opacities that multiply below 0.7 (0.8 x 0.8)',
      '<div style="opacity:0.8"><div style="opacity:0.8"><label for="s">Client Secret</label><input id="s"></div></div>',
      'transparent (opacity 0.64)',
    ],
  ];
  for (const [what, html, reason] of refusedCases) {
    it(`refuses a field that is ${what}, and writes nothing`, async () => {
      const events: string[] = [];
      document.body.innerHTML = html;
      layout.placeControls();
      input('#s').addEventListener('input', () => events.push('input'));
      expect((await fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET)))).fields[0]).toEqual({
        key: 'clientSecret',
        label: 'Client Secret',
        status: 'refused',
        reason,
      });
      expect(input('#s').value).toBe('');
      expect(events).toEqual([]);
    });
  }

  for (const [what, trap] of [
    ['transparent', (field: HTMLElement) => (field.style.opacity = '0.01')],
    ['covered', (field: HTMLElement) => layout.place(document.getElementById('overlay')!, layout.place(field))],
  ] as const) {
    it(`writes no field at all when one is ${what}: the page is caught deceiving`, async () => {
      document.body.innerHTML =
        '<label for="n">Name</label><input id="n"><label for="s">Client Secret</label><input id="s"><label for="e">Environment ID</label><input id="e"><div id="overlay"></div>';
      layout.place(input('#n'));
      trap(input('#s'));
      if (what === 'transparent') layout.place(input('#s'));
      layout.place(input('#e'));
      const report = await fillPage(planOf(text('name', ['Name'], 'Acme'), text('clientSecret', ['Client Secret'], SECRET), text('environmentId', ['Environment ID'], 'env')));
      expect(report.refused).toMatch(new RegExp(`^Not filled: Client Secret is ${what}.*nothing was written\\.$`));
      expect(report.fields.map((field) => [field.key, field.status, field.reason])).toEqual([
        ['name', 'refused', 'not written: the fill stopped'],
        ['clientSecret', 'refused', what === 'covered' ? 'covered by another element' : 'transparent (opacity 0.01)'],
        ['environmentId', 'refused', 'not written: the fill stopped'],
      ]);
      expect([input('#n').value, input('#s').value, input('#e').value]).toEqual(['', '', '']);
    });
  }

  it('still fills the usable fields beside one that is disabled or missing (nothing deceptive about those)', async () => {
    document.body.innerHTML = '<label for="n">Name</label><input id="n" disabled><label for="e">Environment ID</label><input id="e">';
    layout.placeControls();
    const report = await fillPage(planOf(text('name', ['Name'], 'Acme'), text('clientSecret', ['Client Secret'], SECRET), text('environmentId', ['Environment ID'], 'env')));
    expect(report.refused).toBeUndefined();
    expect(report.fields.map((field) => field.status)).toEqual(['refused', 'not-found', 'filled']);
    expect(input('#e').value).toBe('env');
  });

  it('accepts opacity 0.7 and above', async () => {
    expect((await fillOne('<div style="opacity:0.7"><label for="s">Client Secret</label><input id="s"></div>', text('clientSecret', ['Client Secret'], SECRET))).status).toBe(
      'filled',
    );
  });

  it('refuses a zero-size field, and one under another element, from the boxes it is given', async () => {
    document.body.innerHTML = '<label for="z">Name</label><input id="z"><label for="c">Client Secret</label><input id="c"><div id="overlay"></div>';
    layout.place(input('#z'), { left: 10, top: 0, width: 0, height: 20 });
    const box = layout.place(input('#c'));
    layout.place(document.getElementById('overlay')!, box);
    const report = await fillPage(planOf(text('name', ['Name'], 'n'), text('clientSecret', ['Client Secret'], SECRET)));
    expect(report.fields.map((field) => field.reason)).toEqual(['too small to see', 'covered by another element']);
    expect([input('#z').value, input('#c').value]).toEqual(['', '']);
  });

  it('refuses a field drawn smaller than 8x8 px (a transform can scale it down: the box is measured as drawn), and takes 8x8', async () => {
    document.body.innerHTML = '<label for="a">Client ID</label><input id="a"><label for="b">Client Secret</label><input id="b">';
    layout.place(input('#a'), { left: 10, top: 0, width: 8, height: 8 });
    layout.place(input('#b'), { left: 10, top: 30, width: 200, height: 7 });
    const report = await fillPage(planOf(text('clientId', ['Client ID'], 'id'), text('clientSecret', ['Client Secret'], SECRET)));
    expect(report.fields.map((field) => [field.status, field.reason])).toEqual([
      ['filled', undefined],
      ['refused', 'too small to see'],
    ]);
    expect([input('#a').value, input('#b').value]).toEqual(['id', '']);
  });

  it('refuses a field whose centre is off screen (the hit test finds nothing there)', async () => {
    document.body.innerHTML = '<label for="s">Client Secret</label><input id="s">';
    layout.place(input('#s'), { left: -10_000, top: 0, width: 200, height: 20 });
    vi.mocked(document.elementFromPoint).mockImplementation((x) => (x < 0 ? null : document.body));
    expect((await fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET)))).fields[0]).toMatchObject({ status: 'refused', reason: 'off screen' });
  });

  it('scrolls a field into view before testing what covers it', async () => {
    document.body.innerHTML = '<label for="s">Client Secret</label><input id="s">';
    layout.placeControls();
    const scrolled = vi.spyOn(input('#s'), 'scrollIntoView');
    await fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET)));
    expect(scrolled).toHaveBeenCalledWith({ block: 'center', inline: 'center', behavior: 'instant' });
  });

  it('fills the visible field and leaves a hidden duplicate with the same label and name untouched', async () => {
    document.body.innerHTML =
      '<input id="decoy" name="client_secret" aria-label="Client Secret" style="display:none">' +
      '<label for="real">Client Secret</label><input id="real" name="client_secret">';
    layout.placeControls();
    const report = await fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET)));
    expect(report.fields[0]?.status).toBe('filled');
    expect([input('#real').value, input('#decoy').value]).toEqual([SECRET, '']);
  });

  it('writes nowhere when two visible fields match: it cannot know which one is meant', async () => {
    document.body.innerHTML = '<label for="a">Client Secret</label><input id="a"><input id="b" aria-label="Client Secret">';
    layout.placeControls();
    expect((await fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET)))).fields[0]).toMatchObject({
      status: 'refused',
      reason: 'ambiguous: 2 visible fields match',
    });
    expect([input('#a').value, input('#b').value]).toEqual(['', '']);
  });

  it('reports an optional field that is only there hidden (the other step of a modal) as absent; a required one as refused', async () => {
    document.body.innerHTML = '<div style="display:none"><label for="c">Credential</label><textarea id="c"></textarea></div>';
    layout.placeControls();
    const credential = (optional: boolean): PlannedField => ({ ...text('credential', ['Credential'], 'jwt'), control: 'textarea', optional });
    expect((await fillPage(planOf(credential(true)))).fields[0]).toMatchObject({ status: 'absent', reason: 'not shown on this page' });
    expect((await fillPage(planOf(credential(false)))).fields[0]).toMatchObject({ status: 'refused', reason: 'hidden (display:none)' });
    expect(document.querySelector('textarea')!.value).toBe('');
  });
});

describe('the page-level gate and the report', () => {
  it('refuses a page whose origin is not the plan’s, writing nothing', async () => {
    document.body.innerHTML = '<label for="s">Client Secret</label><input id="s">';
    layout.placeControls();
    const report = await fillPage({ ...planOf(text('clientSecret', ['Client Secret'], SECRET)), origin: 'https://one.dash.cloudflare.com' });
    expect(report.refused).toBe(`Not filled: this page is ${location.origin}, not https://one.dash.cloudflare.com.`);
    expect(report.fields).toEqual([]);
    expect(input('#s').value).toBe('');
  });

  it('refuses inside a frame (a window that is not its own top)', async () => {
    document.body.innerHTML = '<label for="s">Client Secret</label><input id="s">';
    layout.placeControls();
    // happy-dom does not load frames; a frame's window is the same window whose `top` is another one. The real
    // cross-origin frame is in test/e2e/fill-refusals.spec.ts.
    const frameWindow = new Proxy(window, { get: (target, key) => (key === 'top' ? {} : Reflect.get(target, key, target)) });
    expect((await fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET)), frameWindow)).refused).toMatch(/^Not filled: this is a frame/);
    expect(input('#s').value).toBe('');
  });

  it('refuses a plan the console refused (a wrong kind), writing nothing', async () => {
    document.body.innerHTML = '<label for="s">Client Secret</label><input id="s">';
    layout.placeControls();
    const report = await fillPage({ ...planOf(text('clientSecret', ['Client Secret'], SECRET)), refused: 'wrong kind' });
    expect(report).toMatchObject({ refused: 'wrong kind', fields: [] });
    expect(input('#s').value).toBe('');
  });

  it('reports every field with its status, the plan’s notes and a duration, and never a value', async () => {
    document.body.innerHTML = '<label for="n">Name</label><input id="n"><label for="s">Client Secret</label><input id="s">';
    layout.placeControls();
    const report = await fillPage(planOf(text('name', ['Name'], 'Acme'), text('clientSecret', ['Client Secret'], SECRET, { secret: true })));
    expect(report).toMatchObject({
      consoleId: 'test',
      fields: [
        { key: 'name', label: 'Name', status: 'filled' },
        { key: 'clientSecret', label: 'Client Secret', status: 'filled' },
      ],
      notes: ['a note'],
    });
    expect(report.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(report)).not.toContain(SECRET);
    expect(JSON.stringify(report)).not.toContain('Acme');
  });

});

describe('filters and clip paths, judged in script in every browser', () => {
  const cases: [string, string, string | undefined][] = [
    ['filter: opacity(0) on an ancestor', 'filter: opacity(0)', 'transparent (opacity 0)'],
    ['filter: opacity(50%) times opacity 0.9', 'filter: opacity(50%); opacity: 0.9', 'transparent (opacity 0.45)'],
    ['a blur', 'filter: blur(4px)', 'filtered (blur)'],
    ['an SVG filter', 'filter: url(#swap)', 'filtered (url)'],
    ['a clip path', 'clip-path: inset(50%)', 'clipped (clip-path)'],
    ['a drop shadow and greyscale (harmless)', 'filter: drop-shadow(0 1px 2px black) grayscale(1)', undefined],
    ['a sub-pixel blur (harmless)', 'filter: blur(0.5px)', undefined],
  ];
  for (const [what, style, reason] of cases) {
    it(reason ? `refuses a field under ${what}` : `fills a field under ${what}`, async () => {
      document.body.innerHTML = `<div style="${style}"><label for="s">Client Secret</label><input id="s"></div>`;
      layout.placeControls();
      const report = await fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET)));
      expect(report.fields[0]).toMatchObject(reason ? { status: 'refused', reason } : { status: 'filled' });
      expect(input('#s').value).toBe(reason ? '' : SECRET);
    });
  }

  it('treats a faded or filtered field as the page deceiving (nothing written), a clipped one as simply not shown', async () => {
    const html = (style: string) =>
      `<label for="n">Name</label><input id="n"><div style="${style}"><label for="s">Client Secret</label><input id="s"></div>`;
    const plan = planOf(text('name', ['Name'], 'Acme'), text('clientSecret', ['Client Secret'], SECRET));
    document.body.innerHTML = html('filter: opacity(0)');
    layout.placeControls();
    expect((await fillPage(plan)).refused).toMatch(/^Not filled: Client Secret is transparent \(opacity 0\)\./);
    expect(input('#n').value).toBe('');

    document.body.innerHTML = html('clip-path: inset(50%)');
    layout.placeControls();
    const clipped = await fillPage(plan);
    expect(clipped.refused).toBeUndefined();
    expect(clipped.fields.map((field) => field.status)).toEqual(['filled', 'refused']);
    expect([input('#n').value, input('#s').value]).toEqual(['Acme', '']);
  });
});

describe('labels name a field only through the text they draw', () => {
  const hiddenTexts: [string, string][] = [
    ['display:none', '<span style="display:none">Client Secret</span>'],
    ['visibility:hidden', '<span style="visibility:hidden">Client Secret</span>'],
    ['opacity 0', '<span style="opacity:0">Client Secret</span>'],
  ];
  for (const [how, hidden] of hiddenTexts) {
    it(`does not take a visible field whose <label> says "Client Secret" only in text hidden by ${how}`, async () => {
      const outcome = await fillOne(
        `<p>Public comment (shown on your profile)</p><label for="pub">${hidden}</label><input id="pub" placeholder="Say hello">`,
        text('clientSecret', ['Client Secret'], SECRET),
      );
      expect(outcome).toMatchObject({ status: 'not-found' });
      expect(input('#pub').value).toBe('');
    });
  }

  const unreadable: [string, string][] = [
    ['font-size: 0', 'font-size:0'],
    ['a transparent colour', 'color:transparent'],
    ['a clip up its tree', 'clip-path:inset(50%)'],
  ];
  for (const [how, style] of unreadable) {
    it(`does not take a visible field whose <label> draws "Client Secret" in ${how}`, async () => {
      const outcome = await fillOne(`<p>Public comment</p><label for="pub" style="${style}">Client Secret</label><input id="pub">`, text('clientSecret', ['Client Secret'], SECRET));
      expect(outcome).toMatchObject({ status: 'not-found' });
      expect(input('#pub').value).toBe('');
    });
  }

  it('does not take a visible field whose <label> text is laid out off the page (left: -9999px), and takes it on the page', async () => {
    const render = (box: Box) => {
      document.body.innerHTML = '<p>Public comment</p><label for="pub" id="l">Client Secret</label><input id="pub">';
      layout.placeControls();
      layout.place(document.querySelector('#l')!, box);
      return fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET)));
    };
    expect((await render({ left: -9999, top: 0, width: 90, height: 16 })).fields[0]).toMatchObject({ status: 'not-found' });
    expect(input('#pub').value).toBe('');
    expect((await render({ left: 10, top: 200, width: 90, height: 16 })).fields[0]).toMatchObject({ status: 'filled' });
  });

  it('does not take a visible field whose whole <label> is hidden, and then tries no lower-trust hint around it', async () => {
    const outcome = await fillOne('<label for="pub" style="display:none">Client Secret</label><input id="pub"><input id="named" name="client_secret">', {
      ...text('clientSecret', ['Client Secret'], SECRET),
      locate: { labels: ['Client Secret'], names: ['client_secret'] },
    });
    expect(outcome.status).toBe('not-found');
    expect([input('#pub').value, input('#named').value]).toEqual(['', '']);
  });

  it('fills the real, visibly labelled field and leaves the decoy with the hidden label text before it empty', async () => {
    const outcome = await fillOne(
      '<p>Public comment</p><label for="pub"><span style="display:none">Client Secret</span></label><input id="pub">' +
        '<label for="real">Client Secret</label><input id="real">',
      text('clientSecret', ['Client Secret'], SECRET),
    );
    expect(outcome.status).toBe('filled');
    expect([input('#pub').value, input('#real').value]).toEqual(['', SECRET]);
  });

  it('reads the drawn part of a label that also holds hidden text', async () => {
    const outcome = await fillOne(
      '<label for="s">Client Secret<span style="display:none"> (help: where to find it)</span></label><input id="s">',
      text('clientSecret', ['Client Secret'], SECRET),
    );
    expect(outcome.status).toBe('filled');
  });
});

describe('toggles whose click would do more than toggle', () => {
  const pkce: PlannedField = { key: 'pkce', label: 'PKCE', control: 'checkbox', value: true, optional: true, locate: { labels: ['PKCE'] } };
  const SWITCH = '<span role="switch" aria-checked="false" aria-label="PKCE" id="t"></span>';
  const traps: [string, string][] = [
    ['is itself a form’s submit button', '<form><button role="switch" aria-checked="false" aria-label="PKCE" id="t"></button></form>'],
    ['sits inside a form’s submit button', `<form><button>Save ${SWITCH}</button></form>`],
    ['sits inside a button of type=button', `<button type="button">More ${SWITCH}</button>`],
    ['sits inside a link', `<a href="#elsewhere">${SWITCH.replace('switch', 'checkbox')}</a>`],
    ['sits inside a summary', `<details><summary>${SWITCH}</summary></details>`],
    ['sits inside a label whose control is a submit input', `<form><label>${SWITCH}<input type="submit" value="Go"></label></form>`],
  ];
  for (const [how, html] of traps) {
    it(`refuses the whole page when the toggle ${how}: nothing written, nothing clicked, nothing submitted`, async () => {
      document.body.innerHTML = `<label for="n">Name</label><input id="n">${html}`;
      layout.placeControls();
      const clicks: EventTarget[] = [];
      document.addEventListener('click', (event) => clicks.push(event.target!), true);
      const submitted = vi.fn((event: Event) => event.preventDefault());
      document.addEventListener('submit', submitted);
      const report = await fillPage(planOf(text('name', ['Name'], 'Acme'), pkce));
      expect(report.refused).toMatch(/^Not filled: PKCE is a toggle whose click would also press a button or link\. .*nothing was written\.$/);
      expect(report.fields.map((field) => [field.key, field.status])).toEqual([
        ['name', 'refused'],
        ['pkce', 'refused'],
      ]);
      expect(input('#n').value).toBe('');
      expect(document.getElementById('t')!.getAttribute('aria-checked')).toBe('false');
      expect(clicks).toEqual([]);
      expect(submitted).not.toHaveBeenCalled();
      expect(location.hash).toBe('');
    });
  }

  it('refuses a switch inside a shadow root whose host sits in a submit button (a click’s path crosses the shadow boundary)', async () => {
    document.body.innerHTML = '<form><button>Save <console-switch></console-switch></button></form>';
    document.querySelector('console-switch')!.attachShadow({ mode: 'open' }).innerHTML = SWITCH;
    layout.placeControls();
    const report = await fillPage(planOf(pkce));
    expect(report.refused).toMatch(/^Not filled: PKCE is a toggle whose click would also press a button or link\./);
  });

  it('still clicks a checkbox inside its own <label>, inside a form, without submitting it', async () => {
    document.body.innerHTML = '<form><label><input type="checkbox" id="c"> PKCE</label><button>Save</button></form>';
    layout.placeControls();
    const submitted = vi.fn((event: Event) => event.preventDefault());
    document.addEventListener('submit', submitted);
    const report = await fillPage(planOf(pkce));
    expect(report.fields[0]?.status).toBe('filled');
    expect(input('#c').checked).toBe(true);
    expect(submitted).not.toHaveBeenCalled();
  });
});

describe('a page that changes its form during the fill', () => {
  const FORM =
    '<label for="n">Name</label><input id="n"><label for="s">Client Secret</label><input id="s">' +
    '<label for="e">Environment ID</label><input id="e"><input type="checkbox" id="p"><label for="p">PKCE</label>';
  const plan = () =>
    planOf(
      text('name', ['Name'], 'Acme'),
      text('clientSecret', ['Client Secret'], SECRET, { secret: true }),
      text('environmentId', ['Environment ID'], 'env'),
      { key: 'pkce', label: 'PKCE', control: 'checkbox', value: true, locate: { labels: ['PKCE'] } },
    );
  /** Every value the secret field was ever given, seen by the page's own listener. */
  function secretInputs() {
    const seen: string[] = [];
    input('#s').addEventListener('input', () => seen.push(input('#s').value));
    return seen;
  }

  it('stops when a field the fill already judged is hidden by the page’s reaction to an earlier write, and puts back what it wrote', async () => {
    document.body.innerHTML = FORM;
    layout.placeControls();
    const seen = secretInputs();
    input('#n').addEventListener('input', () => (input('#s').style.opacity = '0'));
    const nameValues: string[] = [];
    input('#n').addEventListener('change', () => nameValues.push(input('#n').value));

    const report = await fillPage(plan());
    expect(report.refused).toBe(
      'Not filled: Client Secret changed during the fill (transparent (opacity 0)). The fill stopped and put back Name, Environment ID, PKCE (the page’s script may have read them).'.replace('’', "'"),
    );
    expect(report.fields.map((field) => [field.key, field.status, field.reason])).toEqual([
      ['name', 'refused', 'written, then put back'],
      ['clientSecret', 'refused', 'changed during the fill: transparent (opacity 0)'],
      ['environmentId', 'refused', 'written, then put back'],
      ['pkce', 'refused', 'written, then put back'],
    ]);
    expect(seen).toEqual([]);
    expect([input('#n').value, input('#s').value, input('#e').value, input('#p').checked]).toEqual(['', '', '', false]);
    // Put back through the same events, so the page's state follows: it saw the value, then the old one.
    expect(nameValues).toEqual(['Acme', '']);
  });

  it('sees a change the page makes in a microtask after the event (how React 18 and Vue 3 re-render), after the last write too', async () => {
    document.body.innerHTML = FORM;
    layout.placeControls();
    const seen = secretInputs();
    // The page swaps the secret field away as soon as it has the secret: the fill ends, so only the check after
    // that last write can see it, once the page's microtask has run.
    input('#s').addEventListener('input', () => queueMicrotask(() => (input('#s').style.display = 'none')));
    const report = await fillPage(plan());
    expect(report.refused).toBe(
      "Not filled: Client Secret changed during the fill (hidden (display:none)). The fill stopped and put back Name, Environment ID, PKCE, Client Secret (the page's script may have read them).",
    );
    expect(seen).toEqual([SECRET, '']);
    expect([input('#n').value, input('#s').value, input('#e').value, input('#p').checked]).toEqual(['', '', '', false]);
  });

  it('writes secret fields last, so a page that removes the secret field when another is written never receives the secret', async () => {
    document.body.innerHTML = FORM;
    layout.placeControls();
    const secretField = input('#s');
    const seen = secretInputs();
    input('#e').addEventListener('input', () => secretField.remove());
    const report = await fillPage(plan());
    expect(report.fields.find((field) => field.key === 'clientSecret')?.reason).toBe('changed during the fill: no such field on this page');
    expect(seen).toEqual([]);
    expect(secretField.value).toBe('');
  });

  it('stops when the field just written changes (its own handler hides it), and puts that one back too', async () => {
    document.body.innerHTML = FORM;
    layout.placeControls();
    input('#e').addEventListener('input', () => (input('#e').style.visibility = 'hidden'));
    const report = await fillPage(plan());
    expect(report.refused).toBe(
      "Not filled: Environment ID changed during the fill (hidden (visibility)). The fill stopped and put back Name, Environment ID (the page's script may have read them).",
    );
    expect(report.fields.map((field) => [field.key, field.reason])).toEqual([
      ['name', 'written, then put back'],
      ['clientSecret', 'not written: the fill stopped'],
      ['environmentId', 'written, then put back'],
      ['pkce', 'not written: the fill stopped'],
    ]);
    expect([input('#n').value, input('#s').value, input('#e').value, input('#p').checked]).toEqual(['', '', '', false]);
  });

  it('cancels a submit the page attempts during the fill before the page’s handlers see it, stops, and puts back', async () => {
    document.body.innerHTML = `<form>${FORM}</form>`;
    layout.placeControls();
    const form = document.querySelector('form')!;
    input('#p').addEventListener('click', () => form.requestSubmit());
    const submitted = vi.fn((event: Event) => event.preventDefault());
    form.addEventListener('submit', submitted);
    document.addEventListener('submit', submitted, true);
    const seen = secretInputs();

    const report = await fillPage(plan());
    expect(report.refused).toBe(
      "Not filled: the page tried to submit its form after PKCE was written (the submit was cancelled). The fill stopped and put back Name, Environment ID, PKCE (the page's script may have read them).",
    );
    expect(submitted).not.toHaveBeenCalled();
    expect(seen).toEqual([]);
    expect(input('#p').checked).toBe(false);
    // Only during the fill: the page's own submit works again afterwards.
    form.requestSubmit();
    expect(submitted).toHaveBeenCalledTimes(2);
  });
});

describe('what is drawn over a field, judged in script (without the renderer’s verdict, as in Firefox)', () => {
  const FIELD: Box = { left: 10, top: 100, width: 200, height: 40 };
  const plan = () => planOf(text('name', ['Name'], 'Acme'), text('clientSecret', ['Client Secret'], SECRET, { secret: true }));

  /** Name, then `html` with the secret field `#s` at FIELD, then each of `over` placed on top in turn. */
  function render(html: string, over: [string, Box][]) {
    document.body.innerHTML = `<label for="n">Name</label><input id="n">${html}`;
    layout.place(input('#n'), { left: 10, top: 20, width: 200, height: 40 });
    layout.place(input('#s'), FIELD);
    for (const [selector, box] of over) layout.place(document.querySelector(selector)!, box);
  }

  it('refuses, writing nothing, a field under an opaque box that lets clicks through (the hit test passes through it)', async () => {
    render('<label for="s">Client Secret</label><input id="s"><div id="o" style="pointer-events:none;background-color:#fff"></div>', [['#o', FIELD]]);
    const report = await fillPage(plan());
    expect(report.refused).toBe(
      'Not filled: Client Secret is covered by an element drawn over it. A page that hides what it fills or clicks may be capturing it; nothing was written.',
    );
    expect([input('#n').value, input('#s').value]).toEqual(['', '']);
  });

  it('fills a field under its own label with no background (a floating label), and refuses it under its own opaque label', async () => {
    const html = (style: string) => `<div><input id="s"><label for="s" id="l" style="pointer-events:none;${style}">Client Secret</label></div>`;
    render(html(''), [['#l', FIELD]]);
    expect((await fillPage(plan())).fields.map((field) => field.status)).toEqual(['filled', 'filled']);
    render(html('background-color:#fff'), [['#l', FIELD]]);
    expect((await fillPage(plan())).fields[1]).toMatchObject({ status: 'refused', reason: 'covered by an element drawn over it' });
    expect(input('#s').value).toBe('');
  });

  for (const [how, style] of [
    ['outline', 'outline:18px solid #fff'],
    ['outline with an offset', 'outline:4px solid #fff;outline-offset:14px'],
    ['box shadow', 'box-shadow:0 0 0 18px #fff'],
    ['moved box shadow', 'box-shadow:0 30px 0 0 #fff'],
  ]) {
    it(`refuses, writing nothing, a secret field painted over by the ${how} of a box clear of it`, async () => {
      render(`<label for="s">Client Secret</label><input id="s"><i id="p" style="pointer-events:none;${style}"></i>`, [['#p', { left: 100, top: 90, width: 2, height: 2 }]]);
      const report = await fillPage(plan());
      expect(report.refused).toBe(
        'Not filled: Client Secret is painted over by an outline or shadow. A page that hides what it fills or clicks may be capturing it; nothing was written.',
      );
      expect([input('#n').value, input('#s').value]).toEqual(['', '']);
    });
  }

  it('fills a secret field beside a box whose outline or shadow does not reach it, or is transparent or inset', async () => {
    render(
      '<label for="s">Client Secret</label><input id="s"><i id="a" style="outline:4px solid #fff"></i><i id="b" style="box-shadow:0 0 0 40px rgba(0, 0, 0, 0)"></i><i id="c" style="box-shadow:inset 0 0 0 40px #fff"></i>',
      [
        ['#a', { left: 100, top: 80, width: 2, height: 2 }],
        ['#b', { left: 100, top: 80, width: 2, height: 2 }],
        ['#c', { left: 100, top: 80, width: 2, height: 2 }],
      ],
    );
    expect((await fillPage(plan())).fields.map((field) => field.status)).toEqual(['filled', 'filled']);
  });

  it('judges again with no await before the secret is written: a painter the page adds while Name is written stops the fill', async () => {
    render('<label for="s">Client Secret</label><input id="s">', []);
    const seen: string[] = [];
    input('#s').addEventListener('input', () => seen.push(input('#s').value));
    input('#n').addEventListener('input', () => {
      const painter = document.createElement('i');
      painter.style.boxShadow = '0 0 0 30px #fff';
      document.body.append(painter);
      layout.place(painter, { left: 100, top: 80, width: 2, height: 2 });
    });
    const report = await fillPage(plan());
    expect(report.refused).toBe(
      "Not filled: Client Secret changed during the fill (painted over by an outline or shadow). The fill stopped and put back Name (the page's script may have read them).",
    );
    expect(seen).toEqual([]);
    expect([input('#n').value, input('#s').value]).toEqual(['', '']);
  });
});

describe('Chromium’s renderer verdict (IntersectionObserver v2), where the browser has it', () => {
  /**
   * happy-dom has no IntersectionObserver v2 (nor layout). This stand-in answers as Chromium's does, from what the
   * test declares: `isVisible` false for the elements in `hidden`, and for those in `drawnOver` while any element
   * listed there for them is drawn (not visibility: hidden); `isIntersecting` only for the element last
   * scrolled into view (one field per screen) or those in `onScreen`. Answers come in a later microtask, like the
   * renderer's next frame; `silent` makes it never answer, like a tab that is not drawn.
   */
  const renderer = {
    hidden: new Set<Element>(),
    drawnOver: new Map<Element, Element[]>(),
    onScreen: new Set<Element>(),
    silent: false,
    observed: [] as Element[][],
    options: [] as (IntersectionObserverInit & { trackVisibility?: boolean; delay?: number })[],
  };
  let lastScrolled: Element | null = null;
  const originals = ['IntersectionObserver', 'IntersectionObserverEntry'].map((name) => [name, Object.getOwnPropertyDescriptor(window, name)!] as const);

  class FakeEntry {
    get isVisible() {
      return false;
    }
  }
  class FakeObserver {
    private targets: Element[] = [];
    private connected = true;
    constructor(
      private readonly callback: IntersectionObserverCallback,
      options: IntersectionObserverInit,
    ) {
      renderer.options.push(options);
    }
    observe(target: Element) {
      if (this.targets.length === 0) {
        queueMicrotask(() => {
          renderer.observed.push(this.targets);
          if (renderer.silent || !this.connected) return;
          const entries = this.targets.map((target) => {
            const isIntersecting = target === lastScrolled || renderer.onScreen.has(target);
            const covered = (renderer.drawnOver.get(target) ?? []).some((over) => over.isConnected && getComputedStyle(over).visibility !== 'hidden');
            return { target, isIntersecting, isVisible: isIntersecting && !renderer.hidden.has(target) && !covered };
          });
          this.callback(entries as unknown as IntersectionObserverEntry[], this as unknown as IntersectionObserver);
        });
      }
      this.targets.push(target);
    }
    disconnect() {
      this.connected = false;
    }
  }

  beforeEach(() => {
    Object.assign(renderer, { hidden: new Set(), drawnOver: new Map(), onScreen: new Set(), silent: false, observed: [], options: [] });
    lastScrolled = null;
    Object.defineProperty(window, 'IntersectionObserver', { value: FakeObserver, configurable: true });
    Object.defineProperty(window, 'IntersectionObserverEntry', { value: FakeEntry, configurable: true });
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      lastScrolled = this;
    });
  });
  afterEach(() => {
    for (const [name, descriptor] of originals) Object.defineProperty(window, name, descriptor);
    vi.useRealTimers();
  });

  const FORM = '<label for="n">Name</label><input id="n"><label for="s">Client Secret</label><input id="s"><label for="e">Environment ID</label><input id="e">';
  const plan = () =>
    planOf(text('name', ['Name'], 'Acme'), text('clientSecret', ['Client Secret'], SECRET, { secret: true }), text('environmentId', ['Environment ID'], 'env'));

  it('asks with trackVisibility and a delay Chromium accepts (>= 100 ms), and fills what it says is visible', async () => {
    document.body.innerHTML = FORM;
    layout.placeControls();
    for (const id of ['#n', '#s', '#e']) renderer.onScreen.add(input(id));
    const report = await fillPage(plan());
    expect(report.fields.map((field) => field.status)).toEqual(['filled', 'filled', 'filled']);
    expect(renderer.options[0]).toMatchObject({ trackVisibility: true });
    expect(renderer.options.every((options) => (options.delay ?? 0) >= 100)).toBe(true);
  });

  it('writes nothing at all when the renderer says a field is not visible (an overlay the hit test cannot see)', async () => {
    document.body.innerHTML = FORM;
    layout.placeControls();
    for (const id of ['#n', '#s', '#e']) renderer.onScreen.add(input(id));
    renderer.hidden.add(input('#s'));
    const report = await fillPage(plan());
    expect(report.refused).toBe(
      'Not filled: Client Secret is not visible as the browser draws it (covered, faded or distorted). A page that hides what it fills or clicks may be capturing it; nothing was written.',
    );
    expect([input('#n').value, input('#s').value, input('#e').value]).toEqual(['', '', '']);
  });

  it('asks about all fields at once, then again, one by one after scrolling to it, about a field that was out of view', async () => {
    document.body.innerHTML = FORM;
    layout.placeControls();
    const report = await fillPage(planOf(text('name', ['Name'], 'Acme'), text('environmentId', ['Environment ID'], 'env')));
    expect(report.fields.map((field) => field.status)).toEqual(['filled', 'filled']);
    // Judging scrolled to each in turn, so the last (Environment ID) was in view; Name was asked again on its own.
    expect(renderer.observed.slice(0, 2)).toEqual([[input('#n'), input('#e')], [input('#n')]]);
  });

  it('asks again right before writing a secret, and stops if the page covered it since', async () => {
    document.body.innerHTML = FORM;
    layout.placeControls();
    for (const id of ['#n', '#s', '#e']) renderer.onScreen.add(input(id));
    input('#e').addEventListener('input', () => renderer.hidden.add(input('#s')));
    const report = await fillPage(plan());
    expect(report.refused).toMatch(/^Not filled: Client Secret changed during the fill \(not visible as the browser draws it/);
    expect([input('#n').value, input('#s').value, input('#e').value]).toEqual(['', '', '']);
  });

  it('fills nothing when the renderer never answers (a tab that is not being drawn)', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = FORM;
    layout.placeControls();
    renderer.silent = true;
    const pending = fillPage(plan());
    await vi.runAllTimersAsync();
    const report = await pending;
    expect(report.refused).toMatch(/^Not filled: Name is not visible as the browser draws it/);
    expect([input('#n').value, input('#s').value, input('#e').value]).toEqual(['', '', '']);
  });

  describe('what is drawn over a field it says is not visible: explained before refusing', () => {
    /** The secret field's box: area 8000, so 35% is 2800. Typing points: (110, 120) and (60, 120). */
    const FIELD: Box = { left: 10, top: 100, width: 200, height: 40 };
    const TOP_LEFT: Box = { left: 10, top: 94, width: 90, height: 20 };
    const COVERED = 'covered by an element drawn over it';
    const UNSEEN = 'not visible as the browser draws it (covered, faded or distorted)';
    const plan = () => planOf(text('name', ['Name'], 'Acme'), text('clientSecret', ['Client Secret'], SECRET, { secret: true }));

    /**
     * A Name field, then `html` holding the secret field `#s`; `under` placed first, then Name, the secret field at
     * FIELD, then `over` on top. The renderer says the secret field is not visible while any of `over` is drawn, as
     * Chromium does for anything at all drawn over it.
     */
    function render(html: string, { under = [], over = [] }: { under?: [string, Box][]; over?: [string, Box][] }) {
      document.body.innerHTML = `<label for="n">Name</label><input id="n">${html}`;
      for (const [selector, box] of under) layout.place(document.querySelector(selector)!, box);
      layout.place(input('#n'), { left: 10, top: 20, width: 200, height: 40 });
      layout.place(input('#s'), FIELD);
      for (const [selector, box] of over) layout.place(document.querySelector(selector)!, box);
      for (const id of ['#n', '#s']) renderer.onScreen.add(input(id));
      renderer.drawnOver.set(
        input('#s'),
        over.map(([selector]) => document.querySelector(selector)!),
      );
    }

    async function expectFilled() {
      const report = await fillPage(plan());
      expect(report.refused).toBeUndefined();
      expect(report.fields.map((field) => field.status)).toEqual(['filled', 'filled']);
      expect([input('#n').value, input('#s').value]).toEqual(['Acme', SECRET]);
    }

    async function expectRefused(reason: string) {
      const report = await fillPage(plan());
      expect(report.refused).toBe(`Not filled: Client Secret is ${reason}. A page that hides what it fills or clicks may be capturing it; nothing was written.`);
      expect(report.fields[1]).toMatchObject({ status: 'refused', reason });
      expect([input('#n').value, input('#s').value]).toEqual(['', '']);
    }

    const labels: [string, string, [string, Box][]][] = [
      [
        'its <label for> across all of it, letting clicks through (ForgeRock platform-ui, AIC)',
        '<div><label for="s" id="l" style="pointer-events:none">Client Secret</label><input id="s"></div>',
        [['#l', FIELD]],
      ],
      ['its <label for> over its top-left (Bootstrap 5 floating label)', '<div><input id="s"><label for="s" id="l" style="pointer-events:none">Client Secret</label></div>', [['#l', TOP_LEFT]]],
      [
        'its <label for> over its top-left that aria-labelledby names too (Kumo, Base UI)',
        '<div><label for="s" id="l" style="pointer-events:none">Client Secret</label><input id="s" aria-labelledby="l"></div>',
        [['#l', TOP_LEFT]],
      ],
      [
        'its label with a required marker inside the label’s own box',
        '<div><label for="s" id="l" style="pointer-events:none">Client Secret <abbr id="m">*</abbr></label><input id="s"></div>',
        [
          ['#l', TOP_LEFT],
          ['#m', { left: 80, top: 96, width: 8, height: 12 }],
        ],
      ],
    ];
    for (const [what, html, over] of labels) {
      it(`fills a field with ${what}`, async () => {
        render(html, { over });
        await expectFilled();
      });
    }

    it('fills a field in an open shadow root whose floating label is in the same root, and refuses it under an opaque box drawn there', async () => {
      const renderShadow = (overlay: boolean) => {
        document.body.innerHTML = '<label for="n">Name</label><input id="n"><console-field></console-field>';
        const shadow = document.querySelector('console-field')!.attachShadow({ mode: 'open' });
        shadow.innerHTML = '<div><input id="s"><label for="s" id="l" style="pointer-events:none">Client Secret</label><i id="o" style="pointer-events:none;background-color:#fff"></i></div>';
        layout.place(input('#n'), { left: 10, top: 20, width: 200, height: 40 });
        const secret = shadow.getElementById('s')!;
        layout.place(secret, FIELD);
        layout.place(shadow.getElementById('l')!, TOP_LEFT);
        if (overlay) layout.place(shadow.getElementById('o')!, FIELD);
        renderer.onScreen.add(input('#n')).add(secret);
        renderer.drawnOver.set(secret, [shadow.getElementById('l')!, ...(overlay ? [shadow.getElementById('o')!] : [])]);
        return secret as HTMLInputElement;
      };
      let secret = renderShadow(false);
      expect((await fillPage(plan())).fields.map((field) => field.status)).toEqual(['filled', 'filled']);
      expect(secret.value).toBe(SECRET);
      secret = renderShadow(true);
      expect((await fillPage(plan())).fields[1]).toMatchObject({ status: 'refused', reason: COVERED });
      expect(secret.value).toBe('');
    });

    it('fills a field with a small reveal button inside its end, and does not click it', async () => {
      render('<div><label for="s">Client Secret</label><div><input id="s" type="password"><button type="button" id="eye" aria-label="Show secret"><svg id="icon"></svg></button></div></div>', {
        over: [
          ['#eye', { left: 180, top: 105, width: 25, height: 30 }],
          ['#icon', { left: 184, top: 111, width: 18, height: 18 }],
        ],
      });
      const clicks: EventTarget[] = [];
      document.addEventListener('click', (event) => clicks.push(event.target!), true);
      await expectFilled();
      expect(clicks).toEqual([]);
    });

    it('refuses a field under a box that lets clicks through, beside its floating label: the label explains only itself', async () => {
      render('<div><input id="s"><label for="s" id="l" style="pointer-events:none">Client Secret</label><div id="o" style="pointer-events:none">Leave a comment</div></div>', {
        over: [
          ['#l', TOP_LEFT],
          ['#o', FIELD],
        ],
      });
      await expectRefused(COVERED);
    });

    it('finds an overlay at the end of <body>, far from the field in the tree', async () => {
      render(
        '<main><section><div><input id="s"><label for="s" id="l" style="pointer-events:none">Client Secret</label></div></section></main><div id="portal" style="pointer-events:none;background-color:#fff"></div>',
        {
          over: [
            ['#l', TOP_LEFT],
            ['#portal', { left: 10, top: 100, width: 120, height: 40 }],
          ],
        },
      );
      await expectRefused(COVERED);
    });

    it('lets the field’s own opaque dress cover part of it while the typing area stays clear (a textarea’s label strip), not most of it', async () => {
      const html = '<div><label for="s">Client Secret</label><input id="s"><i id="a" style="pointer-events:none;background-color:#fff"></i></div>';
      // A strip across the top: 30% of the field's height leaves most of the typing grid clear; 80% does not.
      render(html, { over: [['#a', { left: 10, top: 100, width: 200, height: 12 }]] });
      await expectFilled();
      render(html, { over: [['#a', { left: 10, top: 100, width: 200, height: 32 }]] });
      await expectRefused(COVERED);
    });

    it('takes its own border-only outline over all of the field (MUI’s notched outline) as painting its border alone, and a border that hides the typing area as covering it', async () => {
      const html = (border: number) =>
        `<div><label for="s">Client Secret</label><div style="position:relative"><input id="s"><fieldset id="o" style="pointer-events:none;margin:0;padding:0;border:${border}px solid #c4c4c4"></fieldset></div></div>`;
      render(html(1), { over: [['#o', { left: 10, top: 100, width: 200, height: 40 }]] });
      await expectFilled();
      render(html(16), { over: [['#o', { left: 10, top: 100, width: 200, height: 40 }]] });
      await expectRefused(COVERED);
    });

    for (const [how, style] of [
      ['one the hit test finds', 'background-color:#d33'],
      ['one the hit test passes through', 'pointer-events:none;background-color:#d33'],
    ]) {
      it(`refuses a field with a small thing drawn over it that is not its own (outside its wrapper): ${how}`, async () => {
        render(`<div><label for="s">Client Secret</label><input id="s"></div><i id="dot" style="${style}"></i>`, { over: [['#dot', { left: 10, top: 100, width: 3, height: 40 }]] });
        await expectRefused(COVERED);
      });
    }

    it('ignores what is drawn under the field (a modal’s backdrop), but takes one that lets clicks through as drawn over it', async () => {
      const page = (backdropStyle: string) =>
        `<div id="backdrop" style="background-color:rgba(0,0,0,.5);${backdropStyle}"></div><div role="dialog"><input id="s"><label for="s" id="l" style="pointer-events:none">Client Secret</label></div>`;
      const boxes = { under: [['#backdrop', { left: 0, top: 0, width: 1000, height: 1000 }]] as [string, Box][], over: [['#l', TOP_LEFT]] as [string, Box][] };
      render(page(''), boxes);
      await expectFilled();
      render(page('pointer-events:none'), boxes);
      // Drawn over every field then, Name too: nothing is written.
      const report = await fillPage(plan());
      expect(report.refused).toContain(`Client Secret is ${COVERED}`);
      expect([input('#n').value, input('#s').value]).toEqual(['', '']);
    });

    it('keeps the verdict for a faded field (opacity 0.9 up the tree, which script alone accepts), whatever overlaps it', async () => {
      render('<div style="opacity:0.9"><input id="s"><label for="s" id="l" style="pointer-events:none">Client Secret</label></div>', { over: [['#l', TOP_LEFT]] });
      await expectRefused(UNSEEN);
    });

    it('judges what a wrapping label holds beside the field like anything else', async () => {
      // The label's box holds the field and the span: were it taken as a label drawn apart, the span would pass with it.
      render('<label id="w">Client Secret <input id="s"><span id="o" style="pointer-events:none;background-color:#fff"></span></label>', {
        under: [['#w', { left: 0, top: 90, width: 220, height: 60 }]],
        over: [['#o', FIELD]],
      });
      await expectRefused(COVERED);
    });

    it('judges what a label holds outside the label’s own box like anything else', async () => {
      render('<label for="s" id="l" style="pointer-events:none">Client Secret<span id="o" style="pointer-events:none"></span></label><input id="s">', {
        over: [
          ['#l', TOP_LEFT],
          ['#o', FIELD],
        ],
      });
      await expectRefused(COVERED);
    });

    it('asks the renderer again with the label hidden: a field still not visible is covered by something script cannot list', async () => {
      render('<div><input id="s"><label for="s" id="l" style="pointer-events:none">Client Secret</label></div>', { over: [['#l', TOP_LEFT]] });
      // What the renderer sees and no script can list (a closed shadow root, a pseudo-element elsewhere).
      renderer.hidden.add(input('#s'));
      await expectRefused('covered by something script cannot see');
    });

    it('refuses a field whose own labels draw two names: the admin cannot tell which one the value is for', async () => {
      render('<label for="s" id="l" style="pointer-events:none;background-color:#fff">Public comment</label><label for="s">Client Secret</label><input id="s">', {
        over: [['#l', FIELD]],
      });
      await expectRefused('also labelled "public comment" on the page');
    });

    it('refuses a field under its own and only label when the label draws a background over its typing area', async () => {
      render('<div><label for="s" id="l" style="pointer-events:none;background-color:#fff">Client Secret</label><input id="s"></div>', { over: [['#l', FIELD]] });
      await expectRefused(COVERED);
    });

    it('puts back what it hid for that moment exactly: the inline visibility and its priority, and no style attribute where none was', async () => {
      render(
        '<div><label for="s" id="l" style="visibility: visible !important; pointer-events: none">Client Secret</label><div><input id="s"><button type="button" id="eye"></button></div></div>',
        {
          over: [
            ['#l', TOP_LEFT],
            ['#eye', { left: 180, top: 105, width: 25, height: 30 }],
          ],
        },
      );
      await expectFilled();
      const label = document.querySelector<HTMLElement>('#l')!;
      expect([label.style.getPropertyValue('visibility'), label.style.getPropertyPriority('visibility'), label.style.pointerEvents]).toEqual(['visible', 'important', 'none']);
      expect(document.querySelector('#eye')!.hasAttribute('style')).toBe(false);
    });

    it('explains again right before the secret is written: an overlay the page adds after the first check stops the fill', async () => {
      render('<div><input id="s"><label for="s" id="l" style="pointer-events:none">Client Secret</label></div>', { over: [['#l', TOP_LEFT]] });
      const seen: string[] = [];
      input('#s').addEventListener('input', () => seen.push(input('#s').value));
      input('#n').addEventListener('input', () => {
        const overlay = document.createElement('div');
        overlay.style.pointerEvents = 'none';
        overlay.style.backgroundColor = '#fff';
        document.body.append(overlay);
        layout.place(overlay, FIELD);
      });
      const report = await fillPage(plan());
      expect(report.refused).toBe(`Not filled: Client Secret changed during the fill (${COVERED}). The fill stopped and put back Name (the page's script may have read them).`);
      expect(seen).toEqual([]);
      expect([input('#n').value, input('#s').value]).toEqual(['', '']);
    });
  });
});
