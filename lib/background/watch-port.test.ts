import { describe, expect, it, vi } from 'vitest';
import { WORKER_WATCH_PORT } from '../worker-watch';
import { acceptWatchPort } from './watch-port';

const extension = { id: 'abc', origin: 'chrome-extension://abc/' };

function port(name: string, sender?: { id?: string; url?: string; tab?: unknown }) {
  return { name, sender, disconnect: vi.fn() };
}

describe('acceptWatchPort', () => {
  it('keeps the popup’s worker-watch port open', () => {
    const popup = port(WORKER_WATCH_PORT, { id: 'abc', url: 'chrome-extension://abc/popup.html' });
    expect(acceptWatchPort(popup, extension)).toBe(true);
    expect(popup.disconnect).not.toHaveBeenCalled();
  });

  it.each([
    ['a content script (the page’s URL, a tab)', port(WORKER_WATCH_PORT, { id: 'abc', url: 'https://evil.test/', tab: {} })],
    ['another extension', port(WORKER_WATCH_PORT, { id: 'other', url: 'chrome-extension://other/popup.html' })],
    ['no sender', port(WORKER_WATCH_PORT)],
    ['another port name', port('something-else', { id: 'abc', url: 'chrome-extension://abc/popup.html' })],
  ])('closes a port from %s', (_, refused) => {
    expect(acceptWatchPort(refused, extension)).toBe(false);
    expect(refused.disconnect).toHaveBeenCalledOnce();
  });
});
