/**
 * Picked fields (lib/pick), the background's side: start the picker in a tab's top frame and keep what it answers
 * (validated: the page chose those strings), fill a picked form through the ONE guarded fill path (the vault's
 * credential, the checks with the same context a console fill gets, the same engine and its every guard), and
 * describe a tab's forms without values. Only https pages, only the top frame.
 */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { fingerprintCredential, judgeCredential } from '../credential';
import type { CheckContext } from '../credential/types';
import type { Settings } from '../settings/model';
import type { FillResponse, ResponseFor, UiRequest } from '../messages';
import { httpsOriginOf } from '../origin';
import { DESCRIBE_GLOBAL, PICK_GLOBAL } from '../pick/globals';
import { pickedPlan, promptsFor, type PickPrompt } from '../pick/fields';
import type { PickResult } from '../pick/picker';
import { pickedFor, rememberPicked } from '../settings/picked';
import { pickedFormSchema } from '../settings/schema';
import { updateSettings } from '../settings/store';
import { seenUses } from '../settings/tenants';
import { checkContextFor, imitationOf, resolveTarget } from '../target';
import { loadSettingsWithPolicy, overrideForbidden } from '../settings/managed';
import { errorText } from '../error-text';
import { fillBlock, inTopFrame, runFillEngine } from './fill-path';
import { loadVaultCredential } from './vault-credential';

/** A description longer than this is cut: a page with thousands of controls is not worth a bigger clipboard. */
const MAX_DESCRIPTION = 200_000;

type Request<Type extends UiRequest['type']> = Extract<UiRequest, { type: Type }>;

/** The tab's URL when it is still an https page at `origin` that does not dress as a hosted console, or why not. */
async function tabAt(tabId: number, origin: string, settings: Settings): Promise<{ ok: true; url: string } | { ok: false; error: string }> {
  const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  const at = url ? httpsOriginOf(url) : undefined;
  if (!url || !at) return { ok: false, error: 'Fields are picked and filled on https pages only.' };
  if (at !== origin) return { ok: false, error: `The tab moved to ${at}; reopen the popup there.` };
  const imitation = imitationOf(url, settings);
  return imitation ? { ok: false, error: imitation } : { ok: true, url };
}

const stoppedSchema = z.strictObject({ status: z.literal('stopped'), reason: z.string().check(z.maxLength(300)) });

export async function startPick(request: Request<'pick.start'>): Promise<ResponseFor['pick.start']> {
  const tab = await tabAt(request.tabId, request.origin, (await loadSettingsWithPolicy()).settings);
  if (!tab.ok) return tab;
  const prompts: readonly PickPrompt[] = promptsFor(request.kind);
  let answer: PickResult | undefined;
  try {
    answer = await inTopFrame<PickResult>(request.tabId, '/pick.js', PICK_GLOBAL, prompts);
  } catch (error) {
    return { ok: false, error: `Could not reach the page: ${errorText(error)}` };
  }
  const stopped = stoppedSchema.safeParse(answer);
  if (stopped.success) return { ok: false, error: stopped.data.reason };
  // What the page-side picker answers is held to the settings' own schema: strings the page chose, bounded, no value.
  const form = pickedFormSchema.safeParse({ origin: request.origin, fields: (answer as { fields?: unknown } | undefined)?.fields, at: Date.now() });
  if (!form.success || (answer as { status?: unknown }).status !== 'picked') return { ok: false, error: 'The page answered something that is not a pick; nothing was kept.' };
  await updateSettings((current) => rememberPicked(current, form.data));
  return { ok: true, picked: form.data.fields.length };
}

export async function fillPicked(request: Request<'pick.fill'>): Promise<FillResponse> {
  const loaded = await loadVaultCredential('fill', request.sourceConfirmed);
  if (!loaded.ok) return loaded;
  const { credential, settings, policy } = loaded;
  const tab = await tabAt(request.tabId, request.origin, settings);
  if (!tab.ok) return tab;
  const form = pickedFor(settings, request.origin);
  if (!form) return { ok: false, error: `No fields were picked on ${request.origin}: pick them first.` };

  const fingerprint = await fingerprintCredential(credential);
  // A known console's tenant is judged as its console fill would be (its mapped environment, its siblings).
  const target = resolveTarget(tab.url, settings);
  const context: CheckContext = target.kind === 'console' ? checkContextFor(target, settings, fingerprint) : { origin: request.origin, fingerprint, seen: seenUses(settings) };
  // The organisation's policy takes "Fill anyway" away from its production tenants here as on a console fill.
  const blocked = fillBlock(judgeCredential(credential, context), request.override, target.kind === 'console' && overrideForbidden(policy, target.tenant));
  if (blocked) return blocked;
  try {
    return { ok: true, report: await runFillEngine(request.tabId, pickedPlan(credential, form)) };
  } catch (error) {
    return { ok: false, error: `Could not reach the page to fill it: ${errorText(error)}` };
  }
}

export async function describeForms(request: Request<'form.describe'>): Promise<ResponseFor['form.describe']> {
  try {
    const text = await inTopFrame<unknown>(request.tabId, '/pick.js', DESCRIBE_GLOBAL);
    if (typeof text !== 'string') return { ok: false, error: 'The page gave no description.' };
    return { ok: true, text: text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION)}\n(cut at ${MAX_DESCRIPTION} characters)` : text };
  } catch (error) {
    return { ok: false, error: `Could not reach the page: ${errorText(error)}` };
  }
}
