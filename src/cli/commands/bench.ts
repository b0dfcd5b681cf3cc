/** `gasm bench <suite>`: runs benchmark suites and writes a JSON report. */
import os from 'node:os';
import type { Command } from 'commander';
import ora, { type Ora } from 'ora';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_BATCH_SIZES,
  DEFAULT_MEMORY_INSTRUCTIONS,
  DEFAULT_MIN_RUNS,
  DEFAULT_MIN_TIME_MS,
  DEFAULT_OBJECT_COUNTS,
  DEFAULT_PARALLEL_INSTRUCTIONS,
  DEFAULT_SAMPLE_INTERVAL_MS,
  DEFAULT_WARMUP_RUNS,
  DEFAULT_WARMUP_TIME_MS,
} from '../../bench/constants.js';
import { CATEGORIES, readCategory, readInstructionFile } from '../../bench/instruction-files.js';
import { runBenchmark, SUITES, type BenchOptions, type Progress, type SuiteName } from '../../bench/run-bench.js';
import type { InstructionSet } from '../../bench/suites/throughput.js';
import { assertWritableDir } from '../../report/atomic-write.js';
import { writeReport } from '../../report/write-report.js';
import { action } from '../action.js';
import { EXIT } from '../exit-codes.js';
import { formatReportSummary } from '../format-report.js';
import { addModelOptions, bridgeConfigFrom, type ModelFlags } from '../model-options.js';
import { parseChoice, parseInteger, parseIntegerList, parseNumber } from '../parse-options.js';

interface BenchFlags extends ModelFlags {
  category: string;
  suiteFile?: string;
  scalabilityCategory: string;
  runs?: string;
  warmup: string;
  warmupTime: string;
  minTime: string;
  batchSize: string;
  batchSizes: string;
  objects: string;
  workers: string;
  memoryInstructions: string;
  parallelInstructions: string;
  sampleInterval: string;
  sampler: boolean;
  out: string;
  json?: boolean;
  quiet?: boolean;
}

async function instructionSets(flags: BenchFlags): Promise<InstructionSet[]> {
  if (flags.suiteFile) return [{ name: 'custom', instructions: await readInstructionFile(flags.suiteFile) }];
  const names = flags.category === 'all' ? [...CATEGORIES] : flags.category.split(',').map((c) => c.trim());
  return Promise.all(names.map(async (name) => ({ name, instructions: await readCategory(name) })));
}

async function optionsFrom(suite: string, flags: BenchFlags): Promise<BenchOptions> {
  const label = parseChoice('suite', suite, [...SUITES, 'all']);
  const suites: SuiteName[] = label === 'all' ? [...SUITES] : [label];
  const sets = await instructionSets(flags);
  const scalabilitySet = flags.suiteFile
    ? sets[0]
    : { name: flags.scalabilityCategory, instructions: await readCategory(flags.scalabilityCategory) };
  return {
    suites,
    label,
    bridge: bridgeConfigFrom(flags),
    sets,
    suiteFile: flags.suiteFile ?? null,
    scalabilitySet,
    policy: {
      warmup: parseInteger('--warmup', flags.warmup, 0, 1_000_000),
      warmupTimeMs: parseNumber('--warmup-time', flags.warmupTime, 0, 3_600_000),
      runs: flags.runs !== undefined ? parseInteger('--runs', flags.runs, 1, 1_000_000) : null,
      minRuns: DEFAULT_MIN_RUNS,
      minTimeMs: parseNumber('--min-time', flags.minTime, 0, 3_600_000),
    },
    batchSize: parseInteger('--batch-size', flags.batchSize, 1, 100_000),
    batchSizes: parseIntegerList('--batch-sizes', flags.batchSizes, 1, 100_000),
    objects: parseIntegerList('--objects', flags.objects, 1, 128),
    workers: parseInteger('--workers', flags.workers, 1, 256),
    memoryInstructions: parseInteger('--memory-instructions', flags.memoryInstructions, 1, 10_000_000),
    parallelInstructions: parseInteger('--parallel-instructions', flags.parallelInstructions, 1, 10_000_000),
    sampleIntervalMs: parseNumber('--sample-interval', flags.sampleInterval, 10, 60_000),
    sampler: flags.sampler,
  };
}

function spinnerFor(flags: BenchFlags): Ora | null {
  // A terminal that reports no width (some pseudo-terminals) would make the spinner redraw without end.
  const interactive = process.stderr.isTTY && (process.stderr.columns ?? 0) > 0 && !flags.json && !flags.quiet && !process.env.CI;
  return interactive ? ora({ stream: process.stderr }).start('starting') : null;
}

function describeProgress(p: Progress, current: { step: string }, policy: BenchOptions['policy']): string {
  if (p.step) current.step = p.step;
  const run = p.run !== undefined ? ` · run ${p.run}${policy.runs !== null ? `/${policy.runs}` : ''}` : '';
  const time = p.elapsedMs !== undefined ? ` · ${(p.elapsedMs / 1000).toFixed(1)} s measured` : '';
  // ETA of the current case: what is left of --min-time, or of --runs at the pace so far.
  let eta = '';
  if (p.run !== undefined && p.elapsedMs !== undefined) {
    const left = policy.runs !== null ? ((policy.runs - p.run) * p.elapsedMs) / p.run : Math.max(0, policy.minTimeMs - p.elapsedMs);
    eta = ` · ~${(left / 1000).toFixed(1)} s left in this case`;
  }
  return `${p.suite} › ${current.step}${run}${time}${eta}`;
}

export function register(program: Command): void {
  const command = program
    .command('bench')
    .description('run a benchmark suite against the real pipeline and write a JSON report')
    .argument('<suite>', `${SUITES.join(' | ')} | all`)
    .option('-c, --category <names>', `instruction categories: ${CATEGORIES.join(', ')} (comma-separated) or all`, 'all')
    .option('--suite-file <path>', 'your own instruction set, one instruction a line (replaces --category)')
    .option('--scalability-category <name>', 'instructions of the batch sweep and the parallel suite', 'medium')
    .option('--runs <n>', 'exact measured runs per case (default: adaptive, at least 10 runs and --min-time)')
    .option('--warmup <n>', 'unmeasured warm-up runs per case', String(DEFAULT_WARMUP_RUNS))
    .option('--warmup-time <ms>', 'least warm-up time per case', String(DEFAULT_WARMUP_TIME_MS))
    .option('--min-time <ms>', 'least measured time per case when --runs is not given', String(DEFAULT_MIN_TIME_MS))
    .option('--batch-size <n>', 'instructions per processBatch call (throughput, memory, parallel)', String(DEFAULT_BATCH_SIZE))
    .option('--batch-sizes <list>', 'batch sizes of the scalability sweep', DEFAULT_BATCH_SIZES.join(','))
    .option('--objects <list>', 'scene sizes (objects) of the scalability sweep', DEFAULT_OBJECT_COUNTS.join(','))
    .option('--workers <n>', 'worker threads of the parallel suite', String(os.availableParallelism()))
    .option('--memory-instructions <n>', 'instructions per memory repetition', String(DEFAULT_MEMORY_INSTRUCTIONS))
    .option('--parallel-instructions <n>', 'instructions per parallel repetition', String(DEFAULT_PARALLEL_INSTRUCTIONS))
    .option('--sample-interval <ms>', 'system sampler interval', String(DEFAULT_SAMPLE_INTERVAL_MS))
    .option('--no-sampler', 'do not sample CPU/memory/GPU while running')
    .option('-o, --out <dir>', 'folder for the report (also refreshes latest.json there)', 'reports')
    .option('--json', 'print the report JSON on stdout instead of the tables')
    .option('-q, --quiet', 'no progress and no tables; only the report path')
    .addHelpText('after', [
      '',
      'Exit status: 0 done, 1 the benchmark failed, 2 bad usage or input, 130/143 interrupted',
      '(the partial report is written, marked "complete": false).',
      '',
      'Examples:',
      '  gasm bench throughput --category simple',
      '  gasm bench scalability --batch-sizes 1,10,100 --objects 2,8,32',
      '  gasm bench all --runs 5 --out reports/ci',
    ].join('\n'));
  addModelOptions(command).action(
    action(async (suite: string, flags: BenchFlags) => {
      const options = await optionsFrom(suite, flags);
      await assertWritableDir(flags.out);
      const controller = new AbortController();
      let signalExit = 0;
      const onSignal = (name: 'SIGINT' | 'SIGTERM') => () => {
        if (signalExit) process.exit(signalExit); // second signal: stop now (reports are written atomically)
        signalExit = name === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
        process.stderr.write(`\ngasm: ${name} received: stopping and writing the partial report\n`);
        controller.abort();
      };
      const sigint = onSignal('SIGINT');
      const sigterm = onSignal('SIGTERM');
      process.on('SIGINT', sigint);
      process.on('SIGTERM', sigterm);
      const spinner = spinnerFor(flags);
      const current = { step: '' };
      try {
        const report = await runBenchmark(options, {
          signal: controller.signal,
          onProgress: spinner ? (p) => (spinner.text = describeProgress(p, current, options.policy)) : undefined,
        });
        spinner?.stop();
        const { path, warnings: writeWarnings } = await writeReport(report, flags.out);
        for (const w of writeWarnings) process.stderr.write(`gasm: warning: ${w}\n`);
        if (flags.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        else if (!flags.quiet) process.stdout.write(formatReportSummary(report) + '\n\n');
        if (!flags.json) process.stdout.write(`report: ${path}\n`);
        else process.stderr.write(`report: ${path}\n`);
        return signalExit || EXIT.ok;
      } finally {
        spinner?.stop();
        process.off('SIGINT', sigint);
        process.off('SIGTERM', sigterm);
      }
    }),
  );
}

