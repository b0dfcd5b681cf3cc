/**
 * `gasm history import`: records existing report files. Reads are bounded (src/report/load.ts reads only
 * regular files up to its size limit), folders are walked to a bounded depth, and a file that is missing, too large,
 * not JSON or not a report is skipped and named; the others are recorded, each in its own transaction.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { loadReport } from '../report/load.js';
import type { BenchReport } from '../report/types.js';
import { runEntryOf, type RunEntry } from './run-entry.js';
import type { HistoryStore } from './store.js';

/** Deepest folder level walked under a folder given to import. */
export const MAX_IMPORT_DEPTH = 4;
/** Most files one import reads. */
export const MAX_IMPORT_FILES = 100_000;

export interface ImportOutcome {
  imported: { path: string; id: string }[];
  /** Already recorded (same report content). */
  present: { path: string; id: string }[];
  skipped: { path: string; reason: string }[];
}

function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}

/** The report files a list of files and folders names (folders: *.json except latest*.json, walked). */
export async function collectReportFiles(paths: readonly string[]): Promise<{ files: string[]; skipped: { path: string; reason: string }[] }> {
  const files: string[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: dir, reason: `cannot read folder: ${why(error)}` });
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (files.length >= MAX_IMPORT_FILES) return;
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory() && depth < MAX_IMPORT_DEPTH) await walk(path, depth + 1);
      else if (e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('latest')) files.push(path);
    }
  };
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      skipped.push({ path, reason: why(error) });
      continue;
    }
    if (info.isDirectory()) await walk(path, 1);
    else files.push(path);
  }
  return { files, skipped };
}

/** Records every readable report of `paths`. `branch` is recorded for all of them (null: unknown). */
export async function importReports(store: HistoryStore, paths: readonly string[], options: { branch: string | null }): Promise<ImportOutcome> {
  const { files, skipped } = await collectReportFiles(paths);
  const outcome: ImportOutcome = { imported: [], present: [], skipped };
  for (const path of files) {
    let report: BenchReport;
    try {
      report = await loadReport(path);
    } catch (error) {
      outcome.skipped.push({ path, reason: why(error) });
      continue;
    }
    let entry: RunEntry;
    try {
      entry = runEntryOf(report, { branch: options.branch, source: basename(path) });
    } catch (error) {
      outcome.skipped.push({ path, reason: why(error) });
      continue;
    }
    if (await store.record(entry)) outcome.imported.push({ path, id: entry.id });
    else outcome.present.push({ path, id: entry.id });
  }
  return outcome;
}
