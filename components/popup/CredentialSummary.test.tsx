import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readCredential } from '../../lib/credential';
import { gatewayClaims, productClaims, signTestCredential } from '../../test/fixtures/credentials';
import type { Credential } from '../../lib/credential/types';
import { client, environment } from '../../test/fixtures/environments';
import { CredentialSummary } from './CredentialSummary';

afterEach(cleanup);

const NOW = Date.UTC(2026, 0, 15);
let gateway: Credential;
let product: Credential;
let oidc: Credential;

function read(text: string): Credential {
  const result = readCredential(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.credential;
}

beforeAll(async () => {
  gateway = read(await signTestCredential(gatewayClaims('production')));
  product = read(await signTestCredential(productClaims('dev')));
  const app = client('dev', 'web-app');
  oidc = read(`Client ID: ${app.clientId}\nClient Secret: ${app.clientSecret}\nEnvironment ID: ${environment('dev').id}`);
});

function fact(term: string): string | null | undefined {
  const dt = screen.getAllByRole('term').find((element) => element.textContent === term);
  return dt?.nextElementSibling?.textContent;
}

describe('CredentialSummary', () => {
  it('says what a gateway credential is: kind, environment, region, organisation, gateway', () => {
    render(<CredentialSummary credential={gateway} now={NOW} onCopy={async () => {}} />);
    const env = environment('production');
    expect(screen.getByRole('heading').textContent).toBe('Gateway credentialread from a JWT');
    expect(fact('Environment')).toBe(`${env.name}${env.id}`);
    expect(fact('Region')).toBe('Europe (pingone.eu)');
    expect(fact('Organisation')).toBe(`${env.organizationName}${env.organizationId}`);
    expect(fact('Gateway')).toBe(`${env.gatewayName}PING_FEDERATE${env.gatewayId}`);
    expect(fact('Issued')).toMatch(/\(3 months ago\)$/);
  });

  it('keeps the raw JWT masked', () => {
    render(<CredentialSummary credential={gateway} now={NOW} onCopy={async () => {}} />);
    const group = screen.getByRole('group', { name: 'Credential (JWT)' });
    expect(within(group).getByRole('button', { name: 'Reveal' })).toBeTruthy();
    expect(document.body.textContent).not.toContain(gateway.raw);
  });

  it('shows a product connection with its client id and a masked client secret', () => {
    render(<CredentialSummary credential={product} now={NOW} onCopy={async () => {}} />);
    const worker = client('dev', 'worker');
    expect(screen.getByRole('heading').textContent).toBe('Product connectionread from a JWT');
    expect(fact('Client ID')).toBe(worker.clientId);
    expect(screen.getByRole('group', { name: 'Client secret' })).toBeTruthy();
    expect(document.body.textContent).not.toContain(worker.clientSecret);
  });

  it('shows OIDC application lines without a region or a JWT row', () => {
    render(<CredentialSummary credential={oidc} now={NOW} onCopy={async () => {}} />);
    expect(screen.getByRole('heading').textContent).toBe('OIDC applicationread from PingOne application lines');
    expect(fact('Region')).toBe('Not stated in the credential');
    expect(screen.queryByRole('group', { name: 'Credential (JWT)' })).toBeNull();
    expect(document.body.textContent).not.toContain(client('dev', 'web-app').clientSecret);
  });
});
