/** `gasm report`: charts (PNG), summary.md and report.html for one or more reports. */
import { appendFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import {
  batchChart, comparisonChart, latencyChart, memoryCharts, objectsChart, parallelChart, stagesChart, throughputChart, timelineChart, type ChartFile,
} from './charts/suite-charts.js';
import { reportHtml } from './html.js';
import { reportMarkdown } from './markdown.js';
import type { BenchReport } from './types.js';

export type ReportFormat = 'png' | 'md' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['png', 'md', 'html'];

export interface RenderInput {
  path: string;
  report: BenchReport;
}

/** Every chart of one report. */
export function chartsFor(report: BenchReport): ChartFile[] {
  return [throughputChart(report), latencyChart(report), stagesChart(report), batchChart(report), objectsChart(report), ...memoryCharts(report), parallelChart(report), timelineChart(report)].filter((c): c is ChartFile => c !== null);
}

/** Renders the reports into `outDir`; returns the files written (summary.md last when written). */
export async function renderReports(inputs: RenderInput[], options: { outDir: string; formats: readonly ReportFormat[] }): Promise<{ files: string[]; warnings: string[] }> {
  const files: string[] = [];
  const warnings: string[] = [];
  const images = new Map<string, Buffer>();
  const sections: string[] = [];
  const multiple = inputs.length > 1;
  for (const [k, input] of inputs.entries()) {
    const prefix = multiple ? `${k + 1}-` : '';
    const charts = chartsFor(input.report).map((c) => ({ ...c, name: prefix + c.name }));
    if (charts.length === 0) warnings.push(`${input.path} has no suite results to chart`);
    for (const c of charts) images.set(c.name, c.png);
    sections.push(reportMarkdown(input.report, basename(input.path), options.formats.includes('png') ? charts : []));
    if (!input.report.complete) warnings.push(`${input.path} is an incomplete (interrupted) run`);
  }
  const comparison = comparisonChart(inputs.map((i) => ({ label: `${basename(i.path)} (${i.report.createdAt.slice(0, 16)})`, report: i.report })));
  if (comparison) {
    images.set(comparison.name, comparison.png);
    sections.push(`## Comparison\n\n![${comparison.title}](${comparison.name})\n`);
  }
  if (options.formats.includes('png')) {
    for (const [name, png] of images) {
      const path = join(options.outDir, name);
      await writeFileAtomic(path, png);
      files.push(path);
    }
  }
  if (options.formats.includes('html')) {
    const path = join(options.outDir, 'report.html');
    await writeFileAtomic(path, reportHtml('gasm report', sections, images));
    files.push(path);
  }
  if (options.formats.includes('md')) {
    const markdown = sections.join('\n');
    const path = join(options.outDir, 'summary.md');
    await writeFileAtomic(path, markdown);
    files.push(path);
    if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, markdown + '\n');
  }
  return { files, warnings };
}
