import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXPECTED_AUTO_BACKEND } from '../helpers/expected-backend.js';
import { runCli } from '../helpers/run-cli.js';

test('gasm run --json prints one successful response per line and exits 0', async () => {
  const r = await runCli(['run', '--json', 'place the red box above the blue cube', 'put the cup on the table']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.equal(lines[0].success, true);
  assert.ok(lines[0].targetPoses.red_box && lines[0].targetPoses.blue_cube);
  assert.equal(lines[0].backend, EXPECTED_AUTO_BACKEND);
});

test('gasm run prints tables; a failed instruction makes the exit code 1', async () => {
  const r = await runCli(['run', 'place the red box above the blue cube', 'hello world']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /red_box/);
  assert.match(r.stdout, /FAILED/);
  assert.match(r.stdout, /1 of 2 instructions succeeded/);
});

test('bad usage exits 2 with one line and no stack trace', async () => {
  for (const args of [['run'], ['run', '--file', 'no/such/file.txt'], ['run', '--backend', 'gpu', 'x'], ['run', '--heads', '0', 'x'], ['run', '--model-dir', 'no/such/model', 'x'], ['bench', 'speed'], ['nonsense']]) {
    const r = await runCli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\n\s+at /, `no stack trace for ${args.join(' ')}`);
    assert.ok(r.stderr.trim().length > 0);
  }
});

test('--help and --version exit 0', async () => {
  const v = await runCli(['--version']);
  assert.equal(v.code, 0);
  assert.match(v.stdout, /^\d+\.\d+\.\d+/);
  for (const cmd of ['run', 'bench', 'info', 'report', 'gate', 'export', 'baseline']) {
    const h = await runCli([cmd, '--help']);
    assert.equal(h.code, 0, cmd);
    assert.match(h.stdout, /Usage: gasm/);
  }
});

test('gasm info --json lists backends', async () => {
  const r = await runCli(['info', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const info = JSON.parse(r.stdout);
  const names = info.backends.map((b: { name: string }) => b.name);
  assert.ok(names.includes('wasm') && names.includes('cpu'));
  assert.ok(info.system.cores >= 1);
});
