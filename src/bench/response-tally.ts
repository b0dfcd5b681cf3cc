/**
 * Tallies responses produced in measured runs: quality counts and stage-time sums. Runs outside timed regions.
 * Quality figures that only mean something for an answer (constraints met, confidence, solver iterations,
 * support margin) count successful responses only, so a failed instruction never reads as "satisfied".
 */
import type { GasmResponse } from '../pipeline/types.js';
import type { QualityData, StageBreakdownData } from '../report/schema-common.js';
import { median } from '../stats/quantile.js';

/** A support margin at least this large counts as "well inside" its support. */
export const SUPPORT_MARGIN_GOOD = 0.25;

/** The response's support margin, when the pipeline reports one (null or absent: nothing supported). */
function supportMarginOf(r: GasmResponse): number | null {
  const m = (r.metrics as { supportMargin?: unknown }).supportMargin;
  return typeof m === 'number' && Number.isFinite(m) ? m : null;
}

/** A tally's counts as plain data. */
export interface ResponseTallyData {
  responses: number;
  successes: number;
  constraints: number;
  satisfied: number;
  poses: number;
  confidenceSum: number;
  iterationsSum: number;
  stageSums: StageBreakdownData;
  margins: number[];
}

export class ResponseTally {
  responses = 0;
  successes = 0;
  constraints = 0;
  satisfied = 0;
  poses = 0;
  confidenceSum = 0;
  iterationsSum = 0;
  readonly stageSums: StageBreakdownData = { preprocessing: 0, inference: 0, constraintSolving: 0, postprocessing: 0 };
  readonly margins: number[] = [];

  /** Adds one run's responses. */
  add(responses: readonly GasmResponse[]): void {
    for (const r of responses) {
      this.responses++;
      const t = r.timings;
      this.stageSums.preprocessing += t.preprocessingMs;
      this.stageSums.inference += t.inferenceMs;
      this.stageSums.constraintSolving += t.constraintSolvingMs;
      this.stageSums.postprocessing += t.postprocessingMs;
      if (!r.success) continue;
      this.successes++;
      this.constraints += r.constraints.length;
      for (const c of r.constraints) if (c.satisfied) this.satisfied++;
      this.poses += Object.keys(r.targetPoses).length;
      this.confidenceSum += r.confidence;
      this.iterationsSum += r.metrics.iterations;
      const margin = supportMarginOf(r);
      if (margin !== null) this.margins.push(margin);
    }
  }

  /** Adds another tally's counts (a fork's, sent over a worker message as plain data). */
  absorb(other: ResponseTallyData): void {
    this.responses += other.responses;
    this.successes += other.successes;
    this.constraints += other.constraints;
    this.satisfied += other.satisfied;
    this.poses += other.poses;
    this.confidenceSum += other.confidenceSum;
    this.iterationsSum += other.iterationsSum;
    for (const k of Object.keys(this.stageSums) as (keyof StageBreakdownData)[]) this.stageSums[k] += other.stageSums[k];
    for (const m of other.margins) this.margins.push(m);
  }

  /** The counts as plain data (structured-clone safe). */
  data(): ResponseTallyData {
    const { responses, successes, constraints, satisfied, poses, confidenceSum, iterationsSum } = this;
    return { responses, successes, constraints, satisfied, poses, confidenceSum, iterationsSum, stageSums: { ...this.stageSums }, margins: [...this.margins] };
  }

  quality(): QualityData {
    const ok = this.successes;
    return {
      successRate: this.responses > 0 ? ok / this.responses : 0,
      meanConfidence: ok > 0 ? this.confidenceSum / ok : null,
      constraintSatisfactionRate: this.constraints > 0 ? this.satisfied / this.constraints : null,
      meanIterations: ok > 0 ? this.iterationsSum / ok : null,
      responses: this.responses,
      successes: ok,
      constraints: this.constraints,
      satisfiedConstraints: this.satisfied,
      supportMargin:
        this.margins.length > 0
          ? { responses: this.margins.length, median: median(this.margins), shareAtLeastQuarter: this.margins.filter((m) => m >= SUPPORT_MARGIN_GOOD).length / this.margins.length }
          : null,
    };
  }

  /** Mean share per instruction of each stage, ms (all responses). */
  stagesMs(): StageBreakdownData {
    const n = Math.max(1, this.responses);
    const s = this.stageSums;
    return {
      preprocessing: s.preprocessing / n,
      inference: s.inference / n,
      constraintSolving: s.constraintSolving / n,
      postprocessing: s.postprocessing / n,
    };
  }
}

/** Repeats `items` cyclically to `length` entries. */
export function cycle<T>(items: readonly T[], length: number): T[] {
  return Array.from({ length }, (_, i) => items[i % items.length]);
}

/** Cuts `items` into consecutive chunks of `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
