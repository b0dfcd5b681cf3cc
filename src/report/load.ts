/**
 * Reading reports from disk for `report` and `gate`: every failure is one line naming the file and the
 * problem (missing, a folder, empty, not JSON — with the parser's position — schema mismatch, newer schema).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, ReportError } from '../errors.js';
import type { BenchReport } from './types.js';
import { validateReport } from './validate.js';

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return (error as Error).message;
}

/** The parser's message; for a file cut short, V8 gives no position, so the file's length is added. */
function jsonReason(error: unknown, text: string): string {
  const message = (error as Error).message;
  return /^Unexpected end of JSON input$/.test(message) ? `${message} at position ${text.length}` : message;
}

/** Loads and validates one report file. */
export async function loadReport(path: string): Promise<BenchReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${reasonOf(error)}`, { cause: error });
  }
  if (text.trim().length === 0) throw new ReportError('REPORT_INVALID', `${path} is empty`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReportError('REPORT_INVALID', `${path} is not valid JSON: ${jsonReason(error, text)}`);
  }
  return validateReport(value, path);
}

/** Loads every report of a folder (*.json except latest.json), oldest first; InputError when there is none. */
export async function loadReportsFromDir(dir: string): Promise<{ path: string; report: BenchReport }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new InputError(`cannot read folder ${dir}: ${reasonOf(error)}`, { cause: error });
  }
  const files = names.filter((n) => n.endsWith('.json') && n !== 'latest.json' && !n.startsWith('.')).sort();
  if (files.length === 0) throw new InputError(`folder ${dir} holds no report (*.json)`);
  const loaded = await Promise.all(files.map(async (n) => ({ path: join(dir, n), report: await loadReport(join(dir, n)) })));
  return loaded.sort((a, b) => a.report.createdAt.localeCompare(b.report.createdAt));
}

/** A file or a folder of reports. */
export async function loadReports(path: string): Promise<{ path: string; report: BenchReport }[]> {
  let isDir = false;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${reasonOf(error)}`, { cause: error });
  }
  return isDir ? loadReportsFromDir(path) : [{ path, report: await loadReport(path) }];
}
