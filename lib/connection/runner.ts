/**
 * Runs a connection plan: discovery and client authentication in parallel, the environment read once a token exists.
 * Every step has its own timeout and the whole test one cancel signal; each change is reported as a fresh, scrubbed
 * copy. Never rejects. The token lives in this function's locals only and is gone when it returns.
 */
import type { Credential } from '../credential/types';
import type { RegionTld } from '../regions';
import { basicAuthorization, clientAuthStep, formEncode } from './client-auth-step';
import { environmentReadStep } from './environment-read-step';
import { environmentStep } from './environment-step';
import { stepSignal } from './exchange';
import { GATEWAY_NOTE } from './gateway-note';
import { CANCELLED, type StepOutcome } from './no-answer';
import { connectionPlan, STEP_TITLES, type ConnectionPlan } from './plan';
import { Redactor } from './redact';
import type { StepContext } from './step-context';
import type { ConnectionReport, StepId, StepReport } from './types';

const DEFAULT_STEP_TIMEOUT_MS = 8000;

export interface ConnectionTestOptions {
  fingerprint: string;
  /** The admin's choice of region for this run; otherwise the credential's, otherwise North America (assumed). */
  regionTld?: RegionTld;
  /** Cancels the whole test: steps still running end as 'skipped'. */
  signal?: AbortSignal;
  stepTimeoutMs?: number;
  fetch?: typeof fetch;
  onUpdate?: (report: ConnectionReport) => void;
}

function initialStep(id: StepId, plan: ConnectionPlan): StepReport {
  const base = { id, title: STEP_TITLES[id] };
  switch (id) {
    case 'environment':
      return {
        ...base,
        verdict: 'running',
        message: `Looking for the environment in ${plan.region.name} (${plan.authHost})…`,
        hint: plan.regionNote,
        request: `GET ${plan.urls.discovery}`,
      };
    case 'client-auth':
      return plan.client
        ? { ...base, verdict: 'running', message: 'Asking PingOne for a token…', request: `POST ${plan.urls.token} (grant_type=client_credentials)` }
        : { ...base, verdict: 'skipped', message: 'The credential carries no client ID and secret, so client authentication cannot be tested.' };
    case 'environment-read':
      return plan.client
        ? { ...base, verdict: 'running', message: 'Waiting for a token from client authentication…', request: `GET ${plan.urls.environment}` }
        : { ...base, verdict: 'skipped', message: 'Not run: reading the environment needs a token, which needs a client secret.' };
    case 'gateway-note':
      return { ...base, ...GATEWAY_NOTE };
  }
}

/** Why the environment read did not run, given how client authentication ended without a token. */
function readNotRun(auth: StepOutcome): StepOutcome {
  if (auth.verdict === 'skipped') return CANCELLED;
  if (auth.verdict === 'pass' || auth.verdict === 'warn') {
    return { verdict: 'skipped', message: 'Not run: this application gets no token by client credentials, so the environment cannot be read with it.' };
  }
  return { verdict: 'skipped', message: 'Not run: reading the environment needs a token, and client authentication gave none.' };
}

function joinHints(...hints: (string | undefined)[]): string | undefined {
  const present = hints.filter((hint): hint is string => Boolean(hint));
  return present.length > 0 ? present.join(' ') : undefined;
}

export async function runConnectionTest(credential: Credential, options: ConnectionTestOptions): Promise<ConnectionReport> {
  const redactor = new Redactor();
  redactor.add(credential.raw, credential.clientSecret);
  if (credential.clientSecret) {
    redactor.add(formEncode(credential.clientSecret));
    if (credential.clientId) redactor.add(basicAuthorization(credential.clientId, credential.clientSecret).slice('Basic '.length));
  }

  const report: ConnectionReport = { fingerprint: options.fingerprint, startedAt: Date.now(), steps: [] };
  const emit = () => {
    try {
      options.onUpdate?.(redactor.report(report));
    } catch {
      // A listener's failure is not the test's: the report is still returned.
    }
  };
  let finished = false;
  const settle = (id: StepId, outcome: StepOutcome, startedAt?: number) => {
    // A step still in flight after an unexpected error ended the test must not change the report afterwards.
    if (finished) return;
    const index = report.steps.findIndex((step) => step.id === id);
    const current = report.steps[index];
    if (!current || current.verdict !== 'running') return;
    const durationMs = startedAt === undefined ? undefined : Math.round(performance.now() - startedAt);
    report.steps[index] = { ...current, ...outcome, request: outcome.request ?? current.request, ...(durationMs === undefined ? {} : { durationMs }) };
    emit();
  };

  try {
    const plan = connectionPlan(credential, { regionTld: options.regionTld });
    if (!plan.ok) {
      report.steps = [{ id: 'environment', title: STEP_TITLES.environment, verdict: 'fail', message: plan.message, hint: plan.hint }];
    } else {
      report.region = { tld: plan.region.tld, name: plan.region.name, source: plan.regionSource };
      report.steps = plan.steps.map((id) => initialStep(id, plan));
      emit();
      const timeoutMs = options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
      const context: StepContext = {
        fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
        timeoutMs,
        cancelSignal: options.signal,
        stepSignal: () => stepSignal(timeoutMs, options.signal),
        redact: (text) => redactor.text(text),
      };

      const environment = async () => {
        const startedAt = performance.now();
        const outcome = await environmentStep(plan, context);
        settle('environment', { ...outcome, hint: joinHints(plan.regionNote, outcome.hint) }, startedAt);
      };
      const clientThenRead = async (client: { id: string; secret: string }) => {
        const authStartedAt = performance.now();
        const auth = await clientAuthStep(plan, client, credential.kind, context);
        // Known to the redactor before the first report that could carry it is built or sent.
        redactor.add(auth.token);
        settle('client-auth', auth.outcome, authStartedAt);
        if (auth.token === undefined) {
          settle('environment-read', readNotRun(auth.outcome));
          return;
        }
        const readStartedAt = performance.now();
        settle('environment-read', await environmentReadStep(plan, auth.token, credential.environmentName, context), readStartedAt);
      };
      await Promise.all([environment(), plan.client ? clientThenRead(plan.client) : undefined]);
    }
  } catch {
    // Never rejects (the background awaits nothing else): whatever was still running ends as a failure.
    for (const step of report.steps) {
      if (step.verdict === 'running') settle(step.id, { verdict: 'fail', message: 'The test stopped on an unexpected error.' });
    }
  }
  finished = true;
  report.finishedAt = Date.now();
  emit();
  return redactor.report(report);
}
