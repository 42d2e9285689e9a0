/**
 * Cloudflare Zero Trust, Settings > Authentication > Login methods > Add new > PingOne (https://developers.cloudflare.com/cloudflare-one/identity/idp-integration/pingone/; Cloudflare
 * docs "PingOne"): Name, Client ID, Client Secret, Environment ID, optional PKCE. Cloudflare signs users in through an
 * OIDC Web App, so it takes OIDC application credentials only: a product-connection credential also carries a client
 * id and secret, but of AIC's worker application, which has no authorization-code grant nor Cloudflare's redirect URI.
 */
import type { Credential } from '../credential/types';
import type { PlannedField } from '../fill/types';
import { wrongKindPlan } from './kind';
import { CLOUDFLARE_WORDS } from './words';
import type { ConsoleModule } from './types';

export const cloudflare: ConsoleModule = {
  id: 'cloudflare',
  name: 'Cloudflare Zero Trust',
  accepts: ['oidc-app'],
  hostPatterns: ['one.dash.cloudflare.com'],
  selfHostable: false,
  plan(credential, options) {
    const refused = wrongKindPlan(cloudflare, credential, options);
    if (refused) return refused;
    const name = options.name?.trim() || (credential.environmentName ? `PingOne ${credential.environmentName}` : 'PingOne');
    const fields: PlannedField[] = [
      { key: 'name', label: 'Name', control: 'text', value: name, locate: { labels: [...CLOUDFLARE_WORDS.name], names: ['name'], ids: ['name'] } },
    ];
    const notes: string[] = [];
    const text = (key: 'clientId' | 'clientSecret' | 'environmentId', label: string, value: string | undefined, names: string[], secret = false) => {
      // A secret is found by its drawn label only (lib/fill/locate.ts): no name or id hints to steer it.
      if (value) fields.push({ key, label, control: 'text', value, secret, locate: { labels: [...CLOUDFLARE_WORDS[key]], ...(secret ? {} : { names, ids: names }) } });
      else notes.push(`${label}: not in this credential; enter it yourself.`);
    };
    text('clientId', 'Client ID', credential.clientId, ['client_id', 'clientId']);
    text('clientSecret', 'Client Secret', credential.clientSecret, ['client_secret', 'clientSecret'], true);
    text('environmentId', 'Environment ID', credential.environmentId, ['ping_env_id', 'environmentId']);
    fields.push({
      key: 'pkce',
      label: 'PKCE',
      control: 'checkbox',
      // PKCE costs nothing with a PingOne OIDC Web App and protects the code exchange; Cloudflare offers it as optional.
      value: true,
      optional: true,
      locate: {
        labels: [...CLOUDFLARE_WORDS.pkce],
        names: ['pkce_enabled', 'pkce'],
        ids: ['pkce_enabled', 'pkce'],
      },
    });
    notes.push(
      'In PingOne, the application needs the email and profile scopes and the redirect URI https://<your team>.cloudflareaccess.com/cdn-cgi/access/callback.',
      'Optional OIDC claims: left to you.',
    );
    return { consoleId: cloudflare.id, consoleName: cloudflare.name, origin: options.origin, fields, notes };
  },
};

/** What stands in for the secret in a copied request until the admin confirms copying the secret itself. */
export const CLIENT_SECRET_PLACEHOLDER = '<client secret: copy with confirm>';

/**
 * The body of `POST https://api.cloudflare.com/client/v4/accounts/<account_id>/access/identity_providers`
 * (https://developers.cloudflare.com/api/resources/zero_trust/subresources/identity_providers/; type `pingone` as
 * cloudflare-typescript's enum has it, https://github.com/cloudflare/cloudflare-typescript). The secret is a placeholder unless asked for.
 */
export function cloudflareApiRequest(credential: Credential, options: { name: string; includeSecret: boolean }): string {
  const body = {
    type: 'pingone',
    name: options.name,
    config: {
      client_id: credential.clientId ?? '',
      client_secret: options.includeSecret ? (credential.clientSecret ?? '') : CLIENT_SECRET_PLACEHOLDER,
      // Exactly the three keys of cloudflare-typescript's AccessPingone.Config: `pkce_enabled` belongs to the generic
      // OIDC type's config, and is not confirmed for `pingone` (https://github.com/cloudflare/cloudflare-typescript).
      ping_env_id: credential.environmentId,
    },
  };
  return JSON.stringify(body, null, 2);
}
