/**
 * Tallies responses produced in measured runs: quality counts, stage time sums and per-instruction latencies.
 * Runs outside timed regions.
 */
import type { GasmResponse } from '../pipeline/types.js';
import type { QualityFigures, StageBreakdownMs } from '../report/types.js';

export class ResponseTally {
  responses = 0;
  successes = 0;
  constraints = 0;
  satisfied = 0;
  poses = 0;
  confidenceSum = 0;
  iterationsSum = 0;
  readonly stageSums: StageBreakdownMs = { preprocessing: 0, inference: 0, constraintSolving: 0, postprocessing: 0 };
  readonly latencyMs: number[] = [];

  /** Adds one run's responses. */
  add(responses: readonly GasmResponse[]): void {
    for (const r of responses) {
      this.responses++;
      if (r.success) this.successes++;
      this.constraints += r.constraints.length;
      for (const c of r.constraints) if (c.satisfied) this.satisfied++;
      this.poses += Object.keys(r.targetPoses).length;
      this.confidenceSum += r.confidence;
      this.iterationsSum += r.metrics.iterations;
      const t = r.timings;
      this.stageSums.preprocessing += t.preprocessingMs;
      this.stageSums.inference += t.inferenceMs;
      this.stageSums.constraintSolving += t.constraintSolvingMs;
      this.stageSums.postprocessing += t.postprocessingMs;
      this.latencyMs.push(t.preprocessingMs + t.inferenceMs + t.constraintSolvingMs + t.postprocessingMs);
    }
  }

  quality(): QualityFigures {
    const n = Math.max(1, this.responses);
    return {
      successRate: this.successes / n,
      meanConfidence: this.confidenceSum / n,
      constraintSatisfactionRate: this.constraints > 0 ? this.satisfied / this.constraints : 0,
      meanIterations: this.iterationsSum / n,
      responses: this.responses,
      successes: this.successes,
      constraints: this.constraints,
      satisfiedConstraints: this.satisfied,
    };
  }

  /** Mean ms per instruction in each stage. */
  stagesMs(): StageBreakdownMs {
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
