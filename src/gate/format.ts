/** Gate results as table rows, Markdown (for job summaries) and plain values. */
import type { GateResult, MetricComparison } from './compare.js';

const fmtValue = (c: MetricComparison, v: number): string => {
  if (!Number.isFinite(v)) return '-';
  if (c.method === 'proportion-difference') return `${(v * 100).toFixed(2)}%`;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 1 ? 2 : 4;
  return `${v.toFixed(digits)}${c.unit ? ' ' + c.unit : ''}`;
};
const pct = (v: number): string => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${(v * 100).toFixed(2)}%` : '-');

/** Cells of one comparison: metric, baseline, current, change, CI, verdict. */
export function comparisonRow(c: MetricComparison): string[] {
  const change = c.method === 'proportion-difference' ? (Number.isFinite(c.change) ? `${c.change >= 0 ? '+' : ''}${(c.change * 100).toFixed(2)} pp` : '-') : pct(c.change);
  const ci = c.method === 'proportion-difference' ? `[${(c.ci[0] * 100).toFixed(2)}, ${(c.ci[1] * 100).toFixed(2)}] pp` : Number.isFinite(c.ci[0]) ? `[${pct(c.ci[0])}, ${pct(c.ci[1])}]` : '-';
  return [c.id, fmtValue(c, c.baseline), fmtValue(c, c.current), change, ci, c.verdict];
}

export const COLUMNS = ['metric', 'baseline', 'current', 'change', '95% CI', 'verdict'];

/** One-line verdict. */
export function summaryLine(result: GateResult): string {
  const regressions = result.comparisons.filter((c) => c.verdict === 'regression');
  const improvements = result.comparisons.filter((c) => c.verdict === 'improvement').length;
  return result.passed
    ? `PASS: ${result.comparisons.length} metrics compared, no regression (${improvements} improved)`
    : `FAIL: ${regressions.length} of ${result.comparisons.length} metrics regressed: ${regressions.map((c) => c.id).join(', ')}`;
}

/** Markdown table and verdict, for GITHUB_STEP_SUMMARY. */
export function gateMarkdown(result: GateResult): string {
  const lines = ['## gasm gate', '', `**${summaryLine(result)}**`, '', `| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`];
  for (const c of result.comparisons) {
    const cells = comparisonRow(c);
    if (c.verdict === 'regression') cells[5] = `**${cells[5]}**`;
    lines.push(`| ${cells.join(' | ')} |`);
  }
  for (const w of result.warnings) lines.push('', `> warning: ${w}`);
  return lines.join('\n') + '\n';
}
