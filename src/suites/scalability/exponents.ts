/**
 * How time grows with scene size, read honestly (the whole-range power law hides a fixed cost at small N):
 * - local exponents ln(t₂/t₁) / ln(N₂/N₁) between neighbouring sizes, each with the interval of its ratio of
 *   medians (bootstrap over runs of both sizes);
 * - a power law fitted to the upper half of the sizes, where the asymptotic term dominates, with a bootstrap
 *   interval of its exponent (each size's runs resampled, medians refitted);
 * - Google Benchmark's BigO comparison of candidate models (src/stats/big-o.ts) over every size.
 */
import { percentileInterval } from '../../stats/bootstrap.js';
import { fitBigO } from '../../stats/big-o.js';
import { fitPowerLaw } from '../../stats/complexity.js';
import { quantileSorted } from '../../stats/quantile.js';
import { createRng } from '../../stats/rng.js';
import { ratioOfMedians } from '../ratio-interval.js';
import type { ObjectsPoint, ScalabilityResult } from './schema.js';

const RESAMPLES = 2000;
const SEED = 0x0b16;

/**
 * Sizes sorted by N, without those whose scene never succeeded (satisfactionRate null): a refusal or a failed solve
 * takes its own time, not the time of solving that scene, so it stays out of every growth figure.
 */
const byObjects = (points: readonly ObjectsPoint[]): ObjectsPoint[] => points.filter(solvedScene).sort((a, b) => a.objects - b.objects);

/** Whether a size's scene succeeded in at least one measured run. */
export function solvedScene(p: ObjectsPoint): boolean {
  return p.satisfactionRate !== null;
}

/** Exponents between neighbouring sizes (sorted by N), each with its 95% interval. */
export function localExponents(points: readonly ObjectsPoint[]): ScalabilityResult['localExponents'] {
  const sorted = byObjects(points);
  const out: ScalabilityResult['localExponents'] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (!(a.msPerInstruction > 0 && b.msPerInstruction > 0)) continue;
    const logN = Math.log(b.objects / a.objects);
    const exponent = Math.log(b.msPerInstruction / a.msPerInstruction) / logN;
    const ratio = ratioOfMedians(b.samples, a.samples);
    const ok = ratio.ci95[0] > 0 && ratio.ci95[1] > 0;
    out.push({ from: a.objects, to: b.objects, exponent, ...(ok ? { ci95: [Math.log(ratio.ci95[0]) / logN, Math.log(ratio.ci95[1]) / logN] as [number, number] } : {}) });
  }
  return out;
}

/** The sizes the asymptotic fit uses: the upper half (at least two, all of them when there are under four). */
export function upperHalf(points: readonly ObjectsPoint[]): ObjectsPoint[] {
  const sorted = byObjects(points);
  if (sorted.length < 4) return sorted;
  return sorted.slice(Math.floor(sorted.length / 2));
}

function resampledMedian(xs: readonly number[], rng: () => number, buffer: number[]): number {
  for (let i = 0; i < xs.length; i++) buffer[i] = xs[Math.floor(rng() * xs.length)];
  buffer.sort((a, b) => a - b);
  return quantileSorted(buffer, 0.5);
}

/**
 * Power law t = a·N^b over the upper half of the sizes, with the 95% percentile-bootstrap interval of b over
 * runs. Null with fewer than two usable sizes (non-positive medians are left out).
 */
export function upperHalfFit(points: readonly ObjectsPoint[]): NonNullable<ScalabilityResult['upperFit']> | null {
  const used = upperHalf(points.filter((p) => solvedScene(p) && p.msPerInstruction > 0 && p.samples.length > 0 && p.samples.every((s) => s > 0)));
  if (used.length < 2) return null;
  const ns = used.map((p) => p.objects);
  const fit = fitPowerLaw(ns, used.map((p) => p.msPerInstruction));
  const rng = createRng(SEED);
  const buffers = used.map((p) => new Array<number>(p.samples.length));
  const medians = new Array<number>(used.length);
  const replicates = new Float64Array(RESAMPLES);
  for (let r = 0; r < RESAMPLES; r++) {
    for (let i = 0; i < used.length; i++) medians[i] = resampledMedian(used[i].samples, rng, buffers[i]);
    replicates[r] = fitPowerLaw(ns, medians).exponent;
  }
  return { from: ns[0], to: ns[ns.length - 1], points: ns.length, exponent: fit.exponent, coefficient: fit.coefficient, r2: fit.r2, ci95: percentileInterval(replicates, 0.95) };
}

/** The BigO comparison over every size (medians), or null with fewer than two distinct sizes. */
export function bigOOf(points: readonly ObjectsPoint[]): NonNullable<ScalabilityResult['bigO']> | null {
  const used = byObjects(points).filter((p) => Number.isFinite(p.msPerInstruction));
  if (new Set(used.map((p) => p.objects)).size < 2) return null;
  const fit = fitBigO(used.map((p) => p.objects), used.map((p) => p.msPerInstruction));
  return { best: fit.best.name, candidates: fit.candidates };
}
