/**
 * The connection test's cost over the bare HTTP round-trips, against the fixture server's fake PingOne in Node.
 * Both sides use one undici Agent (same keep-alive connections, same TLS), so the difference is the runner's own
 * work: planning, timeouts, verdicts, redaction and a report copy per update. Prints figures only (test/README.md:
 * benchmarks are scripts, not timed assertions).
 * Run: `npx tsx test/bench/connection.ts`
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { readCredential } from '../../lib/credential/index';
import { productClaims, signTestCredential } from '../fixtures/credentials';
import { runConnectionTest } from '../../lib/connection/index';
import { basicAuthorization } from '../../lib/connection/client-auth-step';
import { environmentUrls, regionByTld, type Region } from '../../lib/regions';
import { client, environment } from '../fixtures/environments';
import { startFixtureServer } from '../fixtures/server';
import { median } from './median';

const RUNS = 101;
const WARM_UP = 5;


/**
 * Every connection goes to the fixture server on 127.0.0.1 while the URL, Host header and SNI keep the real
 * PingOne host name (what Chromium's --host-resolver-rules does for the e2e suite). The certificate is the
 * fixture's throwaway self-signed one, so verification is off for this local-only bench.
 */
function fixtureAgent(port: number): Agent {
  const connector = buildConnector({ rejectUnauthorized: false });
  return new Agent({
    connect: (options, callback) => connector({ ...options, hostname: '127.0.0.1', port: String(port), servername: options.hostname }, callback),
  });
}

export interface ConnectionBenchFigures {
  runs: number;
  rawDiscoveryMs: number;
  rawTokenMs: number;
  rawEnvironmentReadMs: number;
  /** Discovery and token in parallel, then the read: the same shape the runner uses. */
  rawTotalMs: number;
  runnerTotalMs: number;
  /** runnerTotalMs - rawTotalMs. */
  overheadMs: number;
  /** Median of (runner - raw) within each run: less exposed to the machine's load drifting between runs. */
  pairedOverheadMs: number;
}

export async function measureConnection(): Promise<ConnectionBenchFigures> {
  const server = await startFixtureServer();
  const agent = fixtureAgent(server.port);
  try {
    const fetchViaFixture = ((input: RequestInfo | URL, init?: RequestInit) =>
      undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: agent })) as unknown as typeof fetch;

    const dev = environment('dev');
    const worker = client('dev', 'worker');
    const urls = environmentUrls(regionByTld(dev.tld) as Region, dev.id);
    const read = readCredential(await signTestCredential(productClaims('dev')));
    if (!read.ok) throw new Error(read.error.message);
    const credential = read.credential;

    const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
      const start = performance.now();
      const value = await work();
      return [value, performance.now() - start];
    };
    const discovery = () => fetchViaFixture(urls.discovery).then((response) => response.text());
    const token = () =>
      fetchViaFixture(urls.token, {
        method: 'POST',
        headers: { Authorization: basicAuthorization(worker.clientId, worker.clientSecret), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      }).then(async (response) => (JSON.parse(await response.text()) as { access_token: string }).access_token);
    const environmentRead = (accessToken: string) =>
      fetchViaFixture(urls.environment, { headers: { Authorization: `Bearer ${accessToken}` } }).then((response) => response.text());

    const raw = { discovery: [] as number[], token: [] as number[], read: [] as number[], total: [] as number[] };
    const runner: number[] = [];
    const paired: number[] = [];
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      const measured = run >= WARM_UP;
      // Raw: the three round-trips in the runner's shape, each timed.
      const [, total] = await timed(async () => {
        const [[, discoveryMs], [accessToken, tokenMs]] = await Promise.all([timed(discovery), timed(token)]);
        const [, readMs] = await timed(() => environmentRead(accessToken));
        if (measured) raw.discovery.push(discoveryMs), raw.token.push(tokenMs), raw.read.push(readMs);
      });
      if (measured) raw.total.push(total);
      // Runner: the same three requests through runConnectionTest.
      const [report, runnerMs] = await timed(() => runConnectionTest(credential, { fingerprint: 'bench', fetch: fetchViaFixture }));
      if (report.steps.some((step) => step.verdict !== 'pass')) {
        throw new Error(`the runner did not pass against the fixture: ${JSON.stringify(report.steps.map((step) => [step.id, step.verdict, step.message]))}`);
      }
      if (measured) runner.push(runnerMs), paired.push(runnerMs - total);
    }
    const rawTotalMs = median(raw.total);
    const runnerTotalMs = median(runner);
    return {
      runs: RUNS,
      rawDiscoveryMs: median(raw.discovery),
      rawTokenMs: median(raw.token),
      rawEnvironmentReadMs: median(raw.read),
      rawTotalMs,
      runnerTotalMs,
      overheadMs: runnerTotalMs - rawTotalMs,
      pairedOverheadMs: median(paired),
    };
  } finally {
    await agent.close();
    await server.close();
  }
}

export async function benchConnection(): Promise<void> {
  const figures = await measureConnection();
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(`Connection test against the fake PingOne (Node, HTTPS keep-alive, median of ${figures.runs} runs)`);
  console.log(`  raw discovery round-trip          ${ms(figures.rawDiscoveryMs)}`);
  console.log(`  raw token round-trip              ${ms(figures.rawTokenMs)}`);
  console.log(`  raw environment read round-trip   ${ms(figures.rawEnvironmentReadMs)}`);
  console.log(`  raw three steps (runner's shape)  ${ms(figures.rawTotalMs)}`);
  console.log(`  runConnectionTest, three steps    ${ms(figures.runnerTotalMs)}`);
  console.log(`  runner overhead (difference)      ${ms(figures.overheadMs)}`);
  console.log(`  runner overhead (paired median)   ${ms(figures.pairedOverheadMs)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchConnection();
