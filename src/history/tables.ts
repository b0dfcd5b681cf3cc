/**
 * The history's answers as tables (head + rows of formatted cells), for the CLI to print. Figures go through
 * src/format/numbers.ts, each beside its own interval.
 */
import { pct, withInterval } from '../format/numbers.js';
import type { StepFinding } from './queries.js';
import type { MetricHistory } from './queries.js';
import type { HistoryRun } from './types.js';

/** A table: column heads and rows of cells. */
export interface HistoryTable {
  head: string[];
  rows: string[][];
}

const short = (commit: string | null) => (commit === null ? '-' : commit.startsWith('run:') ? commit : commit.slice(0, 10));

/** `gasm history list`. */
export function runsTable(runs: readonly HistoryRun[]): HistoryTable {
  return {
    head: ['run', 'created', 'suite', 'commit', 'branch', 'machine', 'complete'],
    rows: runs.map((r) => [
      r.id.slice(0, 12),
      r.createdAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
      r.suite,
      r.commit ? `${r.commit.slice(0, 10)}${r.dirty ? ' (dirty)' : ''}` : '-',
      r.branch ?? '-',
      `${r.machine.slice(0, 8)} ${r.machineLabel}`.slice(0, 60),
      r.complete ? 'yes' : 'no (interrupted)',
    ]),
  };
}

/** `gasm history show`: the newest `last` commits of every machine, oldest first, steps marked. */
export function metricHistoryTable(h: MetricHistory, last: number): HistoryTable {
  const rows: string[][] = [];
  const from = Math.max(0, h.series.commits.length - last);
  for (let k = from; k < h.series.commits.length; k++) {
    const commit = h.series.commits[k];
    for (const m of h.series.machines) {
      const v = m.values[k];
      if (v === null) continue;
      let prev: number | null = null;
      for (let j = k - 1; j >= 0 && prev === null; j--) prev = m.values[j];
      const step = m.steps.find((s) => s.index === k) ?? m.pending.find((s) => s.index === k);
      const marker = step ? `step ${step.change > 0 ? '+' : ''}${pct(step.change)}${m.steps.includes(step) ? '' : ' (unconfirmed)'}` : '';
      const lo = m.lower[k];
      const hi = m.upper[k];
      rows.push([
        short(commit.key),
        commit.firstSeen.slice(0, 19).replace('T', ' '),
        m.machine.slice(0, 8),
        String(m.runs[k]),
        withInterval(v, lo !== null && hi !== null ? [lo, hi] : null),
        prev !== null && prev !== 0 ? `${v / prev - 1 >= 0 ? '+' : ''}${pct(v / prev - 1)}` : '-',
        marker,
      ]);
    }
  }
  const unit = h.metric.unit ? ` (${h.metric.unit})` : '';
  return { head: ['commit', 'first run', 'machine', 'runs', `${h.metric.statistic}${unit} [95% interval]`, 'vs previous', 'step'], rows };
}

/** `gasm history regressions`. */
export function stepsTable(findings: readonly StepFinding[]): HistoryTable {
  return {
    head: ['metric', 'machine', 'first commit', 'before', 'after', 'change', 'kind'],
    rows: findings.map((f) => [
      f.metric,
      f.machine.slice(0, 8),
      short(f.commit),
      withInterval(f.before, null),
      withInterval(f.after, null),
      `${f.change > 0 ? '+' : ''}${pct(f.change)}`,
      `${f.kind}${f.pending ? ' (unconfirmed)' : ''}`,
    ]),
  };
}
