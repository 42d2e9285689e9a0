/**
 * The background's end of the popup's worker-watch port (lib/worker-watch.ts). The port carries nothing; it is kept
 * open only for the extension's own pages (the same sender rule as every message, lib/extension-page.ts), so its disconnect
 * means this worker went away. Any other connection is closed at once.
 */
import { isExtensionPage, type SenderFacts } from '../extension-page';
import { WORKER_WATCH_PORT } from '../worker-watch';

export interface WatchPort {
  name: string;
  sender?: SenderFacts;
  disconnect(): void;
}

/** True when the port is kept open; otherwise it has been disconnected. */
export function acceptWatchPort(port: WatchPort, extension: { id: string; origin: string }): boolean {
  if (port.name === WORKER_WATCH_PORT && port.sender && isExtensionPage(port.sender, extension.id, extension.origin)) return true;
  port.disconnect();
  return false;
}
