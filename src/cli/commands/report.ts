/** `gasm report`: PNG charts, summary.md and a self-contained report.html from report files. */
import { dirname, join, basename } from 'node:path';
import type { Command } from 'commander';
import { assertWritableDir } from '../../report/atomic-write.js';
import { loadReport } from '../../report/load.js';
import { REPORT_FORMATS, renderReports, type ReportFormat } from '../../report/render.js';
import { action } from '../action.js';
import { EXIT } from '../exit-codes.js';
import { parseChoice } from '../parse-options.js';

/** Adds `gasm report <reports...> [--out DIR] [--format png,md,html]` to the program. */
export function register(program: Command): void {
  program
    .command('report')
    .description('draw PNG charts and write summary.md and report.html for one or more reports')
    .argument('<reports...>', 'report JSON files (several: a comparison chart too)')
    .option('-o, --out <dir>', 'output folder (default: <first report name>-report/ next to it)')
    .option('-f, --format <list>', `comma-separated: ${REPORT_FORMATS.join(',')}`, REPORT_FORMATS.join(','))
    .addHelpText('after', '\nCharts: throughput, latency, stages, scalability (batch, objects), memory, parallel, system timeline;\nsuites a report lacks are skipped. Several reports: a comparison chart too, files prefixed 1-, 2-, ….\nPrints the files written, summary.md last. With GITHUB_STEP_SUMMARY set, summary.md is appended to it.\nExit status: 0 written; 2 unreadable or invalid report, unknown format, unwritable folder.')
    .action(
      action(async (paths: string[], flags: { out?: string; format: string }) => {
        const formats = [...new Set(flags.format.split(',').map((f) => parseChoice('--format', f.trim(), REPORT_FORMATS)))] as ReportFormat[];
        const inputs = [];
        for (const path of paths) inputs.push({ path, report: await loadReport(path) });
        const outDir = flags.out ?? join(dirname(paths[0]), `${basename(paths[0]).replace(/\.json$/, '')}-report`);
        await assertWritableDir(outDir);
        const { files, warnings } = await renderReports(inputs, { outDir, formats });
        for (const w of warnings) process.stderr.write(`gasm: warning: ${w}\n`);
        for (const f of files) process.stdout.write(`${f}\n`);
        return EXIT.ok;
      }),
    );
}
