import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ReportError } from '../../src/errors.js';
import { SCHEMA_VERSION, type QualityFigures } from '../../src/report/types.js';
import { SCHEMA_PATH, validateReport } from '../../src/report/validate.js';
import { makeSampleReport } from '../helpers/sample-report.js';

type Node = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Node>;
  required?: string[];
  additionalProperties?: Node | boolean;
  items?: Node;
  oneOf?: Node[];
  anyOf?: Node[];
  const?: unknown;
};

const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Node & { definitions?: Record<string, Node>; $defs?: Record<string, Node> };

/** The fields of BenchReport (src/report/types.ts) that are optional (`?:`); every other field is required. */
const OPTIONAL = new Set([
  '/suites/throughput',
  '/suites/scalability',
  '/suites/memory',
  '/suites/parallel',
  '/config/warmupTimeMs',
  '/suites/parallel/perWorker/*/error',
]);

function resolve(node: Node): Node {
  if (!node.$ref) return node;
  const name = node.$ref.replace(/^#\/(definitions|\$defs)\//, '');
  const target = schema.definitions?.[name] ?? schema.$defs?.[name];
  assert.ok(target, `unresolved ${node.$ref}`);
  return resolve(target);
}

/**
 * Walks the sample report and the schema side by side. Returns the value fields the schema does not declare,
 * the declared fields the sample lacks, and the mismatches between `required` and the optional fields above.
 */
function compareShapes(node: Node, value: unknown, path: string, out: { undeclared: string[]; unexercised: string[]; requiredMismatch: string[] }): void {
  node = resolve(node);
  const alternatives = node.oneOf ?? node.anyOf;
  if (alternatives) {
    const branch = alternatives.map(resolve).find((b) => (value === null ? b.type === 'null' : b.type !== 'null'));
    if (branch) compareShapes(branch, value, path, out);
    return;
  }
  if (Array.isArray(value)) {
    if (node.items) for (const item of value) compareShapes(node.items, item, `${path}/*`, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (node.properties) {
    for (const key of Object.keys(record)) {
      if (!(key in node.properties)) out.undeclared.push(`${path}/${key}`);
    }
    for (const key of Object.keys(node.properties)) {
      const p = `${path}/${key}`;
      const required = (node.required ?? []).includes(key);
      if (required === OPTIONAL.has(p)) out.requiredMismatch.push(p);
      if (key in record) compareShapes(node.properties[key], record[key], p, out);
      else if (!OPTIONAL.has(p)) out.unexercised.push(p);
    }
  } else if (typeof node.additionalProperties === 'object') {
    for (const [key, v] of Object.entries(record)) compareShapes(node.additionalProperties, v, `${path}/*`, out);
  }
}

test('the schema declares exactly the fields of a complete report, and requires all but the optional ones', () => {
  const report = makeSampleReport();
  report.config.warmupTimeMs = 500;
  report.suites.parallel!.perWorker[0].error = 'worker exited';
  const out = { undeclared: [] as string[], unexercised: [] as string[], requiredMismatch: [] as string[] };
  compareShapes(schema, report, '', out);
  assert.deepEqual(out.undeclared, [], 'fields in the report the schema does not describe');
  assert.deepEqual([...new Set(out.unexercised)], [], 'schema fields the complete sample report lacks');
  assert.deepEqual([...new Set(out.requiredMismatch)], [], 'required in the schema but optional in types.ts, or the reverse');
  assert.equal(validateReport(report, 'sample'), report);
});

test('schemaVersion is the const of this gasm', () => {
  assert.equal(resolve(schema.properties!.schemaVersion).const, SCHEMA_VERSION);
  const older = { ...makeSampleReport(), schemaVersion: 0 };
  assert.throws(() => validateReport(older, 'old.json'), /old\.json does not match the report schema: \/schemaVersion must be equal to constant/);
});

test('a removed or retyped field fails with its JSON path', () => {
  const cases: [(r: ReturnType<typeof makeSampleReport>) => void, RegExp][] = [
    [(r) => delete (r as Partial<typeof r>).createdAt, /: \/ must have required property 'createdAt'/],
    [(r) => delete (r.suites.throughput!.categories.simple.quality as Partial<QualityFigures>).satisfiedConstraints, /: \/suites\/throughput\/categories\/simple\/quality must have required property 'satisfiedConstraints'/],
    [(r) => ((r.suites.throughput!.categories.simple.latencyMs as unknown as Record<string, unknown>).median = '1.2'), /: \/suites\/throughput\/categories\/simple\/latencyMs\/median must be number/],
    [(r) => ((r.suites.throughput!.categories.simple.samples.instructionsPerSecond as unknown[])[2] = null), /\/suites\/throughput\/categories\/simple\/samples\/instructionsPerSecond\/2 must be number/],
    [(r) => ((r.config as unknown as Record<string, unknown>).backend = 3), /\/config\/backend must be string/],
    [(r) => ((r as unknown as Record<string, unknown>).git = 'abc'), /\/git/],
  ];
  for (const [mutate, message] of cases) {
    const r = makeSampleReport();
    mutate(r);
    assert.throws(() => validateReport(r, 'r.json'), (e: Error) => e instanceof ReportError && e.code === 'REPORT_INVALID' && message.test(e.message) && !e.message.includes('\n'), String(message));
  }
});

test('at most three problems are listed, on one line', () => {
  const r = makeSampleReport() as unknown as Record<string, unknown>;
  for (const key of ['tool', 'system', 'config', 'timeline', 'warnings']) delete r[key];
  const message = (() => {
    try {
      validateReport(r, 'r.json');
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  })();
  assert.equal(message.split('; ').length, 3, message);
  assert.ok(!message.includes('\n'));
});

test('a newer schemaVersion asks for an upgrade instead of listing schema errors', () => {
  assert.throws(() => validateReport({ schemaVersion: SCHEMA_VERSION + 1 }, 'new.json'), { message: `new.json has schemaVersion ${SCHEMA_VERSION + 1}; this gasm reads ${SCHEMA_VERSION} — upgrade gasm` });
});

test('extra fields at the top of a suite are accepted (forward-compatible extras)', () => {
  const r = makeSampleReport();
  (r.suites.throughput as unknown as Record<string, unknown>).futureField = { anything: true };
  (r.suites as unknown as Record<string, unknown>).futureSuite = { categories: {} };
  assert.equal(validateReport(r, 'r.json'), r);
});
