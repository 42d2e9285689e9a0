/**
 * The open popup's watch on the background worker: a long-lived `runtime.connect` port that carries nothing. When
 * the worker stops (the browser ends an idle or stuck service worker, or it crashes) the port's onDisconnect fires in
 * the popup (https://developer.chrome.com/docs/extensions/develop/concepts/messaging#port-lifetime), so a test or fill
 * in flight is said to be interrupted at once instead of waiting on an answer that will never come.
 */
/**
 * The name of the long-lived port an open popup holds to the background (lib/background/watch-port.ts): it carries no
 * message, its disconnect tells the popup the worker is gone.
 */
export const WORKER_WATCH_PORT = 'worker-watch';

export interface WatchedPort {
  onDisconnect: { addListener(listener: () => void): void };
}

export const FILL_INTERRUPTED =
  "Interrupted: the browser stopped the extension's background worker during the fill; check the form, then fill again.";

export interface WorkerWatch {
  /** Connect if not connected (connecting wakes a stopped worker; its next stop is then seen too). */
  ensure(): void;
  /** `work`, or an Error with `message` as soon as the worker goes away first. */
  whileAlive<T>(work: Promise<T>, message: string): Promise<T>;
}

export function watchWorker(connect: (info: { name: string }) => WatchedPort, onGone: () => void): WorkerWatch {
  /** Settles when the connected worker goes away; absent while not connected. */
  let gone: Promise<void> | undefined;
  const ensure = (): Promise<void> => {
    if (gone) return gone;
    let port: WatchedPort;
    try {
      port = connect({ name: WORKER_WATCH_PORT });
    } catch {
      // No background to watch (the extension is being reloaded): the work's own answer decides.
      return new Promise(() => undefined);
    }
    return (gone = new Promise((resolve) =>
      port.onDisconnect.addListener(() => {
        gone = undefined;
        onGone();
        resolve();
      }),
    ));
  };
  return {
    ensure: () => void ensure(),
    whileAlive: (work, message) =>
      Promise.race([
        work,
        ensure().then(() => {
          throw new Error(message);
        }),
      ]),
  };
}
