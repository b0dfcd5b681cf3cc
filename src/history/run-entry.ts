/**
 * What one report becomes in the store: a run row (id, suites, time, git, machine), its machine, one row
 * per metric (figure, interval, samples) and the report itself.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import type { BenchReport } from '../report/types.js';
import { machineOf, type Machine } from './machine.js';
import { figureOf, type MetricFigure } from './metric-interval.js';
import { metricsOfReport, type ReportMetric } from './report-metrics.js';
import type { HistoryRun } from './types.js';

/** Hex digits of a run id. */
export const RUN_ID_LENGTH = 20;

/** A metric of a run with its stored figure. */
export interface EntryMetric {
  metric: ReportMetric;
  figure: MetricFigure;
}

/**
 * Everything recorded for one report: the listed run's own fields (HistoryRun, less what the store adds: the
 * machine's label and the time of recording), with the whole machine, the metrics and the report.
 */
export interface RunEntry extends Omit<HistoryRun, 'machine' | 'machineLabel' | 'recordedAt'> {
  machine: Machine;
  metrics: EntryMetric[];
  /** The report as JSON text. */
  body: string;
}

/**
 * The run id: SHA-256 of the report's JSON (20 hex digits), so that a report recorded by `bench` and later
 * imported from its file, or imported twice, is one run.
 */
export function runIdOf(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, RUN_ID_LENGTH);
}

/**
 * Builds the entry of a validated report. `branch` is the git branch it ran on, when known. Throws InputError for a
 * report whose createdAt is not a date or that nests too deeply to store.
 */
export function runEntryOf(report: BenchReport, options: { branch: string | null; source: string }): RunEntry {
  const created = Date.parse(report.createdAt);
  // A calendar day that does not exist (2026-02-30) parses as another one: refused like no date at all.
  const day = /^(\d{4}-\d\d-\d\d)T/.exec(String(report.createdAt))?.[1];
  if (!Number.isFinite(created) || (day !== undefined && new Date(created).toISOString().slice(0, 10) !== day && !/[+-]\d\d:?\d\d$/.test(report.createdAt))) {
    throw new InputError(`its createdAt ${JSON.stringify(String(report.createdAt).slice(0, 40))} is not a date`);
  }
  let body: string;
  try {
    body = JSON.stringify(report);
  } catch (error) {
    // A report that loads but nests too deeply for JSON.stringify (a RangeError: the call stack).
    throw new InputError(`it cannot be stored: ${error instanceof RangeError ? 'nested too deeply' : (error as Error).message}`, { cause: error });
  }
  return {
    id: runIdOf(body),
    suite: report.config.suite,
    suites: Object.keys(report.suites).sort(),
    createdAt: new Date(created).toISOString(),
    commit: report.git?.commit ?? null,
    branch: options.branch,
    dirty: report.git?.dirty ?? false,
    machine: machineOf(report),
    toolVersion: report.tool.version,
    complete: report.complete,
    source: options.source,
    metrics: metricsOfReport(report).map((metric) => ({ metric, figure: figureOf(metric) })),
    body,
  };
}
