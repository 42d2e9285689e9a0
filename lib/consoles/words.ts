/**
 * The words each console, its docs and its design system use for each field, with where each word was read. The fill
 * engine matches them exactly after normalising case, spacing, required/optional markers and trailing help glyphs
 * (lib/fill/locate.ts normalizedText): no fuzzy guesses, so a word is here only with a public source.
 */

export interface FieldWord {
  text: string;
  /** A public page where the word is the field's label or the docs' name for it. */
  source: string;
}

const word = (text: string, source: string): FieldWord => ({ text, source });

const CLOUDFLARE_PINGONE = 'https://developers.cloudflare.com/cloudflare-one/identity/idp-integration/pingone/';
const CLOUDFLARE_SDK = 'https://github.com/cloudflare/cloudflare-typescript/blob/main/src/resources/zero-trust/identity-providers/identity-providers.ts';
const RFC_7636 = 'https://www.rfc-editor.org/rfc/rfc7636';
const PINGACCESS_FIELDS = 'https://docs.pingidentity.com/pingaccess/9.0/pingaccess_user_interface_reference_guide/pa_p1_connection_field_descriptions.html';
const AIC_PRODUCT_CONNECTIONS = 'https://docs.pingidentity.com/pingoneaic/latest/pingone/pingone-product-connections.html';
const PLATFORM_UI_EN = 'https://github.com/ForgeRock/platform-ui/blob/develop/packages/platform-admin/src/locales/en.json';
const PINGFEDERATE_OIDC = 'https://docs.pingidentity.com/integrations/pingone/pingone_integration_kit/pf_p1_ik_creating_an_openid_connect_connection.html';

/** Cloudflare Zero Trust, Settings > Authentication > Login methods > Add new > PingOne. */
export const CLOUDFLARE_WORDS = {
  name: [word('Name', CLOUDFLARE_PINGONE)],
  clientId: [word('Client ID', CLOUDFLARE_PINGONE)],
  clientSecret: [word('Client Secret', CLOUDFLARE_PINGONE)],
  environmentId: [word('Environment ID', CLOUDFLARE_PINGONE), word('PingOne environment identifier', CLOUDFLARE_SDK)],
  pkce: [
    // The doc's own wording, step 14 ("(Optional) Enable Proof of Key Exchange (PKCE)").
    word('Proof of Key Exchange (PKCE)', CLOUDFLARE_PINGONE),
    // The standard's name for it, which a console may use instead.
    word('Proof Key for Code Exchange (PKCE)', RFC_7636),
    word('PKCE', RFC_7636),
  ],
} as const satisfies Record<string, readonly FieldWord[]>;

/** PingAccess 9.0, Settings > System > PingOne Connections > Add PingOne Connection. */
export const PINGACCESS_WORDS = {
  name: [word('Name', PINGACCESS_FIELDS)],
  description: [word('Description', PINGACCESS_FIELDS)],
  credential: [word('Credential', PINGACCESS_FIELDS)],
} as const satisfies Record<string, readonly FieldWord[]>;

/** Advanced Identity Cloud, PingOne Integrations > Add a PingOne Integration (two steps). */
export const AIC_WORDS = {
  // "Paste the full credential string generated in PingOne." is its help text (integrations.pingOneIntegrations).
  credential: [word('Credential', PLATFORM_UI_EN), word('JWT credential', AIC_PRODUCT_CONNECTIONS)],
  name: [word('Name', AIC_PRODUCT_CONNECTIONS), word('PingOne Integration Name', PLATFORM_UI_EN)],
} as const satisfies Record<string, readonly FieldWord[]>;

/** PingFederate, OIDC IdP connection with PingOne as the OpenID Provider (General Info, OpenID Provider Info). */
export const PINGFEDERATE_WORDS = {
  issuer: [word('Issuer', PINGFEDERATE_OIDC)],
  clientId: [word('Client ID', PINGFEDERATE_OIDC)],
  clientSecret: [word('Client Secret', PINGFEDERATE_OIDC)],
  scopes: [word('Scopes', PINGFEDERATE_OIDC)],
  loginType: [word('OpenID Connect Login Type', PINGFEDERATE_OIDC)],
  authenticationScheme: [word('Authentication Scheme', PINGFEDERATE_OIDC)],
} as const satisfies Record<string, readonly FieldWord[]>;

/** The label texts a FieldLocator takes (plain strings: a plan crosses into the page as JSON). */
export const labelsOf = (words: readonly FieldWord[]): string[] => words.map((entry) => entry.text);
