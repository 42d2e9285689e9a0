/**
 * Popup wiring: asks the background for what it shows of the settings and the active tab, reads the vault, mounts
 * <PopupApp>, and turns its events into vault writes, clipboard calls and messages to the background. No logic of its
 * own beyond that: the settings, their schemas and the consoles' rules stay out of the popup's first screen.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp, type PopupAppProps } from '../../components/popup/PopupApp';
import '../../components/popup/popup.css';
import type { ConnectionReport } from '../../lib/connection/types';
import type { ConsoleId } from '../../lib/consoles/types';
import { pastePart } from '../../components/popup/lazy-module';
import { earlyInput } from './early-input';
import { isExtensionPage } from '../../lib/extension-page';
import type { PopupContext } from '../../lib/messages';
import type { ConsoleTab } from '../../lib/popup-tab';
import { rememberCopiedSecret } from '../../lib/copied-secret';
import { clearDraft, readDraft } from '../../lib/selection-draft';
import { readReport } from '../../lib/connection/report-store';
import { sourceOf, adoptDraft } from '../../lib/selection-source';
import type { SourceQuestion } from '../../components/popup/SelectionSource';
import { clearVault, onVaultCleared, readVault, touchVault, writeVault } from '../../lib/vault';
import { errorText } from '../../lib/error-text';
import { askBackground } from '../../lib/ask-background';
import { FILL_INTERRUPTED, watchWorker } from '../../lib/worker-watch';
import { INTERRUPTED_MESSAGE, interruptedReport } from '../../lib/connection/interrupted';
import { keptHereOnlyText, NOT_IN_VAULT, REPORT_NOT_KEPT } from '../../lib/kept-here';

/**
 * Ask the background to stop its connection test (the admin's Cancel, or the credential is gone). No answer means no
 * background running, so no test either: a failure is nothing to report.
 */
function cancelConnectionTest() {
  void askBackground({ type: 'connection.cancel' }).catch(() => undefined);
}

/**
 * Which sections the admin left open: a non-secret preference of this page, in its localStorage because that is read
 * synchronously, so the first render already draws them as left (storage.local would answer after it).
 */
const OPEN_SECTIONS_KEY = 'pch:open-sections';

function openSectionsOf(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(OPEN_SECTIONS_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function rememberSection(section: string, open: boolean) {
  const others = openSectionsOf().filter((id) => id !== section);
  localStorage.setItem(OPEN_SECTIONS_KEY, JSON.stringify(open ? [...others, section] : others));
}

/**
 * What the popup shows of the settings and the tab, from the background (lib/background/popup-context.ts). A worker
 * that does not answer (stopping, restarting) is said: the popup cannot know its tenants or idle time without it.
 */
async function askContext(tabId: number | undefined): Promise<PopupContext> {
  const answer = await askBackground({ type: 'popup.context', ...(tabId === undefined ? {} : { tabId }) }).catch(
    (error: unknown) => ({ ok: false, error: errorText(error) }) as const,
  );
  // No answer at all: no listener took the message (the worker was starting).
  if (!answer?.ok) throw new Error(`its background did not answer (${answer?.error ?? 'no answer'}): close the popup and open it again`);
  return answer;
}

/** The console the popup showed for `consoleId` (the admin's choice on a page that is no known console). */
function shownConsole(target: PopupContext['target'], consoleId: ConsoleId | undefined): ConsoleTab | undefined {
  if ('choices' in target) return target.choices.find((choice) => choice.consoleId === consoleId);
  return 'consoleId' in target ? target : undefined;
}

/** The fingerprint of the credential `text` holds, as the background computes it (none: not a credential). */
async function fingerprintOf(text: string): Promise<string | undefined> {
  if (text.trim() === '') return undefined;
  const answer = await askBackground({ type: 'credential.judge', text });
  return answer && 'fingerprint' in answer ? answer.fingerprint : undefined;
}


async function main() {
  const root = document.getElementById('app')!;
  // Read side by side: the tab and the shortcut, then what the background shows of both the settings and that tab.
  const [[tab], commands] = await Promise.all([
    browser.tabs.query({ active: true, lastFocusedWindow: true }),
    browser.commands.getAll(),
  ]);
  let context = await askContext(tab?.id);
  const idleMs = () => context.idleMs;
  // The key that opens the popup, as the admin may have changed it (chrome://extensions/shortcuts, about:addons).
  const shortcut = commands.find((command) => command.name?.startsWith('_execute_'))?.shortcut;

  // Opening the popup is a use of the credential: its idle time starts again (lib/vault writes only the use time).
  const [, vaultText, storedDraft] = await Promise.all([touchVault(idleMs()), readVault(idleMs()), readDraft(idleMs())]);
  let text = vaultText;
  /** Why the credential shown lives in this popup only (storage.session refused it), if it does. */
  let keptHere: string | undefined;
  /** Set at the first render: a write refused before it (the clipboard read on open) is drawn by that render. */
  let mounted = false;
  /**
   * A vault write that storage.session refused: the credential stays on screen, said to be kept here only. Nothing
   * goes to another store; an older credential still in the vault is wiped, so no fill or test uses it instead.
   */
  const keep = (write: Promise<unknown>): Promise<void> =>
    write.then(
      () => {
        if (keptHere === undefined) return;
        keptHere = undefined;
        if (mounted) rerender();
      },
      async (error: unknown) => {
        keptHere = keptHereOnlyText(error);
        await clearVault().catch(() => undefined);
        if (mounted) rerender();
      },
    );
  const early = earlyInput(document);
  if (early) {
    // Typed or pasted before the script ran: the admin's latest word, as any paste (it replaces the vault's text).
    text = early;
    await keep(writeVault(text, idleMs()));
  } else if (!text && context.readClipboardOnOpen) {
    // Opt-in preference (off by default): reading the clipboard unasked would surprise most admins.
    text = (await navigator.clipboard.readText().catch(() => '')).trim();
    if (text) await keep(writeVault(text, idleMs()));
  }

  // Text the context menu sent: a draft beside the vault (lib/selection-draft.ts).
  let draft = storedDraft;
  // The page the vault's text was selected on, if "Use this credential" put it there (lib/selection-source.ts).
  let source = text ? (await sourceOf(text))?.origin : undefined;
  let sourceQuestion: SourceQuestion | undefined;
  /** The background asks before the first fill or test of selected text: the admin's answer, once. */
  const askSource = (action: SourceQuestion['action'], origin: string) =>
    new Promise<boolean>((resolve) => {
      sourceQuestion = {
        origin,
        action,
        answer: (yes) => {
          sourceQuestion = undefined;
          rerender();
          resolve(yes);
        },
      };
      rerender();
    });

  let connection: ConnectionReport | null = null;
  /** The fingerprint of a test the background started whose first report has not arrived yet. */
  let testStarted: string | undefined;
  const fingerprint = text ? await fingerprintOf(text) : undefined;
  if (fingerprint) connection = (await readReport<ConnectionReport>(fingerprint)) ?? null;


  // PopupApp keeps the text it was opened with; a new key remounts it when the vault is wiped behind its back.
  let generation = 0;
  const rerender = () => render(<PopupApp key={generation} {...props()} />, root);
  // The background reads the credential from the vault: a fill or test must wait for the last edit to land there.
  let vaultWrite: Promise<void> = Promise.resolve();

  const props = (): PopupAppProps => ({
    initialText: text,
    target: context.target,
    connection,
    settingsNotice: context.notice,
    storageNotice: keptHere ?? (connection?.notKept ? REPORT_NOT_KEPT : undefined),
    shortcut,
    draft: draft && { text: draft.text, source: draft.origin },
    source,
    sourceQuestion,
    openSections: openSectionsOf(),
    onSectionToggle: rememberSection,
    onUseDraft: () => {
      // The admin's word makes it the vault's credential, marked with its page; the box shows it from a fresh PopupApp.
      const used = draft!;
      text = used.text;
      source = used.origin;
      draft = undefined;
      vaultWrite = keep(adoptDraft(used, idleMs()).then(clearDraft));
      generation++;
      rerender();
    },
    onDiscardDraft: () => {
      draft = undefined;
      void clearDraft();
      rerender();
    },
    onJudge: async (judged, consoleId) => {
      // The tab as shown, named as a fill names it: the background judges with the context it gates that fill with.
      const shown = shownConsole(context.target, consoleId);
      const named = 'choices' in context.target ? { consoleId } : {};
      const on = tab?.id !== undefined && shown ? { tabId: tab.id, origin: shown.origin, ...named } : undefined;
      const answer = await askBackground({ type: 'credential.judge', text: judged, ...(on ? { on } : {}) });
      if (!answer?.ok) throw new Error(answer?.error ?? 'no answer');
      return answer;
    },
    onTextChange: (next) => {
      text = next;
      vaultWrite = keep(writeVault(next, idleMs()));
    },
    onPaste: async () => (await navigator.clipboard.readText()).trim(),
    onCopy: async (value, secret) => {
      await navigator.clipboard.writeText(value);
      // The background takes a secret off the clipboard again; it learns its SHA-256 only (lib/copied-secret.ts).
      if (secret) await rememberCopiedSecret(value);
    },
    onFill: async ({ override, name, description, scopes, consoleId }) => {
      // The origin shown is sent along: the background refuses the fill if the tab has moved since (lib/messages).
      const shown = shownConsole(context.target, consoleId);
      if (tab?.id === undefined || !shown) throw new Error('No active tab to fill.');
      await vaultWrite;
      if (keptHere) throw new Error(NOT_IN_VAULT);
      const request = {
        type: 'fill',
        tabId: tab.id,
        origin: shown.origin,
        override,
        ...(name ? { name } : {}),
        ...(description ? { description } : {}),
        ...(scopes ? { scopes } : {}),
        ...(consoleId ? { consoleId } : {}),
      } as const;
      let response = await watch.whileAlive(askBackground(request), FILL_INTERRUPTED);
      if (!response.ok && response.confirmSource) {
        if (!(await askSource('Fill', response.confirmSource))) throw new Error(response.error);
        response = await watch.whileAlive(askBackground({ ...request, sourceConfirmed: true }), FILL_INTERRUPTED);
      }
      if (!response.ok) throw (await pastePart.load()).fillRefusal(response);
      // The fill recorded a use: ask again so the reuse check sees it.
      context = await askContext(tab.id);
      rerender();
      return response.report;
    },
    onTestConnection: (regionTld) => {
      connection = null;
      rerender();
      void (async () => {
        let error: string;
        try {
          await vaultWrite;
          if (keptHere) throw new Error(NOT_IN_VAULT);
          const request = { type: 'connection.start', ...(regionTld ? { regionTld } : {}) } as const;
          let response = await watch.whileAlive(askBackground(request), INTERRUPTED_MESSAGE);
          if (!response.ok && response.confirmSource && (await askSource('Test', response.confirmSource))) {
            response = await watch.whileAlive(askBackground({ ...request, sourceConfirmed: true }), INTERRUPTED_MESSAGE);
          }
          if (response.ok) {
            // Its first report may not have come yet: a worker gone before it still ends "Starting…" (workerGone).
            if (connection === null) testStarted = response.fingerprint;
            return;
          }
          error = response.error;
        } catch (failure) {
          // e.g. the background did not answer: the panel must leave "Starting…" and say why.
          error = `The test could not start: ${errorText(failure)}`;
        }
        const now = Date.now();
        connection = {
          fingerprint: (await fingerprintOf(text)) ?? '',
          startedAt: now,
          finishedAt: now,
          steps: [{ id: 'environment', title: 'Connection test', verdict: 'fail', message: error }],
        };
        rerender();
      })();
    },
    onCancelTest: cancelConnectionTest,
    onClear: () => {
      text = '';
      source = undefined;
      connection = null;
      cancelConnectionTest();
      void clearVault();
      rerender();
    },
    onRememberTenant: async (consoleId) => {
      const shown = shownConsole(context.target, consoleId);
      if (tab?.id === undefined || !shown) return;
      // The background maps the tenant to the vault's credential: the text on screen, once its last edit is there.
      await vaultWrite;
      if (keptHere) throw new Error(NOT_IN_VAULT);
      const named = 'choices' in context.target ? { consoleId } : {};
      const response = await askBackground({ type: 'tenant.remember', tabId: tab.id, origin: shown.origin, ...named });
      if (!response.ok) throw new Error(response.error);
      context = await askContext(tab.id);
      rerender();
    },
    onOpenOptions: () => void browser.runtime.openOptionsPage(),
    pick: pickProps(),
    // A web page's forms only: the extension's own pages and the browser's are no form the admin reports.
    onDescribeForms:
      tab?.id === undefined || !/^https?:/.test(tab.url ?? '')
        ? undefined
        : async () => {
            const response = await askBackground({ type: 'form.describe', tabId: tab.id! });
            if (!response.ok) throw new Error(response.error);
            await navigator.clipboard.writeText(response.text);
          },
  });

  /** Picking fields (lib/pick) where the background says fields may be picked; it checks again on each action. */
  const pickProps = (): PopupAppProps['pick'] => {
    if (!context.pick || tab?.id === undefined) return undefined;
    const tabId = tab.id;
    const { origin, picked } = context.pick;
    return {
      origin,
      picked,
      onPick: async (kind) => {
        const response = await askBackground({ type: 'pick.start', tabId, origin, kind });
        if (!response.ok) throw new Error(response.error);
        context = await askContext(tabId);
        rerender();
        return `${response.picked} ${response.picked === 1 ? 'field' : 'fields'} picked: "Fill picked fields" fills them now and on later visits.`;
      },
      onFillPicked: async (override) => {
        await vaultWrite;
        const request = { type: 'pick.fill', tabId, origin, override } as const;
        let response = await askBackground(request);
        if (!response.ok && response.confirmSource) {
          if (!(await askSource('Fill', response.confirmSource))) throw new Error(response.error);
          response = await askBackground({ ...request, sourceConfirmed: true });
        }
        if (!response.ok) throw (await pastePart.load()).fillRefusal(response);
        return response.report;
      },
    };
  };

  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isExtensionPage(sender, browser.runtime.id, extensionOrigin)) return;
    // A report concerns a pasted credential: its check comes with the paste part.
    void pastePart.load().then(async ({ connectionUpdateOf }) => {
      const report = connectionUpdateOf(message);
      if (!report) return;
      // Reports about another credential (e.g. interrupted tests the background marks on start) are not this one's.
      const current = await fingerprintOf(text);
      if (current === undefined || report.fingerprint !== current) return;
      testStarted = undefined;
      connection = report;
      rerender();
    }).catch(() => undefined); // a paste part that cannot load is said by PopupApp, a worker that does not answer by watchWorker
  });

  // The idle alarm (background) wiped the vault while the popup was open: the secret leaves the screen too.
  // Not a credential kept in this popup only: this popup wiped the vault itself when storage.session refused it.
  onVaultCleared(() => {
    if (text === '' || keptHere) return;
    text = '';
    source = undefined;
    connection = null;
    cancelConnectionTest();
    generation++;
    rerender();
  });

  // The worker went away (stopped by the browser, crashed): a test in flight ends now with the words the next worker
  // would write (lib/connection/interrupted.ts), and "Test connection" is offered again.
  const workerGone = () => {
    if (connection && connection.finishedAt === undefined) {
      connection = interruptedReport(connection, Date.now());
    } else if (connection === null && testStarted !== undefined) {
      const now = Date.now();
      const step = { id: 'environment', title: 'Connection test', verdict: 'fail', message: INTERRUPTED_MESSAGE } as const;
      connection = { fingerprint: testStarted, startedAt: now, finishedAt: now, steps: [step] };
    } else return;
    testStarted = undefined;
    rerender();
  };
  const watch = watchWorker((info) => browser.runtime.connect(info), workerGone);
  watch.ensure();

  mounted = true;
  rerender();
  // "Popup open to interactive" for `npm run bench`: the first render with the vault, settings and tab resolved.
  performance.mark('popup-interactive');
}

void main().catch((error: unknown) => {
  // Never a blank popup, and nothing typed lost: what failed is said above popup.html's own box, which keeps its text.
  const alert = document.createElement('p');
  alert.className = 'alert alert-message';
  alert.setAttribute('role', 'alert');
  alert.textContent = `PingOne Connection Helper could not start: ${errorText(error)}`;
  document.getElementById('app')!.prepend(alert);
});
