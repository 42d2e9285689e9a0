/**
 * The popup's reading of a text: decoded, fingerprinted and judged here, for the tab as the popup shows it and with
 * the context the fill gate judges that tab with (./fill-path.ts: `targetAsShown`, `checkContextFor`), so the popup
 * carries neither the credential engine nor zod and its checks are the fill gate's own. The popup words the findings
 * (lib/credential/check-words.ts).
 */
import { browser } from 'wxt/browser';
import { fingerprintCredential, judgeCredential, readCredential } from '../credential';
import type { CheckContext } from '../credential/types';
import type { CredentialJudgement, UiRequest } from '../messages';
import { checkContextFor, targetAsShown } from '../target';
import { settingsForTab } from './tab-settings';

/** Read `text`, then judge it in the context `contextFor` gives its fingerprint (none: its own checks only). */
export async function judgeText(text: string, contextFor?: (fingerprint: string) => CheckContext): Promise<CredentialJudgement> {
  const read = readCredential(text);
  if (!read.ok) return { ok: true, read };
  const fingerprint = await fingerprintCredential(read.credential);
  return { ok: true, read, fingerprint, findings: judgeCredential(read.credential, contextFor?.(fingerprint)) };
}

export async function judgeForPopup({ text, on }: Extract<UiRequest, { type: 'credential.judge' }>): Promise<CredentialJudgement> {
  if (!on) return judgeText(text);
  const tab = await browser.tabs.get(on.tabId).catch(() => undefined);
  const { settings } = await settingsForTab(tab?.url);
  // A tab gone elsewhere since the popup opened is judged on its own: the fill refuses it anyway.
  const target = targetAsShown(tab?.url, settings, on);
  return judgeText(text, target.kind === 'console' ? (fingerprint) => checkContextFor(target, settings, fingerprint) : undefined);
}
