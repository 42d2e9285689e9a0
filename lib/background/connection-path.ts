/**
 * The connection-test path: the credential comes from the vault (never from the message), every URL from the region
 * table (lib/connection builds them), and each update is kept in storage.session by fingerprint and broadcast to the
 * extension's pages. One test at a time: starting a new one cancels the previous, and only the latest test may write
 * its report, so a cancelled test's last update never lands on top of the next test's (same fingerprint, same key).
 *
 * The run itself lives in the worker's memory only: Chrome may stop an idle service worker mid-test, so a worker that
 * starts finds reports no run will ever finish and marks them interrupted (recoverInterruptedTests).
 */
import { browser } from 'wxt/browser';
import { runConnectionTest } from '../connection';
import type { ConnectionReport } from '../connection/types';
import { fingerprintCredential } from '../credential';
import type { ConnectionStartResponse, UiRequest } from '../messages';
import type { ConnectionUpdate } from '../connection/update-event';
import { readReports, removeReport, writeReport } from '../connection/report-store';
import { interruptedReport } from '../connection/interrupted';
import { noOriginRuleInstalled } from './no-origin-rule';
import { loadVaultCredential } from './vault-credential';

export { INTERRUPTED_MESSAGE } from '../connection/interrupted';

interface Run {
  controller: AbortController;
  fingerprint: string;
}

/** The latest test, finished or not: the only one allowed to write. Undefined after the vault was cleared. */
let latest: Run | undefined;
/**
 * How many times the vault was cleared since the worker started (abandonConnectionTest counts them). A test that
 * loaded its credential before a clear must not start after it: the clear found no `latest` to stop.
 */
let vaultClears = 0;
/**
 * Every report write and removal, in the order they were asked for. One queue for all runs: a superseded run's
 * write queued earlier can never land after the next run's first write.
 */
let storageQueue: Promise<void> = Promise.resolve();
/** The start-up sweep of interrupted reports; a new test waits for it, so the sweep cannot overwrite the new report. */
let recovery: Promise<void> = Promise.resolve();

function enqueue(step: () => Promise<void>): Promise<void> {
  storageQueue = storageQueue.then(step).catch(() => undefined);
  return storageQueue;
}

async function broadcast(report: ConnectionReport): Promise<void> {
  const event: ConnectionUpdate = { type: 'connection.update', report };
  // No page listening (popup closed) is normal: the stored report is what a reopened popup shows.
  await browser.runtime.sendMessage(event).catch(() => undefined);
}

/** Keep and broadcast one update of `run`, unless a newer test (or a cleared vault) has replaced it by then. */
function publish(run: Run, report: ConnectionReport): void {
  if (run !== latest) return;
  void enqueue(async () => {
    if (run !== latest) return;
    // A report storage.session refused (its quota is full) is still shown, marked, so the open popup says it will not last.
    let kept = true;
    try {
      await writeReport(run.fingerprint, report);
    } catch {
      kept = false;
    }
    await broadcast(kept ? report : { ...report, notKept: true });
  });
}

export async function startConnectionTest(
  request: Extract<UiRequest, { type: 'connection.start' }>,
): Promise<ConnectionStartResponse> {
  const clearsBefore = vaultClears;
  await recovery;
  // A worker woken by this message asks PingOne only once its requests go without an Origin (./no-origin-rule.ts).
  await noOriginRuleInstalled();
  const loaded = await loadVaultCredential('test', request.sourceConfirmed);
  if (!loaded.ok) return loaded;
  const fingerprint = await fingerprintCredential(loaded.credential);
  if (vaultClears !== clearsBefore) return { ok: false, error: 'The credential was cleared.' };

  latest?.controller.abort();
  const run: Run = { controller: new AbortController(), fingerprint };
  latest = run;
  // The runner's last update is its finished report (lib/connection/runner.ts emits after setting finishedAt), so
  // onUpdate alone keeps storage complete; the promise it returns adds nothing.
  void runConnectionTest(loaded.credential, {
    fingerprint,
    regionTld: request.regionTld,
    signal: run.controller.signal,
    onUpdate: (report) => publish(run, report),
  });
  return { ok: true, fingerprint };
}

/** Stop the test: its steps still waiting end as skipped, and that finished report is still kept and broadcast. */
export function cancelConnectionTest(): { ok: true } {
  latest?.controller.abort();
  return { ok: true };
}

/**
 * The vault was cleared (Clear, idle alarm): stop the test and keep nothing of it. A write already under way when
 * the vault was wiped may land after the wipe, so its report is removed once more behind it.
 */
export function abandonConnectionTest(): Promise<void> {
  vaultClears++;
  const run = latest;
  if (!run) return Promise.resolve();
  latest = undefined;
  run.controller.abort();
  return enqueue(() => removeReport(run.fingerprint));
}

/**
 * At worker start no test is running, so a stored report without `finishedAt` belongs to a worker the browser
 * stopped: its running steps become failures that say so, and it is finished, so the popup offers the test again.
 */
export function recoverInterruptedTests(now = Date.now()): Promise<void> {
  recovery = (async () => {
    const reports = await readReports<ConnectionReport>();
    for (const [fingerprint, report] of reports) {
      if (report.finishedAt !== undefined) continue;
      const interrupted = interruptedReport(report, now);
      await writeReport(fingerprint, interrupted);
      await broadcast(interrupted);
    }
  })().catch(() => undefined);
  return recovery;
}
