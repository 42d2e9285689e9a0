/**
 * What a console module declares: where the console lives, which credentials it takes (for the checks), and how a
 * credential becomes a FillPlan for its form. A new console is one new module plus its fixture page and tests.
 */
import type { Credential, ConsoleRules } from '../credential/types';
import type { FillPlan } from '../fill/types';

export type ConsoleId = 'pingaccess' | 'aic' | 'cloudflare' | 'pingfederate';

/** A console the admin added in Options; `origin` = scheme://host[:port]. */
export interface SelfHostedConsole {
  origin: string;
  consoleId: ConsoleId;
}

export interface PlanOptions {
  /** The tab's origin: the only place the plan may be written into. */
  origin: string;
  /** The name the admin chose in the popup; otherwise each console suggests one. */
  name?: string;
  description?: string;
  /** PingFederate: scopes to request besides `openid`, space separated. */
  scopes?: string;
}

export interface ConsoleModule extends ConsoleRules {
  id: ConsoleId;
  /** 'PingAccess' | 'Advanced Identity Cloud' | 'Cloudflare Zero Trust' | 'PingFederate' */
  name: string;
  /** Fixed hosts: exact names or `*.suffix` (any subdomain of suffix, not suffix itself); [] when self-hosted only. */
  hostPatterns: readonly string[];
  /** Whether the admin may add origins for it in Options (self-hosted installs, AIC custom domains). */
  selfHostable: boolean;
  plan(credential: Credential, options: PlanOptions): FillPlan;
}
