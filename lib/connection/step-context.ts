/** What every step gets from the runner: the fetch to use, its timeout, the test's cancel signal and its redactor. */
export interface StepContext {
  fetch: typeof fetch;
  timeoutMs: number;
  cancelSignal: AbortSignal | undefined;
  /** A fresh signal for one step: the step's own timeout or the test's cancel. */
  stepSignal(): AbortSignal;
  /** Replaces every secret the runner knows of so far; PingOne's own text passes through it (./pingone-text.ts). */
  redact(text: string): string;
}
