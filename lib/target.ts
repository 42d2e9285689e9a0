/**
 * Which console a tab shows, and what the admin has told us about that tenant. Used by the popup (to name the
 * fill button and run checks with context) and by the background (to gate the fill): one function, so the two can
 * never disagree about where a credential is going.
 */
import { resolveConsole } from './consoles';
import type { ConsoleModule } from './consoles/types';
import type { CheckContext } from './credential/types';
import { seenUses, tenantForOrigin, type Settings, type TenantMapping } from './settings';

export type Target =
  | { kind: 'console'; console: ConsoleModule; origin: string; tenant?: TenantMapping }
  | { kind: 'unavailable'; reason: string };

export function resolveTarget(tabUrl: string | undefined, settings: Settings): Target {
  if (!tabUrl) {
    return { kind: 'unavailable', reason: 'This tab is not a console the extension can read. Open one of the four consoles.' };
  }
  const found = resolveConsole(tabUrl, settings.selfHosted);
  if (!found) {
    return {
      kind: 'unavailable',
      reason:
        'This tab is not a known console. Open Cloudflare Zero Trust, Advanced Identity Cloud, or a PingAccess or PingFederate console added in Options.',
    };
  }
  const origin = new URL(tabUrl).origin;
  return { kind: 'console', console: found, origin, tenant: tenantForOrigin(settings, origin) };
}

export function checkContextFor(
  target: Extract<Target, { kind: 'console' }>,
  settings: Settings,
  fingerprint: string | undefined,
): CheckContext {
  const { tenant } = target;
  return {
    console: target.console,
    origin: target.origin,
    expected: tenant ? { ...tenant.expected, tenantLabel: tenant.label, tier: tenant.tier } : undefined,
    fingerprint,
    seen: seenUses(settings),
  };
}
