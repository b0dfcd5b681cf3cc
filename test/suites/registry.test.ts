import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import { viewOf } from '../../src/report/charts/theme.js';
import { ReportSchema, SCHEMA_VERSION } from '../../src/report/schema.js';
import { validateReport } from '../../src/report/validate.js';
import { benchTargets, findSuite, SUITE_LIST } from '../../src/suites/registry.js';
import { makeSampleReport } from '../helpers/sample-report.js';

test('the registry holds each suite once, with a description, options and a schema', () => {
  const names = SUITE_LIST.map((s) => s.name);
  assert.equal(new Set(names).size, names.length);
  for (const name of ['throughput', 'scalability', 'memory', 'parallel']) assert.ok(names.includes(name), name);
  for (const s of SUITE_LIST) {
    assert.ok(s.describe.length > 10, s.name);
    assert.equal(typeof s.schema, 'object');
  }
  assert.deepEqual(benchTargets(), [...names, 'all']);
  assert.equal(findSuite('constructor'), undefined);
  assert.equal(findSuite('__proto__'), undefined);
});

test('a flag declared by several suites has one meaning: the same description and default everywhere', () => {
  const byFlag = new Map<string, { description: string; defaultValue?: string }>();
  for (const s of SUITE_LIST) {
    for (const o of s.options) {
      const seen = byFlag.get(o.flags);
      if (seen) assert.deepEqual({ description: o.description, defaultValue: o.defaultValue }, seen, `${o.flags} in ${s.name}`);
      else byFlag.set(o.flags, { description: o.description, defaultValue: o.defaultValue });
    }
  }
});

test('every suite validates its options before running: defaults parse, a bad value is refused naming the flag', () => {
  for (const s of SUITE_LIST.filter((x) => x.inAll)) assert.doesNotThrow(() => s.parseOptions({}), s.name);
  assert.throws(() => findSuite('throughput')!.parseOptions({ batchSize: '0' }), /--batch-size must be a whole number/);
  assert.throws(() => findSuite('scalability')!.parseOptions({ objects: '4,4' }), /--objects lists 4 twice/);
  assert.throws(() => findSuite('parallel')!.parseOptions({ workers: 'two' }), /--workers/);
  assert.throws(() => findSuite('memory')!.parseOptions({ memoryInstructions: '-1' }), /--memory-instructions/);
});

test('each suite presents a sample result: tables with rows as wide as their head, metrics with a unit of independence', () => {
  const r = makeSampleReport();
  const view = viewOf(r);
  for (const s of SUITE_LIST) {
    const result = (r.suites as Record<string, unknown>)[s.name];
    if (result === undefined) continue;
    const tables = s.tables(result, view);
    assert.ok(tables.length > 0, s.name);
    for (const t of tables) for (const row of t.rows) assert.equal(row.length, t.head.length, `${s.name}: ${t.title}`);
    for (const m of s.metrics(result)) if (m.kind === 'samples') assert.ok(['run', 'repetition', 'process', 'step', 'round'].includes(m.unitOfIndependence), m.id);
    for (const f of s.exports(result, view)) assert.ok(Number.isFinite(f.value), `${s.name} ${f.benchmark}`);
  }
});

test('the report schema comes from the registry and documents every field', () => {
  const suites = (ReportSchema.properties.suites as unknown as { properties: Record<string, unknown> }).properties;
  assert.deepEqual(Object.keys(suites), SUITE_LIST.map((s) => s.name));
  const undocumented: string[] = [];
  const walk = (schema: Record<string, unknown>, path: string) => {
    const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
    for (const [key, child] of Object.entries(props ?? {})) {
      if (typeof child.description !== 'string' && !['anyOf', 'items'].some((k) => k in child)) undocumented.push(`${path}.${key}`);
      walk(child, `${path}.${key}`);
    }
  };
  walk(ReportSchema as unknown as Record<string, unknown>, 'report');
  assert.deepEqual(undocumented, []);
  assert.ok(new Ajv({ strict: false }).compile(ReportSchema)(makeSampleReport()));
});

test('a report of another schema version is refused with a message naming both versions', () => {
  const old = { ...makeSampleReport(), schemaVersion: 1 };
  assert.throws(() => validateReport(old, 'old.json'), new RegExp(`old\\.json has schemaVersion 1; this gasm reads schemaVersion ${SCHEMA_VERSION} only`));
  const none = { ...makeSampleReport() } as Record<string, unknown>;
  delete none.schemaVersion;
  assert.throws(() => validateReport(none, 'none.json'), /none\.json has no schemaVersion/);
  const extra = makeSampleReport() as unknown as { suites: Record<string, unknown> };
  extra.suites.unknownSuite = {};
  assert.throws(() => validateReport(extra, 'x.json'), /must NOT have additional properties/);
});
