/**
 * Step 2, client authentication: POST `<issuer>/token` with `grant_type=client_credentials`, first with
 * client_secret_basic, then with client_secret_post if PingOne says `invalid_client` (an application's Token Endpoint
 * Authentication Method allows one of them: https://docs.pingidentity.com/pingone/applications/p1_token_endpoint_authentication_methods.html).
 * OAuth error codes: RFC 6749 §5.2.
 */
import type { CredentialKind } from '../credential/types';
import { exchange, stringField, type Exchange } from './exchange';
import { noAnswerVerdict, type StepOutcome } from './no-answer';
import { pingOneText } from './pingone-text';
import type { ConnectionPlan } from './plan';
import type { StepContext } from './step-context';

/** RFC 6749 §2.3.1: id and secret are form-urlencoded (Appendix B) before they are joined and base64-encoded. */
export function formEncode(value: string): string {
  return new URLSearchParams([['v', value]]).toString().slice('v='.length);
}

export function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${btoa(`${formEncode(clientId)}:${formEncode(clientSecret)}`)}`;
}

/** RFC 6749 §5.2: the client was authenticated, but may not use this grant. */
const GRANT_NOT_ALLOWED = new Set(['unauthorized_client', 'unsupported_grant_type']);

interface ClientAuthResult {
  outcome: StepOutcome;
  /** Only when PingOne issued one; the runner passes it to the environment read and drops it. */
  token?: string;
}

function said(description: string | undefined, redact: (text: string) => string): string {
  return description ? ` PingOne said: “${pingOneText(description, redact)}”` : '';
}

function clientAuthVerdict(
  result: Exchange,
  /**
   * `basicRefused`: this answer is to the client_secret_post retry after basic got `invalid_client`, which said
   * `basicDescription`.
   */
  context: { plan: ConnectionPlan; kind: CredentialKind; basicRefused: boolean; basicDescription?: string; timeoutMs: number; redact: (text: string) => string },
): ClientAuthResult {
  const { plan, redact } = context;
  if (result.outcome !== 'answered') return { outcome: noAnswerVerdict(result, plan.authHost, context.timeoutMs) };
  const httpStatus = result.status;
  const error = stringField(result.json, 'error');
  const description = stringField(result.json, 'error_description');

  if (result.status === 200) {
    const token = stringField(result.json, 'access_token');
    if (!token) return { outcome: { verdict: 'fail', httpStatus, message: 'PingOne answered the token request without a token.' } };
    const outcome: StepOutcome = context.basicRefused
      ? {
          verdict: 'pass',
          httpStatus,
          message: 'PingOne issued a token for this client with client_secret_post (client_secret_basic was refused).',
          hint: 'The application’s Token Endpoint Authentication Method is Client Secret Post: the console must send the secret in the request body.',
        }
      : { verdict: 'pass', httpStatus, message: 'PingOne issued a token for this client (client_secret_basic).' };
    return { outcome, token };
  }
  // A certified OpenID Provider with default settings refuses a token request from a foreign Origin with
  // `invalid_request` "origin … not allowed for client" (oidc-provider's clientBasedCORS): the secret was never judged.
  if (error !== undefined && /\borigin\b/i.test(description ?? '')) {
    return {
      outcome: {
        verdict: 'fail',
        httpStatus,
        message: `PingOne refused the request because of its Origin header, not the client ID and secret (${pingOneText(error, redact)}).${said(description, redact)}`,
        hint: 'A console’s server sends none; this browser’s was not removed, or was added on the way.',
      },
    };
  }
  if (error === 'invalid_client') {
    // Only the client_secret_post retry's answer can be `invalid_client` here (basic's leads to the retry): both were
    // refused, and the retry's answer ("unsupported authentication method") hides the cause, so the first one's is
    // said. PingOne's other methods sign a JWT (https://docs.pingidentity.com/pingone/applications/p1_token_endpoint_authentication_methods.html).
    return {
      outcome: {
        verdict: 'fail',
        httpStatus,
        message: `PingOne does not accept this client ID and secret (invalid_client), sent by client_secret_basic, then by client_secret_post.${said(context.basicDescription ?? description, redact)}`,
        hint: 'The secret may be mistyped, cut short or rotated: copy it again from the application’s Configuration tab (a disabled application answers the same way). Or the application uses Client Secret JWT or Private Key JWT, which a secret copied into a console cannot serve.',
      },
    };
  }
  if (error !== undefined && GRANT_NOT_ALLOWED.has(error)) {
    const webApp = context.kind === 'oidc-app';
    return {
      outcome: {
        verdict: webApp ? 'pass' : 'warn',
        httpStatus,
        message: `The client ID and secret are right, but this application may not use the client-credentials grant (${error}).`,
        hint: webApp
          ? 'That is normal for an OIDC web app such as Cloudflare Zero Trust’s login method: it signs people in with the authorization-code flow, which this test cannot run.'
          : 'Advanced Identity Cloud’s worker signs in with client credentials: enable the Client Credentials grant on this application in PingOne.',
      },
    };
  }
  if (error !== undefined) {
    return {
      outcome: {
        verdict: 'fail',
        httpStatus,
        message: `PingOne refused the token request (${pingOneText(error, redact)}).${said(description, redact)}`,
      },
    };
  }
  if (result.status === 404) {
    return {
      outcome: {
        verdict: 'fail',
        httpStatus,
        message: `The token endpoint of this environment was not found in ${plan.region.name} (${plan.authHost}).`,
        hint: 'Check the region: an environment lives in one region only.',
      },
    };
  }
  return { outcome: { verdict: 'fail', httpStatus, message: `${plan.authHost} answered HTTP ${result.status} without an OAuth error code.` } };
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

export async function clientAuthStep(
  plan: ConnectionPlan,
  client: { id: string; secret: string },
  kind: CredentialKind,
  context: StepContext,
): Promise<ClientAuthResult> {
  // One signal for both attempts: the step's timeout covers the retry too.
  const signal = context.stepSignal();
  const grant = new URLSearchParams({ grant_type: 'client_credentials' });
  const basic = await exchange(
    context.fetch,
    plan.urls.token,
    { method: 'POST', headers: { ...FORM, Authorization: basicAuthorization(client.id, client.secret) }, body: grant.toString() },
    signal,
    context.cancelSignal,
  );
  const basicJson = basic.outcome === 'answered' ? basic.json : undefined;
  const basicRefused = stringField(basicJson, 'error') === 'invalid_client';
  const request = `POST ${plan.urls.token} (grant_type=client_credentials, client_secret_basic${basicRefused ? ', then client_secret_post' : ''})`;
  const verdictContext = {
    plan,
    kind,
    basicRefused,
    basicDescription: stringField(basicJson, 'error_description'),
    timeoutMs: context.timeoutMs,
    redact: context.redact,
  };
  if (!basicRefused) {
    const result = clientAuthVerdict(basic, verdictContext);
    return { ...result, outcome: { ...result.outcome, request } };
  }
  const postBody = new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret });
  const post = await exchange(
    context.fetch,
    plan.urls.token,
    { method: 'POST', headers: FORM, body: postBody.toString() },
    signal,
    context.cancelSignal,
  );
  const result = clientAuthVerdict(post, verdictContext);
  return { ...result, outcome: { ...result.outcome, request } };
}
