/**
 * The connection-test plan: which steps run and every URL they request. URLs come only from the region table
 * (lib/regions.ts `environmentUrls`); claims such as `authUrl`, `aud`, `iss` or `consoleUrl` can at most have
 * selected a region while the credential was read (lib/credential/claim-region.ts), never a host.
 */
import type { Credential } from '../credential/types';
import { environmentUrls, isEnvironmentId, regionByTld, regionHosts, type Region, type RegionTld } from '../regions';
import type { RegionSource, StepId } from './types';

/** PingOne's first and largest region; used when the credential names none, and the report says it was assumed. */
const DEFAULT_REGION_TLD: RegionTld = 'com';

export const STEP_TITLES: Readonly<Record<StepId, string>> = {
  environment: 'Environment',
  'client-auth': 'Client authentication',
  'environment-read': 'Environment read',
  'gateway-note': 'Gateway credential',
};

export interface ConnectionPlan {
  ok: true;
  region: Region;
  regionSource: RegionSource;
  /** Said next to the environment verdict: why this region, when it was not simply the credential's own. */
  regionNote?: string;
  authHost: string;
  apiHost: string;
  urls: { issuer: string; discovery: string; token: string; environment: string };
  steps: readonly StepId[];
  /** Present when the credential carries both; only then do client authentication and the environment read run. */
  client?: { id: string; secret: string };
}

type PlanResult = ConnectionPlan | { ok: false; message: string; hint: string };

function chooseRegion(credential: Credential, regionTld: RegionTld | undefined) {
  const chosen = regionTld === undefined ? undefined : regionByTld(regionTld);
  if (chosen) {
    const note =
      credential.region && credential.region !== chosen
        ? `You chose ${chosen.name}; the credential itself names ${credential.region.name}.`
        : undefined;
    return { region: chosen, source: 'chosen' as const, note };
  }
  if (credential.region) return { region: credential.region, source: 'credential' as const, note: undefined };
  const assumed = regionByTld(DEFAULT_REGION_TLD) as Region;
  return {
    region: assumed,
    source: 'assumed' as const,
    note: `The credential does not name one region, so ${assumed.name} (auth.pingone.${assumed.tld}) was assumed. If the environment is elsewhere, choose its region and test again.`,
  };
}

export function connectionPlan(credential: Credential, options: { regionTld?: RegionTld } = {}): PlanResult {
  if (!isEnvironmentId(credential.environmentId)) {
    return {
      ok: false,
      message: 'The credential has no environment ID in the form PingOne uses (a UUID), so there is nothing to test.',
      hint: 'Copy the Environment ID from the PingOne console (Settings > Environment Properties) along with the credential.',
    };
  }
  const { region, source, note } = chooseRegion(credential, options.regionTld);
  const { issuer, discovery, token, environment } = environmentUrls(region, credential.environmentId);
  const hosts = regionHosts(region);
  const client =
    credential.kind !== 'gateway' && credential.clientId && credential.clientSecret
      ? { id: credential.clientId, secret: credential.clientSecret }
      : undefined;
  const steps: StepId[] =
    credential.kind === 'gateway' ? ['environment', 'gateway-note'] : ['environment', 'client-auth', 'environment-read'];
  return {
    ok: true,
    region,
    regionSource: source,
    regionNote: note,
    authHost: hosts.auth,
    apiHost: hosts.api,
    urls: { issuer, discovery, token, environment },
    steps,
    client,
  };
}
