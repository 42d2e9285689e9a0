/**
 * One HTTP exchange with PingOne, reduced to what a verdict needs: the status and the parsed JSON body, or why there
 * was no answer. The body never leaves this module except as parsed JSON handed to a verdict function, which keeps
 * only error codes, descriptions and the environment name.
 */

export type Exchange =
  | { outcome: 'answered'; status: number; json: unknown }
  /** The step's own time ran out. */
  | { outcome: 'timeout' }
  /** The whole test was cancelled. */
  | { outcome: 'cancelled' }
  /** No HTTP answer: connection refused, DNS failure, TLS failure, or a redirect (refused by `redirect: 'error'`). */
  | { outcome: 'unreachable' };

/** PingOne's JSON answers are a few kilobytes; anything much larger is not one of them. */
const MAX_BODY_CHARS = 256 * 1024;

/**
 * The fixed request options: no cookies or HTTP auth from the browser (`credentials: 'omit'`), no redirects to follow
 * off the region table's hosts (`redirect: 'error'`), no cached answers, no Referer.
 */
const FETCH_DEFAULTS = {
  credentials: 'omit',
  redirect: 'error',
  cache: 'no-store',
  referrerPolicy: 'no-referrer',
} as const satisfies RequestInit;

function parseJson(text: string): unknown {
  if (text.length > MAX_BODY_CHARS) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Settles when `signal` aborts, so a fetch (or body) that ignores its signal cannot hold the step past its time. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * `stepSignal` fires on the step's timeout or on cancel; `cancelSignal` alone tells the two apart afterwards.
 */
export async function exchange(
  fetchImpl: typeof fetch,
  url: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
  stepSignal: AbortSignal,
  cancelSignal: AbortSignal | undefined,
): Promise<Exchange> {
  const attempt = async (): Promise<Exchange> => {
    const response = await fetchImpl(url, { ...FETCH_DEFAULTS, ...init, signal: stepSignal });
    const json = parseJson(await response.text());
    return { outcome: 'answered', status: response.status, json };
  };
  // Nothing is sent once the step is over (cancelled before it began).
  if (stepSignal.aborted) return cancelSignal?.aborted ? { outcome: 'cancelled' } : { outcome: 'timeout' };
  try {
    return await Promise.race([attempt(), whenAborted(stepSignal)]);
  } catch {
    if (cancelSignal?.aborted) return { outcome: 'cancelled' };
    if (stepSignal.aborted) return { outcome: 'timeout' };
    return { outcome: 'unreachable' };
  }
}

/**
 * A signal for one step: its own timeout, or the whole test's cancel, whichever comes first. The timeout is a plain
 * setTimeout rather than AbortSignal.timeout so that tests can drive it with fake timers (vitest's fake timers
 * replace setTimeout but not AbortSignal.timeout); in a service worker the two behave the same.
 */
export function stepSignal(timeoutMs: number, cancelSignal: AbortSignal | undefined): AbortSignal {
  const timeout = new AbortController();
  setTimeout(() => timeout.abort(new DOMException(`No answer within ${timeoutMs} ms.`, 'TimeoutError')), timeoutMs);
  return cancelSignal ? AbortSignal.any([cancelSignal, timeout.signal]) : timeout.signal;
}

/** A JSON object's string field, or undefined. */
export function stringField(json: unknown, name: string): string | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const value = (json as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}
