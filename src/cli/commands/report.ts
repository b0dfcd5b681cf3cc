/** `gasm report`: PNG charts, summary.md and a self-contained report.html from report files. */
import { visibleControls } from '../../format/control-chars.js';
import { dirname, join, basename } from 'node:path';
import type { Command } from 'commander';
import { removeTempFilesSync } from '../../io/temp-files.js';
import { assertWritableDir } from '../../report/atomic-write.js';
import { loadReport } from '../../report/load.js';
import { clearStaleOutputs } from '../../report/output-folder.js';
import { HEADLINE_HISTORY_METRICS } from '../../report/history-section.js';
import { REPORT_FORMATS, renderReports, type ReportFormat } from '../../report/render.js';
import { slimSamples } from '../../report/slim-report.js';
import type { BenchReport } from '../../report/types.js';
import { action } from '../action.js';
import { EXIT } from '../exit-codes.js';
import { parseChoice } from '../parse-options.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/** With more reports than this, long raw sample arrays are kept as 0.1%-step quantiles (src/report/slim-report.ts). */
export const FULL_SAMPLES_UP_TO = 1;

/** Adds `gasm report <reports...> [--out DIR] [--format png,md,html]` to the program. */
export function register(program: Command): void {
  program
    .command('report')
    .description('draw PNG charts and write summary.md and report.html for one or more reports')
    .argument('<reports...>', 'report JSON files (several: a comparison chart too)')
    .option('-o, --out <dir>', 'output folder (default: <first report name>-report/ next to it)')
    .option('-f, --format <list>', `comma-separated: ${REPORT_FORMATS.join(',')}`, REPORT_FORMATS.join(','))
    .option('--history', 'add a History section: each metric over commits, its trend chart and detected steps')
    .option('--db <path|url>', 'history store read with --history (default: $GASM_DB, else .gasm/history.db)')
    .option('--history-metric <pattern>', `with --history, draw trend charts for these metrics: an id, a prefix or a pattern with * for one segment (repeatable; default: ${HEADLINE_HISTORY_METRICS.join(', ')}); a name matching no metric is refused`, collect, [])
    .addHelpText('after', [
      '',
      'Charts: one set per suite a report holds; several reports: a comparison chart too, files prefixed 1-, 2-, ….',
      'Prints the files written, summary.md last. With GITHUB_STEP_SUMMARY set, summary.md is appended to it.',
      'A reused --out folder: files the previous `gasm report` wrote there and this one did not are removed',
      '(listed in .gasm-report-files.json); other files are never deleted, and one it would write over (your own',
      'summary.md there) stops the run before anything is written. With several reports, raw sample',
      'arrays longer than 1,001 values are kept as their 0.1%-step quantiles, to bound memory.',
      'With --history, a History section is added (a store that cannot be read is a warning, not a failure): a table',
      'of recent figures for every metric, trend charts for the headline ones (or those --history-metric names).',
      'Exit status: 0 written; 2 unreadable or invalid report, unknown format, unusable folder; 3 a write failed;',
      '130 interrupted (temp files removed).',
      '',
      'Examples:',
      '  gasm report reports/latest.json',
      '  gasm report reports/main.json reports/latest.json --out reports/compare     # a comparison chart too',
      '  gasm report reports/latest.json -f md --out reports/ci                    # summary.md only',
      '  gasm report reports/latest.json --history --history-metric \'latency.*.p99\' --history-metric parallel.'
    ].join('\n'))
    .action(
      action(async (paths: string[], flags: { out?: string; format: string; history?: boolean; db?: string; historyMetric: string[] }) => {
        const formats = [...new Set(flags.format.split(',').map((f) => parseChoice('--format', f.trim(), REPORT_FORMATS)))] as ReportFormat[];
        const slim = paths.length > FULL_SAMPLES_UP_TO;
        const inputs: { path: string; report: BenchReport }[] = [];
        // One report at a time: with many reports, each is reduced before the next is read.
        for (const path of paths) {
          const report = await loadReport(path);
          if (slim) slimSamples(report);
          inputs.push({ path, report });
        }
        const outDir = flags.out ?? join(dirname(paths[0]), `${basename(paths[0]).replace(/\.json$/, '')}-report`);
        await assertWritableDir(outDir);
        const onSigint = () => {
          removeTempFilesSync([outDir]);
          process.stderr.write('\ngasm: SIGINT received: stopped; temp files removed\n');
          process.exit(EXIT.sigint);
        };
        process.on('SIGINT', onSigint);
        try {
          const history = flags.history ? { history: { db: flags.db, chartMetrics: flags.historyMetric } } : {};
          const { files, warnings } = await renderReports(inputs, { outDir, formats, ownedOnly: true, ...history });
          if (flags.db !== undefined && !flags.history) warnings.push('--db is read only with --history; no History section written');
          if (flags.historyMetric.length > 0 && !flags.history) warnings.push('--history-metric is read only with --history; no History section written');
          const { removed, unknown } = await clearStaleOutputs(outDir, files);
          for (const w of warnings) process.stderr.write(`gasm: warning: ${visibleControls(w)}\n`);
          if (removed.length > 0) process.stderr.write(`gasm: removed ${removed.length} file(s) an earlier gasm report wrote to ${outDir}: ${removed.map((p) => basename(p)).join(', ')}\n`);
          if (unknown.length > 0) process.stderr.write(`gasm: warning: ${outDir} also holds ${unknown.length} file(s) this run did not write (left alone): ${unknown.join(', ')}\n`);
          for (const f of files) process.stdout.write(`${f}\n`);
          return EXIT.ok;
        } finally {
          process.off('SIGINT', onSigint);
        }
      }),
    );
}
