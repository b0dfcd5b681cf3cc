/** The end-of-run summary of `gasm bench`: every suite's tables (from the registry) via cli-table3, then warnings. */
import CliTable from 'cli-table3';
import { fixed } from '../format/numbers.js';
import { suiteTables } from '../report/suite-tables.js';
import type { BenchReport } from '../report/types.js';
import type { Table } from '../suites/contract.js';
import { paint, tableStyle } from './colour.js';

/** One presentation-model table as terminal text. */
export function terminalTable(t: Table): string {
  const table = new CliTable({ head: t.head, style: tableStyle() });
  for (const row of t.rows) table.push(row);
  const notes = (t.notes ?? []).map((n) => `  ${n}`);
  return [paint.header(t.title), table.toString(), ...notes.map((n) => paint.dim(n))].join('\n');
}

/** All suites of a report as tables, plus outcomes and warnings. */
export function formatReportSummary(report: BenchReport): string {
  const out = suiteTables(report).map(terminalTable);
  const t = report.timeline;
  if (t.enabled && t.samples.length > 0) {
    const cpu = t.samples.reduce((a, s) => a + s.cpu, 0) / t.samples.length;
    out.push(`System: ${t.samples.length} samples, mean CPU ${fixed(cpu, 1)}%, sampler cost ${fixed(t.meanSampleCostMs, 2)} ms per sample (in a worker thread)`);
  }
  for (const [name, o] of Object.entries(report.outcomes)) {
    if (o.status !== 'ok') out.push(`suite ${name}: ${o.status}${o.error ? `: ${o.error}` : ''}`);
  }
  for (const w of report.warnings) out.push(paint.warn(`warning: ${w.message}`));
  if (!report.complete) out.push(paint.bad('INCOMPLETE: the run was interrupted; the report holds what was measured so far'));
  return out.join('\n\n');
}
