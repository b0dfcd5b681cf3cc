/** Gate results as table rows, Markdown (for job summaries) and plain values. */
import { visibleControls } from '../format/control-chars.js';
import type { GateResult, MetricComparison } from './compare.js';
import { mdText } from '../report/markdown-text.js';
import { busyInconclusive, gateVerdict, unmeasured } from './verdict.js';

const fmtValue = (c: MetricComparison, v: number): string => {
  if (!Number.isFinite(v)) return '-';
  if (c.method === 'proportion-difference') return `${(v * 100).toFixed(2)}%`;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 1 ? 2 : 4;
  return `${v.toFixed(digits)}${c.unit ? ' ' + c.unit : ''}`;
};
const pct = (v: number): string => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${(v * 100).toFixed(2)}%` : '-');

/** The threshold in force: a relative change for timings; any clear drop for rates. */
function thresholdCell(c: MetricComparison): string {
  if (c.method === 'proportion-difference') return 'any drop';
  return `±${(c.threshold * 100).toFixed(c.threshold * 100 >= 10 ? 0 : 1)}%`;
}

/** Cells of one comparison: metric, baseline, current, change, CI, threshold, verdict, reason (criterion's print). */
export function comparisonRow(c: MetricComparison): string[] {
  const change = c.method === 'proportion-difference' ? (Number.isFinite(c.change) ? `${c.change >= 0 ? '+' : ''}${(c.change * 100).toFixed(2)} pp` : '-') : pct(c.change);
  const ci = c.method === 'proportion-difference' ? `[${(c.ci[0] * 100).toFixed(2)}, ${(c.ci[1] * 100).toFixed(2)}] pp` : Number.isFinite(c.ci[0]) ? `[${pct(c.ci[0])}, ${pct(c.ci[1])}]` : '-';
  // Ids and reasons carry names read from reports: control characters are shown, not obeyed.
  return [visibleControls(c.id), fmtValue(c, c.baseline), fmtValue(c, c.current), change, ci, thresholdCell(c), c.verdict, visibleControls(c.reason)];
}

export const COLUMNS = ['metric', 'baseline', 'current', 'change', '95% CI', 'threshold', 'verdict', 'reason'];

/** Index of the verdict cell in a row. */
export const VERDICT_COLUMN = 6;

const listed = (cs: MetricComparison[]): string => `${cs.slice(0, 5).map((c) => c.id).join(', ')}${cs.length > 5 ? `, … (${cs.length} in all)` : ''}`;

/** One-line verdict. */
export function summaryLine(result: GateResult): string {
  const regressions = result.comparisons.filter((c) => c.verdict === 'regression');
  const improvements = result.comparisons.filter((c) => c.verdict === 'improvement').length;
  const verdict = gateVerdict(result);
  if (verdict === 'regression') return `FAIL: ${regressions.length} of ${result.comparisons.length} metrics regressed: ${regressions.map((c) => c.id).join(', ')}`;
  if (verdict === 'unmeasured') {
    const missing = result.comparisons.filter(unmeasured);
    return `INCONCLUSIVE: ${missing.length} metric(s) could not be compared (${missing.slice(0, 5).map((c) => `${c.id}: ${c.reason}`).join('; ')}${missing.length > 5 ? '; …' : ''}) — not a pass`;
  }
  if (verdict === 'inconclusive') {
    const busy = result.comparisons.filter(busyInconclusive);
    return `INCONCLUSIVE: ${busy.length} metric(s) changed for reasons other than the build: ${listed(busy)} — no regression found (--strict fails on this). ${busy[0].id}: ${busy[0].reason}`;
  }
  return `PASS: ${result.comparisons.length} metrics compared, no regression (${improvements} improved)`;
}

/** Markdown table and verdict, for GITHUB_STEP_SUMMARY; metric ids and reasons (from report files) are escaped. */
export function gateMarkdown(result: GateResult): string {
  const lines = ['## gasm gate', '', `**${mdText(summaryLine(result))}**`, '', `| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`];
  for (const c of result.comparisons) {
    const cells = comparisonRow(c).map(mdText);
    if (c.verdict === 'regression') cells[VERDICT_COLUMN] = `**${cells[VERDICT_COLUMN]}**`;
    lines.push(`| ${cells.join(' | ')} |`);
  }
  for (const w of result.warnings) lines.push('', `> warning: ${mdText(w)}`);
  return lines.join('\n') + '\n';
}
