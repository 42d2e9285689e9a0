import { useEffect, useState } from 'preact/hooks';

/** A module the popup loads on first need, or why it could not. */
export type Loaded<T> = { module: T } | { failure: string } | undefined;

/**
 * A part of the popup loaded on first need (a dynamic `import()`, its own chunk), shared by every component that asks:
 * the first screen is drawn without it (`npm run size` counts it apart). A failed load (e.g. the extension was
 * updated while the popup was open) is said, never a blank popup.
 */
export function lazyModule<T>(load: () => Promise<T>) {
  let loaded: Loaded<T>;
  let loading: Promise<T> | undefined;
  const start = (): Promise<T> =>
    (loading ??= load().then(
      (module) => {
        loaded = { module };
        return module;
      },
      (error: unknown) => {
        loaded = { failure: error instanceof Error ? error.message : String(error) };
        throw error;
      },
    ));
  return {
    /** The module, loading it if it is not yet. */
    load: start,
    /** In a component: the module once loaded (undefined until then), loading it as soon as it is `needed`. */
    use(needed: boolean): Loaded<T> {
      const [, settled] = useState(0);
      useEffect(() => {
        if (needed && loaded === undefined) void start().then(() => settled((count) => count + 1), () => settled((count) => count + 1));
      }, [needed]);
      return loaded;
    },
  };
}

/** What a paste needs and the empty popup does not (components/popup/paste-part.ts). */
export const pastePart = lazyModule(() => import('./paste-part'));
