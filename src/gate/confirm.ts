/**
 * Confirm before failing (Bencher's confirmation rerun: a false-alarm rate p becomes about p²). When the
 * current report regresses, the benchmark it came from is run again and compared with the same baselines;
 * a metric fails only when it regressed in both attempts. A regression seen once is reported as
 * inconclusive ("not confirmed"), with what each attempt saw.
 */
import type { BenchReport } from '../report/types.js';
import { compareReports, type GateOptions, type GateResult, type MetricComparison } from './compare.js';
import { gateVerdict, type GateVerdict } from './verdict.js';

/** Runs the current report's benchmark again and returns the new report. */
export type Rerun = (current: BenchReport) => Promise<BenchReport>;

export interface GateAttempt {
  /** 1: the current report as given; 2: the confirmation rerun. */
  attempt: number;
  source: 'report' | 'rerun';
  result: GateResult;
  verdict: GateVerdict;
}

export interface ConfirmedGate {
  /** Every attempt, in order. */
  attempts: GateAttempt[];
  /** The verdicts that stand: the last attempt's comparisons, regressions kept only when every attempt saw them. */
  result: GateResult;
  /** The rerun's report, when there was one. */
  rerunReport: BenchReport | null;
  /** Why no rerun happened although one was asked for (the first attempt's regressions then stand). */
  rerunError: string | null;
}

const pct = (x: number): string => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%` : '-');
const saw = (c: MetricComparison | undefined): string => (c ? `${c.verdict} ${pct(c.change)} [${pct(c.ci[0])}, ${pct(c.ci[1])}]` : 'not compared');

/** Merges two attempts: a regression stands only when both saw it. */
function merge(first: GateResult, second: GateResult): GateResult {
  const before = new Map(first.comparisons.map((c) => [c.id, c]));
  const comparisons = second.comparisons.map((c): MetricComparison => {
    const a = before.get(c.id);
    const once = (a?.verdict === 'regression') !== (c.verdict === 'regression');
    if (c.verdict === 'regression' && a?.verdict === 'regression') {
      return { ...c, reason: `${c.reason} — confirmed: attempt 1 ${saw(a)}, attempt 2 ${saw(c)}` };
    }
    if (once) {
      return { ...c, verdict: 'inconclusive', inconclusiveCause: 'unconfirmed', reason: `inconclusive: regression not confirmed: attempt 1 ${saw(a)} (${a?.reason ?? '-'}), attempt 2 ${saw(c)} (${c.reason})` };
    }
    return c;
  });
  const warnings = [...new Set([...first.warnings, ...second.warnings])];
  return { passed: !comparisons.some((c) => c.verdict === 'regression'), comparisons, skipped: second.skipped, warnings };
}

/**
 * Compares `current` with the baselines; when that finds a regression and `rerun` is given, runs the benchmark
 * again and keeps only regressions both attempts saw. A rerun that fails leaves the first attempt's verdicts.
 */
export async function gateWithConfirmation(baselines: BenchReport[], current: BenchReport, options: GateOptions, rerun?: Rerun): Promise<ConfirmedGate> {
  const first = compareReports(baselines, current, options);
  const attempts: GateAttempt[] = [{ attempt: 1, source: 'report', result: first, verdict: gateVerdict(first) }];
  if (!rerun || attempts[0].verdict !== 'regression') return { attempts, result: first, rerunReport: null, rerunError: null };
  let again: BenchReport;
  try {
    again = await rerun(current);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { attempts, result: { ...first, warnings: [...first.warnings, `could not confirm: ${message}`] }, rerunReport: null, rerunError: message };
  }
  const second = compareReports(baselines, again, options);
  attempts.push({ attempt: 2, source: 'rerun', result: second, verdict: gateVerdict(second) });
  return { attempts, result: merge(first, second), rerunReport: again, rerunError: null };
}
