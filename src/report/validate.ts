/**
 * Validation of reports against the TypeBox report schema (ajv). Errors name the file and the JSON path of the
 * first problems; a report of another schemaVersion is refused with a message saying which versions this
 * gasm reads, before any other check.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { ReportError } from '../errors.js';
import { ReportSchema, SCHEMA_VERSION, type BenchReport } from './schema.js';

const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
const check = ajv.compile(ReportSchema);

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
  if (version !== SCHEMA_VERSION) {
    const what = typeof version === 'number' ? `schemaVersion ${version}` : 'no schemaVersion';
    const hint = typeof version === 'number' && version > SCHEMA_VERSION ? ' — upgrade gasm' : typeof version === 'number' ? ' — rerun `gasm bench` with this gasm to get a current report' : '';
    throw new ReportError('REPORT_INVALID', `${label} has ${what}; this gasm reads schemaVersion ${SCHEMA_VERSION} only${hint}`);
  }
  if (!check(value)) {
    throw new ReportError('REPORT_INVALID', `${label} does not match the report schema: ${describe(check.errors ?? [])}`);
  }
  return value as BenchReport;
}
