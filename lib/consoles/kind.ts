/**
 * The one rule every console module applies before planning: a credential of a kind the console does not take is
 * never planned into its form, even when the admin overrides failed checks. An override is for facts the extension
 * cannot know (a renamed environment, an unmapped tenant); a gateway JWT cannot act as Cloudflare's client secret.
 */
import type { Credential, CredentialKind } from '../credential/types';
import type { FillPlan } from '../fill/types';
import type { ConsoleModule, PlanOptions } from './types';

const KIND_NAMES: Record<CredentialKind, string> = {
  gateway: 'a gateway credential',
  product: 'a product-connection credential',
  'oidc-app': 'OIDC application credentials',
};

/** The console's `wrongKind` text (shared with the `target.kind` check) or the generic "takes X; this is Y". */
export function wrongKindPlan(
  target: Pick<ConsoleModule, 'id' | 'name' | 'accepts' | 'wrongKind'>,
  credential: Credential,
  options: PlanOptions,
): FillPlan | undefined {
  if (target.accepts.includes(credential.kind)) return undefined;
  const wanted = target.accepts.map((kind) => KIND_NAMES[kind]).join(' or ');
  const reason = target.wrongKind?.[credential.kind] ?? `${target.name} takes ${wanted}; this is ${KIND_NAMES[credential.kind]}.`;
  return {
    consoleId: target.id,
    consoleName: target.name,
    origin: options.origin,
    fields: [],
    refused: `${reason} Nothing was filled.`,
  };
}
