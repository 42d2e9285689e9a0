/**
 * The fill path, the ONE way any UI writes into a page (README.md, Security model: "One guarded fill path"): load the credential from the vault,
 * resolve the console for the tab, run the checks with that tenant's context (errors block unless overridden),
 * build the console's FillPlan, inject the fill engine into the tab's top frame only, and return its report.
 * The secret crosses into the page only inside the plan handed to the engine; it is never logged or returned.
 */
import { browser } from 'wxt/browser';
import { fingerprintCredential, judgeCredential } from '../credential';
import { FILL_GLOBAL } from '../fill';
import type { FieldStatus, FillPlan, FillReport, PlannedField } from '../fill/types';
import type { Finding } from '../credential/check';
import type { FillResponse, UiRequest } from '../messages';
import { overrideForbidden } from '../settings/managed';
import { updateSettings } from '../settings/store';
import { recordUse } from '../settings/tenants';
import { checkContextFor, targetAsShown } from '../target';
import { loadVaultCredential } from './vault-credential';
import { errorText } from '../error-text';

type FillRequest = Extract<UiRequest, { type: 'fill' }>;

export async function fillTab(request: FillRequest): Promise<FillResponse> {
  const loaded = await loadVaultCredential('fill', request.sourceConfirmed);
  if (!loaded.ok) return loaded;
  const { credential, settings, policy } = loaded;

  const tab = await browser.tabs.get(request.tabId).catch(() => undefined);
  // `consoleId`: the admin named a page that is no known console; the injection below then rides on the toolbar
  // click's activeTab grant (or a host permission), and Chrome refuses it when there is neither. A tab that navigated
  // while the popup was open is refused: what the admin saw (and chose "This page is" for) was another page.
  const target = targetAsShown(tab?.url, settings, request);
  if (target.kind !== 'console') return { ok: false, error: target.reason };

  const fingerprint = await fingerprintCredential(credential);
  // The organisation's policy may take "Fill anyway" away from production tenants (lib/settings/managed.ts).
  const blocked = fillBlock(
    judgeCredential(credential, checkContextFor(target, settings, fingerprint)),
    request.override,
    overrideForbidden(policy, target.tenant),
    ` for ${target.console.name}`,
  );
  if (blocked) return blocked;

  const plan = target.console.plan(credential, {
    origin: target.origin,
    name: request.name,
    description: request.description,
    scopes: request.scopes,
  });
  // A credential this console cannot take at all (a wrong kind) stays refused whatever the override: nothing is
  // injected into the page.
  if (plan.refused) return { ok: false, error: plan.refused };
  let report: FillReport;
  try {
    report = await runFillEngine(request.tabId, plan);
  } catch (error) {
    // e.g. "Cannot access contents of the page": no host permission or activeTab grant for this tab.
    const reason = errorText(error);
    return { ok: false, error: `Could not reach the page to fill it: ${reason}` };
  }
  if (deliveredCredential(plan, report)) {
    // Recorded against the CURRENT settings, not the copy loaded before the fill: an options-page edit made
    // meanwhile must survive.
    await updateSettings((current) =>
      recordUse(current, {
        fingerprint,
        origin: target.origin,
        consoleId: target.console.id,
        tenantLabel: target.tenant?.label,
        tier: target.tenant?.tier,
        environmentId: credential.environmentId,
        at: Date.now(),
      }),
    );
  }
  return { ok: true, report };
}

/**
 * The refusal of a fill its error checks stop, unless the admin overrode them where `locked` (the organisation's
 * policy) allows it; `where` ends the error's first sentence.
 */
export function fillBlock(findings: Finding[], override: boolean, locked: boolean, where = ''): FillResponse | undefined {
  const errors = findings.filter((check) => check.level === 'error');
  if (errors.length === 0 || (override && !locked)) return undefined;
  const failing = errors.length === 1 ? 'one check fails' : `${errors.length} checks fail`;
  return {
    ok: false,
    error: `Not filled: ${failing}${where}.${locked ? ' Your organisation does not allow "Fill anyway" on a production tenant.' : ''}`,
    blockedBy: errors,
    ...(locked ? { overrideForbidden: true } : {}),
  };
}

const DELIVERED: ReadonlySet<FieldStatus> = new Set(['filled', 'unchanged']);

/**
 * Whether the credential itself reached the page: every secret field of the plan (the client secret, or the raw JWT
 * for PingAccess and AIC, which lib/consoles marks `secret`) already held that value or received it, where the
 * page's script could read it, even if the page then cleared it or the fill put it back. A fill that wrote only a
 * name, or whose secret field was refused or missing, is no use of this credential at this tenant. A plan with no
 * secret field (an OIDC app without a client secret) counts when anything of it reached the page.
 */
function deliveredCredential(plan: FillPlan, report: FillReport): boolean {
  const delivered = (field: PlannedField) => {
    const outcome = report.fields.find((candidate) => candidate.key === field.key);
    // A page-level refusal wrote nothing unless a field says it reached the page (the fill stopped after it).
    return !!outcome && (outcome.reached === true || (!report.refused && DELIVERED.has(outcome.status)));
  };
  const secrets = plan.fields.filter((field) => field.secret);
  return secrets.length > 0 ? secrets.every(delivered) : plan.fields.some(delivered);
}

/** Inject the engine (entrypoints/fill.ts) into the top frame only, then hand it the plan in the isolated world. */
export async function runFillEngine(tabId: number, plan: FillPlan): Promise<FillReport> {
  const report = await inTopFrame<FillReport>(tabId, '/fill.js', FILL_GLOBAL, plan);
  if (!report) throw new Error('The fill script returned no report.');
  return report;
}

/** Inject `file` into the tab's top frame only, then run its global `name` there with `args`, in the isolated world. */
export async function inTopFrame<Result>(tabId: number, file: '/fill.js' | '/pick.js', name: string, ...args: unknown[]): Promise<Result | undefined> {
  const target = { tabId, frameIds: [0] };
  await browser.scripting.executeScript({ target, files: [file] });
  const [result] = await browser.scripting.executeScript({
    target,
    func: (global: string, ...given: unknown[]) => (globalThis as unknown as Record<string, (...args: unknown[]) => unknown>)[global]!(...given),
    args: [name, ...args],
  });
  return result?.result as Result | undefined;
}
