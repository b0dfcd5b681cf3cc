/** CI export figures of the server suite. */
import { sig3 } from '../../format/numbers.js';
import { median } from '../../stats/quantile.js';
import type { ExportFigure } from '../contract.js';
import type { ServerResult } from './schema.js';

export function serverExports(r: ServerResult): ExportFigure[] {
  const figures: ExportFigure[] = [];
  if (r.peak) {
    figures.push({ benchmark: 'server/peak', measure: 'throughput', unit: 'instr/s', value: r.peak.rate, better: 'higher', extra: `p99 ${sig3(r.peak.p99Ms)} ms (bound ${sig3(r.p99BoundMs)} ms), ${r.workers} workers, max batch ${r.maxBatch}` });
  }
  if (r.fixed && r.fixed.p99Ms.length > 0) {
    figures.push({ benchmark: `server/rate-${r.fixed.rate}`, measure: 'latency-p99', unit: 'ms', value: median(r.fixed.p99Ms), better: 'lower', extra: `median of ${r.fixed.p99Ms.length} steps` });
  }
  if (r.singleStream) {
    figures.push({ benchmark: 'server/single-stream', measure: 'latency-p50', unit: 'ms', value: r.singleStream.latencyMs.median, better: 'lower', extra: `p99 ${sig3(r.singleStream.latencyMs.p99)} ms` });
  }
  return figures;
}
