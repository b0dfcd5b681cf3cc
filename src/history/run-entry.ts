/**
 * What one report becomes in the store: a run row (id, suites, time, git, machine), its machine, one row
 * per metric (figure, interval, samples) and the report itself.
 */
import { createHash } from 'node:crypto';
import type { BenchReport } from '../report/types.js';
import { machineOf, type Machine } from './machine.js';
import { figureOf, type MetricFigure } from './metric-interval.js';
import { metricsOfReport, type ReportMetric } from './report-metrics.js';

/** Hex digits of a run id. */
export const RUN_ID_LENGTH = 20;

/** A metric of a run with its stored figure. */
export interface EntryMetric {
  metric: ReportMetric;
  figure: MetricFigure;
}

/** Everything recorded for one report. */
export interface RunEntry {
  id: string;
  suite: string;
  suites: string[];
  createdAt: string;
  commit: string | null;
  branch: string | null;
  dirty: boolean;
  machine: Machine;
  toolVersion: string;
  complete: boolean;
  source: string;
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

/** Builds the entry of a validated report. `branch` is the git branch it ran on, when known. */
export function runEntryOf(report: BenchReport, options: { branch: string | null; source: string }): RunEntry {
  const body = JSON.stringify(report);
  return {
    id: runIdOf(body),
    suite: report.config.suite,
    suites: Object.keys(report.suites).sort(),
    createdAt: new Date(report.createdAt).toISOString(),
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
