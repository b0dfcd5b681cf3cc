/** summary.md: every figure of a report as Markdown tables (GitHub job-summary ready), with links to the charts. */
import type { BenchReport } from './types.js';

const MB = 2 ** 20;

/** Fixed decimals; '-' for a missing or non-finite figure. */
function fixed(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '-';
}

/** Whole number with thousands separators. */
function whole(x: number): string {
  return Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '-';
}

/** Milliseconds with three significant digits (0.0523, 1.25, 312). */
function ms(x: number): string {
  if (!Number.isFinite(x)) return '-';
  return Math.abs(x) >= 100 ? whole(x) : Number(x.toPrecision(3)).toString();
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '-';
}

/** A table cell: pipes and newlines would break the row. */
function cell(value: string | number): string {
  return String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured Markdown table; the first column is left-aligned, the rest right-aligned. */
export function markdownTable(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** A chart to link from the Markdown: file name (relative to summary.md) and title (alt text). */
export interface ChartLink {
  name: string;
  title: string;
}

function header(r: BenchReport, label: string): string[] {
  const git = r.git ? `\`${r.git.commit.slice(0, 12)}\`${r.git.dirty ? ' (dirty)' : ''}` : 'n/a';
  const gpus = r.system.gpus.length ? r.system.gpus.map((g) => `${g.vendor} ${g.model}`.trim()).join(', ') : 'none';
  const m = r.config.model;
  return [
    `# gasm report: ${label}`,
    '',
    `${r.tool.name} ${r.tool.version} · created ${r.createdAt} · git ${git} · ${r.complete ? 'complete run' : '**incomplete run (interrupted): figures cover what was measured**'} · ${(r.durationMs / 1000).toFixed(1)} s`,
    '',
    `**System:** ${r.system.cpuModel}, ${r.system.cores} cores, ${fixed(r.system.memoryBytes / 2 ** 30, 1)} GiB, ${r.system.os}, Node ${r.system.node}, backend **${r.system.backend}**, GPU: ${gpus}`,
    '',
    `**Configuration:** suite ${r.config.suite}, model feature ${m.featureDim} / hidden ${m.hiddenDim} / heads ${m.heads} / iterations ${m.iterations} / seed ${m.seed}, batch ${r.config.batchSize}, runs ${r.config.runs ?? 'auto'}, warm-up ${r.config.warmup}, min time ${r.config.minTimeMs} ms`,
    '',
  ];
}

function throughputSection(r: BenchReport): string[] {
  const t = r.suites.throughput;
  if (!t) return [];
  const cats = Object.entries(t.categories);
  return [
    '## Throughput', '',
    markdownTable(
      ['category', 'instr/s (median)', '95% CI of median', '95% CI of mean', 'constraints/s', 'poses/s', 'runs', 'instr/run', 'batch', 'success', 'constraints met', 'confidence', 'solver iterations'],
      cats.map(([n, c]) => [n, whole(c.instructionsPerSecond), `${whole(c.throughputSummary.ci95Median[0])} – ${whole(c.throughputSummary.ci95Median[1])}`, `${whole(c.throughputSummary.ci95[0])} – ${whole(c.throughputSummary.ci95[1])}`, whole(c.constraintsPerSecond), whole(c.posesPerSecond), c.runs, c.instructions, c.batchSize, `${pct(c.quality.successRate)} (${c.quality.successes}/${c.quality.responses})`, `${pct(c.quality.constraintSatisfactionRate)} (${c.quality.satisfiedConstraints}/${c.quality.constraints})`, fixed(c.quality.meanConfidence), fixed(c.quality.meanIterations, 1)]),
    ), '',
    '### Latency per instruction (ms)', '',
    markdownTable(
      ['category', 'p50', 'p90', 'p99', 'mean', 'min', 'max', '95% CI of median', 'CV', 'outliers (low/high)', 'n'],
      cats.map(([n, c]) => { const l = c.latencyMs; return [n, ms(l.p50), ms(l.p90), ms(l.p99), ms(l.mean), ms(l.min), ms(l.max), `${ms(l.ci95Median[0])} – ${ms(l.ci95Median[1])}`, pct(l.cv), `${l.outliers.low}/${l.outliers.high}`, l.n]; }),
    ), '',
    '### Stage breakdown (mean ms per instruction)', '',
    markdownTable(
      ['category', 'preprocessing', 'inference', 'constraint solving', 'postprocessing', 'total'],
      cats.map(([n, c]) => { const s = c.stagesMs; return [n, ms(s.preprocessing), ms(s.inference), ms(s.constraintSolving), ms(s.postprocessing), ms(s.preprocessing + s.inference + s.constraintSolving + s.postprocessing)]; }),
    ), '',
  ];
}

function scalabilitySection(r: BenchReport): string[] {
  const s = r.suites.scalability;
  if (!s) return [];
  const out = ['## Scalability', '', `Instructions: ${s.category}.`, ''];
  if (s.batch.length) {
    out.push('### Batch size', '', markdownTable(['batch size', 'instr/s', 'ms/instruction (median)', '95% CI of median (ms)', 'repetitions'], s.batch.map((p) => [p.batchSize, whole(p.instructionsPerSecond), ms(p.msPerInstruction), `${ms(p.summary.ci95Median[0])} – ${ms(p.summary.ci95Median[1])}`, p.summary.n])), '');
  }
  if (s.objects.length) {
    out.push('### Objects in the scene', '', markdownTable(['objects', 'ms/instruction (median)', '95% CI of median (ms)', 'constraints', 'constraints met', 'repetitions'], s.objects.map((p) => [p.objects, ms(p.msPerInstruction), `${ms(p.summary.ci95Median[0])} – ${ms(p.summary.ci95Median[1])}`, p.constraints, pct(p.satisfactionRate), p.summary.n])), '');
    const c = s.complexity;
    out.push(`Fitted power law: y = ${Number(c.coefficient.toPrecision(3))}·N^${fixed(c.exponent)} ms (exponent b = ${fixed(c.exponent)}, R² = ${fixed(c.r2, 3)}).`, '');
  }
  return out;
}

function memorySection(r: BenchReport): string[] {
  const m = r.suites.memory;
  if (!m) return [];
  return [
    '## Memory', '',
    markdownTable(
      ['category', 'instructions', 'heap before → after (MB)', 'heap peak (MB)', 'RSS before → after (MB)', 'RSS peak (MB)', 'tensors before → after', 'tensor MB before → after', 'retained B/instruction', 'GC exposed', 'leak', 'verdict'],
      Object.entries(m.categories).map(([n, c]) => [n, c.instructions, `${fixed(c.heapUsedBefore / MB, 1)} → ${fixed(c.heapUsedAfter / MB, 1)}`, fixed(c.heapUsedPeak / MB, 1), `${fixed(c.rssBefore / MB, 1)} → ${fixed(c.rssAfter / MB, 1)}`, fixed(c.rssPeak / MB, 1), `${c.tensorsBefore} → ${c.tensorsAfter}`, `${fixed(c.tensorBytesBefore / MB, 2)} → ${fixed(c.tensorBytesAfter / MB, 2)}`, fixed(c.retainedBytesPerInstruction, 1), c.gcExposed ? 'yes' : 'no', c.leak ? '**yes**' : 'no', c.verdict]),
    ), '',
  ];
}

function parallelSection(r: BenchReport): string[] {
  const p = r.suites.parallel;
  if (!p) return [];
  return [
    '## Parallel', '',
    markdownTable(['workers', 'instructions', 'sequential ms', 'parallel ms', 'speedup', 'efficiency', 'speedup range (repetitions)', 'failed workers'],
      [[p.workers, p.instructions, fixed(p.sequentialMs, 1), fixed(p.parallelMs, 1), `${fixed(p.speedup)}×`, pct(p.efficiency), p.samples.speedup.length ? `${fixed(Math.min(...p.samples.speedup))}× – ${fixed(Math.max(...p.samples.speedup))}×` : '-', p.failedWorkers]]), '',
    markdownTable(['worker', 'instructions', 'ms', 'error'], p.perWorker.map((w) => [w.worker, w.instructions, fixed(w.ms, 1), w.error ?? ''])), '',
  ];
}

function timelineSection(r: BenchReport): string[] {
  const s = r.timeline.samples;
  if (!r.timeline.enabled || s.length === 0) return ['## System timeline', '', 'No samples: the sampler was off or the run was too short, so no timeline chart was drawn.', ''];
  const cpu = s.map((x) => x.cpu);
  return [
    '## System timeline', '',
    markdownTable(['samples', 'interval ms', 'CPU mean %', 'CPU max %', 'peak RSS (MB)', 'peak heap (MB)', 'sampler cost ms/sample'],
      [[s.length, r.timeline.intervalMs, fixed(cpu.reduce((a, b) => a + b, 0) / cpu.length, 1), fixed(Math.max(...cpu), 1), fixed(Math.max(...s.map((x) => x.rssBytes)) / MB, 1), fixed(Math.max(...s.map((x) => x.heapUsedBytes)) / MB, 1), fixed(r.timeline.meanSampleCostMs, 2)]]), '',
  ];
}

/** Markdown for one report: `label` names it in the heading; `charts` are linked at the end. */
export function reportMarkdown(r: BenchReport, label: string, charts: ChartLink[]): string {
  const out = [...header(r, label), ...throughputSection(r), ...scalabilitySection(r), ...memorySection(r), ...parallelSection(r), ...timelineSection(r)];
  out.push('## Warnings', '');
  out.push(...(r.warnings.length > 0 ? r.warnings.map((w) => `- \`${w.code}\`: ${w.message}`) : ['None.']), '');
  if (charts.length > 0) out.push('## Charts', '', ...charts.flatMap((c) => [`![${c.title}](${c.name})`, '']));
  return out.join('\n');
}
