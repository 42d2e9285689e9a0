import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FILL_GLOBAL, fillPage } from './index';
import type { FieldOutcome, FillPlan, PlannedField } from './types';

/**
 * A stand-in for layout, which happy-dom does not do (every box is 0x0, elementFromPoint answers null).
 * Elements get boxes in the order they are placed, the last placed on top, and hit tests answer from those boxes the
 * way Chromium does: `document.elementFromPoint` retargets to the shadow host, each open ShadowRoot answers for its
 * own tree. Geometry refusals are proven for real in test/e2e/fill-refusals.spec.ts; this only lets the unit tests
 * reach the code after the geometry checks and check its decisions on given boxes.
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
  const topmost = (x: number, y: number) =>
    placed.findLast(({ element, box }) => element.isConnected && x >= box.left && x < box.left + box.width && y >= box.top && y < box.top + box.height)
      ?.element ?? null;
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
  const documentHit = vi.spyOn(document, 'elementFromPoint').mockImplementation((x, y) => retarget(topmost(x, y), document));
  const shadowPrototype = ShadowRoot.prototype as unknown as { elementFromPoint?: (x: number, y: number) => Element | null };
  shadowPrototype.elementFromPoint = function (this: ShadowRoot, x: number, y: number) {
    return retarget(topmost(x, y), this);
  };

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
      documentHit.mockRestore();
      delete shadowPrototype.elementFromPoint;
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
function fillOne(html: string, field: PlannedField): FieldOutcome {
  document.body.innerHTML = html;
  layout.placeControls();
  const report = fillPage(planOf(field));
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
    it(`by ${how}`, () => {
      expect(fillOne(`<input id="other" name="other">${html}`, text('clientSecret', ['Client Secret'], SECRET)).status).toBe('filled');
      expect(input('#s').value).toBe(SECRET);
      expect(input('#other').value).toBe('');
    });
  }

  it('tries label variants in the order given, most specific first', () => {
    fillOne('<label for="a">Name</label><input id="a"><label for="b">Integration Name</label><input id="b">', text('name', ['Integration Name', 'Name'], 'x'));
    expect([input('#a').value, input('#b').value]).toEqual(['', 'x']);
  });

  it('does not take label text from the control itself (a wrapped select’s options)', () => {
    const outcome = fillOne('<label>Scheme <select id="s"><option>Basic</option></select></label>', {
      ...text('scheme', ['Scheme Basic'], 'Basic'),
      control: 'select',
    });
    expect(outcome.status).toBe('not-found');
  });

  it('falls back to name/id, then placeholder, only when no label matches', () => {
    fillOne('<input id="p" placeholder="Client secret"><input id="n" name="client_secret">', {
      ...text('clientSecret', ['Client Secret'], SECRET),
      locate: { labels: ['Client Secret'], names: ['client_secret'], placeholders: ['Client secret'] },
    });
    expect([input('#n').value, input('#p').value]).toEqual([SECRET, '']);

    fillOne('<input id="p" placeholder="Client secret"><input id="n" name="unrelated">', {
      ...text('clientSecret', ['Client Secret'], SECRET),
      locate: { labels: ['Client Secret'], names: ['client_secret'], placeholders: ['Client secret'] },
    });
    expect(input('#p').value).toBe(SECRET);
  });

  it('trusts a label over a name: a field named client_secret does not win over the one labelled Client Secret', () => {
    fillOne('<input id="n" name="client_secret"><label for="l">Client Secret</label><input id="l">', {
      ...text('clientSecret', ['Client Secret'], SECRET),
      locate: { labels: ['Client Secret'], names: ['client_secret'] },
    });
    expect([input('#l').value, input('#n').value]).toEqual([SECRET, '']);
  });

  it('matches only controls of the planned kind', () => {
    const outcome = fillOne('<label for="t">PKCE</label><input id="t">', { key: 'pkce', label: 'PKCE', control: 'checkbox', value: true, locate: { labels: ['PKCE'] } });
    expect(outcome.status).toBe('not-found');
    expect(input('#t').value).toBe('');
  });

  it('searches open shadow roots, labels resolved inside them', () => {
    document.body.innerHTML = '<console-form></console-form>';
    const shadow = document.querySelector('console-form')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<label for="s">Client Secret</label><input id="s">';
    layout.placeControls();
    expect(fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET))).fields[0]?.status).toBe('filled');
    expect(shadow.querySelector('input')!.value).toBe(SECRET);
  });

  it('reports a missing required field as not-found and a missing optional one as absent', () => {
    document.body.innerHTML = '<label for="n">Name</label><input id="n">';
    layout.placeControls();
    const report = fillPage(planOf(text('secret', ['Client Secret'], SECRET), text('step2', ['Description'], 'd', { optional: true })));
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

  it('reaches a React-style tracked input through the prototype’s native setter', () => {
    document.body.innerHTML = '<label for="s">Client Secret</label><input id="s">';
    layout.placeControls();
    const changes = trackLikeReact(input('#s'));
    expect(fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET))).fields[0]?.status).toBe('filled');
    expect(changes).toEqual([SECRET]);
  });

  it('(control) the same tracker ignores a plain `element.value =` write, so the test above tells the two apart', () => {
    document.body.innerHTML = '<input id="s">';
    const changes = trackLikeReact(input('#s'));
    input('#s').value = SECRET;
    input('#s').dispatchEvent(new Event('input', { bubbles: true }));
    expect(changes).toEqual([]);
  });

  it('sends focus, input, change, blur and focusout, the ones that bubble bubbling to the document', () => {
    document.body.innerHTML = '<label for="s">Description</label><textarea id="s"></textarea>';
    layout.placeControls();
    const onElement: string[] = [];
    const onDocument: string[] = [];
    const textarea = document.querySelector('textarea')!;
    for (const type of ['focus', 'focusin', 'input', 'change', 'blur', 'focusout']) {
      textarea.addEventListener(type, (event) => onElement.push(`${type}:${(event.target as HTMLTextAreaElement).value}`));
      document.addEventListener(type, () => onDocument.push(type));
    }
    fillPage(planOf({ ...text('description', ['Description'], 'two\nlines'), control: 'textarea' }));
    expect(onElement).toEqual(['focus:', 'focusin:', 'input:two\nlines', 'change:two\nlines', 'blur:two\nlines', 'focusout:two\nlines']);
    expect(onDocument).toEqual(['focusin', 'input', 'change', 'focusout']);
  });

  it('reports unchanged, and sends no event, when the field already holds the value', () => {
    document.body.innerHTML = '<label for="n">Name</label><input id="n" value="Acme-Dev">';
    layout.placeControls();
    const events: string[] = [];
    input('#n').addEventListener('input', () => events.push('input'));
    expect(fillPage(planOf(text('name', ['Name'], 'Acme-Dev'))).fields[0]?.status).toBe('unchanged');
    expect(events).toEqual([]);
  });

  it('reports a value the page put back (a controlled input whose state refused it) instead of claiming success', () => {
    document.body.innerHTML = '<label for="n">Name</label><input id="n" value="locked">';
    layout.placeControls();
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    input('#n').addEventListener('input', (event) => native.set!.call(event.target, 'locked'));
    expect(fillPage(planOf(text('name', ['Name'], 'new'))).fields[0]).toMatchObject({ status: 'refused', reason: 'the page did not keep the value' });
  });

  it('turns a checkbox on by clicking it (React listens to click), and leaves it alone when already on', () => {
    document.body.innerHTML = '<form><input type="checkbox" id="c"><label for="c">PKCE</label></form>';
    layout.placeControls();
    const seen: string[] = [];
    const submitted = vi.fn((event: Event) => event.preventDefault());
    document.querySelector('form')!.addEventListener('submit', submitted);
    for (const type of ['click', 'change']) input('#c').addEventListener(type, () => seen.push(type));
    const pkce: PlannedField = { key: 'pkce', label: 'PKCE', control: 'checkbox', value: true, locate: { labels: ['PKCE'] } };
    expect(fillPage(planOf(pkce)).fields[0]?.status).toBe('filled');
    expect(input('#c').checked).toBe(true);
    expect(seen).toEqual(['click', 'change']);
    expect(fillPage(planOf(pkce)).fields[0]?.status).toBe('unchanged');
    expect(seen).toEqual(['click', 'change']);
    expect(submitted).not.toHaveBeenCalled();
  });

  it('toggles an ARIA switch by clicking it, but never one that is a form’s submit button', () => {
    document.body.innerHTML =
      '<button type="button" role="switch" aria-checked="false" aria-label="PKCE" id="ok"></button>' +
      '<form><button role="switch" aria-checked="false" aria-label="Use Proxy" id="submits"></button></form>';
    layout.placeControls();
    const ok = document.getElementById('ok')!;
    ok.addEventListener('click', () => ok.setAttribute('aria-checked', String(ok.getAttribute('aria-checked') !== 'true')));
    const submitted = vi.fn((event: Event) => event.preventDefault());
    document.querySelector('form')!.addEventListener('submit', submitted);
    const report = fillPage(
      planOf(
        { key: 'pkce', label: 'PKCE', control: 'checkbox', value: true, locate: { labels: ['PKCE'] } },
        { key: 'proxy', label: 'Use Proxy', control: 'checkbox', value: true, locate: { labels: ['Use Proxy'] } },
      ),
    );
    expect(report.fields.map((field) => [field.status, field.reason])).toEqual([
      ['filled', undefined],
      ['refused', 'this toggle would submit or navigate'],
    ]);
    expect(ok.getAttribute('aria-checked')).toBe('true');
    expect(submitted).not.toHaveBeenCalled();
  });

  it('chooses a select option by its text or its value, with input and change', () => {
    document.body.innerHTML =
      '<label for="t">OpenID Connect Login Type</label><select id="t"><option value="">Select</option><option value="CODE">Code</option><option value="POST">Form Post</option></select>' +
      '<label for="a">Authentication Scheme</label><select id="a"><option>Post</option><option value="BASIC">Basic</option></select>' +
      '<label for="x">Other</label><select id="x"><option>One</option></select>';
    layout.placeControls();
    const changes: string[] = [];
    document.addEventListener('change', (event) => changes.push((event.target as HTMLSelectElement).value));
    const select = (key: string, labels: string[], value: string): PlannedField => ({ key, label: key, control: 'select', value, locate: { labels } });
    const report = fillPage(
      planOf(select('loginType', ['OpenID Connect Login Type'], 'Code'), select('scheme', ['Authentication Scheme'], 'BASIC'), select('other', ['Other'], 'Two')),
    );
    expect(report.fields.map((field) => [field.status, field.reason])).toEqual([
      ['filled', undefined],
      ['filled', undefined],
      ['refused', 'no option "Two"'],
    ]);
    expect(changes).toEqual(['CODE', 'BASIC']);
    expect(fillPage(planOf(select('loginType', ['OpenID Connect Login Type'], 'Code'))).fields[0]?.status).toBe('unchanged');
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
    it(`refuses a field that is ${what}, and writes nothing`, () => {
      const events: string[] = [];
      document.body.innerHTML = html;
      layout.placeControls();
      input('#s').addEventListener('input', () => events.push('input'));
      expect(fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET))).fields[0]).toEqual({
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
    it(`writes no field at all when one is ${what}: the page is caught deceiving`, () => {
      document.body.innerHTML =
        '<label for="n">Name</label><input id="n"><label for="s">Client Secret</label><input id="s"><label for="e">Environment ID</label><input id="e"><div id="overlay"></div>';
      layout.place(input('#n'));
      trap(input('#s'));
      if (what === 'transparent') layout.place(input('#s'));
      layout.place(input('#e'));
      const report = fillPage(planOf(text('name', ['Name'], 'Acme'), text('clientSecret', ['Client Secret'], SECRET), text('environmentId', ['Environment ID'], 'env')));
      expect(report.refused).toMatch(new RegExp(`^Not filled: Client Secret is ${what}.*nothing was written\\.$`));
      expect(report.fields.map((field) => [field.key, field.status, field.reason])).toEqual([
        ['name', 'refused', 'not written: the page failed a safety check'],
        ['clientSecret', 'refused', what === 'covered' ? 'covered by another element' : 'transparent (opacity 0.01)'],
        ['environmentId', 'refused', 'not written: the page failed a safety check'],
      ]);
      expect([input('#n').value, input('#s').value, input('#e').value]).toEqual(['', '', '']);
    });
  }

  it('still fills the usable fields beside one that is disabled or missing (nothing deceptive about those)', () => {
    document.body.innerHTML = '<label for="n">Name</label><input id="n" disabled><label for="e">Environment ID</label><input id="e">';
    layout.placeControls();
    const report = fillPage(planOf(text('name', ['Name'], 'Acme'), text('clientSecret', ['Client Secret'], SECRET), text('environmentId', ['Environment ID'], 'env')));
    expect(report.refused).toBeUndefined();
    expect(report.fields.map((field) => field.status)).toEqual(['refused', 'not-found', 'filled']);
    expect(input('#e').value).toBe('env');
  });

  it('accepts opacity 0.7 and above', () => {
    expect(fillOne('<div style="opacity:0.7"><label for="s">Client Secret</label><input id="s"></div>', text('clientSecret', ['Client Secret'], SECRET)).status).toBe(
      'filled',
    );
  });

  it('refuses a zero-size field, and one under another element, from the boxes it is given', () => {
    document.body.innerHTML = '<label for="z">Name</label><input id="z"><label for="c">Client Secret</label><input id="c"><div id="overlay"></div>';
    layout.place(input('#z'), { left: 10, top: 0, width: 0, height: 20 });
    const box = layout.place(input('#c'));
    layout.place(document.getElementById('overlay')!, box);
    const report = fillPage(planOf(text('name', ['Name'], 'n'), text('clientSecret', ['Client Secret'], SECRET)));
    expect(report.fields.map((field) => field.reason)).toEqual(['zero-size', 'covered by another element']);
    expect([input('#z').value, input('#c').value]).toEqual(['', '']);
  });

  it('refuses a field whose centre is off screen (the hit test finds nothing there)', () => {
    document.body.innerHTML = '<label for="s">Client Secret</label><input id="s">';
    layout.place(input('#s'), { left: -10_000, top: 0, width: 200, height: 20 });
    vi.mocked(document.elementFromPoint).mockImplementation((x) => (x < 0 ? null : document.body));
    expect(fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET))).fields[0]).toMatchObject({ status: 'refused', reason: 'off screen' });
  });

  it('scrolls a field into view before testing what covers it', () => {
    document.body.innerHTML = '<label for="s">Client Secret</label><input id="s">';
    layout.placeControls();
    const scrolled = vi.spyOn(input('#s'), 'scrollIntoView');
    fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET)));
    expect(scrolled).toHaveBeenCalledWith({ block: 'center', inline: 'center', behavior: 'instant' });
  });

  it('fills the visible field and leaves a hidden duplicate with the same label and name untouched', () => {
    document.body.innerHTML =
      '<input id="decoy" name="client_secret" aria-label="Client Secret" style="display:none">' +
      '<label for="real">Client Secret</label><input id="real" name="client_secret">';
    layout.placeControls();
    const report = fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET)));
    expect(report.fields[0]?.status).toBe('filled');
    expect([input('#real').value, input('#decoy').value]).toEqual([SECRET, '']);
  });

  it('writes nowhere when two visible fields match: it cannot know which one is meant', () => {
    document.body.innerHTML = '<label for="a">Client Secret</label><input id="a"><input id="b" aria-label="Client Secret">';
    layout.placeControls();
    expect(fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET))).fields[0]).toMatchObject({
      status: 'refused',
      reason: 'ambiguous: 2 visible fields match',
    });
    expect([input('#a').value, input('#b').value]).toEqual(['', '']);
  });

  it('reports an optional field that is only there hidden (the other step of a modal) as absent; a required one as refused', () => {
    document.body.innerHTML = '<div style="display:none"><label for="c">Credential</label><textarea id="c"></textarea></div>';
    layout.placeControls();
    const credential = (optional: boolean): PlannedField => ({ ...text('credential', ['Credential'], 'jwt'), control: 'textarea', optional });
    expect(fillPage(planOf(credential(true))).fields[0]).toMatchObject({ status: 'absent', reason: 'not shown on this page' });
    expect(fillPage(planOf(credential(false))).fields[0]).toMatchObject({ status: 'refused', reason: 'hidden (display:none)' });
    expect(document.querySelector('textarea')!.value).toBe('');
  });
});

describe('the page-level gate and the report', () => {
  it('refuses a page whose origin is not the plan’s, writing nothing', () => {
    document.body.innerHTML = '<label for="s">Client Secret</label><input id="s">';
    layout.placeControls();
    const report = fillPage({ ...planOf(text('clientSecret', ['Client Secret'], SECRET)), origin: 'https://one.dash.cloudflare.com' });
    expect(report.refused).toBe(`Not filled: this page is ${location.origin}, not https://one.dash.cloudflare.com.`);
    expect(report.fields).toEqual([]);
    expect(input('#s').value).toBe('');
  });

  it('refuses inside a frame (a window that is not its own top)', () => {
    document.body.innerHTML = '<label for="s">Client Secret</label><input id="s">';
    layout.placeControls();
    // happy-dom does not load frames; a frame's window is the same window whose `top` is another one. The real
    // cross-origin frame is in test/e2e/fill-refusals.spec.ts.
    const frameWindow = new Proxy(window, { get: (target, key) => (key === 'top' ? {} : Reflect.get(target, key, target)) });
    expect(fillPage(planOf(text('clientSecret', ['Client Secret'], SECRET)), frameWindow).refused).toMatch(/^Not filled: this is a frame/);
    expect(input('#s').value).toBe('');
  });

  it('refuses a plan the console refused (a wrong kind), writing nothing', () => {
    document.body.innerHTML = '<label for="s">Client Secret</label><input id="s">';
    layout.placeControls();
    const report = fillPage({ ...planOf(text('clientSecret', ['Client Secret'], SECRET)), refused: 'wrong kind' });
    expect(report).toMatchObject({ refused: 'wrong kind', fields: [] });
    expect(input('#s').value).toBe('');
  });

  it('reports every field with its status, the plan’s notes and a duration, and never a value', () => {
    document.body.innerHTML = '<label for="n">Name</label><input id="n"><label for="s">Client Secret</label><input id="s">';
    layout.placeControls();
    const report = fillPage(planOf(text('name', ['Name'], 'Acme'), text('clientSecret', ['Client Secret'], SECRET, { secret: true })));
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

  it('exports the global name the background calls', () => {
    expect(FILL_GLOBAL).toBe('__pingoneConnectionHelperFill');
  });
});
