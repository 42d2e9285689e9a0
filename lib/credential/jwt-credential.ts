/** A decoded JWT -> a gateway or product Credential, or the reason it is something else. */
import { agreedRegion, environmentOfPingOneUrl, regionEvidence } from './claim-region';
import {
  CLIENT_ID_CLAIMS,
  CLIENT_SECRET_CLAIMS,
  ENVIRONMENT_ID_CLAIMS,
  GATEWAY_CLAIMS,
  firstText,
  hasAnyClaim,
  numberClaim,
  textClaim,
} from './claim-names';
import type { DecodedJwt } from './jwt';
import type { CredentialKind, ReadResult } from './types';

/**
 * A JWT PingOne's authorization server issued (access or ID token): `iss` is `https://auth.pingone.<tld>/<envId>/as`.
 * Checked only when the JWT carries no gateway claims and no client secret, since the product credential's `iss`
 * is undocumented and might be an issuer too.
 */
function issuedTokenError(claims: Record<string, unknown>): ReadResult | undefined {
  const issuer = typeof claims.iss === 'string' ? environmentOfPingOneUrl(claims.iss) : undefined;
  if (!issuer?.environmentId) return undefined;
  const what = hasAnyClaim(claims, ['scope', 'client_id']) ? 'an access token' : 'an ID token';
  return {
    ok: false,
    error: {
      code: 'jwt.access-token',
      message: `This is ${what}, not a credential: PingOne (${issuer.region.name}) issued it for environment ${issuer.environmentId}.`,
      hint: 'Tokens expire within hours and cannot set up a connection. Paste the credential PingOne showed once when it was created: Integrations > PingFederate > Credentials (gateway) or Integrations > Products (Advanced Identity Cloud).',
    },
  };
}

/** Any of them, without the gateway claims, makes a product credential. */
const PRODUCT_CLAIMS = [...CLIENT_ID_CLAIMS, ...CLIENT_SECRET_CLAIMS, ...ENVIRONMENT_ID_CLAIMS];

export function credentialFromJwt(compact: string, jwt: DecodedJwt): ReadResult {
  const { claims, header, hasSignature } = jwt;
  const isGateway = hasAnyClaim(claims, GATEWAY_CLAIMS);
  if (!isGateway && !hasAnyClaim(claims, CLIENT_SECRET_CLAIMS)) {
    const tokenError = issuedTokenError(claims);
    if (tokenError) return tokenError;
  }
  let kind: CredentialKind;
  if (isGateway) kind = 'gateway';
  else if (hasAnyClaim(claims, PRODUCT_CLAIMS)) kind = 'product';
  else {
    const names = Object.keys(claims);
    return {
      ok: false,
      error: {
        code: 'jwt.not-a-credential',
        message: 'This is a JWT, but it carries none of the claims of a PingOne credential (environmentId, gatewayId, clientId, clientSecret).',
        hint: names.length
          ? `Its claims are: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', ...' : ''}. Paste the credential PingOne showed when it was created.`
          : 'It has no claims at all. Paste the credential PingOne showed when it was created.',
      },
    };
  }
  const evidence = regionEvidence(claims);
  return {
    ok: true,
    credential: {
      kind,
      source: 'jwt',
      raw: compact,
      environmentId: firstText(claims, ENVIRONMENT_ID_CLAIMS) ?? '',
      environmentName: textClaim(claims, 'environmentName'),
      region: agreedRegion(evidence),
      regionEvidence: evidence,
      organizationId: textClaim(claims, 'organizationId'),
      organizationName: textClaim(claims, 'organizationName'),
      gatewayId: textClaim(claims, 'gatewayId'),
      gatewayName: textClaim(claims, 'gatewayName'),
      gatewayType: textClaim(claims, 'gatewayType'),
      clientId: firstText(claims, CLIENT_ID_CLAIMS),
      clientSecret: firstText(claims, CLIENT_SECRET_CLAIMS),
      header,
      claims,
      issuedAt: numberClaim(claims, 'iat'),
      expiresAt: numberClaim(claims, 'exp'),
      hasSignature,
    },
  };
}
