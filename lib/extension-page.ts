/**
 * The sender rule every message of lib/messages.ts is held to: which sender is one of the extension's own pages. Apart from the schemas, so a
 * page that checks a sender (the popup) does not load them.
 */

/** The part of `runtime.MessageSender` the sender rule looks at. */
export interface SenderFacts {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * True only for the extension's own pages: same extension id, a URL inside the extension's origin. A content script's
 * sender carries the web page's URL and a tab, so it fails the URL test even though its id matches.
 */
export function isExtensionPage(sender: SenderFacts, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId || typeof sender.url !== 'string') return false;
  let origin: string;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return false;
  }
  return origin === new URL(extensionOrigin).origin;
}
