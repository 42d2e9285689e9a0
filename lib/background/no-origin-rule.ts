/**
 * The connection test asks PingOne as a console's server does: with no `Origin` header (and no cookies, which
 * lib/connection/exchange.ts leaves off with `credentials: 'omit'`). A worker's fetch carries
 * `Origin: chrome-extension://<id>`, which an authorization server may refuse at the token endpoint (oidc-provider's
 * default does). One declarativeNetRequest session rule removes it, from this extension's own requests to the region
 * table's auth and API hosts only: pages on those hosts and other extensions keep theirs.
 * https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#type-ModifyHeaderInfo
 */
import type { Browser } from 'wxt/browser';
import { REGIONS, regionHosts } from '../regions';

export const NO_ORIGIN_RULE_ID = 1;

/** `extensionHost`: the host of this extension's own URL (Chrome: its id; Firefox: its internal UUID). */
export function noOriginRule(extensionHost: string): Browser.declarativeNetRequest.Rule {
  return {
    id: NO_ORIGIN_RULE_ID,
    priority: 1,
    action: {
      type: 'modifyHeaders' as Browser.declarativeNetRequest.RuleActionType,
      requestHeaders: [{ header: 'origin', operation: 'remove' as Browser.declarativeNetRequest.HeaderOperation }],
    },
    condition: {
      initiatorDomains: [extensionHost],
      requestDomains: REGIONS.flatMap((region) => {
        const hosts = regionHosts(region);
        return [hosts.auth, hosts.api];
      }),
      // A worker's or background page's fetch counts as xmlhttprequest.
      resourceTypes: ['xmlhttprequest' as Browser.declarativeNetRequest.ResourceType],
    },
  };
}

let installed: Promise<unknown> = Promise.resolve();

/**
 * Session rules end with the browser, so the worker adds the rule again each time it starts (replacing its own copy).
 * A browser that refuses it still runs the test: the token step then says when a refusal is about the origin.
 */
export function installNoOriginRule(
  dnr: Pick<typeof Browser.declarativeNetRequest, 'updateSessionRules'> | undefined,
  extensionHost: string,
): Promise<unknown> {
  installed = (async () => dnr!.updateSessionRules({ removeRuleIds: [NO_ORIGIN_RULE_ID], addRules: [noOriginRule(extensionHost)] }))().catch(() => false);
  return installed;
}

/** Settles once the worker's rule is in place (or refused): a connection test waits for it before its first request. */
export function noOriginRuleInstalled(): Promise<unknown> {
  return installed;
}
