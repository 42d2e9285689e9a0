/** What every step gets from the runner: the fetch to use, its timeout, and the test's cancel signal. */
export interface StepContext {
  fetch: typeof fetch;
  timeoutMs: number;
  cancelSignal: AbortSignal | undefined;
  /** A fresh signal for one step: the step's own timeout or the test's cancel. */
  stepSignal(): AbortSignal;
}
