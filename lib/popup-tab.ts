/**
 * The tab as the popup shows it, built by the background (lib/background/popup-context.ts) from the settings with the
 * organisation's policy: a console tab (the console, its tenant, and the check context the background gates the fill
 * with: `checkContextFor`, the same function), a page the admin may name as a self-hosted console, or why the tab is
 * none. Plain data, since a message carries it: the console's rules travel by id (the popup's paste part puts them
 * back with `consoleById`), and the popup adds the fingerprint of the text it holds.
 */
import { CONSOLES } from './consoles';
import type { ConsoleId } from './consoles/types';
import type { CheckContext } from './credential/types';
import type { Settings, Tier } from './settings/model';
import { checkContextFor, resolveTarget, type ResolvedTab } from './target';

/** lib/target checkContextFor for a tab, less what a message cannot carry (the console's rules) or the popup adds. */
export type TabCheckContext = Omit<CheckContext, 'console' | 'fingerprint'>;

/** A console a fill would go to, as lib/target resolves it. */
export interface ConsoleTab {
  consoleId: ConsoleId;
  consoleName: string;
  origin: string;
  tier?: Tier;
  tenantLabel?: string;
  /** The context the background gates the fill with, so the two cannot disagree. */
  context: TabCheckContext;
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
  // The rules are the console's own (by id); the fingerprint is the popup's text's.
  const { console: _rules, fingerprint: _fingerprint, ...context } = checkContextFor(target, settings, undefined);
  return {
    consoleId: target.console.id,
    consoleName: target.console.name,
    origin: target.origin,
    tier: target.tenant?.tier,
    tenantLabel: target.tenant?.label,
    context,
  };
}

/**
 * The tab at `tabUrl` as the popup shows it. The URL is known only with a host permission for it or the activeTab grant
 * of the toolbar click (https://developer.chrome.com/docs/extensions/reference/api/tabs#type-Tab); without it the tab
 * stays "not a console the extension can read".
 */
export function popupTabOf(tabUrl: string | undefined, settings: Settings): PopupTab {
  const known = resolveTarget(tabUrl, settings);
  if (known.kind === 'console') return consoleTabOf(known, settings);
  // A page that is no known console: the self-hosted consoles the admin may say it is, each resolved by the same
  // function the background gates the fill with, given that choice.
  const named = CONSOLES.filter((candidate) => candidate.selfHostable).map((candidate) => resolveTarget(tabUrl, settings, candidate.id));
  const [first, ...rest] = named.flatMap((target) => (target.kind === 'console' ? [consoleTabOf(target, settings)] : []));
  if (first) return { choices: [first, ...rest] };
  // Not https, or dressed as a hosted console: the reason a choice would be refused says more than "not known".
  const [reason = known.reason] = named.flatMap((target) => (target.kind === 'unavailable' ? [target.reason] : []));
  return { unavailable: reason };
}
