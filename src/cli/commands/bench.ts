/** `gasm bench <suite>`: runs benchmark suites from the registry and writes a JSON report. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import ora, { type Ora } from 'ora';
import { DEFAULT_MAX_TIME_MS, DEFAULT_MIN_RUNS, DEFAULT_MIN_TIME_MS, DEFAULT_SAMPLE_INTERVAL_MS, DEFAULT_TARGET_CI_WIDTH, DEFAULT_WARMUP_MAX_MS, DEFAULT_WARMUP_RUNS, DEFAULT_WARMUP_TIME_MS } from '../../bench/constants.js';
import { DEFAULT_STEADY_WARMUP } from '../../bench/steady-warmup.js';
import { CATEGORIES, readCategory, readInstructionFile } from '../../bench/instruction-files.js';
import { runBenchmark, type BenchOptions, type PlannedSuite } from '../../bench/run-bench.js';
import type { RunPolicy } from '../../bench/runner.js';
import { seconds } from '../../format/numbers.js';
import { recordReport } from '../../history/record.js';
import { assertWritableDir, writeFileAtomic } from '../../report/atomic-write.js';
import type { BenchReport } from '../../report/types.js';
import { writeReport } from '../../report/write-report.js';
import type { InstructionSet, ProgressEvent, RawFlags } from '../../suites/contract.js';
import { benchTargets, SUITE_LIST } from '../../suites/registry.js';
import { action, formatError } from '../action.js';
import { colourOn } from '../colour.js';
import { EXIT } from '../exit-codes.js';
import { formatReportSummary } from '../format-report.js';
import { addModelOptions, bridgeConfigFrom, type ModelFlags } from '../model-options.js';
import { parseChoice, parseInteger, parseNumber, parseShare } from '../parse-options.js';

interface BenchFlags extends ModelFlags {
  category: string;
  suiteFile?: string;
  runs?: string;
  warmup: string;
  warmupTime: string;
  warmupMax: string;
  minTime: string;
  targetCi: string;
  maxTime: string;
  sampleInterval: string;
  sampler: boolean;
  out: string;
  json?: boolean;
  quiet?: boolean;
  /** false with --no-history. */
  history: boolean;
  db?: string;
}

async function instructionSets(flags: BenchFlags): Promise<InstructionSet[]> {
  if (flags.suiteFile) return [{ name: 'custom', instructions: await readInstructionFile(flags.suiteFile) }];
  const names = flags.category === 'all' ? [...CATEGORIES] : [...new Set(flags.category.split(',').map((c) => c.trim()).filter(Boolean))];
  return Promise.all(names.map(async (name) => ({ name, instructions: await readCategory(name) })));
}

function policyFrom(flags: BenchFlags): RunPolicy {
  return {
    warmup: parseInteger('--warmup', flags.warmup, 0, 1_000_000),
    warmupTimeMs: parseNumber('--warmup-time', flags.warmupTime, 0, 3_600_000),
    steadyWarmup: { ...DEFAULT_STEADY_WARMUP, maxMs: parseNumber('--warmup-max', flags.warmupMax, 0, 3_600_000) },
    runs: flags.runs !== undefined ? parseInteger('--runs', flags.runs, 1, 1_000_000) : null,
    minRuns: DEFAULT_MIN_RUNS,
    minTimeMs: parseNumber('--min-time', flags.minTime, 0, 3_600_000),
    precision: {
      relativeCiWidth: parseShare('--target-ci', flags.targetCi),
      maxTimeMs: parseNumber('--max-time', flags.maxTime, 0, 3_600_000),
    },
  };
}

/** Validates every flag of every requested suite before anything runs. */
async function optionsFrom(target: string, flags: BenchFlags): Promise<BenchOptions> {
  const label = parseChoice('suite', target, benchTargets());
  const chosen = label === 'all' ? SUITE_LIST.filter((s) => s.inAll) : SUITE_LIST.filter((s) => s.name === label);
  const policy = policyFrom(flags);
  const suites: PlannedSuite[] = chosen.map((suite) => ({ suite, options: suite.parseOptions(flags as unknown as RawFlags) }));
  return {
    suites,
    label,
    bridge: bridgeConfigFrom(flags),
    sets: await instructionSets(flags),
    suiteFile: flags.suiteFile ?? null,
    policy,
    sampleIntervalMs: parseNumber('--sample-interval', flags.sampleInterval, 10, 60_000),
    sampler: flags.sampler,
  };
}

function spinnerFor(flags: BenchFlags): Ora | null {
  // A terminal that reports no width (some pseudo-terminals) would make the spinner redraw without end.
  const interactive = process.stderr.isTTY && (process.stderr.columns ?? 0) > 0 && !flags.json && !flags.quiet && !process.env.CI;
  return interactive ? ora({ stream: process.stderr, color: colourOn(process.stderr) ? 'cyan' : false }).start('starting') : null;
}

/** The spinner's text for a progress event. */
function describeProgress(p: ProgressEvent, policy: RunPolicy): string {
  const run = p.run !== undefined ? ` · run ${p.run}${p.of !== undefined ? `/${p.of}` : ''}` : '';
  const time = p.elapsedMs !== undefined ? ` · ${seconds(p.elapsedMs)} measured` : '';
  let eta = '';
  if (p.run !== undefined && p.elapsedMs !== undefined && policy.runs === null) eta = ` · ~${seconds(Math.max(0, policy.minTimeMs - p.elapsedMs))} left in this pass`;
  return `${p.suite} › ${p.case}${run}${time}${eta}`;
}

/** One plain line per finished case, for CI logs (no spinner, no escape codes). */
function doneLine(p: ProgressEvent): string | null {
  if (!p.done) return null;
  return `gasm bench: ${p.suite} › ${p.case}: ${p.done.figure} (${p.done.runs} runs, ${seconds(p.done.ms)})`;
}

/** Exit 1 when a suite failed or every instruction of a case failed. */
function benchExitCode(report: BenchReport): number {
  const failed = Object.values(report.outcomes).some((o) => o.status === 'failed');
  const allFailed = report.warnings.some((w) => w.code === 'ALL_FAILED');
  return failed || allFailed ? EXIT.failure : EXIT.ok;
}

/** Registers every suite's options once (suites that share a flag share its declaration). */
function addSuiteOptions(command: Command): Command {
  const seen = new Set<string>();
  for (const suite of SUITE_LIST) {
    for (const o of suite.options) {
      if (seen.has(o.flags)) continue;
      seen.add(o.flags);
      if (o.defaultValue !== undefined) command.option(o.flags, o.description, o.defaultValue);
      else command.option(o.flags, o.description);
    }
  }
  return command;
}

export function register(program: Command): void {
  const command = program
    .command('bench')
    .description('run a benchmark suite against the real pipeline and write a JSON report')
    .argument('<suite>', `${benchTargets().join(' | ')} (all: ${SUITE_LIST.filter((s) => s.inAll).map((s) => s.name).join(', ')})`)
    .option('-c, --category <names>', `instruction categories: ${CATEGORIES.join(', ')} (comma-separated) or all`, 'all')
    .option('--suite-file <path>', 'your own instruction set, one instruction a line (replaces --category)')
    .option('--runs <n>', 'exact measured runs per case (default: adaptive, at least 10 runs and --min-time)')
    .option('--warmup <n>', 'unmeasured warm-up runs per case', String(DEFAULT_WARMUP_RUNS))
    .option('--warmup-time <ms>', 'least warm-up time per case', String(DEFAULT_WARMUP_TIME_MS))
    .option('--warmup-max <ms>', 'past --warmup-time, warm up until CPU time per run stops falling, at most this long (0: off)', String(DEFAULT_WARMUP_MAX_MS))
    .option('--min-time <ms>', 'least measured time per case when --runs is not given', String(DEFAULT_MIN_TIME_MS))
    .option('--target-ci <pct>', 'after --min-time, add runs while the median\'s 95% interval is wider than this share of it (0: off)', `${DEFAULT_TARGET_CI_WIDTH * 100}%`)
    .option('--max-time <ms>', 'time budget per case for those extra runs (measured time, all runs)', String(DEFAULT_MAX_TIME_MS));
  addSuiteOptions(command)
    .option('--sample-interval <ms>', 'system sampler interval', String(DEFAULT_SAMPLE_INTERVAL_MS))
    .option('--no-sampler', 'do not sample CPU/memory/GPU while running')
    .option('-o, --out <dir>', 'folder for the report (also refreshes latest.json there)', 'reports')
    .option('--json', 'print the report JSON on stdout instead of the tables')
    .option('-q, --quiet', 'no progress and no tables; only the report path')
    .option('--db <path|url>', 'history store the run is recorded in: an SQLite file or postgres://… (default: $GASM_DB, else .gasm/history.db)')
    .option('--no-history', 'do not record the run in the history store')
    .addHelpText('after', [
      '',
      'Suites:',
      ...SUITE_LIST.map((s) => `  ${s.name.padEnd(12)} ${s.describe}`),
      '',
      'Exit status: 0 done, 1 a suite failed or every instruction of a case failed, 2 bad usage or input,',
      '130/143 interrupted (the partial report is written, marked "complete": false).',
      'Progress: a spinner on a terminal; otherwise (CI logs, pipes, --json) one plain line per finished case on',
      'stderr: suite, case, headline figure with its 95% interval, runs and time. --quiet prints neither.',
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
      // No spinner (stderr not a terminal, CI set, or --json): one plain line per finished case on stderr.
      const plainLines = !spinner && !flags.quiet;
      try {
        const report = await runBenchmark(options, {
          signal: controller.signal,
          onProgress: (p) => {
            if (spinner) spinner.text = describeProgress(p, options.policy);
            else if (plainLines) {
              const line = doneLine(p);
              if (line) process.stderr.write(line + '\n');
            }
          },
        });
        spinner?.stop();
        let written: Awaited<ReturnType<typeof writeReport>>;
        try {
          written = await writeReport(report, flags.out);
        } catch (error) {
          // The measurement must not be lost with the folder (a full disk): a copy goes to the system's temp folder.
          const rescue = join(tmpdir(), `gasm-report-${process.pid}-${Date.now()}.json`);
          const saved = await writeFileAtomic(rescue, JSON.stringify(report, null, 2) + '\n').then(() => true, () => false);
          process.stderr.write(`${formatError(error)}\n${saved ? `gasm: the report was saved to ${rescue} instead` : 'gasm: the report could not be saved anywhere'}\n`);
          return EXIT.io;
        }
        if (flags.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        else if (!flags.quiet) process.stdout.write(formatReportSummary(report) + '\n\n');
        (flags.json ? process.stderr : process.stdout).write(`report: ${written.path}\n`);
        for (const w of written.warnings) process.stderr.write(`gasm: warning: ${w}\n`);
        if (flags.history) {
          // After the report is safe on disk: a store that cannot be written is a warning, never a failed bench.
          try {
            const r = await recordReport(report, { db: flags.db });
            if (!flags.quiet) process.stderr.write(`history: ${r.inserted ? 'recorded' : 'already had'} run ${r.id.slice(0, 12)} in ${r.location} (${r.ms.toFixed(0)} ms)\n`);
          } catch (error) {
            process.stderr.write(`gasm: warning: the run was not recorded in the history: ${formatError(error).replace(/^gasm: /, '')}\n`);
          }
        }
        const code = signalExit || benchExitCode(report);
        // A latest file that could not be refreshed: the report is written, an output is not (exit 3, as documented).
        return code !== EXIT.ok ? code : written.warnings.length > 0 ? EXIT.io : EXIT.ok;
      } finally {
        spinner?.stop();
        process.off('SIGINT', sigint);
        process.off('SIGTERM', sigterm);
      }
    }),
  );
}
