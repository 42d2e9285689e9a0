import { useState } from 'preact/hooks';
import { TIER_NAMES } from '../../lib/settings/model';
import type { PopupTab } from '../../lib/popup-tab';
import { savedNotText } from '../../lib/storage-refusal';

export interface TargetBannerProps {
  target: Extract<PopupTab, { consoleId: string }>;
  /** The credential's environment, offered for "Remember this tenant uses this environment"; absent when none is read. */
  environment?: string;
  onRememberTenant(): Promise<void>;
}

/**
 * Where a fill would go: the console, its tenant and tier (production loudly, since a wrong credential there breaks
 * sign-in for real users), and which PingOne environment the tenant is mapped to, or an offer to remember it.
 */
export function TargetBanner({ target, environment, onRememberTenant }: TargetBannerProps) {
  const [status, setStatus] = useState('');
  const production = target.tier === 'production';
  const host = new URL(target.origin).host;
  const { expected } = target.context;

  const remember = async () => {
    setStatus('Saving…');
    try {
      await onRememberTenant();
      setStatus('Remembered.');
    } catch (error) {
      setStatus(`Not saved: ${savedNotText(error)}`);
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
      {/* One line under the console's: its tenant and environment, or the offer to map it (link-styled: the banner
          stays two lines high, so the actions below stay in the first screen). */}
      <p class="target-map">
        {target.tenantLabel && <>Tenant: {target.tenantLabel} · </>}
        {expected ? (
          <>
            Expects environment <span class="strong">{expected.environmentName ?? expected.environmentId}</span>
            {expected.regionTld && <span class="muted"> (pingone.{expected.regionTld})</span>}
          </>
        ) : (
          <>
            Not mapped to a PingOne environment yet.
            {environment && (
              <>
                {' '}
                <button type="button" class="link" onClick={remember} aria-describedby="remember-environment">
                  Remember this tenant uses this environment
                </button>{' '}
                {/* A bare environment id is long and stands in full on the line below; its start names it here. */}
                <span id="remember-environment" class="muted" title={environment}>
                  ({environment.length > 24 ? `${environment.slice(0, 8)}…` : environment})
                </span>
              </>
            )}
          </>
        )}
      </p>
      <p class="status-line" role="status">
        {status}
      </p>
    </section>
  );
}
