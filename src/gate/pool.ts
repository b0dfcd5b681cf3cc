/** Baselines from several reports (a folder): one pooled metric per id. */
import type { BenchReport } from '../report/types.js';
import { extractMetrics } from './extract.js';
import type { Metric } from './metrics.js';

/**
 * Pools the metrics of several baseline reports: samples and counts are concatenated per id. Each report ran
 * in its own process (and each of its forks in its own isolate), so pooled samples keep a group label per
 * report-and-fork, and the gate resamples those groups before the runs inside them.
 */
export function poolMetrics(reports: BenchReport[]): Map<string, Metric> {
  if (reports.length === 1) return extractMetrics(reports[0]);
  const pooled = new Map<string, Metric>();
  const nextGroup = new Map<string, number>();
  for (const report of reports) {
    for (const [id, m] of extractMetrics(report)) {
      const have = pooled.get(id);
      if (m.kind === 'samples') {
        const offset = nextGroup.get(id) ?? 0;
        const own = m.groups && m.groups.length === m.samples.length ? m.groups : m.samples.map(() => 0);
        const relabel = new Map<number, number>();
        const groups = own.map((g) => {
          let label = relabel.get(g);
          if (label === undefined) relabel.set(g, (label = offset + relabel.size));
          return label;
        });
        nextGroup.set(id, offset + relabel.size);
        if (!have) pooled.set(id, { ...m, samples: [...m.samples], groups });
        else if (have.kind === 'samples') {
          have.samples.push(...m.samples);
          have.groups = [...(have.groups ?? []), ...groups];
        }
      } else if (!have) pooled.set(id, { ...m });
      else if (have.kind === 'proportion') {
        have.successes += m.successes;
        have.trials += m.trials;
        // Exact only when every pooled report's rate is.
        if (!(have.exact && m.kind === 'proportion' && m.exact)) delete have.exact;
      }
    }
  }
  return pooled;
}
