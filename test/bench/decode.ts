/**
 * Decode + check throughput of the credential engine beside a bare `jose.decodeJwt` on the same inputs.
 * Prints figures only; no thresholds (test/README.md: benchmarks are scripts, not timed assertions).
 * Run: `npx tsx test/bench/decode.ts`
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { decodeJwt } from 'jose';
import { ENVIRONMENTS } from '../fixtures/environments';
import { checkCredential, readCredential } from '../../lib/credential/index';
import { gatewayClaims, productClaims, signTestCredential } from '../fixtures/credentials';
import { median } from './median';

export interface DecodeBenchFigures {
  /** Distinct signed credentials decoded per pass. */
  inputs: number;
  /** Passes over the inputs in each timed run. */
  passesPerRun: number;
  runs: number;
  /** Medians over the runs, credentials per second. */
  readAndCheckPerSecond: number;
  readPerSecond: number;
  joseDecodeJwtPerSecond: number;
  /** Median over the runs of read+check's rate / jose.decodeJwt's in the same run: the cost of the engine's extra work. */
  ratio: number;
  /** The same in CPU time, which other processes on a shared machine do not inflate as they do wall-clock time. */
  cpuRatio: number;
}

const INPUTS = 120;
const PASSES_PER_RUN = 25;
const RUNS = 7;

interface Rates {
  perSecond: number;
  perCpuSecond: number;
}

/** Credentials per second, wall-clock and CPU, of one timed run of `work`: PASSES_PER_RUN passes over every input. */
function timedRun(inputs: readonly string[], work: (input: string) => unknown): Rates {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let pass = 0; pass < PASSES_PER_RUN; pass++) for (const input of inputs) work(input);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const count = inputs.length * PASSES_PER_RUN;
  return { perSecond: count / seconds, perCpuSecond: count / ((cpu.user + cpu.system) / 1e6) };
}

/**
 * RUNS rounds, each timing every workload once, one after the other, after one warm-up pass of each: a ratio is
 * taken within a round, so a load that comes and goes on a shared machine weighs on both of its sides.
 */
function interleavedRuns<Name extends string>(inputs: readonly string[], works: Record<Name, (input: string) => unknown>): Record<Name, Rates>[] {
  const names = Object.keys(works) as Name[];
  for (const name of names) for (const input of inputs) works[name](input);
  const rounds: Record<Name, Rates>[] = [];
  for (let run = 0; run < RUNS; run++) {
    const round = {} as Record<Name, Rates>;
    for (const name of names) round[name] = timedRun(inputs, works[name]);
    rounds.push(round);
  }
  return rounds;
}

export async function benchDecode(): Promise<DecodeBenchFigures> {
  const inputs: string[] = [];
  for (let index = 0; index < INPUTS; index++) {
    const env = ENVIRONMENTS[index % ENVIRONMENTS.length];
    if (!env) throw new Error('no fixture environments');
    // Distinct jti/iat per input so no two tokens are identical strings.
    const overrides = { jti: `bench-${index}`, iat: 1_760_000_000 + index };
    inputs.push(await signTestCredential(index % 2 ? gatewayClaims(env.key, overrides) : productClaims(env.key, overrides)));
  }
  const now = Date.now();
  const rounds = interleavedRuns(inputs, {
    readAndCheck: (input) => {
      const result = readCredential(input);
      if (!result.ok) throw new Error(`bench input refused: ${result.error.code}`);
      return checkCredential(result.credential, { now });
    },
    read: readCredential,
    jose: decodeJwt,
  });
  return {
    inputs: inputs.length,
    passesPerRun: PASSES_PER_RUN,
    runs: RUNS,
    readAndCheckPerSecond: median(rounds.map((round) => round.readAndCheck.perSecond)),
    readPerSecond: median(rounds.map((round) => round.read.perSecond)),
    joseDecodeJwtPerSecond: median(rounds.map((round) => round.jose.perSecond)),
    ratio: median(rounds.map((round) => round.readAndCheck.perSecond / round.jose.perSecond)),
    cpuRatio: median(rounds.map((round) => round.readAndCheck.perCpuSecond / round.jose.perCpuSecond)),
  };
}

/**
 * Worst-case inputs at the 16 KiB cap: the shapes that made an earlier quadratic pattern take ~360 ms. Printed as a
 * figure (the slowest read, ms) rather than asserted, so a regression shows here without a timing test.
 */
const PATHOLOGICAL = [
  `a${' '.repeat(16_000)}b`,
  `Client ID${' '.repeat(16_000)}x`,
  `'${"'".repeat(16_000)}`,
  `${'-'.repeat(16_000)}a`,
  `x${'='.repeat(16_000)}.a.b`,
];

export function worstCaseReadMs(): number {
  return Math.max(
    ...PATHOLOGICAL.map((text) => {
      const start = performance.now();
      readCredential(text);
      return performance.now() - start;
    }),
  );
}

export async function printDecodeBench(): Promise<void> {
  const figures = await benchDecode();
  const rate = (value: number) => `${Math.round(value).toLocaleString('en-US')} credentials/s`;
  console.log(`Credential decode (${figures.inputs} signed JWTs x ${figures.passesPerRun} passes, median of ${figures.runs} interleaved runs)`);
  console.log(`  readCredential + checkCredential  ${rate(figures.readAndCheckPerSecond)}`);
  console.log(`  readCredential alone              ${rate(figures.readPerSecond)}`);
  console.log(`  jose.decodeJwt (baseline)         ${rate(figures.joseDecodeJwtPerSecond)}`);
  console.log(`  ratio read+check / baseline       ${figures.ratio.toFixed(2)} (in CPU time ${figures.cpuRatio.toFixed(2)}; each a median of ratios within a run)`);
  console.log(`  slowest 16 KiB pathological read  ${worstCaseReadMs().toFixed(2)} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await printDecodeBench();
}
