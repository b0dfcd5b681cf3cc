/** The end-of-run summary tables of `gasm bench` (cli-table3). */
import Table from 'cli-table3';
import type { BenchReport } from '../report/types.js';

const f = (x: number, d = 2): string => (Number.isFinite(x) ? x.toFixed(d) : '-');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const int = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '-');
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** All suites of a report as tables, plus its warnings. */
export function formatReportSummary(report: BenchReport): string {
  const out: string[] = [];
  const { throughput, scalability, memory, parallel } = report.suites;
  if (throughput) {
    const t = new Table({ head: ['category', 'instr/s (median)', '95% CI', 'p50 ms', 'p99 ms', 'runs', 'success', 'satisfied', 'confidence'] });
    for (const [name, c] of Object.entries(throughput.categories)) {
      const ci = c.throughputSummary.ci95;
      t.push([name, int(c.instructionsPerSecond), `${int(ci[0])} – ${int(ci[1])}`, f(c.latencyMs.p50, 3), f(c.latencyMs.p99, 3), c.runs, pct(c.quality.successRate), pct(c.quality.constraintSatisfactionRate), f(c.quality.meanConfidence)]);
    }
    out.push(`Throughput (${report.system.backend}, batch ${report.config.batchSize})\n${t.toString()}`);
    const s = new Table({ head: ['category', 'parse+encode ms', 'inference ms', 'solve ms', 'respond ms', 'solver iters'] });
    for (const [name, c] of Object.entries(throughput.categories)) {
      s.push([name, f(c.stagesMs.preprocessing, 4), f(c.stagesMs.inference, 4), f(c.stagesMs.constraintSolving, 4), f(c.stagesMs.postprocessing, 4), f(c.quality.meanIterations, 1)]);
    }
    out.push(`Stage breakdown (mean per instruction)\n${s.toString()}`);
  }
  if (scalability) {
    const b = new Table({ head: ['batch size', 'instr/s', 'ms/instruction'] });
    for (const p of scalability.batch) b.push([p.batchSize, int(p.instructionsPerSecond), f(p.msPerInstruction, 4)]);
    const o = new Table({ head: ['objects', 'ms/instruction', 'constraints', 'satisfied'] });
    for (const p of scalability.objects) o.push([p.objects, f(p.msPerInstruction, 3), p.constraints, pct(p.satisfactionRate)]);
    const c = scalability.complexity;
    const gain = scalability.batch.length >= 2 ? scalability.batch[scalability.batch.length - 1].instructionsPerSecond / scalability.batch[0].instructionsPerSecond : NaN;
    out.push(`Scalability: batch sweep (${scalability.category}), gain ${f(gain, 1)}×\n${b.toString()}`);
    out.push(`Scalability: scene size, time ≈ ${c.coefficient.toPrecision(3)}·N^${f(c.exponent)} (R² ${f(c.r2, 3)})\n${o.toString()}`);
  }
  if (memory) {
    const m = new Table({ head: ['category', 'instructions', 'heap before → after', 'peak RSS', 'tensors before → after', 'retained B/instr', 'verdict'] });
    for (const [name, c] of Object.entries(memory.categories)) {
      m.push([name, c.instructions, `${mb(c.heapUsedBefore)} → ${mb(c.heapUsedAfter)}`, mb(c.rssPeak), `${c.tensorsBefore} → ${c.tensorsAfter}`, f(c.retainedBytesPerInstruction, 1), c.leak ? 'LEAK' : 'ok']);
    }
    out.push(`Memory\n${m.toString()}`);
  }
  if (parallel) {
    const p = new Table({ head: ['workers', 'instructions', 'sequential ms', 'parallel ms', 'speedup', 'efficiency', 'failed workers'] });
    p.push([parallel.workers, parallel.instructions, f(parallel.sequentialMs, 1), f(parallel.parallelMs, 1), `${f(parallel.speedup)}×`, pct(parallel.efficiency), parallel.failedWorkers]);
    out.push(`Parallel\n${p.toString()}`);
  }
  const t = report.timeline;
  if (t.enabled && t.samples.length > 0) {
    const cpu = t.samples.reduce((a, s) => a + s.cpu, 0) / t.samples.length;
    out.push(`System: ${t.samples.length} samples, mean CPU ${f(cpu, 1)}%, sampler cost ${f(t.meanSampleCostMs, 2)} ms per sample (in a worker thread)`);
  }
  for (const w of report.warnings) out.push(`warning: ${w.message}`);
  if (!report.complete) out.push('INCOMPLETE: the run was interrupted; the report holds what was measured so far');
  return out.join('\n\n');
}
