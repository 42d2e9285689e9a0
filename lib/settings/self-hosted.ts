/** Self-hosted console origins: each one an optional host permission for exactly that origin. */
import type { SelfHostedConsole } from '../consoles/types';
import type { Settings } from './model';
import { validateSelfHosted } from './schema';
import { updateSettings } from './store';

/**
 * The optional host permission one self-hosted console needs: exactly its origin, nothing wider. Firefox's build asks
 * for the host on every port: a Firefox match pattern holding a port matches no URL at all (proven in
 * test/e2e/firefox/specifics.firefox.ts; https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Match_patterns).
 */
export function selfHostedPermission(origin: string): { origins: string[] } {
  return { origins: [`${import.meta.env.FIREFOX ? origin.replace(/:\d+$/, '') : origin}/*`] };
}

/** `permissions.request`, injected so the flow is testable (headless Chromium cannot answer the prompt). */
type PermissionRequest = (permissions: { origins: string[] }) => Promise<boolean>;

/**
 * Options' "Add console origin": asks for the host permission for exactly that origin and stores the origin only
 * when granted. Call it straight from the click handler: Chrome honours `permissions.request` only during a user
 * gesture, so the request is made synchronously here, before anything is awaited.
 */
export function addSelfHostedConsole(
  entry: SelfHostedConsole,
  request: PermissionRequest,
): Promise<{ granted: false } | { granted: true; settings: Settings }> {
  const valid = validateSelfHosted(entry);
  if (!valid.ok) {
    const first = valid.errors[0];
    return Promise.reject(new TypeError(`${first?.path}: ${first?.message}`));
  }
  const granted = request(selfHostedPermission(valid.selfHosted.origin));
  return granted.then(async (ok) => {
    if (!ok) return { granted: false };
    const settings = await updateSettings((current) => ({
      ...current,
      selfHosted: [...current.selfHosted.filter((row) => row.origin !== valid.selfHosted.origin), valid.selfHosted],
    }));
    return { granted: true, settings };
  });
}
