/**
 * The tab as the popup shows it: a console tab (the console, its tenant, and the check context the background gates
 * the fill with: `checkContextFor`, the same function; PopupApp adds the fingerprint of the text it holds), a page
 * the admin may name as a self-hosted console, or why the tab is none. Built here for the popup's wiring and its
 * component tests alike.
 */
import type { ConsoleId } from '../../lib/consoles/types';
import type { CheckContext, ConsoleRules } from '../../lib/credential/types';
import type { Settings, Tier } from '../../lib/settings/model';
import { checkContextFor, type ResolvedTab } from '../../lib/target';

/** A console a fill would go to, as lib/target resolves it. */
export interface ConsoleTab {
  consoleId: ConsoleId;
  consoleName: string;
  origin: string;
  console: ConsoleRules;
  tier?: Tier;
  tenantLabel?: string;
  /**
   * lib/target checkContextFor for this tab, the context the background gates the fill with, so the two cannot
   * disagree. Its `fingerprint` is left out: the popup adds the one of the text in the box.
   */
  context: CheckContext;
}

export type PopupTab =
  | { unavailable: string }
  | ConsoleTab
  /**
   * An https page that is no known console (reached through activeTab): one target per self-hostable console the admin may
   * say it is, each as lib/target resolves the page with that choice. The admin picks; the fill names it.
   */
  | { choices: readonly [ConsoleTab, ...ConsoleTab[]] };

export function consoleTabOf(target: Extract<ResolvedTab, { kind: 'console' }>, settings: Settings): ConsoleTab {
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
