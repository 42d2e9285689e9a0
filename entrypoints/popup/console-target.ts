/**
 * A resolved console tab as the popup's wiring hands it to <PopupApp>: the console, its tenant, and the check context
 * the background gates the fill with (`checkContextFor`, the same function); PopupApp adds the fingerprint of the
 * text it holds. Its own module so the component tests build their props exactly as the popup does.
 */
import type { ConsoleTarget } from '../../components/PopupApp';
import type { Settings } from '../../lib/settings';
import { checkContextFor, type Target } from '../../lib/target';

export function consoleTargetProps(target: Extract<Target, { kind: 'console' }>, settings: Settings): ConsoleTarget {
  return {
    consoleId: target.console.id,
    consoleName: target.console.name,
    origin: target.origin,
    console: target.console,
    tier: target.tenant?.tier,
    tenantLabel: target.tenant?.label,
    context: checkContextFor(target, settings, undefined),
  };
}
