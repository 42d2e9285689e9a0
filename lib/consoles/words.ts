/**
 * The words each console, its docs and its design system use for each field. The fill engine matches them exactly
 * after normalising case, spacing, required/optional markers and a trailing help glyph (lib/fill/locate.ts
 * normalizedText): no fuzzy guesses, so a word is here only with the public page it was read on, cited beside it
 * (lib/consoles/words.test.ts holds every word to that). The sources stay comments: the extension never needs them.
 */

/** Cloudflare Zero Trust, Settings > Authentication > Login methods > Add new > PingOne. */
export const CLOUDFLARE_WORDS = {
  name: ['Name'], // https://developers.cloudflare.com/cloudflare-one/identity/idp-integration/pingone/
  clientId: ['Client ID'], // https://developers.cloudflare.com/cloudflare-one/identity/idp-integration/pingone/
  clientSecret: ['Client Secret'], // https://developers.cloudflare.com/cloudflare-one/identity/idp-integration/pingone/
  environmentId: [
    'Environment ID', // https://developers.cloudflare.com/cloudflare-one/identity/idp-integration/pingone/
    'PingOne environment identifier', // https://github.com/cloudflare/cloudflare-typescript/blob/main/src/resources/zero-trust/identity-providers/identity-providers.ts
  ],
  pkce: [
    'Proof of Key Exchange (PKCE)', // https://developers.cloudflare.com/cloudflare-one/identity/idp-integration/pingone/ (step 14, the doc's wording)
    'Proof Key for Code Exchange (PKCE)', // https://www.rfc-editor.org/rfc/rfc7636 (the standard's name)
    'PKCE', // https://www.rfc-editor.org/rfc/rfc7636
  ],
};

/** PingAccess 9.0, Settings > System > PingOne Connections > Add PingOne Connection. */
export const PINGACCESS_WORDS = {
  name: ['Name'], // https://docs.pingidentity.com/pingaccess/9.0/pingaccess_user_interface_reference_guide/pa_p1_connection_field_descriptions.html
  description: ['Description'], // https://docs.pingidentity.com/pingaccess/9.0/pingaccess_user_interface_reference_guide/pa_p1_connection_field_descriptions.html
  credential: ['Credential'], // https://docs.pingidentity.com/pingaccess/9.0/pingaccess_user_interface_reference_guide/pa_p1_connection_field_descriptions.html
};

/** Advanced Identity Cloud, PingOne Integrations > Add a PingOne Integration (two steps). */
export const AIC_WORDS = {
  credential: [
    'Credential', // https://github.com/ForgeRock/platform-ui/blob/develop/packages/platform-admin/src/locales/en.json (integrations.pingOneIntegrations)
    'JWT credential', // https://docs.pingidentity.com/pingoneaic/latest/pingone/pingone-product-connections.html
  ],
  name: [
    'Name', // https://docs.pingidentity.com/pingoneaic/latest/pingone/pingone-product-connections.html
    'PingOne Integration Name', // https://github.com/ForgeRock/platform-ui/blob/develop/packages/platform-admin/src/locales/en.json
  ],
};

/** PingFederate, OIDC IdP connection with PingOne as the OpenID Provider (General Info, OpenID Provider Info). */
export const PINGFEDERATE_WORDS = {
  issuer: ['Issuer'], // https://docs.pingidentity.com/integrations/pingone/pingone_integration_kit/pf_p1_ik_creating_an_openid_connect_connection.html
  clientId: ['Client ID'], // https://docs.pingidentity.com/integrations/pingone/pingone_integration_kit/pf_p1_ik_creating_an_openid_connect_connection.html
  clientSecret: ['Client Secret'], // https://docs.pingidentity.com/integrations/pingone/pingone_integration_kit/pf_p1_ik_creating_an_openid_connect_connection.html
  scopes: ['Scopes'], // https://docs.pingidentity.com/integrations/pingone/pingone_integration_kit/pf_p1_ik_creating_an_openid_connect_connection.html
  loginType: ['OpenID Connect Login Type'], // https://docs.pingidentity.com/integrations/pingone/pingone_integration_kit/pf_p1_ik_creating_an_openid_connect_connection.html
  authenticationScheme: ['Authentication Scheme'], // https://docs.pingidentity.com/integrations/pingone/pingone_integration_kit/pf_p1_ik_creating_an_openid_connect_connection.html
};
