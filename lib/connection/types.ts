/** Reports of a connection test: plain JSON, never a secret, a token, or an Authorization header. */

export type StepId = 'environment' | 'client-auth' | 'environment-read' | 'gateway-note';

export type StepVerdict = 'pass' | 'fail' | 'warn' | 'info' | 'skipped' | 'running';

export interface StepReport {
  id: StepId;
  title: string;
  verdict: StepVerdict;
  /** Plain language: "Environment found in Europe (auth.pingone.eu)." */
  message: string;
  hint?: string;
  /** The request made, for the admin to see (method + URL from the region table; no headers, no body). */
  request?: string;
  httpStatus?: number;
  durationMs?: number;
}

export interface ConnectionReport {
  /** Credential fingerprint: which credential this report is about. */
  fingerprint: string;
  startedAt: number;
  finishedAt?: number;
  steps: StepReport[];
}
