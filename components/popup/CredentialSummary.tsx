import type { ComponentChildren } from 'preact';
import type { Credential, CredentialKind, CredentialSource } from '../../lib/credential/types';
import { localDateTime, relativeAge } from './claim-time';
import type { CopyHandler } from './CopyButton';
import { SecretValue } from './SecretValue';

const KIND_LABELS: Record<CredentialKind, string> = {
  gateway: 'Gateway credential',
  product: 'Product connection',
  'oidc-app': 'OIDC application',
};

const SOURCE_LABELS: Record<CredentialSource, string> = {
  jwt: 'read from a JWT',
  'cloudflare-json': 'read from Cloudflare JSON',
  'labelled-lines': 'read from PingOne application lines',
};

export interface CredentialSummaryProps {
  credential: Credential;
  now: number;
  onCopy: CopyHandler;
  /** The heading's id: another credential's summary on the page needs its own. */
  id?: string;
}

function Fact({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What the credential is, in the words of the console the admin is moving it to. Values are untrusted text. */
export function CredentialSummary({ credential: c, now, onCopy, id = 'summary-heading' }: CredentialSummaryProps) {
  const issued = c.issuedAt === undefined ? undefined : localDateTime(c.issuedAt);
  return (
    <section class="summary" aria-labelledby={id}>
      <h2 id={id} class="summary-heading">
        <span class={`kind kind-${c.kind}`}>{KIND_LABELS[c.kind]}</span>
        <span class="source">{SOURCE_LABELS[c.source]}</span>
      </h2>
      <dl class="facts">
        <Fact term="Environment">
          {c.environmentName && <span class="strong">{c.environmentName}</span>}
          <code class="id">{c.environmentId || 'none'}</code>
        </Fact>
        <Fact term="Region">{c.region ? `${c.region.name} (pingone.${c.region.tld})` : 'Not stated in the credential'}</Fact>
        {(c.organizationName ?? c.organizationId) !== undefined && (
          <Fact term="Organisation">
            {c.organizationName && <span class="strong">{c.organizationName}</span>}
            {c.organizationId && <code class="id">{c.organizationId}</code>}
          </Fact>
        )}
        {(c.gatewayName ?? c.gatewayType ?? c.gatewayId) !== undefined && (
          <Fact term="Gateway">
            {c.gatewayName && <span class="strong">{c.gatewayName}</span>}
            {c.gatewayType && <code class="tag">{c.gatewayType}</code>}
            {c.gatewayId && <code class="id">{c.gatewayId}</code>}
          </Fact>
        )}
        {c.clientId !== undefined && (
          <Fact term="Client ID">
            <code class="id">{c.clientId}</code>
          </Fact>
        )}
        {c.clientSecret !== undefined && (
          <Fact term="Client secret">
            <SecretValue label="Client secret" value={c.clientSecret} onCopy={onCopy} />
          </Fact>
        )}
        {issued !== undefined && c.issuedAt !== undefined && (
          <Fact term="Issued">
            {issued} <span class="muted">({relativeAge(c.issuedAt, now)})</span>
          </Fact>
        )}
        {c.source === 'jwt' && (
          <Fact term="Credential">
            <SecretValue label="Credential (JWT)" value={c.raw} onCopy={onCopy} />
          </Fact>
        )}
      </dl>
    </section>
  );
}
