/** End-to-end checks of issue 16's classes: untrusted reports, outputs that must not replace inputs, honest exits. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSampleReport } from '../helpers/sample-report.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

async function folder(): Promise<{ dir: string; write(name: string, value: unknown): Promise<string> }> {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-hard-'));
  return {
    dir,
    async write(name, value) {
      const p = join(dir, name);
      await writeFile(p, typeof value === 'string' ? value : JSON.stringify(value));
      return p;
    },
  };
}

test('report: a category named like a path cannot write outside --out', async () => {
  const f = await folder();
  const victim = join(f.dir, 'victim');
  const evil = JSON.stringify(makeSampleReport()).replace('"memory":{"categories":{"simple"', `"memory":{"categories":{"/../../victim/evil"`);
  const path = await f.write('evil.json', evil);
  const res = await runCli(['report', path, '--out', join(f.dir, 'out'), '--format', 'png']);
  assert.equal(res.code, 0, res.stderr);
  assert.ok(!existsSync(victim), 'nothing was created outside the output folder');
  for (const line of res.stdout.trim().split('\n')) assert.ok(line.startsWith(join(f.dir, 'out') + '/') && !line.slice(join(f.dir, 'out').length + 1).includes('/'), line);
});

test('gate: empty sample arrays are INCONCLUSIVE (exit 1), not a pass', async () => {
  const f = await folder();
  const base = await f.write('base.json', makeSampleReport({ seed: 1 }));
  const empty = makeSampleReport({ seed: 2 });
  for (const c of Object.values(empty.suites.throughput!.categories)) {
    c.samples.instructionsPerSecond = [];
    c.samples.latencyMs = [];
    c.samples.runMs = [];
    c.runs = 0;
  }
  const current = await f.write('empty.json', empty);
  const res = await runCli(['gate', '--baseline', base, '--current', current, '--metric', 'throughput']);
  assert.equal(res.code, 1, res.stdout + res.stderr);
  assert.match(res.stdout, /INCONCLUSIVE/);
});

test('gate: a job summary that cannot be written is a warning; a pass stays exit 0', async () => {
  const f = await folder();
  const base = await f.write('base.json', makeSampleReport({ seed: 1 }));
  const same = await f.write('same.json', makeSampleReport({ seed: 2 }));
  const res = await runCli(['gate', '--baseline', base, '--current', same], { env: { GITHUB_STEP_SUMMARY: join(f.dir, 'missing', 'summary.md') } });
  assert.equal(res.code, 0, res.stdout + res.stderr);
  assert.match(res.stdout, /warning: cannot append to the GITHUB_STEP_SUMMARY file/);
  assert.match(res.stdout, /PASS/);
});

test('gate: --threshold-for with an unknown metric name is refused, naming the known ones', async () => {
  const f = await folder();
  const base = await f.write('base.json', makeSampleReport({ seed: 1 }));
  const res = await runCli(['gate', '--baseline', base, '--current', base, '--threshold-for', 'typo=5%']);
  assert.equal(res.code, 2, res.stdout + res.stderr);
  assert.match(res.stderr, /--threshold-for names no metric compared here: 'typo'; metric ids start with .*throughput/);
});

test('gate --markdown and export --out never replace an input report', async () => {
  const f = await folder();
  const base = await f.write('base.json', makeSampleReport({ seed: 1 }));
  const current = await f.write('current.json', makeSampleReport({ seed: 2 }));
  const before = await readFile(current, 'utf8');
  const gate = await runCli(['gate', '--baseline', base, '--current', current, '--markdown', current]);
  assert.equal(gate.code, 2, gate.stdout + gate.stderr);
  assert.match(gate.stderr, /--markdown .*current\.json would overwrite the current report/);
  const exp = await runCli(['export', base, '--format', 'bencher', '--out', base]);
  assert.equal(exp.code, 2, exp.stderr);
  assert.match(exp.stderr, /would overwrite the report being exported/);
  assert.equal(await readFile(current, 'utf8'), before);
});

test('--out that is a file: the error says so in words', async () => {
  const f = await folder();
  const report = await f.write('r.json', makeSampleReport());
  const afile = await f.write('afile', 'x');
  const res = await runCli(['report', report, '--out', afile]);
  assert.equal(res.code, 2);
  assert.equal(res.stderr, `gasm: cannot write to output folder ${afile}: it is a file, not a folder\n`);
});

test('run stops when stdout is closed (| head -1) instead of computing the whole file', { timeout: 120_000 }, async () => {
  const f = await folder();
  // About 400,000 instructions: minutes of work if the run did not stop on EPIPE.
  const line = 'place the red box above the blue cube\n';
  const file = await f.write('big.txt', line.repeat(Math.floor((16 * 1024 * 1024 - 1) / line.length)));
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'run', '--json', '--file', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  clearTimeout(killer);
  assert.equal(signal, null, 'it exited by itself');
  assert.equal(code, 0);
  assert.equal(stderr, '');
});

test('SIGINT during gasm report: exit 130 and no temp file left in the output folder', { timeout: 180_000 }, async () => {
  const f = await folder();
  const paths: string[] = [];
  for (let i = 0; i < 12; i++) paths.push(await f.write(`r${i}.json`, makeSampleReport({ seed: i + 1 })));
  const out = join(f.dir, 'out');
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'report', ...paths, '--out', out, '--format', 'png'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const closed = new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  // Signal as soon as the first chart is being written.
  let signalled = false;
  while (!signalled) {
    const names = await readdir(out).catch(() => [] as string[]);
    if (names.some((n) => n.endsWith('.png') || (n.endsWith('.tmp') && !n.startsWith('.gasm-write-check')))) {
      child.kill('SIGINT');
      signalled = true;
    } else if (child.exitCode !== null) break;
    else await new Promise((r) => setTimeout(r, 2));
  }
  const [code, signal] = await closed;
  assert.ok(signalled, 'the signal was sent while charts were being written');
  assert.equal(signal, null, 'it handled the signal');
  assert.equal(code, 130);
  assert.deepEqual((await readdir(out)).filter((n) => n.endsWith('.tmp')), []);
});
