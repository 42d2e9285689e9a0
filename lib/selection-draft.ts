/**
 * Text sent by "Inspect as PingOne credential" (the context menu), held as a DRAFT beside the vault.
 * The page under the menu chooses what is selected: its own `contextmenu` handler runs before the browser opens the
 * menu and may swap the admin's selection for a credential of its own (MDN, "Element: contextmenu event"). So the
 * text never replaces the vault's credential by itself: the popup shows it with the page it came from, Fill and Test
 * connection never act on it, and it becomes the vault's credential only when the admin says "Use this credential".
 * Like the vault it lives in `storage.session` only (memory, trusted extension contexts) and is wiped after the idle
 * time, by an alarm and on read.
 */
import { browser } from 'wxt/browser';

export const DRAFT_KEY = 'selection-draft';
export const DRAFT_IDLE_ALARM = 'selection-draft-idle-clear';

export interface SelectionDraft {
  /** The selected text. SECRET in spirit: it may be a credential. */
  text: string;
  /** The page it was selected on, as the address bar names it: its origin, or its scheme when it has none. */
  origin: string;
  /** When it arrived, ms since the epoch: the idle time counts from here. */
  at: number;
}

/**
 * What the admin reads as the selection's source: the origin of the frame's URL (a selection in a frame comes from
 * the frame), its scheme when it has no origin (`file:`), or 'an unknown page' when the browser gave no URL.
 */
export function selectionSource(url: string | undefined): string {
  try {
    const parsed = new URL(url ?? '');
    return parsed.origin === 'null' ? parsed.protocol : parsed.origin;
  } catch {
    return 'an unknown page';
  }
}

export function writeDraft(draft: SelectionDraft): Promise<void> {
  return browser.storage.session.set({ [DRAFT_KEY]: draft });
}

/** The draft, or undefined when there is none or it is older than `idleMs` (then it is wiped). */
export async function readDraft(idleMs: number, now = Date.now()): Promise<SelectionDraft | undefined> {
  const draft = (await browser.storage.session.get(DRAFT_KEY))[DRAFT_KEY] as SelectionDraft | undefined;
  if (typeof draft?.text !== 'string') return undefined;
  if (now - draft.at > idleMs) {
    await clearDraft();
    return undefined;
  }
  return draft;
}

/** Arm the alarm that wipes the draft `idleMs` after it arrived (at once when that moment has passed). */
export async function armDraftExpiry(idleMs: number): Promise<void> {
  const draft = (await browser.storage.session.get(DRAFT_KEY))[DRAFT_KEY] as SelectionDraft | undefined;
  if (draft) await browser.alarms.create(DRAFT_IDLE_ALARM, { when: draft.at + idleMs });
}

export async function clearDraft(): Promise<void> {
  await browser.storage.session.remove(DRAFT_KEY);
  await browser.alarms.clear(DRAFT_IDLE_ALARM);
}
