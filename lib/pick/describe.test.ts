import { afterEach, describe, expect, it } from 'vitest';
import { describePage, describePageText } from './describe';

/** Every value a person could have typed or chosen on the page below: none may appear in a description. */
const VALUES = ['typed-client-id-7f3a', 'p4ssw0rd-secret-91c2', 'textarea-jwt-eyJhbGciOi', 'default-attribute-5b1e', 'editable-note-c0ffee', 'chosen-option-8d8d', 'hidden-input-token-2e2e', 'wrapped-value-4a4a'];

function page() {
  document.body.innerHTML = `
    <form id="app">
      <label for="cid">Client ID</label><input id="cid" name="client_id" value="${VALUES[3]}">
      <label for="pw">Client Secret</label><input id="pw" name="client_secret" type="password">
      <span id="cred-label">Credential</span><textarea id="cred" aria-labelledby="cred-label cred">${VALUES[2]}</textarea>
      <label>Notes <input name="notes"></label>
      <div role="textbox" contenteditable="true" aria-label="Comment">${VALUES[4]}</div>
      <label for="region">Region</label><select id="region"><option>eu</option><option selected>${VALUES[5]}</option></select>
      <input type="hidden" name="csrf" value="${VALUES[6]}">
      <label><input type="checkbox" name="pkce" checked> PKCE</label>
    </form>
    <input aria-label="Search" placeholder="Search consoles">
    <iframe src="https://frame.example.test/embed?token=abc"></iframe>`;
  (document.getElementById('cid') as HTMLInputElement).value = VALUES[0]!;
  (document.getElementById('pw') as HTMLInputElement).value = VALUES[1]!;
  (document.querySelector('[name=notes]') as HTMLInputElement).value = VALUES[7]!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('form description', () => {
  it('never carries a value: typed, default, password, textarea text (even named by aria-labelledby), editable text, a chosen option, a hidden input', () => {
    page();
    const text = describePageText(window);
    for (const value of VALUES) expect(text).not.toContain(value);
    expect(text).not.toContain('token=abc');
  });

  it('says what the engine sees: each control, its labels and how they are wired, names, ids, roles, frames', () => {
    page();
    const [form, outside] = describePage(window).forms;
    expect(form).toMatchObject({ form: 'form#app', root: 'document' });
    expect(form!.controls.map((control) => [control.tag, control.type, control.name ?? control.id])).toEqual([
      ['input', 'text', 'client_id'],
      ['input', 'password', 'client_secret'],
      ['textarea', undefined, 'cred'],
      ['input', 'text', 'notes'],
      ['div', undefined, undefined],
      ['select', undefined, 'region'],
      ['input', 'hidden', 'csrf'],
      ['input', 'checkbox', 'pkce'],
    ]);
    expect(form!.controls[0]!.labels).toEqual([{ via: 'for', text: 'Client ID', drawn: true }]);
    expect(form!.controls[2]!.labels).toEqual([
      { via: 'aria-labelledby', ref: 'cred-label', text: 'Credential', drawn: true },
      { via: 'aria-labelledby', ref: 'cred', text: '', drawn: true },
    ]);
    expect(form!.controls[3]!.labels).toEqual([{ via: 'wrapping', text: 'Notes', drawn: true }]);
    expect(form!.controls[4]).toMatchObject({ role: 'textbox', labels: [{ via: 'aria-label', text: 'Comment' }] });
    expect(form!.controls[6]!.verdict).not.toBe('usable');
    expect(outside).toMatchObject({ form: '(no form)', controls: [{ placeholder: 'Search consoles', labels: [{ via: 'aria-label', text: 'Search' }] }] });
    expect(describePage(window).frames).toEqual([{ origin: 'https://frame.example.test', drawn: true }]);
  });
});
