/**
 * Step 1, environment discovery: GET `<issuer>/.well-known/openid-configuration` on the region's auth host and
 * compare the issuer it names with the one the region table gives (PingOne: `https://auth.pingone.<tld>/<envId>/as`,
 * lib/connection/README.md).
 */
import { REGIONS } from '../regions';
import { exchange, stringField, type Exchange } from './exchange';
import { noAnswerVerdict, type StepOutcome } from './no-answer';
import type { ConnectionPlan } from './plan';
import type { StepContext } from './step-context';

function otherRegions(plan: ConnectionPlan): string {
  return REGIONS.filter((region) => region !== plan.region)
    .map((region) => `${region.name} (.${region.tld})`)
    .join(', ');
}

function environmentVerdict(result: Exchange, plan: ConnectionPlan, timeoutMs: number): StepOutcome {
  if (result.outcome !== 'answered') return noAnswerVerdict(result, plan.authHost, timeoutMs);
  const where = `${plan.region.name} (${plan.authHost})`;
  const httpStatus = result.status;
  if (result.status === 404) {
    return {
      verdict: 'fail',
      httpStatus,
      message: `This environment was not found in ${where}.`,
      hint: `An environment lives in one region only, and the wrong region is the most common cause. The console address shows it (console.pingone.<region>); the other regions are ${otherRegions(plan)}.`,
    };
  }
  if (result.status !== 200) {
    return {
      verdict: 'fail',
      httpStatus,
      message: `${plan.authHost} answered HTTP ${result.status} instead of the environment's OpenID configuration.`,
    };
  }
  const issuer = stringField(result.json, 'issuer');
  if (issuer === undefined) {
    return {
      verdict: 'fail',
      httpStatus,
      message: `${plan.authHost} answered, but not with an OpenID configuration.`,
      hint: 'Something between this browser and PingOne (a proxy or captive portal) may have answered instead.',
    };
  }
  if (issuer !== plan.urls.issuer) {
    return {
      verdict: 'fail',
      httpStatus,
      message: `The environment's OpenID configuration names a different issuer than ${plan.urls.issuer}.`,
      hint: 'Consoles that load PingOne metadata will reject tokens from this issuer. A custom domain or a proxy may be rewriting it.',
    };
  }
  return { verdict: 'pass', httpStatus, message: `Environment found in ${where}, with the expected issuer.` };
}

export async function environmentStep(plan: ConnectionPlan, context: StepContext): Promise<StepOutcome> {
  const result = await exchange(context.fetch, plan.urls.discovery, { method: 'GET' }, context.stepSignal(), context.cancelSignal);
  return environmentVerdict(result, plan, context.timeoutMs);
}
