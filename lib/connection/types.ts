/** Reports of a connection test: plain JSON, never a secret, a token, or an Authorization header. */
import type { RegionTld } from '../regions';

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

/** Where the region the test ran against came from. */
export type RegionSource =
  /** The admin chose it for this run (`connection.start` with `regionTld`). */
  | 'chosen'
  /** Every region hint in the credential agreed on it. */
  | 'credential'
  /** The credential names no region (or its hints disagree): North America was assumed, and the report says so. */
  | 'assumed';

interface ReportRegion {
  tld: RegionTld;
  name: string;
  source: RegionSource;
}

export interface ConnectionReport {
  /** Credential fingerprint: which credential this report is about. */
  fingerprint: string;
  startedAt: number;
  finishedAt?: number;
  /** The region whose hosts every request went to; absent only when no request could be planned. */
  region?: ReportRegion;
  steps: StepReport[];
  /** Set on a broadcast whose report storage.session refused: it lives in the open popup only. */
  notKept?: true;
}
