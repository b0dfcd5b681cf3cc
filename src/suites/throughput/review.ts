/** Warnings about a finished throughput result: noisy or short runs, few runs, instructions that failed. */
import { timerOverheadNs } from '../../bench/runner.js';
import { ownEntries } from '../records.js';
import type { ThroughputResult } from './schema.js';

/** Robust run-to-run spread (MAD / median) above which a category is called noisy. */
export const NOISY_SPREAD = 0.1;
/** Fewer measured runs than this make weak statistics. */
export const FEW_RUNS = 5;

export function reviewThroughput(t: ThroughputResult): { code: string; message: string }[] {
  const out: { code: string; message: string }[] = [];
  const overheadMs = timerOverheadNs() / 1e6;
  for (const [name, c] of ownEntries(t.categories)) {
    // MAD / median: a few GC pauses inflate the CV but do not make the median unreliable.
    const spread = c.throughputSummary.mad / c.throughputSummary.median;
    if (spread > NOISY_SPREAD) out.push({ code: 'NOISY', message: `throughput/${name}: run-to-run spread ${(spread * 100).toFixed(1)}% (MAD/median); close other programs or raise --min-time` });
    if (c.runs < FEW_RUNS) out.push({ code: 'FEW_RUNS', message: `throughput/${name}: only ${c.runs} runs; statistics are weak` });
    if (Math.min(...c.samples.runMs) < overheadMs * 1000) out.push({ code: 'SHORT_RUNS', message: `throughput/${name}: runs shorter than 1000× the timer's own cost (${(overheadMs * 1e3).toFixed(2)} µs)` });
    if (c.quality.responses > 0 && c.quality.successes === 0) {
      out.push({ code: 'ALL_FAILED', message: `throughput/${name}: every instruction failed (0 of ${c.quality.responses}); the timings measure failures, not answers` });
    } else if (c.quality.successes < c.quality.responses) {
      out.push({ code: 'FAILED_INSTRUCTIONS', message: `throughput/${name}: ${c.quality.responses - c.quality.successes} of ${c.quality.responses} responses failed` });
    }
  }
  return out;
}
