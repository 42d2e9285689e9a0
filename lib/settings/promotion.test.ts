import { describe, expect, it } from 'vitest';
import { environment } from '../../test/fixtures/environments';
import { promotionView, type PromotionGroup } from './promotion';
import { DEFAULT_SETTINGS, type Settings, type TenantMapping, type UseRecord } from './model';
import { recordUse } from './tenants';

const dev = environment('dev');
const staging = environment('staging');
const production = environment('production');

function tenant(origin: string, tier: TenantMapping['tier'], environmentId: string, label = 'Acme'): TenantMapping {
  return { origin, consoleId: 'aic', tier, label, expected: { environmentId } };
}

const DEV = tenant('https://openam-acme-dev.forgeblocks.com', 'development', dev.id);
const STAGING = tenant('https://openam-acme-staging.forgeblocks.com', 'staging', staging.id, 'acme ');
const PROD = tenant('https://openam-acme.forgeblocks.com', 'production', production.id);
const OTHER = tenant('https://pa.other.example', 'development', dev.id, 'Other');

function fill(target: TenantMapping | string, fingerprint: string, environmentId: string, at: number): UseRecord {
  const origin = typeof target === 'string' ? target : target.origin;
  return { fingerprint, origin, consoleId: 'aic', environmentId, at };
}

function withUses(tenants: TenantMapping[], uses: UseRecord[]): Settings {
  return uses.reduce((settings, use) => recordUse(settings, use), { ...DEFAULT_SETTINGS, tenants });
}

describe('promotionView', () => {
  it('groups tenants by label, orders tiers by promotion, and lists tiers never filled as missing', () => {
    const settings = withUses([PROD, OTHER, STAGING, DEV], [fill(DEV, 'aaaaaaaaaaaaaaaa', dev.id, 1000), fill(STAGING, 'bbbbbbbbbbbbbbbb', staging.id, 2000)]);
    const [acme, other] = promotionView(settings) as [PromotionGroup, PromotionGroup];
    expect(acme).toEqual({
      label: 'Acme',
      tiers: [
        { origin: DEV.origin, consoleId: 'aic', tier: 'development', expectedEnvironmentId: dev.id, lastFill: { fingerprint: 'aaaaaaaaaaaaaaaa', at: 1000, environmentId: dev.id } },
        { origin: STAGING.origin, consoleId: 'aic', tier: 'staging', expectedEnvironmentId: staging.id, lastFill: { fingerprint: 'bbbbbbbbbbbbbbbb', at: 2000, environmentId: staging.id } },
        { origin: PROD.origin, consoleId: 'aic', tier: 'production', expectedEnvironmentId: production.id },
      ],
      missing: ['production'],
      warnings: [],
    });
    expect(other).toMatchObject({ label: 'Other', missing: ['development'], warnings: [] });
  });

  it('shows the newest fill of a tenant', () => {
    const settings = withUses([DEV], [fill(DEV, 'aaaaaaaaaaaaaaaa', dev.id, 1000), fill(DEV, 'cccccccccccccccc', dev.id, 3000)]);
    expect(promotionView(settings)[0]!.tiers[0]?.lastFill).toEqual({ fingerprint: 'cccccccccccccccc', at: 3000, environmentId: dev.id });
  });

  it('warns when one credential went to two tenants, in every group involved', () => {
    const settings = withUses([DEV, STAGING, OTHER], [
      fill(DEV, 'aaaaaaaaaaaaaaaa', dev.id, 1000),
      fill(STAGING, 'aaaaaaaaaaaaaaaa', dev.id, 2000),
      fill(OTHER, 'dddddddddddddddd', dev.id, 3000),
    ]);
    const [acme, other] = promotionView(settings) as [PromotionGroup, PromotionGroup];
    const reuse = acme.warnings.filter((warning) => warning.kind === 'reuse');
    expect(reuse).toHaveLength(1);
    expect(reuse[0]!.origins).toEqual([STAGING.origin, DEV.origin]);
    expect(reuse[0]!.message).toContain('aaaaaaaaaaaaaaaa');
    expect(reuse[0]!.message).toContain(`Acme development (${DEV.origin})`);
    expect(reuse[0]!.message).toContain(`acme staging (${STAGING.origin})`);
    expect(other.warnings).toEqual([]);
  });

  it('also warns about reuse on a tenant that is not mapped', () => {
    const settings = withUses([DEV], [fill(DEV, 'aaaaaaaaaaaaaaaa', dev.id, 1000), fill('https://unmapped.example', 'aaaaaaaaaaaaaaaa', dev.id, 2000)]);
    expect(promotionView(settings)[0]!.warnings[0]!.message).toContain('https://unmapped.example (not mapped)');
  });

  it('one tenant filled twice with the same credential is not reuse', () => {
    const settings = withUses([DEV], [fill(DEV, 'aaaaaaaaaaaaaaaa', dev.id, 1000), fill(DEV, 'aaaaaaaaaaaaaaaa', dev.id, 2000)]);
    expect(promotionView(settings)[0]!.warnings).toEqual([]);
  });

  it('warns when a tenant was last filled (overridden) from another environment than its mapping', () => {
    const settings = withUses([PROD], [fill(PROD, 'aaaaaaaaaaaaaaaa', dev.id, 1000)]);
    expect(promotionView(settings)[0]!.warnings).toEqual([
      {
        kind: 'other-environment',
        fingerprint: 'aaaaaaaaaaaaaaaa',
        origins: [PROD.origin],
        message: `Acme production (${PROD.origin}) last received a credential (aaaaaaaaaaaaaaaa) from environment ${dev.id}, but is mapped to ${production.id}.`,
      },
    ]);
  });

  it('has no groups without tenants', () => {
    expect(promotionView(DEFAULT_SETTINGS)).toEqual([]);
  });
});
