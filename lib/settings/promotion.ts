/**
 * The promotion view: tenants that share a label are one application promoted through tiers (dev ->
 * UAT -> staging -> production), and every tier needs its own credential from its own environment (AIC docs,
 * https://docs.pingidentity.com/pingoneaic/integrations/pingone-set-up-product-connections.html). From the fill history (fingerprints, never secrets) this
 * answers: which tiers have received a credential and when, which have not, and where one credential went to two
 * tenants or to a tenant mapped to another environment.
 */
import type { ConsoleId } from '../consoles/types';
import { type Settings, type Tier, TIERS, type UseRecord } from './model';

export interface TierStatus {
  origin: string;
  consoleId: ConsoleId;
  tier: Tier;
  expectedEnvironmentId: string;
  /** The newest recorded fill of this tenant. */
  lastFill?: { fingerprint: string; at: number; environmentId: string };
}

export interface PromotionWarning {
  kind: 'reuse' | 'other-environment';
  fingerprint: string;
  /** Plain language, naming the tenants involved. */
  message: string;
  origins: string[];
}

export interface PromotionGroup {
  label: string;
  /** In promotion order (TIERS), then by origin. */
  tiers: TierStatus[];
  /** Tiers of this group whose tenants have no recorded fill. */
  missing: Tier[];
  warnings: PromotionWarning[];
}

function tierOrder(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/** A label as the admin typed it groups case- and space-insensitively: "Acme" and "acme " are one group. */
function groupKey(label: string): string {
  return label.trim().toLowerCase();
}

export function promotionView(settings: Settings): PromotionGroup[] {
  const tenantByOrigin = new Map(settings.tenants.map((tenant) => [tenant.origin, tenant]));
  const describe = (origin: string) => {
    const tenant = tenantByOrigin.get(origin);
    return tenant ? `${tenant.label.trim()} ${tenant.tier} (${origin})` : `${origin} (not mapped)`;
  };

  // One credential (fingerprint) -> every origin it was filled into, in first-seen (newest-first) order.
  const originsByFingerprint = new Map<string, string[]>();
  for (const use of settings.uses) {
    const origins = originsByFingerprint.get(use.fingerprint) ?? [];
    if (!origins.includes(use.origin)) origins.push(use.origin);
    originsByFingerprint.set(use.fingerprint, origins);
  }
  const reuseWarnings: PromotionWarning[] = [...originsByFingerprint]
    .filter(([, origins]) => origins.length > 1)
    .map(([fingerprint, origins]) => ({
      kind: 'reuse',
      fingerprint,
      origins,
      message: `The same credential (${fingerprint}) went to ${origins.length} tenants: ${origins.map(describe).join(', ')}. Each tenant needs its own credential from its own environment.`,
    }));

  const groups = new Map<string, PromotionGroup>();
  for (const tenant of settings.tenants) {
    const key = groupKey(tenant.label);
    const group = groups.get(key) ?? { label: tenant.label.trim(), tiers: [], missing: [], warnings: [] };
    groups.set(key, group);
    // uses are newest first, so the first match is the last fill.
    const last: UseRecord | undefined = settings.uses.find((use) => use.origin === tenant.origin);
    group.tiers.push({
      origin: tenant.origin,
      consoleId: tenant.consoleId,
      tier: tenant.tier,
      expectedEnvironmentId: tenant.expected.environmentId,
      ...(last ? { lastFill: { fingerprint: last.fingerprint, at: last.at, environmentId: last.environmentId } } : {}),
    });
    if (last && last.environmentId !== tenant.expected.environmentId) {
      group.warnings.push({
        kind: 'other-environment',
        fingerprint: last.fingerprint,
        origins: [tenant.origin],
        message: `${describe(tenant.origin)} last received a credential (${last.fingerprint}) from environment ${last.environmentId}, but is mapped to ${tenant.expected.environmentId}.`,
      });
    }
  }

  for (const group of groups.values()) {
    group.tiers.sort((a, b) => tierOrder(a.tier) - tierOrder(b.tier) || a.origin.localeCompare(b.origin));
    const filled = new Set(group.tiers.filter((status) => status.lastFill).map((status) => status.tier));
    group.missing = [...new Set(group.tiers.map((status) => status.tier))].filter((tier) => !filled.has(tier));
    const origins = new Set(group.tiers.map((status) => status.origin));
    group.warnings.unshift(...reuseWarnings.filter((warning) => warning.origins.some((origin) => origins.has(origin))));
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}
