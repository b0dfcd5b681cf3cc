/** summary.md: every figure of a report as Markdown tables, with links to the charts. */
import type { BenchReport } from './types.js';

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '-');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Markdown for one report; `images` are chart file names to link (relative to the Markdown file). */
export function reportMarkdown(r: BenchReport, label: string, images: { name: string; title: string }[]): string {
  const out: string[] = [];
  out.push(`# gasm report: ${label}`, '');
  out.push(`gasm ${r.tool.version} · ${r.createdAt} · ${r.complete ? 'complete' : '**incomplete (interrupted)**'} · git ${r.git ? `${r.git.commit.slice(0, 12)}${r.git.dirty ? ' (dirty)' : ''}` : 'n/a'}`, '');
  out.push(`System: ${r.system.cpuModel}, ${r.system.cores} cores, ${(r.system.memoryBytes / 2 ** 30).toFixed(1)} GiB, ${r.system.os}, Node ${r.system.node}, backend **${r.system.backend}**${r.system.gpus.length ? `, GPUs: ${r.system.gpus.map((g) => g.model).join(', ')}` : ''}`, '');
  const m = r.config.model;
  out.push(`Model: feature ${m.featureDim}, hidden ${m.hiddenDim}, heads ${m.heads}, iterations ${m.iterations}, seed ${m.seed}. Batch ${r.config.batchSize}.`, '');
  const { throughput, scalability, memory, parallel } = r.suites;
  if (throughput) {
    out.push('## Throughput', '', table(
      ['category', 'instr/s', '95% CI', 'constraints/s', 'poses/s', 'p50 ms', 'p90 ms', 'p99 ms', 'runs', 'success', 'satisfied', 'confidence', 'solver iters'],
      Object.entries(throughput.categories).map(([n, c]) => [n, int(c.instructionsPerSecond), `${int(c.throughputSummary.ci95[0])} – ${int(c.throughputSummary.ci95[1])}`, int(c.constraintsPerSecond), int(c.posesPerSecond), f(c.latencyMs.p50, 4), f(c.latencyMs.p90, 4), f(c.latencyMs.p99, 4), c.runs, pct(c.quality.successRate), pct(c.quality.constraintSatisfactionRate), f(c.quality.meanConfidence), f(c.quality.meanIterations, 1)]),
    ), '');
    out.push('### Stage breakdown (µs per instruction)', '', table(
      ['category', 'parse + encode', 'inference', 'solving', 'respond'],
      Object.entries(throughput.categories).map(([n, c]) => [n, f(c.stagesMs.preprocessing * 1000, 1), f(c.stagesMs.inference * 1000, 1), f(c.stagesMs.constraintSolving * 1000, 1), f(c.stagesMs.postprocessing * 1000, 1)]),
    ), '');
  }
  if (scalability) {
    out.push('## Scalability', '', table(['batch size', 'instr/s', 'ms/instruction'], scalability.batch.map((p) => [p.batchSize, int(p.instructionsPerSecond), f(p.msPerInstruction, 4)])), '');
    out.push(table(['objects', 'ms/instruction', 'constraints', 'satisfied'], scalability.objects.map((p) => [p.objects, f(p.msPerInstruction, 3), p.constraints, pct(p.satisfactionRate)])), '');
    out.push(`Fitted complexity: t ≈ ${scalability.complexity.coefficient.toPrecision(3)}·N^${f(scalability.complexity.exponent)} (R² ${f(scalability.complexity.r2, 3)})`, '');
  }
  if (memory) {
    out.push('## Memory', '', table(
      ['category', 'instructions', 'heap before → after (MB)', 'peak RSS (MB)', 'tensors before → after', 'retained B/instr', 'verdict'],
      Object.entries(memory.categories).map(([n, c]) => [n, c.instructions, `${f(c.heapUsedBefore / 2 ** 20, 1)} → ${f(c.heapUsedAfter / 2 ** 20, 1)}`, f(c.rssPeak / 2 ** 20, 1), `${c.tensorsBefore} → ${c.tensorsAfter}`, f(c.retainedBytesPerInstruction, 1), c.verdict]),
    ), '');
  }
  if (parallel) {
    out.push('## Parallel', '', table(['workers', 'instructions', 'sequential ms', 'parallel ms', 'speedup', 'efficiency', 'failed workers'], [[parallel.workers, parallel.instructions, f(parallel.sequentialMs, 1), f(parallel.parallelMs, 1), `${f(parallel.speedup)}×`, pct(parallel.efficiency), parallel.failedWorkers]]), '');
  }
  if (r.warnings.length > 0) out.push('## Warnings', '', ...r.warnings.map((w) => `- ${w.message}`), '');
  if (images.length > 0) out.push('## Charts', '', ...images.map((i) => `![${i.title}](${i.name})`), '');
  return out.join('\n');
}
