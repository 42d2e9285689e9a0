/**
 * PingAccess 9.0, Settings > System > PingOne Connections > "+ Add PingOne Connection" (https://docs.pingidentity.com/pingaccess/9.0/pingaccess_user_interface_reference_guide/pa_p1_connection_field_descriptions.html, PingAccess
 * docs "PingOne connection field descriptions"): Name (required, unique), Description, Credential (the gateway JWT);
 * Trusted Certificate Group and Use Proxy sit under "Show Advanced Settings" and depend on the admin's network.
 */
import { suggestedConsoleName } from '../credential/names';
import type { Credential } from '../credential/types';
import type { PlannedField } from '../fill/types';
import { wrongKindPlan } from './kind';
import { PINGACCESS_WORDS } from './words';
import type { ConsoleModule } from './types';

export const pingAccess: ConsoleModule = {
  id: 'pingaccess',
  name: 'PingAccess',
  accepts: ['gateway'],
  // "Currently, you must use a PingFederate connection because PingAccess does not have one of its own" (PA docs).
  requiresGatewayType: 'PING_FEDERATE',
  hostPatterns: [],
  selfHostable: true,
  plan(credential, options) {
    const refused = wrongKindPlan(pingAccess, credential, options);
    if (refused) return refused;
    const name = options.name?.trim() || suggestedConsoleName(credential.environmentName ?? '');
    const description =
      options.description?.trim() ||
      `PingOne environment ${credential.environmentName ? `${credential.environmentName} ` : ''}(${credential.environmentId})`;
    const fields: PlannedField[] = [];
    const notes: string[] = [];
    if (name) {
      fields.push({ key: 'name', label: 'Name', control: 'text', value: name, locate: { labels: [...PINGACCESS_WORDS.name], names: ['name'], ids: ['name'] } });
    } else {
      notes.push('Name: the credential has no environmentName to suggest one from; type a unique name.');
    }
    fields.push(
      {
        key: 'description',
        label: 'Description',
        control: 'text',
        value: description,
        optional: true,
        locate: { labels: [...PINGACCESS_WORDS.description], names: ['description'], ids: ['description'] },
      },
      {
        key: 'credential',
        label: 'Credential',
        control: 'textarea',
        value: credential.raw,
        secret: true,
        locate: { labels: [...PINGACCESS_WORDS.credential] },
      },
    );
    notes.push(
      'Trusted Certificate Group and Use Proxy (Show Advanced Settings): left to you; set them if PingAccess reaches PingOne through a proxy or a private certificate authority.',
      'Save: PingAccess validates the credential with PingOne when you save.',
    );
    return { consoleId: pingAccess.id, consoleName: pingAccess.name, origin: options.origin, fields, notes };
  },
};

/** What stands in for the JWT in a copied request until the admin confirms copying the credential itself. */
export const CREDENTIAL_PLACEHOLDER = '<credential: copy with confirm>';

/**
 * The body of `POST https://<host>:9000/pa-admin-api/v3/pingone/connections` with `X-XSRF-Header: PingAccess`
 * (https://github.com/pingidentity/pingaccess-go-client). `useProxy` is false as in the form's default; `trustedCertificateGroupId` is left out, so
 * PingAccess applies its own default rather than an id this extension would have to guess.
 */
export function pingAccessApiRequest(
  credential: Credential,
  options: { name: string; description?: string; includeSecret: boolean },
): string {
  const body = {
    name: options.name,
    ...(options.description ? { description: options.description } : {}),
    credential: { value: options.includeSecret ? credential.raw : CREDENTIAL_PLACEHOLDER },
    useProxy: false,
    // Required by the admin API's model; empty means every protocol and cipher PingAccess has (pingaccess-go-client,
    // https://github.com/pingidentity/pingaccess-go-client/blob/main/pingaccess-9.0/model_ping_one_connection.go).
    sslProtocols: [],
    sslCiphers: [],
  };
  return JSON.stringify(body, null, 2);
}
