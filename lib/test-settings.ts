/**
 * Tenant rows for tests (never shipped: only *.test.ts(x) files import this), shared so the settings, Options and
 * tenant-form tests describe the same tenants. Environment ids and names come from test/fixtures/environments.ts,
 * the environments the signed test credentials (lib/credential/test-credentials.ts) belong to.
 */
import { environment } from '../test/fixtures/environments';
import type { TenantMapping } from './settings';

const dev = environment('dev');
const production = environment('production');

/** Acme's production Cloudflare Zero Trust tenant: expects the production environment, every field filled. */
export const PROD_TENANT: TenantMapping = {
  origin: 'https://one.dash.cloudflare.com',
  consoleId: 'cloudflare',
  tier: 'production',
  label: 'Acme',
  expected: { environmentId: production.id, environmentName: production.name, regionTld: production.tld },
};

/** Acme's development Advanced Identity Cloud tenant: expects the dev environment by id only. */
export const DEV_TENANT: TenantMapping = {
  origin: 'https://openam-acme-dev.forgeblocks.com',
  consoleId: 'aic',
  tier: 'development',
  label: 'Acme',
  expected: { environmentId: dev.id },
};
