import { useState } from 'preact/hooks';
import type { Tier } from '../lib/settings';
import type { PopupTarget } from './PopupApp';

export interface TargetBannerProps {
  target: Extract<PopupTarget, { consoleId: string }>;
  /** The credential's environment, offered for "Remember this tenant uses this environment"; absent when none is read. */
  environment?: string;
  onRememberTenant(): Promise<void>;
}

/** lib/settings has the same names, but importing a value from it would pull its schemas into the popup bundle. */
const TIER_NAMES: Record<Tier, string> = {
  development: 'Development',
  uat: 'UAT',
  staging: 'Staging',
  production: 'Production',
  sandbox: 'Sandbox',
};

/**
 * Where a fill would go: the console, its tenant and tier (production loudly, since a wrong credential there breaks
 * sign-in for real users), and which PingOne environment the tenant is mapped to, or an offer to remember it.
 */
export function TargetBanner({ target, environment, onRememberTenant }: TargetBannerProps) {
  const [status, setStatus] = useState('');
  const production = target.tier === 'production';
  const host = new URL(target.origin).host;

  const remember = async () => {
    setStatus('Saving…');
    try {
      await onRememberTenant();
      setStatus('Remembered.');
    } catch (error) {
      setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <section class={production ? 'target production' : 'target'} aria-label="Target console">
      <p class="target-line">
        {target.tier && (
          <span class={`tier tier-${target.tier}`}>
            {production && <span aria-hidden="true">▲ </span>}
            {TIER_NAMES[target.tier]}
          </span>
        )}{' '}
        <span class="target-console">{target.consoleName}</span> <span class="target-host">{host}</span>
      </p>
      {target.tenantLabel && <p class="target-tenant">Tenant: {target.tenantLabel}</p>}
      {target.expected ? (
        <p class="target-expected">
          Expects environment{' '}
          <span class="strong">{target.expected.environmentName ?? target.expected.environmentId}</span>
          {target.expected.regionTld && <span class="muted"> (pingone.{target.expected.regionTld})</span>}
        </p>
      ) : (
        <div class="target-unmapped">
          <p>This tenant is not mapped to a PingOne environment yet.</p>
          {environment && (
            <p class="row">
              <button type="button" class="button small" onClick={remember}>
                Remember this tenant uses this environment
              </button>
              <span class="muted">{environment}</span>
            </p>
          )}
        </div>
      )}
      <p class="status-line" role="status">
        {status}
      </p>
    </section>
  );
}
