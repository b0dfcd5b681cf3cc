import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSampleReport } from '../helpers/sample-report.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

async function reportFile(): Promise<{ dir: string; path: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-report-cli-'));
  const path = join(dir, 'run.json');
  await writeFile(path, JSON.stringify(makeSampleReport()));
  return { dir, path };
}

test('gasm report writes into <name>-report/ next to the report and prints summary.md last', async () => {
  const { dir, path } = await reportFile();
  const res = await runCli(['report', path, '--format', 'md,png']);
  assert.equal(res.code, 0, res.stderr);
  const lines = res.stdout.trim().split('\n');
  assert.equal(lines.at(-1), join(dir, 'run-report', 'summary.md'));
  assert.ok(lines.includes(join(dir, 'run-report', 'throughput.png')));
  const written = await readdir(join(dir, 'run-report'));
  assert.ok(!written.includes('report.html'), 'only the formats asked for');
  assert.equal(written.filter((n) => n.endsWith('.png')).length, 8);
});

test('gasm report exits 2 with one line naming the problem', async () => {
  const { dir, path } = await reportFile();
  const format = await runCli(['report', path, '--format', 'png,pdf']);
  assert.equal(format.code, 2);
  assert.match(format.stderr, /^gasm: --format must be one of png, md, html, got 'pdf'\n$/);
  const missing = join(dir, 'nope.json');
  const unreadable = await runCli(['report', missing]);
  assert.equal(unreadable.code, 2);
  assert.ok(unreadable.stderr.includes(missing), unreadable.stderr);
  assert.equal(unreadable.stderr.trim().split('\n').length, 1);
  const invalid = await runCli(['report', join(ROOT, 'fixtures', 'reports', 'bad', 'truncated.json')]);
  assert.equal(invalid.code, 2);
  assert.match(invalid.stderr, /truncated\.json/);
  const blocker = join(dir, 'a-file');
  await writeFile(blocker, 'x');
  const unwritable = await runCli(['report', path, '--out', join(blocker, 'out')]);
  assert.equal(unwritable.code, 2);
  assert.ok(unwritable.stderr.includes(join(blocker, 'out')), unwritable.stderr);
  assert.equal(unwritable.stdout, '');
});

test('gasm report --history-metric naming no metric of the reports exits 2 and writes nothing', async () => {
  const { dir, path } = await reportFile();
  const out = join(dir, 'out');
  const res = await runCli(['report', path, '--format', 'md', '--out', out, '--history', '--db', join(dir, 'none.db'), '--history-metric', 'latency.*.p99', '--history-metric', 'latncy']);
  assert.equal(res.code, 2, res.stdout + res.stderr);
  assert.match(res.stderr, /^gasm: --history-metric names no metric of the rendered reports: 'latncy'; metric ids start with latency/);
  assert.deepEqual(await readdir(out), []);
  const help = await runCli(['report', '--help']);
  assert.match(help.stdout, /--history-metric <pattern>/);
});

test("gasm report never replaces a file it did not write: a user's summary.md in --out stops it before anything is written", async () => {
  const { dir, path } = await reportFile();
  const out = join(dir, 'docs');
  await mkdir(out);
  await writeFile(join(out, 'summary.md'), 'my own notes\n');
  const res = await runCli(['report', path, '--format', 'md,png', '--out', out]);
  assert.equal(res.code, 2, res.stdout + res.stderr);
  assert.match(res.stderr, /^gasm: .*docs already holds summary\.md, which gasm report did not write/);
  assert.equal(await readFile(join(out, 'summary.md'), 'utf8'), 'my own notes\n');
  assert.deepEqual(await readdir(out), ['summary.md'], 'no chart written either');
  // Its own folder, run after run: the manifest lists what it wrote, so a rerun replaces those files.
  const own = join(dir, 'own');
  assert.equal((await runCli(['report', path, '--format', 'md,png', '--out', own])).code, 0);
  const again = await runCli(['report', path, '--format', 'md,png,html', '--out', own]);
  assert.equal(again.code, 0, again.stderr);
  assert.ok((await readdir(own)).includes('report.html'));
});
