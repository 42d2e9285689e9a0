/** The verdicts shared by every step when PingOne gave no HTTP answer. */
import type { Exchange } from './exchange';
import type { StepReport } from './types';

/** What a step's verdict function decides; the runner adds id, title, request and duration. */
export type StepOutcome = Pick<StepReport, 'verdict' | 'message' | 'hint' | 'httpStatus' | 'request'>;

type NoAnswer = Exclude<Exchange, { outcome: 'answered' }>;

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

export const CANCELLED: StepOutcome = { verdict: 'skipped', message: 'Cancelled before PingOne answered.' };

export function noAnswerVerdict(exchange: NoAnswer, host: string, timeoutMs: number): StepOutcome {
  switch (exchange.outcome) {
    case 'cancelled':
      return CANCELLED;
    case 'timeout':
      return {
        verdict: 'fail',
        message: `${host} did not answer within ${seconds(timeoutMs)}.`,
        hint: 'PingOne may be slow right now, or something on the network holds the connection open (a proxy or firewall). Try again; if it keeps happening, check that this browser may reach ' + host + '.',
      };
    case 'unreachable':
      return {
        verdict: 'fail',
        message: `Could not reach ${host}: the connection failed before any answer.`,
        hint: 'PingOne may be down, or a proxy, firewall or DNS filter blocks ' + host + ' from this browser.',
      };
  }
}
