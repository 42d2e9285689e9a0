/**
 * Step 3, environment read: GET `https://api.pingone.<tld>/v1/environments/<envId>` with the token from step 2.
 * 200 = the application can read the environment; 403 = authenticated but without a role that may (lib/connection/README.md).
 * PingOne API errors are JSON `{ id, code, message }`; only `code` and `message` are kept.
 */
import { exchange, stringField, type Exchange } from './exchange';
import { noAnswerVerdict, type StepOutcome } from './no-answer';
import { pingOneText } from './pingone-text';
import type { ConnectionPlan } from './plan';
import type { StepContext } from './step-context';

function apiError(json: unknown, redact: (text: string) => string): string {
  const code = stringField(json, 'code');
  const message = stringField(json, 'message');
  if (!code && !message) return '';
  return ` PingOne said: “${pingOneText([code, message].filter(Boolean).join(': '), redact)}”`;
}

function environmentReadVerdict(
  result: Exchange,
  context: { plan: ConnectionPlan; environmentName: string | undefined; timeoutMs: number; redact: (text: string) => string },
): StepOutcome {
  const { plan, redact } = context;
  if (result.outcome !== 'answered') return noAnswerVerdict(result, plan.apiHost, context.timeoutMs);
  const httpStatus = result.status;
  switch (result.status) {
    case 200: {
      const name = stringField(result.json, 'name');
      if (name === undefined) {
        return { verdict: 'fail', httpStatus, message: `${plan.apiHost} answered, but not with an environment.` };
      }
      const shown = pingOneText(name, redact);
      if (context.environmentName === undefined) {
        return { verdict: 'pass', httpStatus, message: `This application can read the environment “${shown}”.` };
      }
      if (name === context.environmentName) {
        return { verdict: 'pass', httpStatus, message: `This application can read the environment, and its name “${shown}” matches the credential.` };
      }
      return {
        verdict: 'warn',
        httpStatus,
        message: `PingOne calls this environment “${shown}”, but the credential says “${pingOneText(context.environmentName, redact)}”.`,
        hint: 'The environment may have been renamed since the credential was made, or the credential belongs to another environment than you think.',
      };
    }
    case 403:
      return {
        verdict: 'warn',
        httpStatus,
        message: `The client is authenticated, but this application has no role that may read the environment.${apiError(result.json, redact)}`,
        hint: 'If the product needs to read or manage PingOne, give the application a role on this environment (Applications > the application > Roles).',
      };
    case 401:
      return {
        verdict: 'fail',
        httpStatus,
        message: `${plan.apiHost} rejected the token.${apiError(result.json, redact)}`,
        hint: 'The token came from this region’s auth host; if the API host refuses it, the environment may be in another region.',
      };
    case 404:
      return {
        verdict: 'fail',
        httpStatus,
        message: `${plan.apiHost} has no such environment.${apiError(result.json, redact)}`,
        hint: 'Check the region: an environment lives in one region only.',
      };
    default:
      return { verdict: 'fail', httpStatus, message: `${plan.apiHost} answered HTTP ${result.status}.${apiError(result.json, redact)}` };
  }
}

export async function environmentReadStep(
  plan: ConnectionPlan,
  token: string,
  environmentName: string | undefined,
  context: StepContext,
): Promise<StepOutcome> {
  const result = await exchange(
    context.fetch,
    plan.urls.environment,
    { method: 'GET', headers: { Authorization: `Bearer ${token}` } },
    context.stepSignal(),
    context.cancelSignal,
  );
  return environmentReadVerdict(result, { plan, environmentName, timeoutMs: context.timeoutMs, redact: context.redact });
}
