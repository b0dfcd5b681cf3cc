/** summary.md: every suite's tables (from the registry) as Markdown (GitHub job-summary ready), with links to the charts. */
import { fixed, seconds } from '../format/numbers.js';
import type { Table } from '../suites/contract.js';
import { mdCode, mdText } from './markdown-text.js';
import { suiteTables } from './suite-tables.js';
import type { BenchReport } from './types.js';

const MIB = 2 ** 20;

/**
 * A GitHub-flavoured Markdown table of plain-text cells (each escaped: names from files cannot break a row or
 * become markup); the first column is left-aligned, the rest right-aligned.
 */
export function markdownTable(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.map(mdText).join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(mdText).join(' | ')} |`),
  ].join('\n');
}

/** A presentation-model table (plain text throughout) as a Markdown section: heading, table, notes. */
export function markdownSection(t: Table): string[] {
  return [`### ${mdText(t.title)}`, '', markdownTable(t.head, t.rows), '', ...(t.notes ?? []).map((n) => `${mdText(n)}  `), ''];
}

/** A chart to link from the Markdown: file name (relative to summary.md) and title (alt text). */
export interface ChartLink {
  name: string;
  title: string;
}

function header(r: BenchReport, label: string): string[] {
  const git = r.git ? `${mdCode(r.git.commit.slice(0, 12))}${r.git.dirty ? ' (dirty)' : ''}` : 'n/a';
  const gpus = r.system.gpus.length ? r.system.gpus.map((g) => mdText(`${g.vendor} ${g.model}`.trim())).join(', ') : 'none';
  const m = r.config.model;
  const sys = r.system;
  return [
    `# gasm report: ${mdText(label)}`,
    '',
    `${mdText(r.tool.name)} ${mdText(r.tool.version)} · created ${mdText(r.createdAt)} · git ${git} · ${r.complete ? 'complete run' : '**incomplete run (interrupted): figures cover what was measured**'} · ${seconds(r.durationMs)}`,
    '',
    `**System:** ${mdText(sys.cpuModel)}, ${sys.cores} cores, ${fixed(sys.memoryBytes / 2 ** 30, 1)} GiB, ${mdText(sys.os)}, Node ${mdText(sys.node)}, backend **${mdText(sys.backend)}**, GPU: ${gpus}`,
    '',
    `**Configuration:** suite ${mdText(r.config.suite)}, model feature ${m.featureDim} / hidden ${m.hiddenDim} / heads ${m.heads} / iterations ${m.iterations} / seed ${m.seed}, runs ${r.config.runs ?? 'auto'}, warm-up ${r.config.warmup}, min time ${r.config.minTimeMs} ms${r.config.runs === null && r.config.targetCiWidth ? `, then more runs while a median's 95% CI is wider than ${fixed(r.config.targetCiWidth * 100, 0)}% of it, up to ${r.config.maxTimeMs ?? r.config.minTimeMs} ms per case` : ''}`,
    '',
  ];
}

function outcomesSection(r: BenchReport): string[] {
  const rows = Object.entries(r.outcomes).map(([name, o]) => [name, o.status, seconds(o.durationMs), o.error ?? '']);
  return rows.length > 0 ? ['## Suites', '', markdownTable(['suite', 'status', 'time', 'error'], rows), ''] : [];
}

function timelineSection(r: BenchReport): string[] {
  const s = r.timeline.samples;
  if (!r.timeline.enabled || s.length === 0) return ['## System timeline', '', 'No samples: the sampler was off or the run was too short, so no timeline chart was drawn.', ''];
  const cpu = s.map((x) => x.cpu);
  return [
    '## System timeline', '',
    markdownTable(['samples', 'interval ms', 'CPU mean %', 'CPU max %', 'peak RSS (MiB)', 'peak heap (MiB)', 'sampler cost ms/sample'],
      [[s.length, r.timeline.intervalMs, fixed(cpu.reduce((a, b) => a + b, 0) / cpu.length, 1), fixed(Math.max(...cpu), 1), fixed(Math.max(...s.map((x) => x.rssBytes)) / MIB, 1), fixed(Math.max(...s.map((x) => x.heapUsedBytes)) / MIB, 1), fixed(r.timeline.meanSampleCostMs, 2)]]), '',
  ];
}

/**
 * How charts appear: embedded as images beside summary.md (`embed`), or, for a GitHub job summary where a
 * relative image path renders broken, named as files in `folder` (`list`): the summary stands on its tables.
 */
export type ChartMode = { kind: 'embed' } | { kind: 'list'; folder: string };

function chartsSection(charts: ChartLink[], mode: ChartMode): string[] {
  if (charts.length === 0) return [];
  if (mode.kind === 'embed') return ['## Charts', '', ...charts.flatMap((c) => [`![${mdText(c.title)}](${c.name})`, ''])];
  return [
    '## Charts',
    '',
    `${charts.length} PNG chart(s) were written to ${mdCode(mode.folder)} (upload that folder as a workflow artifact to keep them); the tables above hold every figure they show:`,
    '',
    ...charts.map((c) => `- ${mdCode(c.name)}: ${mdText(c.title)}`),
    '',
  ];
}

/** Markdown for one report: `label` names it in the heading; `charts` are linked (or listed) at the end. */
export function reportMarkdown(r: BenchReport, label: string, charts: ChartLink[], mode: ChartMode = { kind: 'embed' }): string {
  const out = [...header(r, label), ...outcomesSection(r), '## Results', '', ...suiteTables(r).flatMap(markdownSection), ...timelineSection(r)];
  out.push('## Warnings', '');
  out.push(...(r.warnings.length > 0 ? r.warnings.map((w) => `- ${mdCode(w.code)}: ${mdText(w.message)}`) : ['None.']), '');
  out.push(...chartsSection(charts, mode));
  return out.join('\n');
}
