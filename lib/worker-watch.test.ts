import { describe, expect, it, vi } from 'vitest';
import { WORKER_WATCH_PORT, watchWorker } from './worker-watch';

function fakePorts() {
  const disconnects: (() => void)[] = [];
  const connect = vi.fn((info: { name: string }) => {
    expect(info.name).toBe(WORKER_WATCH_PORT);
    return { onDisconnect: { addListener: (listener: () => void) => void disconnects.push(listener) } };
  });
  return { connect, stopWorker: () => disconnects.splice(0).forEach((listener) => listener()) };
}

describe('watchWorker', () => {
  it('calls onGone when the worker’s port closes, and connects again only when asked', () => {
    const { connect, stopWorker } = fakePorts();
    const onGone = vi.fn();
    const watch = watchWorker(connect, onGone);
    watch.ensure();
    watch.ensure();
    expect(connect).toHaveBeenCalledOnce();
    stopWorker();
    expect(onGone).toHaveBeenCalledOnce();
    watch.ensure();
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('ends work in flight with the given words when the worker goes away first', async () => {
    const { connect, stopWorker } = fakePorts();
    const watch = watchWorker(connect, () => undefined);
    const never = new Promise<string>(() => undefined);
    const watched = watch.whileAlive(never, 'Interrupted: fill again.');
    stopWorker();
    await expect(watched).rejects.toThrow('Interrupted: fill again.');
  });

  it('passes the answer through when the worker answers, and a later stop changes nothing of it', async () => {
    const { connect, stopWorker } = fakePorts();
    const watch = watchWorker(connect, () => undefined);
    const watched = watch.whileAlive(Promise.resolve('filled'), 'Interrupted');
    await expect(watched).resolves.toBe('filled');
    stopWorker();
    await expect(watched).resolves.toBe('filled');
  });

  it('a browser with no background to connect to leaves the work to its own answer', async () => {
    const watch = watchWorker(() => {
      throw new Error('Extension context invalidated.');
    }, () => undefined);
    await expect(watch.whileAlive(Promise.reject(new Error('no answer')), 'Interrupted')).rejects.toThrow('no answer');
  });
});
