/**
 * The pages' one way to ask the background (lib/background/router.ts answers): the response type follows from the
 * request type, the same table (lib/messages.ts ResponseFor) the router's handlers are typed against.
 */
import { browser } from 'wxt/browser';
import type { ResponseFor, UiRequest } from './messages';

export async function askBackground<Request extends UiRequest>(request: Request): Promise<ResponseFor[Request['type']]> {
  return (await browser.runtime.sendMessage(request)) as ResponseFor[Request['type']];
}
