/** The OIDC application form of a credential (client id, secret, environment id), whatever text it came in. */
import { environmentUrls, isEnvironmentId } from '../regions';
import { agreedRegion, regionEvidence } from './claim-region';
import type { Credential, CredentialSource } from './types';

export interface OidcAppFields {
  clientId?: string;
  clientSecret?: string;
  environmentId?: string;
}

/**
 * `raw` is the same labelled-lines text for every input form, so a pasted Cloudflare JSON and the lines copied from
 * PingOne give one credential, and reading `raw` again gives it back. The issuer line is built from the region
 * table, never copied from the input.
 */
function canonicalLines(fields: OidcAppFields, credential: Pick<Credential, 'region'>): string {
  const lines: string[] = [];
  if (fields.clientId) lines.push(`Client ID: ${fields.clientId}`);
  if (fields.clientSecret) lines.push(`Client Secret: ${fields.clientSecret}`);
  if (fields.environmentId) lines.push(`Environment ID: ${fields.environmentId}`);
  if (credential.region && isEnvironmentId(fields.environmentId)) {
    lines.push(`Issuer: ${environmentUrls(credential.region, fields.environmentId).issuer}`);
  }
  return lines.join('\n');
}

/** `claims` are the recognised fields as received (null-prototype); the region comes from their PingOne URLs. */
export function oidcAppCredential(
  source: CredentialSource,
  fields: OidcAppFields,
  claims: Record<string, unknown>,
): Credential {
  const evidence = regionEvidence(claims);
  const region = agreedRegion(evidence);
  return {
    kind: 'oidc-app',
    source,
    raw: canonicalLines(fields, { region }),
    environmentId: fields.environmentId ?? '',
    region,
    regionEvidence: evidence,
    clientId: fields.clientId,
    clientSecret: fields.clientSecret,
    claims,
  };
}
