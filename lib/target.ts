/**
 * Which console a tab shows, and what the admin has told us about that tenant. Used by the popup (to name the
 * fill button and run checks with context) and by the background (to gate the fill): one function, so the two can
 * never disagree about where a credential is going.
 *
 * Consoles live at a fixed host, at an origin the admin added in Options, or (the activeTab path) on
 * the page the admin is on when they click the toolbar button: Chrome's activeTab grant lets the extension reach
 * that tab, and the admin says which self-hosted console it is (`chosen`).
 */
import { CONSOLES, resolveConsole } from './consoles';
import type { ConsoleId, ConsoleModule } from './consoles/types';
import type { CheckContext } from './credential/types';
import type { Settings, TenantMapping } from './settings/model';
import { seenUses, tenantForOrigin } from './settings/tenants';

export type ResolvedTab =
  | {
      kind: 'console';
      console: ConsoleModule;
      origin: string;
      tenant?: TenantMapping;
      /**
       * 'known': a fixed host or an origin added in Options. 'active-tab': an https page the admin named as this
       * console from the popup; the extension reaches it only through the toolbar click's activeTab grant.
       */
      via: 'known' | 'active-tab';
    }
  | { kind: 'unavailable'; reason: string };

const UNREADABLE = 'This tab is not a console the extension can read. Open one of the four consoles.';
const NOT_A_CONSOLE =
  'This tab is not a known console. Open Cloudflare Zero Trust, Advanced Identity Cloud, or a PingAccess or PingFederate console added in Options.';

/**
 * The hosted console whose fixed host name this host carries without being it: `one.dash.cloudflare.com.evil.test`,
 * `acme.forgeblocks.com.evil.test`, or the real name on another port (lib/consoles accepts hosted consoles on 443
 * only). A page dressed as a hosted console is never filled on the admin's word.
 */
function imitatedConsole(hostname: string): ConsoleModule | undefined {
  const labels = `.${hostname}.`;
  return CONSOLES.find((candidate) =>
    candidate.hostPatterns.some((pattern) => labels.includes(`.${pattern.replace(/^\*\./, '')}.`)),
  );
}

function consoleTarget(module: ConsoleModule, origin: string, settings: Settings, via: 'known' | 'active-tab'): ResolvedTab {
  // A tenant remembered as another console at this origin says nothing about this one: its tier and expected
  // environment must not gate a fill the admin has named differently.
  const tenant = tenantForOrigin(settings, origin);
  return { kind: 'console', console: module, origin, tenant: tenant?.consoleId === module.id ? tenant : undefined, via };
}

/**
 * `chosen`: the console the admin says this page is, for a page that is no known console. A known console wins
 * and the choice is ignored there; only a self-hostable console on an https page can be chosen.
 */
export function resolveTarget(tabUrl: string | undefined, settings: Settings, chosen?: ConsoleId): ResolvedTab {
  if (!tabUrl) return { kind: 'unavailable', reason: UNREADABLE };
  let page: URL;
  try {
    page = new URL(tabUrl);
  } catch {
    return { kind: 'unavailable', reason: NOT_A_CONSOLE };
  }
  const found = resolveConsole(tabUrl, settings.selfHosted);
  if (found) return consoleTarget(found, page.origin, settings, 'known');

  // Cloudflare Zero Trust lives at its fixed host only, so no page becomes it on the admin's word; an id that is no
  // console at all (messages are checked, but this is the gate) is refused the same way rather than thrown on.
  const named = CONSOLES.find((candidate) => candidate.id === chosen && candidate.selfHostable);
  if (!named || page.protocol !== 'https:') return { kind: 'unavailable', reason: NOT_A_CONSOLE };
  const imitation = imitationOf(tabUrl, settings);
  if (imitation) return { kind: 'unavailable', reason: imitation };
  return consoleTarget(named, page.origin, settings, 'active-tab');
}

/**
 * The tab as the popup showed it to the admin, resolved as the fill gate resolves it: refused when the tab has moved
 * since, to another origin, or from a page the admin named (`chosen`) to one that is a known console, where the
 * choice no longer applies. What a fill or "Remember this tenant" acts on.
 */
export function targetAsShown(tabUrl: string | undefined, settings: Settings, shown: { origin: string; consoleId?: ConsoleId }): ResolvedTab {
  const target = resolveTarget(tabUrl, settings, shown.consoleId);
  if (target.kind === 'console' && (target.origin !== shown.origin || (shown.consoleId && target.via !== 'active-tab'))) {
    return { kind: 'unavailable', reason: `The tab moved to ${target.origin}; reopen the popup there.` };
  }
  return target;
}

/**
 * Why fields may not be picked or filled on this page on the admin's word: a page that is no known console but
 * carries a hosted console's name (lib/pick); undefined otherwise.
 */
export function imitationOf(tabUrl: string, settings: Settings): string | undefined {
  if (resolveConsole(tabUrl, settings.selfHosted)) return undefined;
  const { host, hostname } = new URL(tabUrl);
  const imitated = imitatedConsole(hostname);
  return imitated && `${host} only looks like ${imitated.name}: the extension will not fill it.`;
}

/**
 * The domain a hosted console gives every customer a subdomain of (`*.forgeblocks.com` for AIC), when `origin` is one
 * of them: another customer's tenant there differs by a word of the host name.
 */
function sharedDomainOf(module: ConsoleModule, origin: string): string | undefined {
  const { hostname } = new URL(origin);
  return module.hostPatterns.find((pattern) => pattern.startsWith('*.') && hostname.endsWith(pattern.slice(1)))?.slice(2);
}

/**
 * What the checks know of where the credential goes: the popup shows them and the background's fill gate refuses on
 * them, both from this one function. A tenant mapped to nothing is judged against the same console's mapped tenants
 * (a credential mapped to one of them is refused here) and, on a shared domain, asks once before its first fill.
 */
export function checkContextFor(
  target: Extract<ResolvedTab, { kind: 'console' }>,
  settings: Settings,
  fingerprint: string | undefined,
): CheckContext {
  const { tenant, console: module, origin } = target;
  return {
    console: module,
    origin,
    ...(tenant
      ? { expected: { ...tenant.expected, tenantLabel: tenant.label, tier: tenant.tier } }
      : {
          mappedElsewhere: settings.tenants
            .filter((row) => row.consoleId === module.id && row.origin !== origin)
            .map((row) => ({ ...row.expected, origin: row.origin, tenantLabel: row.label, tier: row.tier })),
          sharedDomain: sharedDomainOf(module, origin),
        }),
    fingerprint,
    seen: seenUses(settings),
  };
}

/**
 * Whether the page at `tabUrl` resolves (as known, or as the admin's choice `chosen`) to a console whose tenant
 * `settings` do not hold: its checks then weigh that console's other rows (`mappedElsewhere`), so settings read for
 * one row (lib/settings/managed.ts loadSettingsFor) are not enough there.
 */
export function tenantless(tabUrl: string | undefined, settings: Settings, chosen?: ConsoleId): boolean {
  const target = resolveTarget(tabUrl, settings, chosen);
  return target.kind === 'console' && !target.tenant;
}
