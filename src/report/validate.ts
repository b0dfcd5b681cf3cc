/**
 * Validation of reports against the TypeBox report schema (ajv). Errors name the file and the JSON path of the
 * first problems; a report of another schemaVersion is refused with a message saying which versions this
 * gasm reads, before any other check.
 */
import { median } from '../stats/quantile.js';
import { visibleControls } from '../format/control-chars.js';
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
    const what = typeof version === 'number' ? `schemaVersion ${version}` : version === undefined ? 'no schemaVersion' : `schemaVersion ${JSON.stringify(version).slice(0, 40)} (not a number)`;
    const hint = typeof version === 'number' && version > SCHEMA_VERSION ? ' — upgrade gasm' : typeof version === 'number' ? ' — rerun `gasm bench` with this gasm to get a current report' : '';
    throw new ReportError('REPORT_INVALID', `${label} has ${what}; this gasm reads schemaVersion ${SCHEMA_VERSION} only${hint}`);
  }
  if (!check(value)) {
    throw new ReportError('REPORT_INVALID', `${label} does not match the report schema: ${describe(check.errors ?? [])}`);
  }
  checkHeadlines(value as BenchReport, label);
  return value as BenchReport;
}

/** Whether two figures are the same up to float rounding. */
const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The throughput headline must be what its own samples say (the gate compares samples, `gasm report` prints the
 * headline: a report whose two disagree would be judged on one figure and shown another). ReportError otherwise.
 */
function checkHeadlines(report: BenchReport, label: string): void {
  const categories = report.suites.throughput?.categories ?? {};
  for (const name of Object.keys(categories)) {
    const c = categories[name];
    const ips = c.samples.instructionsPerSecond;
    if (c.runs !== c.samples.runMs.length) {
      throw new ReportError('REPORT_INVALID', `${label}: throughput category '${visibleControls(name)}' says ${c.runs} runs but holds ${c.samples.runMs.length} run times`);
    }
    const wrong = !same(c.instructionsPerSecond, c.throughputSummary.median) || (ips.length > 0 && !same(c.instructionsPerSecond, median(ips)));
    if (wrong) {
      throw new ReportError('REPORT_INVALID', `${label}: throughput category '${visibleControls(name)}' has instructionsPerSecond ${c.instructionsPerSecond}, not the median of its own samples (${ips.length > 0 ? median(ips) : c.throughputSummary.median})`);
    }
  }
}
