/**
 * The settings' shape: the environment map (console tenant -> the PingOne environment it must receive credentials
 * from), self-hosted console origins, preferences, and the fill history by fingerprint. Nothing secret, ever.
 */
import type { ConsoleId, SelfHostedConsole } from '../consoles/types';
import type { RegionTld } from '../regions';

export type Tier = 'development' | 'uat' | 'staging' | 'production' | 'sandbox';

export interface TenantMapping {
  origin: string;
  consoleId: ConsoleId;
  tier: Tier;
  label: string;
  expected: { environmentId: string; environmentName?: string; regionTld?: RegionTld };
}

export interface UseRecord {
  fingerprint: string;
  origin: string;
  consoleId: ConsoleId;
  tenantLabel?: string;
  tier?: Tier;
  environmentId: string;
  at: number;
}

/** A field of a credential the admin may pick on a form no console module knows (lib/pick/fields.ts). */
export type PickKey = 'clientId' | 'clientSecret' | 'environmentId' | 'credential';

/** How to find a picked field again: what the page shows and names it by, never what it holds. */
export interface PickedField {
  /** Which of the credential's fields (named `field`: a settings file refuses a key named `key`, lib/settings/transfer.ts). */
  field: PickKey;
  /** Its own drawn label, normalised as lib/fill/locate.ts matches it. */
  label?: string;
  name?: string;
  id?: string;
  /** 1-based place among the text controls of its form (or of the page, outside a form), shown in Options. */
  position: number;
}

/** The fields the admin picked at one https origin. */
export interface PickedForm {
  origin: string;
  fields: PickedField[];
  /** When they were picked, ms since epoch. */
  at: number;
}

export interface Settings {
  version: 1;
  tenants: TenantMapping[];
  selfHosted: SelfHostedConsole[];
  idleClearMinutes: number;
  readClipboardOnOpen: boolean;
  /** Newest first, at most MAX_USES. */
  uses: UseRecord[];
  /** One row per origin. */
  picked: PickedForm[];
}

/** In promotion order, lowest first. */
export const TIERS = ['development', 'uat', 'staging', 'production', 'sandbox'] as const satisfies readonly Tier[];

export const TIER_NAMES: Readonly<Record<Tier, string>> = {
  development: 'Development',
  uat: 'UAT',
  staging: 'Staging',
  production: 'Production',
  sandbox: 'Sandbox',
};

export const DEFAULT_IDLE_CLEAR_MINUTES = 10;

/** The vault's idle time in milliseconds, as the alarms and the vault's own expiry count it. */
export function idleMsOf(settings: Pick<Settings, 'idleClearMinutes'>): number {
  return settings.idleClearMinutes * 60_000;
}
/** A credential left in the vault longer than two hours is forgotten, not kept: there is no "never". */
export const MAX_IDLE_CLEAR_MINUTES = 120;
export const MAX_USES = 200;
/**
 * A team's map (every customer's tiers of several consoles) fits: the cap comes from storage.local's quota, 10 MB in
 * Chrome (https://developer.chrome.com/docs/extensions/reference/api/storage#property-local), which this many rows of
 * the longest labels and names the schema allows still fit in with room to spare (model.test.ts measures it).
 */
export const MAX_TENANTS = 5_000;
export const MAX_SELF_HOSTED = 50;
export const MAX_PICKED = 100;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  version: 1,
  tenants: [],
  selfHosted: [],
  idleClearMinutes: DEFAULT_IDLE_CLEAR_MINUTES,
  readClipboardOnOpen: false,
  uses: [],
  picked: [],
}) as Settings;
