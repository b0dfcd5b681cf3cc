/** `gasm gate`: statistical regression gate between a baseline and a current report. */
import { appendFile } from 'node:fs/promises';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { ConfigError } from '../../errors.js';
import { findBaseline } from '../../gate/baseline-store.js';
import { compareReports, DEFAULT_THRESHOLD } from '../../gate/compare.js';
import { COLUMNS, comparisonRow, gateMarkdown, summaryLine } from '../../gate/format.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { loadReport, loadReports } from '../../report/load.js';
import { action } from '../action.js';
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

export function register(program: Command): void {
  program
    .command('gate')
    .description('fail (exit 1) when the current report regresses against the baseline, statistically and beyond a threshold')
    .option('-b, --baseline <report|dir>', 'baseline report, or a folder of reports whose samples are pooled (default: the saved baseline "default")')
    .option('-c, --current <report>', 'current report', 'reports/latest.json')
    .option('-t, --threshold <pct>', 'practical threshold: a smaller change never fails (10%, 0.1 or 10); p99 latency defaults to 50%', `${DEFAULT_THRESHOLD * 100}%`)
    .option('--threshold-for <metric=pct>', 'threshold for one metric or prefix, e.g. latency=10% (repeatable)', collect, [])
    .option('-m, --metric <id>', 'compare only this metric id or prefix (repeatable), e.g. throughput.simple', collect, [])
    .option('--confidence <level>', 'confidence level of the intervals', '0.95')
    .option('--json', 'print the result as JSON')
    .option('--markdown <file>', 'also write the Markdown table to this file')
    .addHelpText('after', [
      '',
      'A metric regresses only when the bootstrap confidence interval of its relative change lies wholly on the',
      'bad side of zero AND the change is larger than the threshold; success and constraint-satisfaction rates',
      'regress on any clear drop. With GITHUB_STEP_SUMMARY set, the Markdown is appended there.',
      '',
      'Exit status: 0 pass, 1 regression, 2 invalid or incompatible input.',
    ].join('\n'))
    .action(
      action(async (flags: GateFlags) => {
        const thresholds: Record<string, number> = {};
        for (const entry of flags.thresholdFor) {
          const [metric, value] = entry.split('=');
          if (!metric || value === undefined) throw new ConfigError(`--threshold-for needs metric=pct, got '${entry}'`);
          thresholds[metric] = parseThreshold('--threshold-for', value);
        }
        const options = {
          threshold: parseThreshold('--threshold', flags.threshold),
          thresholds,
          metrics: flags.metric,
          confidence: parseNumber('--confidence', flags.confidence, 0.5, 0.9999),
        };
        const baselinePath = flags.baseline ?? (await findBaseline());
        const baselines = (await loadReports(baselinePath)).map((r) => r.report);
        const current = await loadReport(flags.current);
        const result = compareReports(baselines, current, options);
        const markdown = gateMarkdown(result);
        if (flags.markdown) await writeFileAtomic(flags.markdown, markdown);
        if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, markdown + '\n');
        if (flags.json) {
          process.stdout.write(JSON.stringify({ baseline: baselinePath, current: flags.current, ...result }, null, 2) + '\n');
        } else {
          const table = new Table({ head: COLUMNS });
          for (const c of result.comparisons) table.push(comparisonRow(c));
          process.stdout.write(table.toString() + '\n');
          for (const s of result.skipped) process.stdout.write(`skipped ${s.id}: ${s.reason}\n`);
          for (const w of result.warnings) process.stdout.write(`warning: ${w}\n`);
          process.stdout.write(summaryLine(result) + '\n');
        }
        return result.passed ? EXIT.ok : EXIT.failure;
      }),
    );
}
