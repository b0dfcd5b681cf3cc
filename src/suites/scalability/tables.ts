/** Tables of the scalability suite. */
import { fixed, ms, pct, sig3, whole, withInterval } from '../../format/numbers.js';
import type { Table } from '../contract.js';
import type { ScalabilityResult } from './schema.js';

const exp2 = (x: number) => fixed(x, 2);
const timesX = (x: number) => `${fixed(x, 1)}×`;

/** "N^1.52 [1.41, 1.63] over 32–256 objects" — the upper-half growth, or the whole-range fit for older reports. */
export function growthPhrase(s: ScalabilityResult): string {
  if (s.upperFit) return `time ∝ N^${withInterval(s.upperFit.exponent, s.upperFit.ci95, exp2)} over ${s.upperFit.from}–${s.upperFit.to} objects`;
  if (s.complexity) return `time ≈ ${sig3(s.complexity.coefficient)}·N^${exp2(s.complexity.exponent)} over all sizes (no interval in this report)`;
  return 'no power-law fit';
}

export function scalabilityTables(s: ScalabilityResult): Table[] {
  const out: Table[] = [];
  if (s.batch.length > 0) {
    const gain = s.gain ? `, gain ${s.gain.from} → ${s.gain.to}: ${withInterval(s.gain.value, s.gain.ci95, timesX)}` : '';
    out.push({
      title: `Scalability: batch sweep (${s.category})${gain}`,
      head: ['batch size', 'instr/s median [95% CI]', 'ms/instruction median [95% CI]', 'batch latency ms', 'runs'],
      rows: s.batch.map((p) => [
        String(p.batchSize),
        withInterval(p.instructionsPerSecond, [1000 / p.summary.ci95Median[1], 1000 / p.summary.ci95Median[0]], whole),
        withInterval(p.msPerInstruction, p.summary.ci95Median, ms),
        sig3(p.batchLatencyMs),
        String(p.summary.n),
      ]),
      notes: [
        'Gain: instr/s at the largest batch over instr/s at the smallest; its interval is a bootstrap over the runs of both sizes.',
        "Batch latency: the median over runs of a run's mean time per processBatch call (the run's time over its calls).",
      ],
    });
  }
  if (s.objects.length > 0) {
    const local = new Map(s.localExponents.map((e) => [e.to, e]));
    const notes = ['Local exponent: ln(t/t_prev) / ln(N/N_prev) from the previous size, with the interval of t/t_prev (bootstrap over runs); a rising value means growth speeds up with N.'];
    if (s.upperFit) notes.push(`Growth: power law t = a·N^b over the upper half of the sizes (${s.upperFit.points} sizes, R² ${fixed(s.upperFit.r2, 3)}); its interval: each size's runs resampled and the medians refitted (2,000 bootstrap resamples).`);
    if (s.complexity) notes.push(`Whole-range fit (every size): time ≈ ${sig3(s.complexity.coefficient)}·N^${exp2(s.complexity.exponent)} (R² ${fixed(s.complexity.r2, 3)}); a fixed cost per instruction flattens it at small N, so read the upper-half exponent for growth.`);
    if (s.bigO) notes.push(`Candidate models (Google Benchmark's BigO: least squares through the origin, RMS over the mean time): ${s.bigO.candidates.map((c) => `${c.name} ${pct(c.rms)}`).join(', ')}; best ${s.bigO.best}.`);
    out.push({
      title: `Scalability: scene size, ${growthPhrase(s)}${s.bigO ? `; best model ${s.bigO.best}` : ''}`,
      head: ['objects', 'ms/instruction median [95% CI]', 'local exponent [95% CI]', 'constraints', 'constraints met', 'runs'],
      rows: s.objects.map((p) => {
        const e = local.get(p.objects);
        return [String(p.objects), withInterval(p.msPerInstruction, p.summary.ci95Median, ms), e ? withInterval(e.exponent, e.ci95, exp2) : '-', String(p.constraints), pct(p.satisfactionRate), String(p.summary.n)];
      }),
      notes,
    });
  }
  return out;
}
