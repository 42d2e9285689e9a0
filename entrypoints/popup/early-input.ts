/**
 * What the admin typed or pasted into popup.html's own Credential box (drawn before any script runs) before main.tsx
 * ran: the rendered box starts from it, so nothing typed in that moment is lost.
 */
export function earlyInput(page: Document): string {
  const box = page.getElementById('credential');
  return box instanceof page.defaultView!.HTMLTextAreaElement ? box.value.trim() : '';
}
