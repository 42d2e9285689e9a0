import type { Credential, CredentialKind } from '../../lib/credential/types';

/** The in-view line's badge: short, beside the environment. */
const SHORT_KIND_LABELS: Record<CredentialKind, string> = { gateway: 'Gateway', product: 'Product', 'oidc-app': 'OIDC app' };

/** The box's folded line: what was read and how long it is, never any of its text. */
export function foldedLine(c: Credential, text: string): string {
  const what = c.source === 'jwt' ? `${c.kind} JWT` : c.source === 'cloudflare-json' ? 'Cloudflare JSON' : 'OIDC application lines';
  return `${what} · ${text.length.toLocaleString('en-US')} characters`;
}

/** What it is, on one line in view: kind, environment name (else id) and region. Values are untrusted text. */
export function IdentityLine({ credential: c }: { credential: Credential }) {
  return (
    <p class="identity" aria-label="What was read">
      <span class={`identity-kind kind-${c.kind}`}>{SHORT_KIND_LABELS[c.kind]}</span>{' '}
      <span class="strong identity-environment">{c.environmentName || c.environmentId || 'no environment'}</span>
      <span class="muted"> · {c.region ? `${c.region.name} (pingone.${c.region.tld})` : 'region not stated'}</span>
    </p>
  );
}
