/**
 * `gasm report`: PNG charts, summary.md and a self-contained report.html for one or more reports.
 * Charts for suites a report does not hold are skipped; with several reports a comparison chart is added.
 * When GITHUB_STEP_SUMMARY is set and Markdown is written, its text is appended to that file.
 */
import { basename } from 'node:path';
import { safeJoin } from '../io/safe-path.js';
import { writeFileAtomic } from './atomic-write.js';
import type { ChartFile } from './charts/canvas.js';
import { comparisonChart } from './charts/comparison.js';
import { comparisonLabels } from './comparison-labels.js';
import { systemTimelineChart } from './charts/system-timeline.js';
import { viewOf } from './charts/theme.js';
import { historyMarkdown, historySection, type HistorySectionOptions, type HistorySource } from './history-section.js';
import { reportHtml } from './html.js';
import { reportMarkdown } from './markdown.js';
import { mdCode, mdText } from './markdown-text.js';
import { assertOwnedOutputs, chartFileName } from './output-folder.js';
import { appendStepSummary } from './step-summary.js';
import type { BenchReport } from './types.js';
import { ownGet } from '../suites/records.js';
import { SUITE_LIST } from '../suites/registry.js';

/** Output formats of `gasm report`. */
export type ReportFormat = 'png' | 'md' | 'html';
/** Every format, in the order files are written. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['png', 'md', 'html'];

/** A loaded report and the path it came from (the path names it in headings and legends). */
export interface RenderInput {
  path: string;
  report: BenchReport;
}

/** Every chart one report can give, suite by suite from the registry, then the system timeline; notes on charts left out. */
export function chartsFor(report: BenchReport): { charts: ChartFile[]; notes: string[] } {
  const view = viewOf(report);
  const suites = report.suites as Record<string, unknown>;
  const specs = SUITE_LIST.flatMap((s) => {
    const result = ownGet(suites, s.name);
    return result === undefined ? [] : s.charts(result, view);
  });
  const charts: ChartFile[] = specs.map((c) => ({ name: `${c.name}.png`, title: c.title, png: c.render() }));
  const timeline = systemTimelineChart(report);
  if (timeline) charts.push(timeline);
  const notes = report.timeline.enabled && report.timeline.samples.length > 0 ? [] : ['system timeline chart skipped: the report has no sampler samples'];
  return { charts, notes };
}

/** Each report with its legend label: commit and what differs in its configuration (./comparison-labels.ts). */
function zipLabels(inputs: RenderInput[]): { label: string; report: BenchReport }[] {
  const labels = comparisonLabels(inputs.map((i) => i.report), inputs.map((i) => basename(i.path)));
  return inputs.map((i, k) => ({ label: labels[k], report: i.report }));
}

/**
 * Renders the reports into `outDir`. Returns the files written (PNGs, then report.html, then summary.md
 * last when Markdown is asked for) and warnings for the reader (incomplete runs, charts skipped).
 * Throws IoError when a file cannot be written; a job summary (GITHUB_STEP_SUMMARY) that cannot be written is a warning.
 */
export async function renderReports(
  inputs: RenderInput[],
  options: {
    outDir: string;
    formats: readonly ReportFormat[];
    history?: HistorySource & Pick<HistorySectionOptions, 'chartMetrics'>;
    /** Refuse (InputError, before writing anything) to replace a file the folder's manifest does not list (output-folder.ts). */
    ownedOnly?: boolean;
  },
): Promise<{ files: string[]; warnings: string[] }> {
  const files: string[] = [];
  const warnings: string[] = [];
  const images = new Map<string, Buffer>();
  const mdSections: string[] = [];
  const summarySections: string[] = [];
  const htmlSections: string[] = [];
  const wantPng = options.formats.includes('png');
  const needCharts = wantPng || options.formats.includes('html');
  for (const [k, input] of inputs.entries()) {
    const prefix = inputs.length > 1 ? `${k + 1}-` : '';
    const { charts, notes } = needCharts ? chartsFor(input.report) : { charts: [], notes: [] };
    const named = charts.map((c) => ({ ...c, name: chartFileName(prefix + c.name) })); // names come from report data
    for (const c of named) images.set(c.name, c.png);
    for (const note of notes) warnings.push(`${input.path}: ${note}`);
    if (!input.report.complete) warnings.push(`${input.path}: incomplete (interrupted) run; figures cover what was measured`);
    if (Object.keys(input.report.suites).length === 0) warnings.push(`${input.path}: no suite results`);
    // summary.md links only PNGs that are written; report.html embeds every chart.
    mdSections.push(reportMarkdown(input.report, basename(input.path), wantPng ? named : []));
    summarySections.push(reportMarkdown(input.report, basename(input.path), wantPng ? named : [], { kind: 'list', folder: options.outDir }));
    htmlSections.push(reportMarkdown(input.report, basename(input.path), named));
  }
  const comparison = needCharts && inputs.length > 1 ? comparisonChart(zipLabels(inputs)) : null;
  if (comparison) {
    images.set(chartFileName(comparison.name), comparison.png);
    const section = `# Comparison\n\n![${mdText(comparison.title)}](${chartFileName(comparison.name)})\n`;
    if (wantPng) {
      mdSections.push(section);
      summarySections.push(`# Comparison\n\nChart ${mdCode(chartFileName(comparison.name))} (${mdText(comparison.title)}) in ${mdCode(options.outDir)}.\n`);
    }
    htmlSections.push(section);
  }
  if (options.history) {
    // `--history`: a store that cannot be read is a warning and a section saying so, never a failed report.
    const history = await historySection(inputs.map((i) => i.report), options.history, { charts: needCharts, chartMetrics: options.history.chartMetrics });
    warnings.push(...history.warnings);
    for (const c of history.charts) images.set(c.name, c.png);
    htmlSections.push(historyMarkdown(history, 'embed'));
    mdSections.push(historyMarkdown(history, wantPng ? 'name' : 'none'));
    summarySections.push(historyMarkdown(history, wantPng ? 'name' : 'none'));
  }
  if (options.ownedOnly) {
    const names = [...(wantPng ? images.keys() : []), ...(options.formats.includes('html') ? ['report.html'] : []), ...(options.formats.includes('md') ? ['summary.md'] : [])];
    await assertOwnedOutputs(options.outDir, names);
  }
  if (wantPng) {
    for (const [name, png] of images) {
      const path = safeJoin(options.outDir, name);
      await writeFileAtomic(path, png);
      files.push(path);
    }
  }
  if (options.formats.includes('html')) {
    const path = safeJoin(options.outDir, 'report.html');
    const title = `gasm report: ${inputs.map((i) => basename(i.path)).join(', ')}`;
    await writeFileAtomic(path, reportHtml(title, htmlSections, images));
    files.push(path);
  }
  if (options.formats.includes('md')) {
    const markdown = mdSections.join('\n');
    const path = safeJoin(options.outDir, 'summary.md');
    await writeFileAtomic(path, markdown);
    files.push(path);
    // The job summary cannot show images by relative path: it gets the tables and a list of the PNG files.
    const summaryWarning = await appendStepSummary(summarySections.join('\n'));
    if (summaryWarning) warnings.push(summaryWarning);
  }
  return { files, warnings };
}
