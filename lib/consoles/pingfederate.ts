/**
 * PingFederate, OIDC IdP connection with PingOne as the OpenID Provider (https://docs.pingidentity.com/integrations/pingone/pingone_integration_kit/pf_p1_ik_creating_an_openid_connect_connection.html; PingOne Integration Kit
 * docs "Creating an OpenID Connect connection"): General Info takes Issuer, Client ID and Client Secret, then
 * "Load Metadata"; OpenID Provider Info takes Scopes (`openid` plus others), login type Code, authentication
 * scheme Basic. That is a relying-party login, so it takes OIDC application credentials only: a gateway
 * credential has no client secret, and a product-connection credential is AIC's worker application (client
 * credentials, no authorization-code grant, no redirect URI to PingFederate).
 *
 * PingFederate does take a gateway credential elsewhere: its PingOne connection (https://docs.pingidentity.com/pingfederate/latest/administrators_reference_guide/pf_pingone_connection.html; PingFederate docs
 * "External systems": System > External Systems). This version does not fill that form, so the refusal says where
 * the gateway credential goes rather than only that it is the wrong kind.
 */
import { environmentUrls, isEnvironmentId } from '../regions';
import type { PlannedField } from '../fill/types';
import { wrongKindPlan } from './kind';
import { PINGFEDERATE_WORDS } from './words';
import type { ConsoleModule } from './types';

/** `openid` first (OpenID Connect requires it), then the admin's scopes, each once. */
function scopesWithOpenid(extra = ''): string {
  return [...new Set(['openid', ...extra.split(/\s+/).filter(Boolean)])].join(' ');
}

const GATEWAY_REFUSAL =
  // The gateway credential is for PingFederate's PingOne connection, a different form (terraform-provider-pingfederate,
  // https://github.com/pingidentity/terraform-provider-pingfederate: `credential` on pingOneConnections).
  "PingFederate's PingOne connection (System > External Systems > PingOne Connections) takes the gateway credential; this version fills the OIDC IdP connection form, which needs OIDC application credentials.";

export const pingFederate: ConsoleModule = {
  id: 'pingfederate',
  name: 'PingFederate',
  accepts: ['oidc-app'],
  wrongKind: { gateway: GATEWAY_REFUSAL },
  hostPatterns: [],
  selfHostable: true,
  plan(credential, options) {
    const refused = wrongKindPlan(pingFederate, credential, options);
    if (refused) return refused;
    const fields: PlannedField[] = [];
    const notes: string[] = [];
    // The issuer's path segment is the ENVIRONMENT id (one Ping doc says client id: the discovery URL,
    // https://apidocs.pingidentity.com/pingone/platform/v1/api/#openid-connectoauth-2, has the environment id), and
    // the host comes from the region table, never from a URL inside the credential.
    if (credential.region && isEnvironmentId(credential.environmentId)) {
      const { issuer } = environmentUrls(credential.region, credential.environmentId);
      fields.push({ key: 'issuer', label: 'Issuer', control: 'text', value: issuer, locate: { labels: [...PINGFEDERATE_WORDS.issuer], names: ['issuer'], ids: ['issuer'] } });
    } else {
      notes.push('Issuer: the region is not known from this credential; enter https://auth.pingone.<region>/<environment ID>/as yourself.');
    }
    const text = (key: 'clientId' | 'clientSecret', label: string, value: string | undefined, names: string[], secret = false) => {
      if (value) fields.push({ key, label, control: 'text', value, secret, locate: { labels: [...PINGFEDERATE_WORDS[key]], ...(secret ? {} : { names, ids: names }) } });
      else notes.push(`${label}: not in this credential; enter it yourself.`);
    };
    text('clientId', 'Client ID', credential.clientId, ['clientId', 'client_id']);
    text('clientSecret', 'Client Secret', credential.clientSecret, ['clientSecret', 'client_secret'], true);
    fields.push(
      {
        key: 'scopes',
        label: 'Scopes',
        control: 'text',
        value: scopesWithOpenid(options.scopes),
        locate: { labels: [...PINGFEDERATE_WORDS.scopes], names: ['scopes', 'scope'], ids: ['scopes'] },
      },
      {
        key: 'loginType',
        label: 'OpenID Connect Login Type',
        control: 'select',
        value: 'Code',
        locate: { labels: [...PINGFEDERATE_WORDS.loginType], names: ['loginType'], ids: ['loginType'] },
      },
      {
        key: 'authenticationScheme',
        label: 'Authentication Scheme',
        control: 'select',
        value: 'Basic',
        locate: { labels: [...PINGFEDERATE_WORDS.authenticationScheme], names: ['authenticationScheme'], ids: ['authenticationScheme'] },
      },
    );
    notes.push('Click Load Metadata: it fills the Authorization, Token and User Info endpoints and the JWKS URL from the issuer.');
    return { consoleId: pingFederate.id, consoleName: pingFederate.name, origin: options.origin, fields, notes };
  },
};
