/**
 * `gasm report`: PNG charts, summary.md and a self-contained report.html for one or more reports.
 * Charts for suites a report does not hold are skipped; with several reports a comparison chart is added.
 * When GITHUB_STEP_SUMMARY is set and Markdown is written, its text is appended to that file.
 */
import { appendFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { IoError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import type { ChartFile } from './charts/canvas.js';
import { comparisonChart } from './charts/comparison.js';
import { latencyChart } from './charts/latency.js';
import { memoryCharts } from './charts/memory.js';
import { parallelChart } from './charts/parallel.js';
import { batchChart } from './charts/scalability-batch.js';
import { objectsChart } from './charts/scalability-objects.js';
import { stagesChart } from './charts/stages.js';
import { systemTimelineChart } from './charts/system-timeline.js';
import { throughputChart } from './charts/throughput.js';
import { reportHtml } from './html.js';
import { reportMarkdown } from './markdown.js';
import type { BenchReport } from './types.js';

/** Output formats of `gasm report`. */
export type ReportFormat = 'png' | 'md' | 'html';
/** Every format, in the order files are written. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['png', 'md', 'html'];

/** A loaded report and the path it came from (the path names it in headings and legends). */
export interface RenderInput {
  path: string;
  report: BenchReport;
}

/** Every chart one report can give (absent suites give none), and notes on charts left out. */
export function chartsFor(report: BenchReport): { charts: ChartFile[]; notes: string[] } {
  const charts = [
    throughputChart(report), latencyChart(report), stagesChart(report), batchChart(report), objectsChart(report),
    ...memoryCharts(report), parallelChart(report), systemTimelineChart(report),
  ].filter((c): c is ChartFile => c !== null);
  const notes = report.timeline.enabled && report.timeline.samples.length > 0 ? [] : ['system timeline chart skipped: the report has no sampler samples'];
  return { charts, notes };
}

/** Legend label of a report in the comparison chart: file name and creation time. */
function comparisonLabel(input: RenderInput): string {
  return `${basename(input.path)} (${input.report.createdAt.replace('T', ' ').slice(0, 19)})`;
}

/**
 * Renders the reports into `outDir`. Returns the files written (PNGs, then report.html, then summary.md
 * last when Markdown is asked for) and warnings for the reader (incomplete runs, charts skipped).
 * Throws IoError when a file cannot be written.
 */
export async function renderReports(inputs: RenderInput[], options: { outDir: string; formats: readonly ReportFormat[] }): Promise<{ files: string[]; warnings: string[] }> {
  const files: string[] = [];
  const warnings: string[] = [];
  const images = new Map<string, Buffer>();
  const mdSections: string[] = [];
  const htmlSections: string[] = [];
  const wantPng = options.formats.includes('png');
  const needCharts = wantPng || options.formats.includes('html');
  for (const [k, input] of inputs.entries()) {
    const prefix = inputs.length > 1 ? `${k + 1}-` : '';
    const { charts, notes } = needCharts ? chartsFor(input.report) : { charts: [], notes: [] };
    const named = charts.map((c) => ({ ...c, name: prefix + c.name }));
    for (const c of named) images.set(c.name, c.png);
    for (const note of notes) warnings.push(`${input.path}: ${note}`);
    if (!input.report.complete) warnings.push(`${input.path}: incomplete (interrupted) run; figures cover what was measured`);
    if (Object.keys(input.report.suites).length === 0) warnings.push(`${input.path}: no suite results`);
    // summary.md links only PNGs that are written; report.html embeds every chart.
    mdSections.push(reportMarkdown(input.report, basename(input.path), wantPng ? named : []));
    htmlSections.push(reportMarkdown(input.report, basename(input.path), named));
  }
  const comparison = needCharts && inputs.length > 1 ? comparisonChart(inputs.map((i) => ({ label: comparisonLabel(i), report: i.report }))) : null;
  if (comparison) {
    images.set(comparison.name, comparison.png);
    const section = `# Comparison\n\n![${comparison.title}](${comparison.name})\n`;
    if (wantPng) mdSections.push(section);
    htmlSections.push(section);
  }
  if (wantPng) {
    for (const [name, png] of images) {
      const path = join(options.outDir, name);
      await writeFileAtomic(path, png);
      files.push(path);
    }
  }
  if (options.formats.includes('html')) {
    const path = join(options.outDir, 'report.html');
    const title = `gasm report: ${inputs.map((i) => basename(i.path)).join(', ')}`;
    await writeFileAtomic(path, reportHtml(title, htmlSections, images));
    files.push(path);
  }
  if (options.formats.includes('md')) {
    const markdown = mdSections.join('\n');
    const path = join(options.outDir, 'summary.md');
    await writeFileAtomic(path, markdown);
    files.push(path);
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) {
      try {
        await appendFile(summaryFile, markdown + '\n');
      } catch (error) {
        throw new IoError(`cannot append to GITHUB_STEP_SUMMARY file ${summaryFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
      }
    }
  }
  return { files, warnings };
}
