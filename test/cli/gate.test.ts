import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSampleReport } from '../helpers/sample-report.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

async function files() {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-gate-cli-'));
  const write = async (name: string, value: unknown) => {
    const p = join(dir, name);
    await writeFile(p, JSON.stringify(value));
    return p;
  };
  return {
    dir,
    base: await write('base.json', makeSampleReport({ seed: 1 })),
    same: await write('same.json', makeSampleReport({ seed: 2 })),
    slow: await write('slow.json', makeSampleReport({ seed: 2, slowdown: 1.15 })),
  };
}

test('gate exits 0 on an A/A pair, 1 on a slowdown, with table, JSON and Markdown output', async () => {
  const f = await files();
  const pass = await runCli(['gate', '--baseline', f.base, '--current', f.same]);
  assert.equal(pass.code, 0, pass.stderr);
  assert.match(pass.stdout, /PASS: \d+ metrics compared, no regression/);
  const md = join(f.dir, 'gate.md');
  const fail = await runCli(['gate', '--baseline', f.base, '--current', f.slow, '--markdown', md]);
  assert.equal(fail.code, 1);
  assert.match(fail.stdout, /FAIL: .*throughput\.simple\.instructionsPerSecond/);
  const json = await runCli(['gate', '--baseline', f.base, '--current', f.slow, '--json', '--threshold', '50%']);
  assert.equal(json.code, 0, 'a 50% threshold lets a 15% slowdown pass');
  assert.equal(JSON.parse(json.stdout).passed, true);
});

test('gate exits 2 on each kind of bad input, with one line and no stack trace', async () => {
  const f = await files();
  const bad = (n: string) => join(ROOT, 'fixtures', 'reports', 'bad', n);
  const cases: [string[], RegExp][] = [
    [['--baseline', join(f.dir, 'missing.json'), '--current', f.same], /missing\.json: no such file/],
    [['--baseline', bad('empty.json'), '--current', f.same], /is empty/],
    [['--baseline', bad('truncated.json'), '--current', f.same], /not valid JSON/],
    [['--baseline', f.base, '--current', bad('wrong-type.json')], /does not match the report schema/],
    [['--baseline', f.base, '--current', bad('future-version.json')], /schemaVersion 3/],
    [['--baseline', f.base, '--current', f.same, '--threshold', '-5%'], /--threshold must be a number/],
  ];
  for (const [args, message] of cases) {
    const r = await runCli(['gate', ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('report and export commands write their files; a bad report exits 2', async () => {
  const f = await files();
  const out = join(f.dir, 'charts');
  const r = await runCli(['report', f.base, '--out', out, '--format', 'md,html']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /summary\.md/);
  const e = await runCli(['export', f.base, '--format', 'bencher']);
  assert.equal(e.code, 0, e.stderr);
  assert.ok(JSON.parse(e.stdout)['gasm/throughput/simple']);
  const bad = await runCli(['report', join(ROOT, 'fixtures', 'reports', 'bad', 'truncated.json')]);
  assert.equal(bad.code, 2);
  const fmt = await runCli(['report', f.base, '--format', 'pdf']);
  assert.equal(fmt.code, 2);
  assert.match(fmt.stderr, /--format must be one of png, md, html/);
});
