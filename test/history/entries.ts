/**
 * Synthetic run entries for the store tests: exact figures chosen by the test (a known step at a known
 * commit), recorded through the same writeRun the CLI uses. Values are synthetic; they test the store and the
 * step detection, not the pipeline.
 */
import { createHash } from 'node:crypto';
import type { Machine } from '../../src/history/machine.js';
import { figureOf } from '../../src/history/metric-interval.js';
import type { RunEntry } from '../../src/history/run-entry.js';

export function machine(name: string, cores = 2): Machine {
  const model = { featureDim: 32, hiddenDim: 32, heads: 4, iterations: 2, seed: 42 };
  return { fingerprint: createHash('sha256').update(name).digest('hex').slice(0, 16), cpuModel: name, cores, backend: 'wasm', model, label: `${name} (${cores} cores), wasm` };
}

/** Deterministic noise in [-1, 1]. */
export function noise(i: number): number {
  return Math.sin(i * 12.9898 + 78.233) * 0.999;
}

export interface EntryOptions {
  id: string;
  commit?: string | null;
  branch?: string | null;
  createdAt: string;
  machine?: Machine;
  complete?: boolean;
  suites?: string[];
  /** Throughput samples (instr/s) of the entry's one timing metric. */
  samples?: number[];
  successes?: number;
  trials?: number;
}

/** A run with one throughput metric (samples) and one success rate. */
export function makeEntry(o: EntryOptions): RunEntry {
  const samples = o.samples ?? [100, 101, 99, 100, 102];
  const metrics = [
    { kind: 'samples' as const, id: 'throughput.simple.instructionsPerSecond', label: 'throughput simple', unit: 'instr/s', direction: 'higher' as const, statistic: 'median' as const, samples, unitOfIndependence: 'run' as const },
    { kind: 'proportion' as const, id: 'quality.simple.successRate', label: 'success rate simple', unit: '', direction: 'higher' as const, successes: o.successes ?? 99, trials: o.trials ?? 100 },
  ];
  const body = JSON.stringify({ synthetic: true, id: o.id });
  return {
    id: o.id,
    suite: o.suites?.[0] ?? 'throughput',
    suites: o.suites ?? ['throughput'],
    createdAt: o.createdAt,
    commit: o.commit === undefined ? `c0ffee${o.id}`.padEnd(40, '0') : o.commit,
    branch: o.branch === undefined ? 'main' : o.branch,
    dirty: false,
    machine: o.machine ?? machine('Test CPU'),
    toolVersion: '0.0.0-test',
    complete: o.complete ?? true,
    source: 'test',
    metrics: metrics.map((metric) => ({ metric, figure: figureOf(metric) })),
    body,
  };
}

/** ISO time `minutes` after a fixed origin. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2025, 0, 1, 0, 0, 0) + minutes * 60_000).toISOString();
}
