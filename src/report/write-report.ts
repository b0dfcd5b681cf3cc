/**
 * Writes a report as `<suite>-<timestamp>.json` in the output folder and refreshes `latest.json` there,
 * both atomically, after validating the report against the schema.
 */
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { BenchReport } from './types.js';
import { validateReport } from './validate.js';

/** File name of a report: the suite label and its start time, safe on every file system. */
export function reportFileName(report: BenchReport): string {
  const stamp = report.createdAt.replace(/[:.]/g, '-');
  return `${report.config.suite}-${stamp}.json`;
}

/** Validates and writes the report; returns the report's path. */
export async function writeReport(report: BenchReport, outDir: string): Promise<string> {
  validateReport(report, 'the new report');
  const text = JSON.stringify(report, null, 2) + '\n';
  const path = join(outDir, reportFileName(report));
  await writeFileAtomic(path, text);
  await writeFileAtomic(join(outDir, 'latest.json'), text);
  return path;
}
