/**
 * The organisation's policies the e2e installs, and what the extension then shows, the same in both browsers:
 * test/e2e/managed-policy.spec.ts (a Chromium policy file) and test/e2e/firefox/managed-policy.firefox.ts (Firefox's
 * policies.json). The format is lib/settings/README.md's.
 */
import { CONSOLE_ORIGINS, environment } from '../../fixtures/environments';

const production = environment('production');

export const PRODUCTION_ROW = {
  origin: CONSOLE_ORIGINS.cloudflare,
  consoleId: 'cloudflare',
  tier: 'production',
  label: 'Acme production',
  expected: { environmentId: production.id },
};

/** A locked production tenant where "Fill anyway" is taken away. */
export const LOCKED_PRODUCTION_POLICY = { tenants: [PRODUCTION_ROW], allowFillAnywayOnProduction: false };

/** Options' line for PRODUCTION_ROW under "Set by your organisation". */
export const LOCKED_ROW_TEXT = `Acme production (${CONSOLE_ORIGINS.cloudflare}): Cloudflare Zero Trust, Production, ${production.id}. Locked: set by your organisation`;

/** The background's refusal, shown by the popup, when the policy forbids "Fill anyway" (lib/background/fill-path.ts). */
export const OVERRIDE_FORBIDDEN = 'Your organisation does not allow "Fill anyway" on a production tenant.';

/** Every part wrong in content but right in type, so Chromium's managed_schema passes it on as Firefox does. */
export const MALFORMED_POLICY = {
  tenants: [{ ...PRODUCTION_ROW, tier: 'prod', expected: { environmentId: 'not-an-environment' } }],
  idleClearMinutes: 0,
};

/** Options' "Policy errors", row by row, for MALFORMED_POLICY. */
export const MALFORMED_POLICY_ERRORS = [
  'tenants[0].tier: expected one of development, uat, staging, production, sandbox',
  'tenants[0].expected.environmentId: expected a UUID',
  'idleClearMinutes: at least 1 minute',
];
