/** Tables of the throughput suite: one presentation model for the terminal, Markdown and HTML. */
import { fixed, ms, pct, sig3, whole, withInterval } from '../../format/numbers.js';
import type { ReportView, Table } from '../contract.js';
import { ownEntries } from '../records.js';
import type { ThroughputResult } from './schema.js';

/** Σ run wall time / Σ instructions: the mean wall time per instruction over the batched runs, ms. */
export function meanWallMsPerInstruction(runMs: readonly number[], instructionsPerRun: number): number {
  if (runMs.length === 0 || instructionsPerRun <= 0) return Number.NaN;
  return runMs.reduce((a, b) => a + b, 0) / (runMs.length * instructionsPerRun);
}

export function throughputTables(t: ThroughputResult, view: ReportView): Table[] {
  const cats = ownEntries(t.categories);
  if (cats.length === 0) return [];
  // Reports made before intervals resampled whole runs and quality counted distinct instructions (no qualityVaried,
  // which every newer report records) are described as they were computed: all runs for CPU time, every batch and
  // every response pooled.
  const older = cats.some(([, c]) => c.qualityVaried === undefined);
  const tables: Table[] = [
    {
      title: `Throughput (${view.backend}, batch ${t.batchSize})`,
      head: ['category', 'instr/s median [95% CI]', 'instr/CPU-s median', 'core share, median run', 'batch latency ms median [95% CI]', 'runs', older ? 'success (responses)' : 'success (instructions)', 'constraints met', 'confidence'],
      rows: cats.map(([n, c]) => [
        n,
        withInterval(c.instructionsPerSecond, c.throughputSummary.ci95Median, whole),
        `${whole(c.cpuInstructionsPerSecond.median)}${c.cpuRuns ? ` (${c.cpuRuns === 'undisturbed' ? 'undisturbed runs' : 'all runs'})` : ''}`,
        fixed(c.coreShare, 2),
        withInterval(c.batchLatencyMs.median, c.batchLatencyMs.ci95Median, ms),
        String(c.runs),
        `${pct(c.quality.successRate)} (${c.quality.successes}/${c.quality.responses})`,
        c.quality.successes > 0 ? `${pct(c.quality.constraintSatisfactionRate)} (${c.quality.satisfiedConstraints}/${c.quality.constraints})` : '-',
        fixed(c.quality.meanConfidence),
      ]),
      notes: [
        older
          ? 'instr/s: median over runs of instructions / run wall time, with the 95% CI of that median (this report predates fork-aware intervals: runs pooled). Batch latency: median wall time of one processBatch call over all batches, its interval over the batches pooled.'
          : 'instr/s: median over runs of instructions / run wall time, with the 95% CI of that median (with --forks: forks resampled, then runs). Batch latency: median wall time of one processBatch call over all batches; its interval resamples whole runs.',
        'instr/CPU-s and core share use process CPU time (all threads; the sampler thread included when it runs: measured at about 1.1% of a core at the default 250 ms interval, the same on both sides of a gate; --no-sampler leaves it out). ' +
          (older ? 'instr/CPU-s is the median over all runs (this report predates the choice of undisturbed runs).' : 'instr/CPU-s is the median over the runs in brackets: the undisturbed ones (measuring thread not preempted) when there are enough, else all runs.'),
        'Core share, median run: the median over runs of each run’s CPU time / wall time, timed region only (the noise table’s core share is over the whole measured loop, harness and reference workload included, so it can differ).',
        older
          ? 'Success, constraints met and confidence count every response of every run (this report predates counting each distinct instruction once); constraints met and confidence count successful ones only.'
          : 'Success, constraints met and confidence count each distinct instruction once, by its first response (repeated runs of a deterministic pipeline are not new trials); constraints met and confidence count successful ones only.',
        ...cats.filter(([, c]) => (c.qualityVaried ?? 0) > 0).map(([n, c]) => `${n}: ${c.qualityVaried} instruction(s) succeeded in some runs and failed in others; each is counted by its first outcome.`),
      ],
    },
  ];
  const noisy = cats.filter(([, c]) => c.noise);
  if (noisy.length > 0) {
    tables.push({
      title: 'Machine noise during the batched runs (what the gate reads to tell a busy machine from a slower build)',
      head: ['category', 'core share, whole loop', 'other processes, cores', 'steal', 'run-to-run CV wall', 'run-to-run CV CPU', 'busy'],
      rows: noisy.map(([n, c]) => {
        const x = c.noise!;
        return [n, fixed(x.coreShare, 2), x.otherCores === null ? 'n/a' : fixed(x.otherCores, 2), x.stealShare === null ? 'n/a' : pct(x.stealShare), pct(x.wallCv), pct(x.cpuCv), x.busy ? 'yes' : 'no'];
      }),
      notes: [
        'Core share, whole loop: process CPU time / wall time over the whole measured loop (runs, the harness between them, the reference workload), not the throughput table’s median run. Other processes: the machine’s busy CPU time (/proc/stat) minus this process’s, in cores.',
        `Instructions retired per instruction: ${t.instructionsRetired ?? 'not recorded'}.`,
      ],
    });
  }
  const ss = cats.filter(([, c]) => c.singleStream);
  if (ss.length > 0) {
    tables.push({
      title: 'Single-stream latency (one instruction per call, every call timed), ms',
      head: ['category', 'p50 [95% CI]', 'p90 [95% CI]', 'p99 [95% CI]', 'calls × runs'],
      rows: ss.map(([n, c]) => {
        const s = c.singleStream!;
        return [n, withInterval(s.latencyMs.median, s.latencyMs.ci95Median, ms), withInterval(s.latencyMs.p90, s.ci95P90, ms), withInterval(s.latencyMs.p99, s.ci95P99, ms), `${s.calls} × ${s.runs}`];
      }),
      notes: ['p50/p90/p99 over every call of every run. Intervals: bootstrap over whole runs, forks first with --forks (the calls of one run are not independent).'],
    });
  }
  tables.push({
    title: 'Stage breakdown: ms per instruction, mean over the same batched runs as instr/s',
    head: ['category', 'parse + encode', 'inference', 'solve', 'respond', 'stages total', 'wall (mean)', 'outside the stages', 'solver iterations'],
    rows: cats.map(([n, c]) => {
      const s = c.stagesMs;
      const total = s.preprocessing + s.inference + s.constraintSolving + s.postprocessing;
      const wall = meanWallMsPerInstruction(c.samples.runMs, c.instructions);
      return [n, sig3(s.preprocessing), sig3(s.inference), sig3(s.constraintSolving), sig3(s.postprocessing), sig3(total), sig3(wall), sig3(wall - total), fixed(c.quality.meanIterations, 1)];
    }),
    notes: [
      'Every column is a mean over the measured batched runs, per instruction: stages total + outside the stages = wall (mean) = Σ run wall time / Σ instructions.',
      'The headline instr/s is the median over runs, so 1000 / instr/s differs from wall (mean) by the runs’ spread. Outside the stages: batching, sorting, cache lookups, the timers themselves.',
      'Encode and inference run once per batch; each instruction carries an equal share. A breakdown, not a latency (single-stream latency is above).',
    ],
  });
  const margins = cats.filter(([, c]) => c.quality.supportMargin);
  if (margins.length > 0) {
    tables.push({
      title: 'Support margin (successful responses with a supported object)',
      head: ['category', 'responses', 'median margin', 'share with margin ≥ 0.25'],
      rows: margins.map(([n, c]) => {
        const m = c.quality.supportMargin!;
        return [n, String(m.responses), fixed(m.median, 3), pct(m.shareAtLeastQuarter)];
      }),
      notes: ['Margin: how far inside its support each supported footprint lies, as a fraction of the support’s half-width (minimum over the instruction).'],
    });
  }
  return tables;
}
