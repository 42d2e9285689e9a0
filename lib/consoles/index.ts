/**
 * The console registry and where consoles live. A tab is a console only on https, at a fixed host of a hosted
 * console (exact name, or a subdomain of a `*.suffix` pattern, on the default port), or at an origin the admin
 * added in Options (exact origin match). Nothing looser: `one.dash.cloudflare.com.evil.test` is not Cloudflare.
 */
import { aic } from './aic';
import { cloudflare } from './cloudflare';
import { pingAccess } from './pingaccess';
import { pingFederate } from './pingfederate';
import type { ConsoleId, ConsoleModule, SelfHostedConsole } from './types';

export type * from './types';
export { cloudflareApiRequest, CLIENT_SECRET_PLACEHOLDER } from './cloudflare';
export { pingAccessApiRequest, CREDENTIAL_PLACEHOLDER } from './pingaccess';

export const CONSOLES: readonly ConsoleModule[] = [pingAccess, aic, cloudflare, pingFederate];

/**
 * The consoles an admin can run at an origin of their own (`selfHostable`): the ids Options accepts for a console
 * origin and the popup may name for an unknown page. A non-empty tuple because zod's `z.enum` takes one.
 */
export const SELF_HOSTABLE_CONSOLE_IDS = CONSOLES.filter((candidate) => candidate.selfHostable).map((candidate) => candidate.id) as [
  ConsoleId,
  ...ConsoleId[],
];

export function consoleById(id: ConsoleId): ConsoleModule {
  const found = CONSOLES.find((candidate) => candidate.id === id);
  if (!found) throw new RangeError(`No console ${String(id)}`);
  return found;
}

function hostMatches(host: string, pattern: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern;
}

/** `scheme://host[:port]` as the URL parser writes it (lower-case host, default port dropped), or undefined. */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export function resolveConsole(url: string, selfHosted: readonly SelfHostedConsole[]): ConsoleModule | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  // The hosted consoles serve on 443 only; another port on the same name is not the console the admin knows.
  if (parsed.port === '') {
    const hosted = CONSOLES.find((candidate) => candidate.hostPatterns.some((pattern) => hostMatches(parsed.hostname, pattern)));
    if (hosted) return hosted;
  }
  const added = selfHosted.find((entry) => originOf(entry.origin) === parsed.origin);
  return added && CONSOLES.find((candidate) => candidate.id === added.consoleId && candidate.selfHostable);
}
