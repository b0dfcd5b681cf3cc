/**
 * Reading reports from disk for `report`, `gate`, `export` and `baseline`. Reports are untrusted input:
 * only regular files of at most MAX_REPORT_BYTES are read; every object is given a null prototype, so that a
 * category named `__proto__` or `constructor` is an ordinary key and a lookup of an absent name is undefined,
 * never a property of Object.prototype. Every failure is one line naming the file and the problem (missing,
 * a folder, empty, not JSON — with the parser's position — schema mismatch, newer schema).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, ReportError } from '../errors.js';
import { readBoundedFile } from '../io/bounded-read.js';
import { describeFsError } from '../io/fs-errors.js';
import { decodeText } from '../io/text-decode.js';
import type { BenchReport } from './types.js';
// The one import of the report validator: switch it here when the schema moves.
import { validateReport } from './validate.js';

/** Largest report file read (bytes); a report with raw samples of a long run stays well below it. */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024;

/** The parser's message; for a file cut short, V8 gives no position, so the file's length is added. */
function jsonReason(error: unknown, text: string): string {
  const message = (error as Error).message;
  return /^Unexpected end of JSON input$/.test(message) ? `${message} at position ${text.length}` : message;
}

/**
 * Gives every object of a parsed JSON value a null prototype (own keys only; `__proto__` is a plain key). A walk
 * after parsing, not a JSON.parse reviver: a reviver is called for every number and is several times slower.
 */
function withNullPrototypes(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const item of v) if (item !== null && typeof item === 'object') stack.push(item);
    } else if (v !== null && typeof v === 'object') {
      Object.setPrototypeOf(v, null);
      for (const key of Object.keys(v)) {
        const item = (v as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') stack.push(item);
      }
    }
  }
}

/**
 * Parses and validates a report's text; `label` names it in errors. The writer calls this on the text it is
 * about to write, so that no report is written that this loader would refuse.
 */
export function parseReportText(text: string, label: string): BenchReport {
  if (text.trim().length === 0) throw new ReportError('REPORT_INVALID', `${label} is empty`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReportError('REPORT_INVALID', `${label} is not valid JSON: ${jsonReason(error, text)}`);
  }
  withNullPrototypes(value);
  return validateReport(value, label);
}

/** Loads and validates one report file. */
export async function loadReport(path: string): Promise<BenchReport> {
  const bytes = await readBoundedFile(path, { limit: MAX_REPORT_BYTES, what: 'report' });
  let text: string;
  try {
    text = decodeText(bytes, path).text;
  } catch (error) {
    throw new ReportError('REPORT_INVALID', `${path} is not valid JSON: ${(error as Error).message.replace(`${path} `, 'the file ')}`);
  }
  return parseReportText(text, path);
}

/** Loads every report of a folder (*.json except latest*.json), oldest first; InputError when there is none. */
export async function loadReportsFromDir(dir: string): Promise<{ path: string; report: BenchReport }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new InputError(`cannot read folder ${dir}: ${describeFsError(error)}`, { cause: error });
  }
  const isLatest = (n: string) => n === 'latest.json' || /^latest-.+\.json$/.test(n);
  const files = names.filter((n) => n.endsWith('.json') && !isLatest(n) && !n.startsWith('.')).sort();
  if (files.length === 0) throw new InputError(`folder ${dir} holds no report (*.json)`);
  const loaded: { path: string; report: BenchReport }[] = [];
  // One at a time: a folder of many large reports is read file by file, not all at once.
  for (const n of files) loaded.push({ path: join(dir, n), report: await loadReport(join(dir, n)) });
  return loaded.sort((a, b) => a.report.createdAt.localeCompare(b.report.createdAt));
}

/** A file or a folder of reports. */
export async function loadReports(path: string): Promise<{ path: string; report: BenchReport }[]> {
  let isDir = false;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${describeFsError(error)}`, { cause: error });
  }
  return isDir ? loadReportsFromDir(path) : [{ path, report: await loadReport(path) }];
}
