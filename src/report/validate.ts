/**
 * Validation of reports against src/report/schema.json (ajv). Errors name the file and the JSON path of the
 * first problems; a report from a newer gasm (higher schemaVersion) is told apart from a broken one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { ReportError } from '../errors.js';
import { PACKAGE_ROOT } from '../version.js';
import { SCHEMA_VERSION, type BenchReport } from './types.js';

/** The schema's path: in the package's src/ both when running from source and from dist/. */
export const SCHEMA_PATH = join(PACKAGE_ROOT, 'src', 'report', 'schema.json');

const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object;

const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
const check = ajv.compile(schema);

function describe(errors: ErrorObject[]): string {
  return errors
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
    .join('; ');
}

/** Checks an in-memory value; `label` names it in errors (usually the file path). */
export function validateReport(value: unknown, label: string): BenchReport {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ReportError('REPORT_INVALID', `${label} is not a gasm report: expected a JSON object`);
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new ReportError('REPORT_INVALID', `${label} has schemaVersion ${version}; this gasm reads ${SCHEMA_VERSION} — upgrade gasm`);
  }
  if (!check(value)) {
    throw new ReportError('REPORT_INVALID', `${label} does not match the report schema: ${describe(check.errors ?? [])}`);
  }
  return value as BenchReport;
}
