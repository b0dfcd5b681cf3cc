/** `gasm gate`: statistical regression gate between a baseline and a current report. */
import { visibleControls } from '../../format/control-chars.js';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { ConfigError } from '../../errors.js';
import { DEFAULT_BASELINE_DIR, findBaseline } from '../../gate/baseline-store.js';
import { DEFAULT_THRESHOLD } from '../../gate/compare.js';
import { gateWithConfirmation, type ConfirmedGate } from '../../gate/confirm.js';
import { DEFAULT_CURRENT_DIR, findCurrentReport } from '../../gate/current-report.js';
import { COLUMNS, comparisonRow, gateMarkdown, summaryLine } from '../../gate/format.js';
import { rerunFromReport } from '../../gate/rerun.js';
import { assertKnownMetrics } from '../../gate/metric-names.js';
import { gateVerdict, verdictFails } from '../../gate/verdict.js';
import { isHistoryBaseline, loadHistoryBaseline } from '../../history/baseline.js';
import { assertNotAnInput, assertReplaceable } from '../../io/output-guard.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { loadReports } from '../../report/load.js';
import { appendStepSummary } from '../../report/step-summary.js';
import { action } from '../action.js';
import { tableStyle } from '../colour.js';
import { EXIT } from '../exit-codes.js';
import { parseInteger, parseNumber } from '../parse-options.js';

interface GateFlags {
  baseline?: string;
  current?: string;
  threshold: string;
  thresholdFor: string[];
  metric: string[];
  confidence: string;
  json?: boolean;
  markdown?: string;
  confirm?: boolean;
  strict?: boolean;
  db?: string;
  historyRuns: string;
}

/** '5%', '0.05' and '5' all mean 5%. */
export function parseThreshold(flag: string, value: string): number {
  const text = value.trim();
  const percent = text.endsWith('%');
  const n = parseNumber(flag, percent ? text.slice(0, -1) : text, 0, percent ? 1000 : 1000);
  return percent || n >= 1 ? n / 100 : n;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** What each attempt saw, one line each (only when a confirmation rerun happened or was tried). */
function attemptLines(gate: ConfirmedGate): string[] {
  if (gate.attempts.length < 2 && !gate.rerunError) return [];
  const lines = gate.attempts.map((a) => {
    const regressed = a.result.comparisons.filter((c) => c.verdict === 'regression');
    const what = a.source === 'report' ? 'the current report' : 'a rerun of its benchmark';
    return `attempt ${a.attempt} (${what}): ${a.verdict}${regressed.length > 0 ? ` — regressed: ${regressed.map((c) => `${c.id} ${(c.change * 100).toFixed(1)}%`).join(', ')}` : ''}`;
  });
  if (gate.rerunError) lines.push(`attempt 2 (a rerun of its benchmark): could not run: ${gate.rerunError}`);
  return lines;
}

export function register(program: Command): void {
  program
    .command('gate')
    .description('fail (exit 1) when the current report regresses against the baseline, statistically and beyond a threshold')
    .option('-b, --baseline <report|dir|history:branch>', 'baseline report, a folder of reports whose samples are pooled, or history:<branch>: the last --history-runs runs of that branch on this machine in the history store (default: the saved baseline "default")')
    .option('--db <path|url>', 'history store for --baseline history:<branch> (default: $GASM_DB, else .gasm/history.db)')
    .option('--history-runs <n>', 'runs pooled by --baseline history:<branch>', '5')
    .option('--current <report|dir>', `current report, or a folder holding latest.json / latest-<suite>.json: the latest run of the baseline's suite is picked (default: ${DEFAULT_CURRENT_DIR}/)`)
    .option('-t, --threshold <pct>', 'practical threshold: a smaller change never fails (10%, 0.1 or 10); p99 latency defaults to 50%', `${DEFAULT_THRESHOLD * 100}%`)
    .option('--threshold-for <metric=pct>', 'threshold for one metric id, prefix or pattern, e.g. latency=10% (repeatable; unknown names are refused)', collect, [])
    .option('-m, --metric <id>', 'compare only this metric id, prefix or pattern (repeatable), e.g. throughput.simple or latency.*.p50; a name matching no metric of either report is refused (exit 2)', collect, [])
    .option('--confidence <level>', 'confidence level of the intervals', '0.95')
    .option('--json', 'print the result as JSON')
    .option('--markdown <file>', 'also write the Markdown table to this file (never an input report, a baseline, another gasm report, a database, a device, pipe or link)')
    .option('--confirm', 'when a metric regresses, rerun the current report\'s benchmark (its recorded config) and fail only if it regresses again')
    .option('--strict', 'fail (exit 1) on an inconclusive verdict too (a busy machine, an unconfirmed regression)')
    .addHelpText('after', [
      '',
      'A metric regresses only when the bootstrap confidence interval of its relative change lies wholly on the',
      'bad side of zero AND the change is larger than the threshold; success and constraint-satisfaction rates',
      'regress on any clear drop. Each metric is printed with its change, interval, threshold and the reason:',
      '"within noise threshold", "interval spans 0", "regressed beyond threshold", "inconclusive: machine busy".',
      '',
      'Busy machine: when the current run recorded that other processes (or the hypervisor) took CPU while it ran,',
      'a wall-time regression whose CPU-time twin (CPU time of the runs no other process preempted) did not',
      'regress is INCONCLUSIVE, not a regression: exit 0 with a warning (--strict: exit 1). If the CPU time',
      'regressed too, it is a regression. --confirm reruns the benchmark once and fails only on a metric that',
      'regressed in both attempts, printing what each attempt saw.',
      '',
      'A metric one report holds too few samples (under 3) or no trials for is missing evidence: not a pass (exit 1).',
      'With GITHUB_STEP_SUMMARY set, the Markdown is appended there (a summary that cannot be written is a warning).',
      '',
      'Exit status: 0 pass (or inconclusive without --strict), 1 regression, missing evidence, or inconclusive with',
      '--strict, 2 invalid or incompatible input, 3 the Markdown file could not be written.',
      '',
      'Examples:',
      '  gasm gate                                                # latest run of the baseline\'s suite in reports/',
      '  gasm gate --current reports/latest.json --confirm        # against the saved baseline "default"',
      '  gasm gate -b reports/main/ --current reports/latest.json -t 5%',
      '  gasm gate -m throughput.simple --threshold-for latency=20% --markdown gate.md',
    ].join('\n'))
    .action(
      action(async (flags: GateFlags) => {
        const thresholdEntries: [string, number][] = [];
        for (const entry of flags.thresholdFor) {
          const at = entry.indexOf('=');
          const metric = at > 0 ? entry.slice(0, at).trim() : '';
          if (!metric || at < 0) throw new ConfigError(`--threshold-for needs metric=pct, got '${entry}'`);
          thresholdEntries.push([metric, parseThreshold('--threshold-for', entry.slice(at + 1))]);
        }
        const options = {
          threshold: parseThreshold('--threshold', flags.threshold),
          // fromEntries defines own properties: a key such as __proto__ stays a key.
          thresholds: Object.fromEntries(thresholdEntries) as Record<string, number>,
          metrics: flags.metric,
          confidence: parseNumber('--confidence', flags.confidence, 0.5, 0.9999),
        };
        const baselinePath = flags.baseline ?? (await findBaseline());
        const currentArg = flags.current ?? DEFAULT_CURRENT_DIR;
        if (flags.markdown) {
          await assertNotAnInput('--markdown', flags.markdown, [
            { path: currentArg, what: 'the current report' },
            { path: baselinePath, what: 'the baseline' },
            { path: DEFAULT_BASELINE_DIR, what: 'the stored baselines' },
          ]);
          await assertReplaceable('--markdown', flags.markdown);
        }
        // history:<branch> pools the recorded runs of the current report's machine and suite, so current comes first.
        const historyCurrent = isHistoryBaseline(baselinePath) ? await findCurrentReport(currentArg, []) : null;
        const baselines = historyCurrent
          ? (await loadHistoryBaseline(baselinePath, { db: flags.db, machine: historyCurrent.report, last: parseInteger('--history-runs', flags.historyRuns, 1, 10_000) })).reports
          : (await loadReports(baselinePath)).map((r) => r.report);
        const current = historyCurrent ?? (await findCurrentReport(currentArg, baselines));
        const gate = await gateWithConfirmation(baselines, current.report, options, flags.confirm ? (r) => rerunFromReport(r) : undefined);
        const result = gate.result;
        const ids = [...result.comparisons.map((c) => c.id), ...result.skipped.map((s) => s.id)];
        assertKnownMetrics('--threshold-for', thresholdEntries.map(([k]) => k), ids);
        const verdict = gateVerdict(result);
        const markdown = gateMarkdown(result);
        if (flags.markdown) await writeFileAtomic(flags.markdown, markdown);
        const warnings = [...result.warnings];
        if (verdict === 'inconclusive') warnings.push(`inconclusive, not a pass: ${flags.strict ? 'failing (--strict)' : 'exit 0; use --strict to fail on this'}`);
        const summaryWarning = await appendStepSummary(markdown);
        if (summaryWarning) warnings.push(summaryWarning);
        const fails = verdictFails(verdict, flags.strict === true);
        if (flags.json) {
          const attempts = gate.attempts.map((a) => ({ attempt: a.attempt, source: a.source, verdict: a.verdict, regressed: a.result.comparisons.filter((c) => c.verdict === 'regression').map((c) => c.id) }));
          process.stdout.write(JSON.stringify({ baseline: baselinePath, current: current.path, verdict, ...result, passed: !fails, attempts, rerunError: gate.rerunError, warnings }, null, 2) + '\n');
        } else {
          if (current.why) process.stdout.write(`current: ${current.path} (${current.why})\n`);
          const table = new Table({ style: tableStyle(), head: COLUMNS, wordWrap: true, colWidths: [null, null, null, null, null, null, null, 56] as unknown as number[] });
          for (const c of result.comparisons) table.push(comparisonRow(c));
          process.stdout.write(table.toString() + '\n');
          for (const s of result.skipped) process.stdout.write(`skipped ${visibleControls(s.id)}: ${visibleControls(s.reason)}\n`);
          for (const line of attemptLines(gate)) process.stdout.write(visibleControls(line) + '\n');
          for (const w of warnings) process.stdout.write(`warning: ${visibleControls(w)}\n`);
          process.stdout.write(visibleControls(summaryLine(result)) + '\n');
        }
        return fails ? EXIT.failure : EXIT.ok;
      }),
    );
}
