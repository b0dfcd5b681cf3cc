/** `gasm gate`: statistical regression gate between a baseline and a current report. */
import Table from 'cli-table3';
import type { Command } from 'commander';
import { ConfigError } from '../../errors.js';
import { DEFAULT_BASELINE_DIR, findBaseline } from '../../gate/baseline-store.js';
import { compareReports, DEFAULT_THRESHOLD, type GateResult, type MetricComparison } from '../../gate/compare.js';
import { COLUMNS, comparisonRow, gateMarkdown, summaryLine } from '../../gate/format.js';
import { assertNotAnInput } from '../../io/output-guard.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { loadReport, loadReports } from '../../report/load.js';
import { appendStepSummary } from '../../report/step-summary.js';
import { action } from '../action.js';
import { tableStyle } from '../colour.js';
import { EXIT } from '../exit-codes.js';
import { parseNumber } from '../parse-options.js';

interface GateFlags {
  baseline?: string;
  current: string;
  threshold: string;
  thresholdFor: string[];
  metric: string[];
  confidence: string;
  json?: boolean;
  markdown?: string;
}

/** '5%', '0.05' and '5' all mean 5%. */
export function parseThreshold(flag: string, value: string): number {
  const text = value.trim();
  const percent = text.endsWith('%');
  const n = parseNumber(flag, percent ? text.slice(0, -1) : text, 0, percent ? 1000 : 1000);
  return percent || n >= 1 ? n / 100 : n;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Whether a metric id is named by a key: equal, a prefix, or a pattern with `*` for one dotted segment. */
export function namesMetric(key: string, id: string): boolean {
  if (key.includes('*')) return new RegExp(`^${key.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^.]+')}$`).test(id);
  return id === key || id.startsWith(key);
}

/** ConfigError for keys of `flag` that name no metric of the reports, listing the metric ids there are. */
export function assertKnownMetrics(flag: string, keys: string[], ids: string[]): void {
  const unknown = keys.filter((k) => !ids.some((id) => namesMetric(k, id)));
  if (unknown.length === 0) return;
  const families = [...new Set(ids.map((id) => id.split('.')[0]))].sort();
  const shown = ids.length <= 12 ? ids.join(', ') : `${ids.slice(0, 12).join(', ')}, … (${ids.length} in all)`;
  throw new ConfigError(`${flag} names no metric compared here: ${unknown.map((k) => `'${k}'`).join(', ')}; metric ids start with ${families.join(', ')} — e.g. ${shown}`);
}

/** A compared metric with too few samples (or no trials) on one side to be compared at all. */
function unmeasured(c: MetricComparison): boolean {
  return c.verdict === 'inconclusive' && (!Number.isFinite(c.baseline) || !Number.isFinite(c.current));
}

/**
 * The gate's verdict: 'regression' when any metric regressed; 'inconclusive' when a metric could not be
 * compared because a report holds too few samples (or no trials) for it — missing evidence is not a pass; else 'pass'.
 */
export function gateVerdict(result: GateResult): 'pass' | 'regression' | 'inconclusive' {
  if (!result.passed) return 'regression';
  return result.comparisons.some(unmeasured) ? 'inconclusive' : 'pass';
}

export function register(program: Command): void {
  program
    .command('gate')
    .description('fail (exit 1) when the current report regresses against the baseline, statistically and beyond a threshold')
    .option('-b, --baseline <report|dir>', 'baseline report, or a folder of reports whose samples are pooled (default: the saved baseline "default")')
    .option('--current <report>', 'current report', 'reports/latest.json')
    .option('-t, --threshold <pct>', 'practical threshold: a smaller change never fails (10%, 0.1 or 10); p99 latency defaults to 50%', `${DEFAULT_THRESHOLD * 100}%`)
    .option('--threshold-for <metric=pct>', 'threshold for one metric id, prefix or pattern, e.g. latency=10% (repeatable; unknown names are refused)', collect, [])
    .option('-m, --metric <id>', 'compare only this metric id or prefix (repeatable), e.g. throughput.simple', collect, [])
    .option('--confidence <level>', 'confidence level of the intervals', '0.95')
    .option('--json', 'print the result as JSON')
    .option('--markdown <file>', 'also write the Markdown table to this file (never an input report or a baseline)')
    .addHelpText('after', [
      '',
      'A metric regresses only when the bootstrap confidence interval of its relative change lies wholly on the',
      'bad side of zero AND the change is larger than the threshold; success and constraint-satisfaction rates',
      'regress on any clear drop. A metric one report holds too few samples (under 3) or no trials for makes the',
      'verdict INCONCLUSIVE, which is not a pass. With GITHUB_STEP_SUMMARY set, the Markdown is appended there (a',
      'summary that cannot be written is a warning).',
      '',
      'Exit status: 0 pass, 1 regression or inconclusive, 2 invalid or incompatible input, 3 the Markdown file',
      'could not be written.',
      '',
      'Examples:',
      '  gasm gate --current reports/latest.json                  # against the saved baseline "default"',
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
        if (flags.markdown) {
          await assertNotAnInput('--markdown', flags.markdown, [
            { path: flags.current, what: 'the current report' },
            { path: baselinePath, what: 'the baseline' },
            { path: DEFAULT_BASELINE_DIR, what: 'the stored baselines' },
          ]);
        }
        const baselines = (await loadReports(baselinePath)).map((r) => r.report);
        const current = await loadReport(flags.current);
        const result = compareReports(baselines, current, options);
        const ids = [...result.comparisons.map((c) => c.id), ...result.skipped.map((s) => s.id)];
        assertKnownMetrics('--threshold-for', thresholdEntries.map(([k]) => k), ids);
        const verdict = gateVerdict(result);
        const markdown = gateMarkdown(result);
        if (flags.markdown) await writeFileAtomic(flags.markdown, markdown);
        const warnings = [...result.warnings];
        const summaryWarning = await appendStepSummary(markdown);
        if (summaryWarning) warnings.push(summaryWarning);
        if (flags.json) {
          process.stdout.write(JSON.stringify({ baseline: baselinePath, current: flags.current, verdict, ...result, passed: verdict === 'pass', warnings }, null, 2) + '\n');
        } else {
          const table = new Table({ style: tableStyle(), head: COLUMNS });
          for (const c of result.comparisons) table.push(comparisonRow(c));
          process.stdout.write(table.toString() + '\n');
          for (const s of result.skipped) process.stdout.write(`skipped ${s.id}: ${s.reason}\n`);
          for (const w of warnings) process.stdout.write(`warning: ${w}\n`);
          if (verdict === 'inconclusive') {
            const missing = result.comparisons.filter(unmeasured);
            process.stdout.write(`INCONCLUSIVE: ${missing.length} metric(s) could not be compared (${missing.slice(0, 5).map((c) => `${c.id}: ${c.reason}`).join('; ')}${missing.length > 5 ? '; …' : ''}) — not a pass\n`);
          } else process.stdout.write(summaryLine(result) + '\n');
        }
        return verdict === 'pass' ? EXIT.ok : EXIT.failure;
      }),
    );
}
