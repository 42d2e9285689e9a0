/**
 * The connection-test path against WXT's in-memory browser, with the real vault, settings and runner. `fetch` stands
 * for a PingOne that never answers (so a test stays running until cancelled), and runConnectionTest is wrapped, not
 * replaced, only to know when a run has returned.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { client, environment } from '../../test/fixtures/environments';
import { runConnectionTest } from '../connection';
import type { ConnectionReport } from '../connection/types';
import type { ConnectionUpdate } from '../connection/update-event';
import { DEFAULT_SETTINGS } from '../settings/model';
import { readReport, REPORT_KEY_PREFIX, writeReport } from '../connection/report-store';
import { clearVault, VAULT_IDLE_ALARM, VAULT_KEY, VAULT_TOUCHED_KEY, writeVault } from '../vault';
import {
  abandonConnectionTest,
  cancelConnectionTest,
  INTERRUPTED_MESSAGE,
  recoverInterruptedTests,
  startConnectionTest,
} from './connection-path';

vi.mock('../connection', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../connection')>();
  return { ...actual, runConnectionTest: vi.fn(actual.runConnectionTest) };
});

const worker = client('dev', 'worker');
const OIDC_APP = [`Client ID: ${worker.clientId}`, `Client Secret: ${worker.clientSecret}`, `Environment ID: ${environment('dev').id}`].join('\n');
const IDLE_MS = DEFAULT_SETTINGS.idleClearMinutes * 60_000;

/** PingOne that never answers: every request waits until its signal aborts. */
function silentPingOne(_url: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  return new Promise((_, reject) => {
    const signal = init?.signal;
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** What the background broadcast to the extension's pages. */
let events: ConnectionUpdate[];

/** The promise the n-th run of the runner returned: settled once that run has emitted its last update. */
function runReturned(index: number): Promise<ConnectionReport> {
  const result = vi.mocked(runConnectionTest).mock.results[index];
  if (!result) throw new Error(`no run #${index}`);
  return result.value as Promise<ConnectionReport>;
}

async function start(regionTld?: 'eu' | 'com'): Promise<string> {
  const response = await startConnectionTest({ type: 'connection.start', ...(regionTld ? { regionTld } : {}) });
  if (!response.ok) throw new Error(response.error);
  return response.fingerprint;
}

async function storedReportWhen(fingerprint: string, done: (report: ConnectionReport) => boolean): Promise<ConnectionReport> {
  return vi.waitFor(async () => {
    const report = await readReport<ConnectionReport>(fingerprint);
    if (!report || !done(report)) throw new Error('not yet');
    return report;
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(runConnectionTest).mockClear();
  vi.stubGlobal('fetch', vi.fn(silentPingOne));
  events = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    events.push(message as ConnectionUpdate);
  });
});

afterEach(async () => {
  // No run of one test may write into the next one's storage.
  await abandonConnectionTest();
  vi.unstubAllGlobals();
});

describe('startConnectionTest', () => {
  it('refuses without a credential in the vault', async () => {
    expect(await startConnectionTest({ type: 'connection.start' })).toEqual({
      ok: false,
      error: 'No credential to test: paste one in the popup first.',
    });
    expect(runConnectionTest).not.toHaveBeenCalled();
  });

  it('keeps and broadcasts the running report, and counts the test as a use of the credential', async () => {
    const writtenAt = Date.now() - 9 * 60_000;
    await writeVault(OIDC_APP, IDLE_MS, writtenAt);
    const before = Date.now();
    const fingerprint = await start();
    const running = await storedReportWhen(fingerprint, (report) => report.steps.some((step) => step.verdict === 'running'));
    expect(running.finishedAt).toBeUndefined();
    expect(events).toContainEqual({ type: 'connection.update', report: running });

    const vault = await fakeBrowser.storage.session.get([VAULT_KEY, VAULT_TOUCHED_KEY]);
    expect(vault[VAULT_KEY]).toBe(OIDC_APP);
    const touchedAt = vault[VAULT_TOUCHED_KEY] as number;
    expect(touchedAt).toBeGreaterThanOrEqual(before);
    expect((await fakeBrowser.alarms.get(VAULT_IDLE_ALARM))?.scheduledTime).toBe(touchedAt + IDLE_MS);
  });

  it('a report storage.session refuses is still broadcast, marked as not kept, so the open popup is not left waiting', async () => {
    await writeVault(OIDC_APP, IDLE_MS);
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    const refusing = vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items) => {
      if (Object.keys(items).some((key) => key.startsWith(REPORT_KEY_PREFIX))) throw new Error('Resource::kQuotaBytes quota exceeded');
      return set(items);
    });
    const fingerprint = await start();
    const event = await vi.waitFor(() => {
      const found = events.find((sent) => sent.report.fingerprint === fingerprint);
      if (!found) throw new Error('not yet');
      return found;
    });
    expect(event.report.notKept).toBe(true);
    expect(event.report.steps.some((step) => step.verdict === 'running')).toBe(true);
    expect(await readReport(fingerprint)).toBeUndefined();
    refusing.mockRestore();
  });

  it('refuses to start when the vault is cleared while it loads the credential, running nothing and keeping nothing', async () => {
    await writeVault(OIDC_APP, IDLE_MS);
    const starting = startConnectionTest({ type: 'connection.start' });
    // The popup's Clear reaches the background (onVaultCleared) while this start is still reading the vault: there is
    // no running test yet for the clear to stop.
    await abandonConnectionTest();
    expect(await starting).toEqual({ ok: false, error: 'The credential was cleared.' });
    expect(runConnectionTest).not.toHaveBeenCalled();
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).filter((key) => key.startsWith(REPORT_KEY_PREFIX))).toEqual([]);
    expect(events).toEqual([]);
  });
});

describe('cancelConnectionTest', () => {
  it('stops the test, and its finished report (steps cancelled) is still kept and broadcast', async () => {
    await writeVault(OIDC_APP, IDLE_MS);
    const fingerprint = await start();
    await storedReportWhen(fingerprint, () => true);
    expect(cancelConnectionTest()).toEqual({ ok: true });
    const finished = await storedReportWhen(fingerprint, (report) => report.finishedAt !== undefined);
    expect(finished.steps.find((step) => step.id === 'environment')).toMatchObject({
      verdict: 'skipped',
      message: 'Cancelled before PingOne answered.',
    });
    expect(events.at(-1)).toEqual({ type: 'connection.update', report: finished });
  });
});

describe('only the latest test writes', () => {
  it('drops every update of a test replaced by a new one, its cancelled final report included', async () => {
    await writeVault(OIDC_APP, IDLE_MS);
    const fingerprint = await start('eu');
    await storedReportWhen(fingerprint, (report) => report.region?.tld === 'eu');

    // Same credential, same fingerprint, same storage key: the second test replaces the first.
    expect(await start('com')).toBe(fingerprint);
    const replaced = await runReturned(0);
    expect(replaced.region?.tld).toBe('eu');
    expect(replaced.finishedAt).toBeDefined();

    cancelConnectionTest();
    await runReturned(1);
    const stored = await storedReportWhen(fingerprint, (report) => report.finishedAt !== undefined);
    expect(stored.region?.tld).toBe('com');
    const finishedBroadcasts = events.filter((event) => event.report.finishedAt !== undefined);
    expect(finishedBroadcasts.map((event) => event.report.region?.tld)).toEqual(['com']);
  });

  it('writes nothing more once the vault is cleared, and leaves no report behind', async () => {
    await writeVault(OIDC_APP, IDLE_MS);
    const fingerprint = await start();
    await storedReportWhen(fingerprint, () => true);

    // The background does this on storage.session's change (entrypoints/background.ts, onVaultCleared).
    await clearVault();
    const broadcastsBefore = events.length;
    await abandonConnectionTest();
    const last = await runReturned(0);
    expect(last.finishedAt).toBeDefined();
    // The abandoned run's storage work is queued behind what was asked before; one more removal waits for all of it.
    await abandonConnectionTest();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(events.slice(broadcastsBefore)).toEqual([]);
  });

  it('removes a report that landed after the clear had swept the reports', async () => {
    await writeVault(OIDC_APP, IDLE_MS);
    const fingerprint = await start();
    await storedReportWhen(fingerprint, () => true);
    // As if the clear's sweep ran just before the run's write landed: the vault is gone, the report is not.
    await fakeBrowser.storage.session.remove([VAULT_KEY, VAULT_TOUCHED_KEY]);
    await abandonConnectionTest();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

describe('recoverInterruptedTests', () => {
  const running: ConnectionReport = {
    fingerprint: 'fp-running',
    startedAt: 1_000,
    steps: [
      { id: 'environment', title: 'Environment', verdict: 'pass', message: 'Environment found.' },
      { id: 'client-auth', title: 'Client authentication', verdict: 'running', message: 'Asking PingOne for a token…', request: 'POST https://auth.pingone.com/x/as/token' },
      { id: 'environment-read', title: 'Environment read', verdict: 'running', message: 'Waiting for a token…' },
    ],
  };
  const finished: ConnectionReport = { fingerprint: 'fp-finished', startedAt: 1_000, finishedAt: 2_000, steps: [running.steps[0]!] };

  it('finishes every report no run will finish, failing its running steps with the reason, and broadcasts it', async () => {
    await writeReport('fp-running', running);
    await writeReport('fp-finished', finished);
    await recoverInterruptedTests(5_000);

    const interrupted: ConnectionReport = {
      ...running,
      finishedAt: 5_000,
      steps: [
        running.steps[0]!,
        { ...running.steps[1]!, verdict: 'fail', message: INTERRUPTED_MESSAGE },
        { ...running.steps[2]!, verdict: 'fail', message: INTERRUPTED_MESSAGE },
      ],
    };
    expect(await fakeBrowser.storage.session.get(null)).toEqual({
      [`${REPORT_KEY_PREFIX}fp-running`]: interrupted,
      [`${REPORT_KEY_PREFIX}fp-finished`]: finished,
    });
    expect(events).toEqual([{ type: 'connection.update', report: interrupted }]);
  });
});
