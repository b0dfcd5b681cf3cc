/** Tables of the scalability suite. */
import { fixed, ms, pct, sig3, whole, withInterval } from '../../format/numbers.js';
import type { Table } from '../contract.js';
import type { ScalabilityResult } from './schema.js';

export function scalabilityTables(s: ScalabilityResult): Table[] {
  const out: Table[] = [];
  if (s.batch.length > 0) {
    const gain = s.gain ? `, gain ${s.gain.from} → ${s.gain.to}: ${withInterval(s.gain.value, s.gain.ci95, (x) => `${fixed(x, 1)}×`)}` : '';
    out.push({
      title: `Scalability: batch sweep (${s.category})${gain}`,
      head: ['batch size', 'instr/s', 'ms/instruction median [95% CI]', 'batch latency ms', 'runs'],
      rows: s.batch.map((p) => [String(p.batchSize), whole(p.instructionsPerSecond), withInterval(p.msPerInstruction, p.summary.ci95Median, ms), sig3(p.batchLatencyMs), String(p.summary.n)]),
      notes: ['Gain interval: bootstrap over runs of both batch sizes.'],
    });
  }
  if (s.objects.length > 0) {
    const c = s.complexity;
    const fit = c ? `time ≈ ${sig3(c.coefficient)}·N^${fixed(c.exponent)} (R² ${fixed(c.r2, 3)})` : 'no power-law fit';
    const local = new Map(s.localExponents.map((e) => [e.to, e.exponent]));
    out.push({
      title: `Scalability: scene size, ${fit}`,
      head: ['objects', 'ms/instruction median [95% CI]', 'local exponent', 'constraints', 'constraints met', 'runs'],
      rows: s.objects.map((p) => [String(p.objects), withInterval(p.msPerInstruction, p.summary.ci95Median, ms), local.has(p.objects) ? fixed(local.get(p.objects)!, 2) : '-', String(p.constraints), pct(p.satisfactionRate), String(p.summary.n)]),
      notes: ['Local exponent: ln(t/t_prev) / ln(N/N_prev) from the previous size; a rising value means growth speeds up with N.'],
    });
  }
  return out;
}
