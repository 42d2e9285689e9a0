/**
 * A `runtime.onMessage` listener that answers asynchronously through `sendResponse` and `return true`, the one way
 * Chrome and Firefox both support without the webextension-polyfill
 * (https://developer.chrome.com/docs/extensions/develop/concepts/messaging#simple). `answer` returns undefined for a
 * message this page does not answer, so that another page may.
 */
export function answering<Sender>(answer: (message: unknown, sender: Sender) => Promise<unknown> | undefined) {
  return (message: unknown, sender: Sender, sendResponse: (response: unknown) => void): true | undefined => {
    const answered = answer(message, sender);
    if (answered === undefined) return undefined;
    // A rejection still answers (nothing), so the asking page is never left waiting on a closed channel.
    void answered.catch(() => undefined).then(sendResponse);
    return true;
  };
}
