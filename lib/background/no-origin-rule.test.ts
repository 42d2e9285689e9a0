import { describe, expect, it, vi } from 'vitest';
import { pingOneHostPermissions } from '../regions';
import { installNoOriginRule, noOriginRule, noOriginRuleInstalled, NO_ORIGIN_RULE_ID } from './no-origin-rule';

describe('the no-Origin rule', () => {
  it('removes Origin from this extension’s own xmlhttprequests to exactly the region table’s auth and API hosts', () => {
    const rule = noOriginRule('abcdefghijklmnopabcdefghijklmnop');
    expect(rule.action).toEqual({ type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'remove' }] });
    expect(rule.condition.initiatorDomains).toEqual(['abcdefghijklmnopabcdefghijklmnop']);
    expect(rule.condition.resourceTypes).toEqual(['xmlhttprequest']);
    // The same hosts the manifest's host permissions name, nothing wider.
    expect(rule.condition.requestDomains?.map((host) => `https://${host}/*`)).toEqual(pingOneHostPermissions());
  });

  it('replaces its own copy at each worker start, and a connection test waits for it', async () => {
    const updateSessionRules = vi.fn(async () => undefined);
    const installing = installNoOriginRule({ updateSessionRules }, 'ext-host');
    expect(noOriginRuleInstalled()).toBe(installing);
    expect(await installing).toBeUndefined();
    expect(updateSessionRules).toHaveBeenCalledWith({ removeRuleIds: [NO_ORIGIN_RULE_ID], addRules: [noOriginRule('ext-host')] });
  });

  it('a browser that refuses the rule (or has no declarativeNetRequest) does not stop the connection test', async () => {
    expect(await installNoOriginRule({ updateSessionRules: vi.fn(async () => Promise.reject(new Error('refused'))) }, 'ext-host')).toBe(false);
    expect(await installNoOriginRule(undefined, 'ext-host')).toBe(false);
    expect(await noOriginRuleInstalled()).toBe(false);
  });
});
