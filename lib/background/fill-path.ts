/**
 * The fill path, the ONE way any UI writes into a page (DESIGN.md "Fill path"): load the credential from the vault,
 * resolve the console for the tab, run the checks with that tenant's context (errors block unless overridden),
 * build the console's FillPlan, inject the fill engine into the tab's top frame only, and return its report.
 * The secret crosses into the page only inside the plan handed to the engine; it is never logged or returned.
 */
import { browser } from 'wxt/browser';
import { checkCredential, fingerprintCredential, readCredential } from '../credential';
import { FILL_GLOBAL } from '../fill';
import type { FillPlan, FillReport } from '../fill/types';
import type { FillResponse, UiRequest } from '../messages';
import { loadSettings, recordUse, updateSettings } from '../settings';
import { checkContextFor, resolveTarget } from '../target';
import { readVault } from '../vault';

type FillRequest = Extract<UiRequest, { type: 'fill' }>;

export async function fillTab(request: FillRequest): Promise<FillResponse> {
  const { settings } = await loadSettings();
  const text = await readVault(settings.idleClearMinutes * 60_000);
  if (!text) return { ok: false, error: 'No credential to fill: paste one in the popup first.' };
  const read = readCredential(text);
  if (!read.ok) return { ok: false, error: `The credential cannot be read: ${read.error.message}` };
  const credential = read.credential;

  const tab = await browser.tabs.get(request.tabId).catch(() => undefined);
  const target = resolveTarget(tab?.url, settings);
  if (target.kind !== 'console') return { ok: false, error: target.reason };

  const fingerprint = await fingerprintCredential(credential);
  const errors = checkCredential(credential, checkContextFor(target, settings, fingerprint)).filter(
    (check) => check.level === 'error',
  );
  if (errors.length > 0 && !request.override) {
    return {
      ok: false,
      error: `Not filled: ${errors.length === 1 ? 'one check fails' : `${errors.length} checks fail`} for ${target.console.name}.`,
      blockedBy: errors,
    };
  }

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
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Could not reach the page to fill it: ${reason}` };
  }
  if (!report.refused && report.fields.some((field) => field.status === 'filled' || field.status === 'unchanged')) {
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

/** Inject the engine (entrypoints/fill.ts) into the top frame only, then hand it the plan in the isolated world. */
async function runFillEngine(tabId: number, plan: FillPlan): Promise<FillReport> {
  const target = { tabId, frameIds: [0] };
  await browser.scripting.executeScript({ target, files: ['/fill.js'] });
  const [result] = await browser.scripting.executeScript({
    target,
    func: (name: string, fillPlan: FillPlan) =>
      (globalThis as unknown as Record<string, (plan: FillPlan) => FillReport>)[name]!(fillPlan),
    args: [FILL_GLOBAL, plan],
  });
  const report = result?.result as FillReport | undefined;
  if (!report) throw new Error('The fill script returned no report.');
  return report;
}
