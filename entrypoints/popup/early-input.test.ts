import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { earlyInput } from './early-input';

/** popup.html as the browser parses it before main.tsx runs (its module script is not run here). */
function staticPopup() {
  const window = new Window();
  window.document.write(readFileSync(path.resolve('entrypoints/popup/index.html'), 'utf8'));
  return window.document as unknown as Document;
}

describe('earlyInput', () => {
  it('reads what was typed into popup.html’s own Credential box, trimmed', () => {
    const page = staticPopup();
    const box = page.getElementById('credential') as HTMLTextAreaElement;
    expect(box.labels?.[0]?.textContent).toBe('Credential');
    box.value = '  eyJhbGciOiJSUzI1NiJ9.e30.c2ln \n';
    expect(earlyInput(page)).toBe('eyJhbGciOiJSUzI1NiJ9.e30.c2ln');
  });

  it('is empty when nothing was typed, or when the page holds no such box', () => {
    expect(earlyInput(staticPopup())).toBe('');
    const window = new Window();
    expect(earlyInput(window.document as unknown as Document)).toBe('');
  });
});
