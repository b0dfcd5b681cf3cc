/**
 * The compare suite's measurement: every variant's bridge lives in this process; the same instruction stream is
 * cut into rounds, and in each round every variant processes that round's instructions once, in a shuffled order
 * (seeded Fisher–Yates), so that machine drift over the run hits every variant alike and each round gives one
 * paired ratio per variant against the first. Timed per variant and round: wall time (the processBatch calls
 * only; batches are cut beforehand and answers tallied afterwards) and process CPU time.
 */
import type { GasmBridge } from '../../pipeline/bridge.js';
import type { CacheStats } from '../../pipeline/cache/result-cache.js';
import type { GasmResponse } from '../../pipeline/types.js';
import { createRng } from '../../stats/rng.js';
import type { RunContext, SuiteOutcome } from '../contract.js';
import type { CompareOptions } from './options.js';
import type { CompareResult, CompareVariantResult } from './schema.js';
import { medianWithInterval } from './median-interval.js';
import { verdictOf } from './verdict.js';
import { createWorkload } from './workload.js';

/** Instructions of the pose check against the first variant. */
const CHECK_INSTRUCTIONS = 50;

interface Tally {
  responses: number;
  successes: number;
  constraints: number;
  satisfied: number;
  /**
   * Each distinct instruction text once: whether every response to it succeeded. The answers are deterministic
   * for one pipeline, so a rate's trials are the distinct instructions, not their repeats over rounds.
   */
  byText: Map<string, boolean>;
}

interface VariantState {
  bridge: GasmBridge;
  batchSize: number;
  ips: number[];
  cpuMs: number[];
  batchMs: number[];
  tally: Tally;
  cacheBefore: CacheStats | null;
  cacheAfter: CacheStats | null;
  maxDiffMm: number | null;
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function shuffled(n: number, rng: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function chunks(texts: readonly string[], size: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < texts.length; i += size) out.push(texts.slice(i, i + size));
  return out;
}

/** Runs one variant over a round's batches; returns instr/s, CPU ms per instruction and median batch ms. */
function measure(state: VariantState, batches: readonly string[][], sink: GasmResponse[][]): { ips: number; cpuMs: number; batchMs: number } {
  const times = new Float64Array(batches.length);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let b = 0; b < batches.length; b++) {
    const tb = performance.now();
    sink[b] = state.bridge.processBatch(batches[b]);
    times[b] = performance.now() - tb;
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  let n = 0;
  for (const b of batches) n += b.length;
  return { ips: (n * 1000) / wall, cpuMs: (cpu.user + cpu.system) / 1000 / n, batchMs: median(Array.from(times)) };
}

function tallyInto(t: Tally, rows: readonly GasmResponse[][]): void {
  for (const rs of rows) {
    for (const r of rs) {
      t.responses++;
      t.byText.set(r.instruction, (t.byText.get(r.instruction) ?? true) && r.success);
      if (!r.success) continue;
      t.successes++;
      for (const c of r.constraints) {
        t.constraints++;
        if (c.satisfied) t.satisfied++;
      }
    }
  }
}

function maxPositionDiffMm(a: readonly GasmResponse[], b: readonly GasmResponse[]): number {
  let worst = 0;
  a.forEach((r, i) => {
    for (const [name, pose] of Object.entries(r.targetPoses)) {
      const other = Object.hasOwn(b[i].targetPoses, name) ? b[i].targetPoses[name] : undefined;
      if (!other) continue;
      for (let k = 0; k < 3; k++) worst = Math.max(worst, Math.abs(pose.position[k] - other.position[k]) * 1000);
    }
  });
  return worst;
}

function cacheDelta(before: CacheStats | null, after: CacheStats): { hits: number; misses: number; hitRate: number } | null {
  if (before === null || after.mode === 'off') return null;
  const hits = after.hits - before.hits;
  const misses = after.misses - before.misses;
  return { hits, misses, hitRate: hits + misses === 0 ? 0 : hits / (hits + misses) };
}

export async function runCompare(ctx: RunContext, o: CompareOptions): Promise<SuiteOutcome<CompareResult>> {
  const started = performance.now();
  const states: VariantState[] = [];
  try {
    for (const v of o.variants) {
      const bridge = await ctx.createBridge(v.overrides);
      states.push({ bridge, batchSize: v.batchSize ?? o.batchSize, ips: [], cpuMs: [], batchMs: [], tally: { responses: 0, successes: 0, constraints: 0, satisfied: 0, byText: new Map() }, cacheBefore: null, cacheAfter: null, maxDiffMm: null });
      for (const w of bridge.describe().warnings) ctx.warn('COMPARE_VARIANT', `compare, variant ${v.name}: ${w}`);
    }
  } catch (error) {
    for (const s of states) s.bridge.dispose();
    return { status: 'failed', error: `compare: cannot build variant ${o.variants[states.length]?.name ?? '?'}: ${(error as Error).message}`, result: null };
  }
  try {
    const pool = ctx.sets.flatMap((s) => s.instructions);
    if (pool.length === 0) return { status: 'failed', error: 'compare: no instructions', result: null };
    const workload = createWorkload(pool, o.repeatRatio, o.seed);
    const largestBatch = Math.max(...states.map((s) => s.batchSize));

    // Warm-up on the stream's first instructions (every variant the same ones), at least the policy's warm-up
    // time for the first variant; its speed sets the instructions per round.
    const warm = workload.next(Math.max(largestBatch, 64));
    for (const s of states) for (let k = 0; k < Math.max(1, ctx.policy.warmup); k++) for (const b of chunks(warm, s.batchSize)) s.bridge.processBatch(b);
    let warmed = 0;
    const tw = performance.now();
    while (performance.now() - tw < Math.max(ctx.policy.warmupTimeMs ?? 0, o.roundTimeMs) || warmed === 0) {
      for (const b of chunks(warm, states[0].batchSize)) states[0].bridge.processBatch(b);
      warmed += warm.length;
      // A long warm-up (--warmup-time) stays interruptible: yield to the event loop, stop on an abort.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (ctx.signal.aborted) return { status: 'aborted', result: null };
    }
    const rate0 = (warmed * 1000) / (performance.now() - tw);
    const perRound = Math.max(largestBatch, Math.ceil((rate0 * o.roundTimeMs) / 1000 / largestBatch) * largestBatch);

    for (const s of states) s.cacheBefore = s.bridge.cacheStats().mode === 'off' ? null : s.bridge.cacheStats();
    const rng = createRng(o.seed ^ 0x9e3779b9);
    const orders: string[][] = [];
    const sink: GasmResponse[][] = [];
    let aborted = false;
    for (let r = 0; r < o.rounds && !aborted; r++) {
      const texts = workload.next(perRound);
      const order = shuffled(states.length, rng);
      const results = new Array<{ ips: number; cpuMs: number; batchMs: number }>(states.length);
      for (const i of order) {
        if (ctx.signal.aborted) {
          aborted = true;
          break;
        }
        const batches = chunks(texts, states[i].batchSize);
        sink.length = batches.length;
        results[i] = measure(states[i], batches, sink);
        tallyInto(states[i].tally, sink);
      }
      if (aborted) break;
      orders.push(order.map((i) => o.variants[i].name));
      states.forEach((s, i) => {
        s.ips.push(results[i].ips);
        s.cpuMs.push(results[i].cpuMs);
        s.batchMs.push(results[i].batchMs);
      });
      ctx.sampler.publishHeap();
      ctx.progress({ suite: 'compare', case: `round ${r + 1} of ${o.rounds}`, run: r + 1, of: o.rounds });
      // Rounds run synchronously: yield to the event loop so that a SIGINT/SIGTERM handler can abort between them.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }

    for (const s of states) s.cacheAfter = s.bridge.cacheStats();
    // Pose check against the first variant, after the measurement (so that it warms no cache beforehand).
    const check = pool.slice(0, CHECK_INSTRUCTIONS);
    const reference = states[0].bridge.processBatch(check);
    for (let i = 1; i < states.length; i++) states[i].maxDiffMm = maxPositionDiffMm(reference, states[i].bridge.processBatch(check));
    const result = assemble(o, states, orders, perRound, workload.repeatShare());
    if (aborted) return { status: 'aborted', result: orders.length > 0 ? result : null };
    const last = result.variants[result.variants.length - 1];
    ctx.progress({ suite: 'compare', case: 'compare', done: { figure: `${last.name}: ${last.verdict}`, runs: orders.length, ms: performance.now() - started } });
    return { status: 'ok', result };
  } catch (error) {
    return { status: 'failed', error: `compare: ${(error as Error).message}`, result: null };
  } finally {
    for (const s of states) s.bridge.dispose();
  }
}

function assemble(o: CompareOptions, states: VariantState[], orders: string[][], perRound: number, repeatShare: number): CompareResult {
  const base = states[0].ips;
  const variants: CompareVariantResult[] = states.map((s, i) => {
    const v = o.variants[i];
    const d = s.bridge.describe();
    const throughput = medianWithInterval(s.ips);
    const roundRatios = s.ips.map((x, r) => x / base[r]);
    const ratio = i === 0 ? { value: 1, ci95: [1, 1] as [number, number] } : medianWithInterval(roundRatios);
    const t = s.tally;
    return {
      name: v.name,
      config: { ...v.config },
      pipeline: {
        backend: d.backend,
        preset: d.preset,
        model: { ...d.model },
        attention: d.attention,
        packing: d.packing,
        weights: { ...d.weights },
        cache: d.cache.mode,
        modelSha256: d.modelDir?.sha256 ?? null,
      },
      batchSize: s.batchSize,
      instructionsPerSecond: throughput.value,
      throughputCi95: throughput.ci95,
      samples: [...s.ips],
      batchLatencyMs: median(s.batchMs),
      cpuMsPerInstruction: median(s.cpuMs),
      quality: {
        responses: t.responses,
        successes: t.successes,
        successRate: t.responses === 0 ? 0 : t.successes / t.responses,
        instructions: t.byText.size,
        instructionSuccesses: [...t.byText.values()].filter(Boolean).length,
        constraints: t.constraints,
        satisfied: t.satisfied,
        satisfactionRate: t.constraints === 0 ? null : t.satisfied / t.constraints,
        maxPositionDiffMm: s.maxDiffMm,
      },
      ratio,
      roundRatios,
      verdict: i === 0 ? 'baseline' : verdictOf(ratio.value, ratio.ci95),
      cache: s.cacheAfter === null ? null : cacheDelta(s.cacheBefore, s.cacheAfter),
    };
  });
  const caching = variants.filter((v) => v.cache !== null);
  const hits = caching.reduce((a, v) => a + (v.cache?.hits ?? 0), 0);
  const misses = caching.reduce((a, v) => a + (v.cache?.misses ?? 0), 0);
  return {
    rounds: orders.length,
    roundTimeMs: o.roundTimeMs,
    instructionsPerRound: perRound,
    seed: o.seed,
    repeatRatio: o.repeatRatio,
    measuredRepeatShare: repeatShare,
    orders,
    variants,
    cache: caching.length === 0 ? null : { hits, misses, hitRate: hits + misses === 0 ? 0 : hits / (hits + misses) },
  };
}
