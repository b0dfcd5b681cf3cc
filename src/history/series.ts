/**
 * A metric's history in commit order, one series per machine fingerprint. Commits are ordered by the time
 * of their first recorded run (the store knows runs, not the git graph); runs without a commit stand alone.
 * Several runs of one commit on one machine make one point: the median of their figures, with an interval
 * spanning theirs.
 */
import { median } from '../stats/quantile.js';
import { detectSteps, type Step, type StepOptions } from './steps.js';
import type { MetricPoint } from './types.js';

/** A commit on the x axis. */
export interface CommitKey {
  /** The commit hash, or `run:<id>` for a run outside git. */
  key: string;
  /** Short label: 7 hex digits, or the run id's first 7. */
  label: string;
  firstSeen: string;
}

/** One machine's values aligned with the commits (null where it has no run). */
export interface MachineSeries {
  machine: string;
  values: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  runs: number[];
  steps: Step[];
  pending: Step[];
}

export interface CommitSeries {
  commits: CommitKey[];
  machines: MachineSeries[];
}

function keyOf(p: MetricPoint): string {
  return p.commit ?? `run:${p.runId}`;
}

/** Groups points (oldest first) by commit and machine, and finds the steps of each machine's series. */
export function commitSeries(points: readonly MetricPoint[], stepOptions: StepOptions = {}): CommitSeries {
  const commits = new Map<string, CommitKey>();
  for (const p of points) {
    const key = keyOf(p);
    if (!commits.has(key)) commits.set(key, { key, label: (p.commit ?? p.runId).slice(0, 7), firstSeen: p.createdAt });
  }
  const order = [...commits.values()].sort((a, b) => (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : 0));
  const index = new Map(order.map((c, i) => [c.key, i]));
  const byMachine = new Map<string, MetricPoint[][]>();
  for (const p of points) {
    let cells = byMachine.get(p.machine);
    if (!cells) byMachine.set(p.machine, (cells = order.map(() => [])));
    cells[index.get(keyOf(p))!].push(p);
  }
  const machines: MachineSeries[] = [...byMachine.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([machine, cells]) => {
      const finite = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null && Number.isFinite(x));
      const values = cells.map((c) => (finite(c.map((p) => p.value)).length ? median(finite(c.map((p) => p.value))) : null));
      const lower = cells.map((c) => (finite(c.map((p) => p.lower)).length ? Math.min(...finite(c.map((p) => p.lower))) : null));
      const upper = cells.map((c) => (finite(c.map((p) => p.upper)).length ? Math.max(...finite(c.map((p) => p.upper))) : null));
      const { steps, pending } = detectSteps(values, stepOptions);
      return { machine, values, lower, upper, runs: cells.map((c) => c.length), steps, pending };
    });
  return { commits: order, machines };
}
