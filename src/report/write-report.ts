/**
 * Writes a report as `<suite>-<timestamp>.json` in the output folder — a new file every time (exclusive
 * create, `-1`, `-2`, … when two runs share a timestamp) — then refreshes `latest.json` and one
 * `latest-<suite>.json` per suite the report holds (so that the gate can find the run of a given suite).
 * The report is checked first with the loader's own parse-and-validate on the exact text written, so a
 * report this tool writes is always one it can read back.
 */
import { rm } from 'node:fs/promises';
import { createUnique } from '../io/exclusive-create.js';
import { safeFileStem, safeJoin } from '../io/safe-path.js';
import { writeFileAtomic } from './atomic-write.js';
import { parseReportText } from './load.js';
import type { BenchReport } from './types.js';

/** What `writeReport` did: the report's own path, every file written, and what could not be refreshed. */
export interface WrittenReport {
  /** The report's own file (unique, never replaced). */
  path: string;
  /** Every file written, the report first, then the latest files that were refreshed. */
  files: string[];
  /** A latest file that could not be refreshed (the report itself is written). */
  warnings: string[];
}

/** File-name stem of a report: the suite label and its start time, safe on every file system. */
export function reportFileStem(report: BenchReport): string {
  const stamp = report.createdAt.replace(/[:.]/g, '-');
  return safeFileStem(`${report.config.suite}-${stamp}`);
}

/** The latest files a report refreshes: latest.json and latest-<suite>.json for each suite it holds. */
export function latestFileNames(report: BenchReport): string[] {
  return ['latest.json', ...Object.keys(report.suites).map((s) => `latest-${safeFileStem(s)}.json`)];
}

/**
 * Validates and writes the report. Throws (ReportError, IoError) only when the report itself cannot be
 * written; a latest file that cannot be refreshed becomes a warning, and the stale one is removed so that
 * nothing reads an older run under the name `latest`.
 */
export async function writeReport(report: BenchReport, outDir: string): Promise<WrittenReport> {
  const text = JSON.stringify(report, null, 2) + '\n';
  parseReportText(text, 'the new report');
  const path = await createUnique(outDir, reportFileStem(report), '.json', text);
  const files = [path];
  const warnings: string[] = [];
  for (const name of latestFileNames(report)) {
    const latest = safeJoin(outDir, name);
    try {
      await writeFileAtomic(latest, text);
      files.push(latest);
    } catch (error) {
      const removed = await rm(latest, { force: true }).then(() => true, () => false);
      warnings.push(`${(error as Error).message}; ${removed ? `removed the older ${name} so that it is not mistaken for this run` : `${name} may still hold an older run`} (the report is ${path})`);
    }
  }
  return { path, files, warnings };
}
