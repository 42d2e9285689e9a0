/**
 * The last guard on every report that leaves the runner: any secret it knows of (client secret, the raw credential,
 * a token, and the encodings they travel in) is replaced wherever it appears in the report's text. Steps already
 * keep only codes, descriptions and names; this catches a server that echoes a secret back in a description.
 */
import type { ConnectionReport } from './types';

const REDACTED = '[redacted]';

export class Redactor {
  private readonly secrets = new Set<string>();

  add(...values: (string | undefined)[]): void {
    for (const value of values) if (value) this.secrets.add(value);
  }

  text(value: string): string;
  text(value: string | undefined): string | undefined;
  text(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    let result = value;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) result = result.split(secret).join(REDACTED);
    return result;
  }

  /** A fresh copy of the report with every text field scrubbed. */
  report(report: ConnectionReport): ConnectionReport {
    return {
      ...report,
      region: report.region && { ...report.region },
      steps: report.steps.map((step) => {
        const copy = { ...step, message: this.text(step.message) };
        if (step.hint !== undefined) copy.hint = this.text(step.hint);
        if (step.request !== undefined) copy.request = this.text(step.request);
        return copy;
      }),
    };
  }
}
