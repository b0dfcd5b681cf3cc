/** Baselines from several reports (a folder): one pooled metric per id. */
import type { BenchReport } from '../report/types.js';
import { extractMetrics } from './extract.js';
import type { Metric } from './metrics.js';

/** Pools the metrics of several baseline reports: samples and counts are concatenated per id. */
export function poolMetrics(reports: BenchReport[]): Map<string, Metric> {
  const pooled = new Map<string, Metric>();
  for (const report of reports) {
    for (const [id, m] of extractMetrics(report)) {
      const have = pooled.get(id);
      if (!have) pooled.set(id, m.kind === 'samples' ? { ...m, samples: [...m.samples] } : { ...m });
      else if (have.kind === 'samples' && m.kind === 'samples') have.samples.push(...m.samples);
      else if (have.kind === 'proportion' && m.kind === 'proportion') {
        have.successes += m.successes;
        have.trials += m.trials;
      }
    }
  }
  return pooled;
}
