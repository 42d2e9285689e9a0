/**
 * What a console's own plan would fill for a credential, and the admin-API exports that fit it: the popup's Name,
 * Description and Scopes fields and its "Export as an API request" section. Loaded with the paste part (paste-part.ts):
 * only a read credential has values to plan.
 */
import { cloudflareApiRequest, consoleById, pingAccessApiRequest } from '../../lib/consoles';
import type { ConsoleId, ConsoleModule, PlanOptions } from '../../lib/consoles/types';
import type { Credential } from '../../lib/credential/types';
import type { ExportRequest } from './ExportPanel';

/**
 * The value the console's own plan fills into field `key` for this credential with the admin's `options` (else the
 * console's defaults), or undefined when its form has no such field. Asking the plan keeps one source for every
 * console's rules (names, description, scopes); only the value is read, so the plan's origin does not matter here.
 */
export function plannedValue(
  module: ConsoleModule,
  credential: Credential,
  key: string,
  options: Omit<PlanOptions, 'origin'> = {},
): string | undefined {
  try {
    const field = module.plan(credential, { origin: '', ...options }).fields.find((candidate) => candidate.key === key);
    return typeof field?.value === 'string' ? field.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The admin-API exports that fit this credential's kind; `name`: the admin's, else each console's default;
 * `description`: the admin's PingAccess Description, if typed.
 */
export function exportRequests(credential: Credential, name: string | undefined, description: string | undefined): ExportRequest[] {
  const nameFor = (id: ConsoleId) => name || plannedValue(consoleById(id), credential, 'name') || 'PingOne';
  const requests: ExportRequest[] = [];
  if (consoleById('cloudflare').accepts.includes(credential.kind)) {
    requests.push({
      label: 'Copy Cloudflare API request',
      build: (includeSecret) => cloudflareApiRequest(credential, { name: nameFor('cloudflare'), includeSecret }),
    });
  }
  if (consoleById('pingaccess').accepts.includes(credential.kind)) {
    requests.push({
      label: 'Copy PingAccess API request',
      build: (includeSecret) => pingAccessApiRequest(credential, { name: nameFor('pingaccess'), description, includeSecret }),
    });
  }
  return requests;
}
