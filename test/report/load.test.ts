import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, ReportError } from '../../src/errors.js';
import { loadReport, loadReports } from '../../src/report/load.js';
import { validateReport } from '../../src/report/validate.js';
import { makeSampleReport } from '../helpers/sample-report.js';
import { ROOT } from '../helpers/run-cli.js';

const bad = (name: string) => join(ROOT, 'fixtures', 'reports', 'bad', name);

test('a complete sample report validates', () => {
  assert.ok(validateReport(makeSampleReport(), 'sample'));
});

test('schema violations name the JSON path', () => {
  const r = makeSampleReport() as unknown as Record<string, unknown>;
  delete r.system;
  assert.throws(() => validateReport(r, 'x.json'), /x\.json does not match the report schema: \/ must have required property 'system'/);
  assert.throws(() => validateReport([], 'x.json'), /expected a JSON object/);
});

test('each bad file gives the right error class and a message naming the file', async () => {
  const cases: [string, new (...a: never[]) => Error, RegExp][] = [
    ['missing.json', InputError, /missing\.json: no such file/],
    ['empty.json', ReportError, /empty\.json is empty/],
    ['truncated.json', ReportError, /truncated\.json is not valid JSON/],
    ['not-json.txt', ReportError, /not-json\.txt is not valid JSON/],
    ['wrong-type.json', ReportError, /throughputSummary\/median must be number/],
    ['future-version.json', ReportError, /schemaVersion 3; this gasm reads schemaVersion 2 only — upgrade gasm/],
  ];
  for (const [name, type, message] of cases) {
    await assert.rejects(loadReport(bad(name)), (e: Error) => e instanceof type && message.test(e.message) && e.message.includes(name), name);
  }
  await assert.rejects(loadReport(join(ROOT, 'fixtures')), /it is a folder/);
});

test('a file cut short at the end names the position where it ends', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-cut-'));
  const path = join(dir, 'x.json');
  const text = '{"schemaVersion": 1, "complete": ';
  await writeFile(path, text);
  await assert.rejects(loadReport(path), { name: 'ReportError', code: 'REPORT_INVALID', message: `${path} is not valid JSON: Unexpected end of JSON input at position ${text.length}` });
  await writeFile(path, '\n  \n');
  await assert.rejects(loadReport(path), { message: `${path} is empty` });
});

test('a folder of reports loads every report in time order', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-reports-'));
  const a = makeSampleReport({ seed: 1 });
  const b = makeSampleReport({ seed: 2 });
  b.createdAt = '2026-11-25T12:00:00.000Z';
  await writeFile(join(dir, 'z-old.json'), JSON.stringify(a));
  await writeFile(join(dir, 'a-new.json'), JSON.stringify(b));
  await writeFile(join(dir, 'latest.json'), JSON.stringify(b));
  const loaded = await loadReports(dir);
  assert.deepEqual(loaded.map((l) => l.report.createdAt), [a.createdAt, b.createdAt]);
  const empty = await mkdtemp(join(tmpdir(), 'gasm-empty-'));
  await assert.rejects(loadReports(empty), /holds no report/);
});

test('category names __proto__ and constructor are ordinary keys; absent names are undefined', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-proto-'));
  const path = join(dir, 'r.json');
  const text = JSON.stringify(makeSampleReport()).replace('"simple":{', '"__proto__":{').replace('"medium":{', '"constructor":{');
  await writeFile(path, text);
  const report = await loadReport(path);
  const cats = report.suites.throughput!.categories as Record<string, unknown>;
  assert.deepEqual(Object.keys(cats).slice(0, 2), ['__proto__', 'constructor']);
  assert.equal(typeof (cats.constructor as { instructions: number }).instructions, 'number');
  assert.equal(cats.toString, undefined, 'no lookup reaches Object.prototype');
  assert.equal((report.suites.memory!.categories as Record<string, unknown>).constructor, undefined);
});

test('a report path that is a device or over the size limit is refused before it is read whole', async () => {
  await assert.rejects(loadReport('/dev/zero'), /cannot read report \/dev\/zero: it is a device/);
});

test('impossible figures are refused: negative throughput, a share above 1, a headline its samples do not give', () => {
  const spoilt: [string, (r: ReturnType<typeof makeSampleReport>) => void, RegExp][] = [
    ['negative', (r) => (r.suites.throughput!.categories.simple.instructionsPerSecond = -5000), /instructionsPerSecond.*>= 0/],
    ['rate 7', (r) => (r.suites.throughput!.categories.simple.quality.constraintSatisfactionRate = 7), /constraintSatisfactionRate/],
    ['runs 1e12', (r) => (r.suites.throughput!.categories.simple.runs = 1e12), /says 1000000000000 runs but holds \d+ run times/],
    ['control name', (r) => {
      const c = r.suites.throughput!.categories;
      c['x\u001b]0;t\u0007y'] = { ...c.simple, instructionsPerSecond: 1 };
    }, /category 'x\\u001b\]0;t\\u0007y' has instructionsPerSecond 1/],
    ['headline', (r) => {
      const c = r.suites.throughput!.categories.simple;
      c.instructionsPerSecond = 1e9;
      c.throughputSummary.median = 1e9;
    }, /'simple' has instructionsPerSecond 1000000000, not the median of its own samples/],
  ];
  for (const [what, spoil, message] of spoilt) {
    const r = makeSampleReport();
    spoil(r);
    assert.throws(() => validateReport(JSON.parse(JSON.stringify(r)), 'r.json'), (e: unknown) => e instanceof ReportError && message.test(e.message), what);
  }
  const version = { ...makeSampleReport(), schemaVersion: '2' };
  assert.throws(() => validateReport(version, 'v.json'), /v\.json has schemaVersion "2" \(not a number\)/);
});
