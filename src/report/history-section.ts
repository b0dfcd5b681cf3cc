/**
 * The "History" section of `gasm report --history`: for each metric of the reports being rendered, its recent
 * figures with 95% intervals over commits (the rows `gasm history show` prints), its trend chart (the one
 * `gasm history trend` draws) and the steps detected across the history. It is read from the history store
 * (src/history/store.ts); a store that cannot be opened or read gives a warning and a section saying so, never
 * a failed report.
 */
import { safeFileStem } from '../io/safe-path.js';
import { metricHistory, stepFindings, type MetricHistory, type StepFinding } from '../history/queries.js';
import { metricsOfReport } from '../history/report-metrics.js';
import { redactUrl } from '../history/sql/postgres.js';
import { DEFAULT_STEP_CONFIRM, DEFAULT_STEP_THRESHOLD } from '../history/steps.js';
import { openHistoryStore, resolveStoreLocation } from '../history/store.js';
import { metricHistoryTable, stepsTable, type HistoryTable } from '../history/tables.js';
import { pct } from '../format/numbers.js';
import type { ChartFile } from './charts/canvas.js';
import { assertKnownMetrics, namesMetric } from '../gate/metric-names.js';
import { markdownTable } from './markdown.js';
import { mdCode, mdText } from './markdown-text.js';
import type { BenchReport } from './types.js';

/** Newest commits per metric shown in the section's tables (the charts show every commit). */
export const HISTORY_SECTION_LAST = 10;

/**
 * The metrics that get a trend chart unless the user names others: the gate's headline figures — batched
 * throughput, single-stream median latency and success rate per category. Every metric keeps its table.
 */
export const HEADLINE_HISTORY_METRICS: readonly string[] = Object.freeze(['throughput.*.instructionsPerSecond', 'latency.*.median', 'quality.*.successRate']);

/** Which store to read, resolved as every `gasm history` command resolves it: `db`, else GASM_DB, else the default path. */
export interface HistorySource {
  db?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** One metric's part of the section. */
export interface MetricHistorySection {
  history: MetricHistory;
  table: HistoryTable;
  steps: StepFinding[];
  /** The trend chart's file name (safe), when charts were drawn. */
  chart: string | null;
}

/** The section's content, before it is written as Markdown for a page or as text for summary.md. */
export interface HistorySection {
  /** Where it was read from (a PostgreSQL URL without its password). */
  location: string;
  /** Why the store could not be read; null when it was. */
  failure: string | null;
  /** Every metric id the reports give. */
  metricIds: string[];
  /** What chooses the metrics that get a trend chart (ids, prefixes or patterns with `*` for one segment). */
  chartMetrics: readonly string[];
  metrics: MetricHistorySection[];
  /** Readable line of each machine the metrics' histories hold, by fingerprint. */
  machines: Map<string, string>;
  charts: ChartFile[];
  warnings: string[];
}

/** Text from the store on one line (headings and cells). */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A store's location for messages, before it is opened. */
function describeLocation(source: HistorySource): string {
  const where = resolveStoreLocation(source.db, source.env ?? process.env, source.cwd ?? process.cwd());
  return where.kind === 'postgres' ? redactUrl(where.value) : where.value;
}

/** Options of {@link historySection}. */
export interface HistorySectionOptions {
  /** Draw trend charts. */
  charts: boolean;
  /**
   * Which metrics get a chart (`--history-metric`): ids, prefixes or patterns with `*` for one segment; empty or
   * absent: {@link HEADLINE_HISTORY_METRICS}.
   */
  chartMetrics?: readonly string[];
  /** Newest commits per table. */
  last?: number;
}

/**
 * Reads the history of every metric the reports give (all branches, every machine, as `gasm history show`
 * without filters). With `charts`, draws the trend chart of each recorded metric that `chartMetrics` names.
 * Throws ConfigError only for a `chartMetrics` name that matches no metric of the reports; never for the store:
 * a store that cannot be opened or read gives `failure` and a warning.
 */
export async function historySection(reports: readonly BenchReport[], source: HistorySource, options: HistorySectionOptions): Promise<HistorySection> {
  const metricIds = [...new Set(reports.flatMap((r) => metricsOfReport(r).map((m) => m.id)))].sort();
  const chosen = options.chartMetrics ?? [];
  assertKnownMetrics('--history-metric', chosen, metricIds, 'of the rendered reports');
  const chartMetrics = chosen.length > 0 ? chosen : HEADLINE_HISTORY_METRICS;
  const section: HistorySection = { location: describeLocation(source), failure: null, metricIds, chartMetrics, metrics: [], machines: new Map(), charts: [], warnings: [] };
  let store;
  try {
    store = await openHistoryStore(resolveStoreLocation(source.db, source.env ?? process.env, source.cwd ?? process.cwd()), { create: false });
  } catch (error) {
    section.failure = error instanceof Error ? error.message : String(error);
    section.warnings.push(`history section without figures: ${section.failure}`);
    return section;
  }
  section.location = store.location;
  try {
    const recorded = new Set((await store.metricInfos()).map((m) => m.id));
    const labels = await store.machineLabels();
    const trendChartPng = options.charts ? (await import('../history/trend-chart.js')).trendChartPng : null;
    for (const id of metricIds.filter((m) => recorded.has(m))) {
      const history = await metricHistory(store, id, {});
      for (const m of history.series.machines) section.machines.set(m.machine, labels.get(m.machine) ?? '');
      let chart: string | null = null;
      if (trendChartPng && chartMetrics.some((key) => namesMetric(key, id))) {
        chart = `history-${safeFileStem(id)}.png`;
        const title = `${oneLine(history.metric.label)}: ${history.metric.statistic} with 95% interval by commit`;
        const subtitle = `${history.runs} runs · ${history.series.commits.length} commits · all branches`;
        section.charts.push({ name: chart, title, png: trendChartPng({ ...history.metric, runs: history.runs }, history.series, labels, subtitle) });
      }
      section.metrics.push({ history, table: metricHistoryTable(history, options.last ?? HISTORY_SECTION_LAST), steps: stepFindings(history), chart });
    }
  } catch (error) {
    section.failure = `cannot read history store ${section.location}: ${error instanceof Error ? error.message : String(error)}`;
    section.warnings.push(`history section incomplete: ${section.failure}`);
  } finally {
    await store.close().catch(() => undefined);
  }
  return section;
}

/**
 * How the section shows its charts: `embed` as images (report.html, where they become data: URIs), `name` as
 * the PNG file names beside summary.md, `none` not at all. Every figure a chart shows is also in the tables.
 */
export type HistoryChartMode = 'embed' | 'name' | 'none';

/** The section as Markdown (the subset src/report/html.ts converts). */
export function historyMarkdown(h: HistorySection, charts: HistoryChartMode): string {
  const out = ['# History', ''];
  if (h.failure !== null && h.metrics.length === 0) {
    out.push(`No history figures: ${mdText(h.failure)}`, '');
    return out.join('\n');
  }
  out.push(
    `From the history store ${mdCode(h.location)} (all branches, every machine; the figures \`gasm history show\` prints): ${h.metrics.length} of the ${h.metricIds.length} metrics of the rendered report(s) have recorded runs. Tables show the newest ${HISTORY_SECTION_LAST} commits; a step is a change of at least ${pct(DEFAULT_STEP_THRESHOLD)} confirmed by the next ${DEFAULT_STEP_CONFIRM} commits (\`gasm history regressions\`).`,
    '',
  );
  if (h.failure !== null) out.push(`**Incomplete:** ${mdText(h.failure)}`, '');
  const charted = h.metrics.filter((m) => m.chart !== null).length;
  if (charts !== 'none' && h.metrics.length > 0) {
    out.push(`Trend charts: ${charted} metric${charted === 1 ? '' : 's'}, those matching ${h.chartMetrics.map(mdCode).join(', ')} (\`--history-metric\` chooses others).`, '');
  }
  if (h.machines.size > 0) {
    out.push(markdownTable(['fingerprint', 'machine'], [...h.machines].map(([fp, label]) => [fp.slice(0, 8), oneLine(label) || fp])), '');
  }
  const missing = h.metricIds.filter((id) => !h.metrics.some((m) => m.history.metric.id === id));
  if (missing.length > 0) {
    const shown = missing.slice(0, 8).map(mdCode).join(', ');
    out.push(`Not recorded in the store: ${missing.length} metric${missing.length === 1 ? '' : 's'} (${shown}${missing.length > 8 ? ', …' : ''}).`, '');
  }
  for (const m of h.metrics) {
    const info = m.history.metric;
    const unit = info.unit ? ` (${mdText(oneLine(info.unit))})` : '';
    out.push(`## ${mdText(oneLine(info.label))}: ${mdCode(info.id)}`, '');
    out.push(`${mdText(info.statistic)}${unit}, ${mdText(info.direction)} is better · ${m.history.runs} runs, ${m.history.series.commits.length} commits, ${m.history.series.machines.length} machine${m.history.series.machines.length === 1 ? '' : 's'}`, '');
    out.push(markdownTable(m.table.head, m.table.rows), '');
    if (m.chart !== null && charts === 'embed') out.push(`![${mdText(oneLine(info.label))}: trend over commits](${m.chart})`, '');
    if (m.chart !== null && charts === 'name') out.push(`Trend chart: ${mdCode(m.chart)}.`, '');
    if (m.steps.length === 0) out.push('Steps detected: none.', '');
    else {
      const t = stepsTable(m.steps);
      out.push(`Steps detected: ${m.steps.length}.`, '', markdownTable(t.head.slice(1), t.rows.map((r) => r.slice(1))), '');
    }
  }
  return out.join('\n');
}
