import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyModule } from './lazy-module';

afterEach(cleanup);

/** A module whose load the test settles by hand. */
function controlled<T>() {
  let settle!: { resolve(module: T): void; reject(error: Error): void };
  let loads = 0;
  const lazy = lazyModule(() => {
    loads++;
    return new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  });
  return { lazy, settle: () => settle, loads: () => loads };
}

function Probe({ lazy, needed }: { lazy: ReturnType<typeof lazyModule<{ word: string }>>; needed: boolean }) {
  const loaded = lazy.use(needed);
  return <p>{loaded === undefined ? 'not loaded' : 'module' in loaded ? loaded.module.word : `failed: ${loaded.failure}`}</p>;
}

describe('lazyModule', () => {
  it('loads nothing until needed, then once, and draws again with the module', async () => {
    const { lazy, settle, loads } = controlled<{ word: string }>();
    const view = render(<Probe lazy={lazy} needed={false} />);
    expect(loads()).toBe(0);
    view.rerender(<Probe lazy={lazy} needed />);
    expect(screen.getByText('not loaded')).toBeTruthy();
    expect(loads()).toBe(1);
    settle().resolve({ word: 'loaded' });
    expect(await screen.findByText('loaded')).toBeTruthy();
    // A second user gets the same module at once, with no second load.
    render(<Probe lazy={lazy} needed />);
    expect(screen.getAllByText('loaded')).toHaveLength(2);
    expect(await lazy.load()).toEqual({ word: 'loaded' });
    expect(loads()).toBe(1);
  });

  it('says why a load failed instead of drawing nothing', async () => {
    const { lazy, settle } = controlled<{ word: string }>();
    render(<Probe lazy={lazy} needed />);
    settle().reject(new Error('Failed to fetch dynamically imported module'));
    expect(await screen.findByText('failed: Failed to fetch dynamically imported module')).toBeTruthy();
  });
});
