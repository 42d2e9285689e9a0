/**
 * What Chromium's renderer says of a control right now (IntersectionObserver v2 `isVisible`, asked from the page as
 * the engine asks it): false whenever anything at all is drawn over it. A fill that succeeds where this is false
 * went through the engine's explanation of that verdict (lib/fill/guard.ts coveredOf), not around it.
 */
import type { Locator } from '@playwright/test';

export async function rendererSees(control: Locator): Promise<boolean> {
  return control.evaluate(
    (element) =>
      new Promise<boolean>((resolve) => {
        const observer = new IntersectionObserver(
          ([entry]) => {
            observer.disconnect();
            resolve((entry as IntersectionObserverEntry & { isVisible: boolean }).isVisible);
          },
          { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
        );
        observer.observe(element);
      }),
  );
}
