import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { promptsFor } from './fields';
import { pickedFieldOf, pickFields } from './picker';

const [CLIENT_ID, CLIENT_SECRET, ENVIRONMENT_ID] = promptsFor('oidc-app') as [ReturnType<typeof promptsFor>[number], ReturnType<typeof promptsFor>[number], ReturnType<typeof promptsFor>[number]];

// happy-dom lays out no text: give every text a line on the page, so labels read as drawn (lib/fill/locate.ts laidOut).
beforeEach(() => {
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(() => [{ left: 0, top: 0, width: 100, height: 16, right: 100, bottom: 16 }] as unknown as DOMRectList);
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

const control = (selector: string) => document.querySelector<HTMLInputElement>(selector)!;
const click = (element: Element) => element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));

describe('what a click keeps', () => {
  it('keeps an honest field by its drawn label, name, id and place, and never its value', () => {
    document.body.innerHTML = '<form><label for="k">App key</label><input id="k" name="appKey"><label for="p">App password</label><input id="p" type="password" name="appPassword"></form>';
    control('#k').value = 'typed-before-the-pick';
    control('#p').value = 'secret-typed-before-the-pick';
    expect(pickedFieldOf(control('#k'), CLIENT_ID, window)).toEqual({ field: 'clientId', label: 'app key', name: 'appKey', id: 'k', position: 1 });
    const secret = pickedFieldOf(control('#p'), CLIENT_SECRET, window);
    expect(secret).toEqual({ field: 'clientSecret', label: 'app password', name: 'appPassword', id: 'p', position: 2 });
    expect(JSON.stringify(secret)).not.toContain('typed-before-the-pick');
  });

  it('refuses a secret field no drawn label of its own names (the engine would never find it), and keeps one that has it', () => {
    document.body.innerHTML = '<input id="p" type="password" name="client_secret" aria-label="Client Secret"><label for="q">Client Secret</label><input id="q" type="password">';
    expect(pickedFieldOf(control('#p'), CLIENT_SECRET, window)).toEqual({ why: expect.stringContaining('no label of its own drawn beside it') });
    expect(pickedFieldOf(control('#q'), CLIENT_SECRET, window)).toMatchObject({ label: 'client secret' });
  });

  it('refuses a field that what it keeps cannot tell from another, and keeps a labelless one its unique name finds', () => {
    document.body.innerHTML = '<label>App key <input></label><label>App key <input></label><input name="tenantRef">';
    expect(pickedFieldOf(document.querySelectorAll('input')[0]!, CLIENT_ID, window)).toEqual({ why: expect.stringContaining('cannot be told apart from 1 other field') });
    expect(pickedFieldOf(control('[name=tenantRef]'), ENVIRONMENT_ID, window)).toEqual({ field: 'environmentId', name: 'tenantRef', position: 3 });
  });
});

describe('the prompts', () => {
  it('takes the clicks on the page without letting the page act on them, and Esc stops with nothing kept and the prompt gone', async () => {
    document.body.innerHTML = '<form><label for="k">App key</label><input id="k"><label for="p">App password</label><input id="p" type="password"><button id="save">Save</button></form>';
    const saved = vi.fn();
    control('#save').addEventListener('click', saved);
    const picking = pickFields(promptsFor('oidc-app'), window);
    expect(document.querySelectorAll('html > div')).toHaveLength(1);
    click(control('#save'));
    click(control('#k'));
    click(control('#p'));
    expect(saved).not.toHaveBeenCalled();
    // Two fields picked, the optional third asked for: Esc keeps nothing of the pick.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(await picking).toEqual({ status: 'stopped', reason: 'Stopped: nothing was kept.' });
    expect(document.querySelectorAll('html > div')).toHaveLength(0);
  });

  it('keeps every field once the last prompt is answered', async () => {
    document.body.innerHTML = '<label for="c">Credential</label><textarea id="c"></textarea>';
    const picking = pickFields(promptsFor('gateway'), window);
    click(control('#c'));
    expect(await picking).toEqual({ status: 'picked', fields: [{ field: 'credential', label: 'credential', id: 'c', position: 1 }] });
  });
});
