import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/errors.js';
import { createBridge, type GasmBridge } from '../../src/pipeline/bridge.js';
import { profileChart } from '../../src/profile/chart.js';
import { profileInstruction } from '../../src/profile/profile.js';
import { PHASES, profileSolverPhases } from '../../src/profile/solver-phases.js';
import { runCli } from '../helpers/run-cli.js';

let bridge: GasmBridge;
let dir: string;
before(async () => {
  bridge = await createBridge({ backend: 'cpu' });
  dir = await mkdtemp(join(tmpdir(), 'gasm-profile-'));
});
after(async () => {
  bridge.dispose();
  await rm(dir, { recursive: true, force: true });
});

test('a profile names the network kernels and the solver phases that ran, per run', async () => {
  const p = await profileInstruction(bridge, 'place the red box above the blue cube', 3);
  assert.equal(p.runs, 3);
  assert.equal(p.success, true);
  const names = p.kernels.map((k) => k.name);
  assert.ok(names.includes('BatchMatMul') && names.includes('_FusedMatMul') && names.includes('Softmax'), names.join(', '));
  const matmul = p.kernels.find((k) => k.name === '_FusedMatMul');
  // 2 embedding layers + 2 MLP layers per iteration (2 iterations) + the confidence head, per run.
  assert.equal(matmul?.calls, 7 * 3);
  assert.ok((matmul?.bytes ?? 0) > 0);
  assert.ok(matmul?.shapes[0].startsWith('[[1,2,'), matmul?.shapes[0]);
  assert.ok(p.kernels.every((k) => k.totalMs >= 0 && Number.isFinite(k.totalMs)));
  assert.deepEqual(p.phases.map((ph) => ph.phase), [...PHASES]);
  const cholesky = p.phases.find((ph) => ph.phase === 'cholesky');
  assert.ok((cholesky?.calls ?? 0) >= 3, 'at least one linear solve per run');
  assert.ok(Object.values(p.stagesMs).every((v) => Number.isFinite(v) && v >= 0));
  assert.equal(p.bridge.backend, 'cpu');
  const png = profileChart(p);
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
});

test('the phase observer is removed afterwards, also when the work throws', () => {
  assert.throws(() => profileSolverPhases(() => {
    throw new Error('boom');
  }), /boom/);
  const rows = profileSolverPhases(() => bridge.process('put the cup on the table'));
  assert.ok(rows.some((r) => r.calls > 0));
  // Outside a profile nothing is counted any more.
  const again = profileSolverPhases(() => undefined);
  assert.ok(again.every((r) => r.calls === 0));
});

test('a cached bridge and bad run counts are refused', async () => {
  const cached = await createBridge({ backend: 'cpu', cache: 'memory' });
  try {
    await assert.rejects(profileInstruction(cached, 'put the cup on the table', 2), ConfigError);
  } finally {
    cached.dispose();
  }
  await assert.rejects(profileInstruction(bridge, 'put the cup on the table', 0), /runs must be a whole number from 1/);
});

test('gasm profile prints the tables and writes the chart', async () => {
  const r = await runCli(['profile', 'put the cup on the table', '--runs', '2', '--backend', 'cpu', '--out', dir]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /tfjs kernel/);
  assert.match(r.stdout, /solver phase/);
  assert.match(r.stdout, /cholesky/);
  const files = await readdir(dir);
  assert.equal(files.length, 1);
  assert.match(files[0], /^profile-\d{8}T\d{6}Z\.png$/);
  assert.ok((await readFile(join(dir, files[0]))).byteLength > 1000);
  const bad = await runCli(['profile', 'x', '--runs', '0']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--runs must be a whole number from 1/);
  // A failed instruction is exit 1, as in gasm run; a chart folder that is a file is refused before profiling.
  const failed = await runCli(['profile', 'banana', '--runs', '1', '--backend', 'cpu', '--no-chart']);
  assert.equal(failed.code, 1, failed.stderr);
  assert.match(failed.stdout, /^failed "banana"/);
  const file = join(dir, files[0]);
  const blocked = await runCli(['profile', 'put the cup on the table', '--runs', '1', '--backend', 'cpu', '--out', file]);
  assert.equal(blocked.code, 2, blocked.stderr);
  assert.match(blocked.stderr, /cannot write to output folder/);
  assert.doesNotMatch(blocked.stdout, /tfjs kernel/, 'nothing was profiled');
});

test('stage times are medians over individually timed runs, after a warm-up: one slow run does not move them', async () => {
  const slow = [1, 100, 2, 3, 4];
  let calls = 0;
  const fake = {
    describe: () => ({ ...bridge.describe(), cache: { mode: 'off' } }),
    process: (text: string) => {
      const ms = slow[calls++ % slow.length];
      return { instruction: text, success: true, timings: { preprocessingMs: ms / 10, inferenceMs: ms, constraintSolvingMs: 2 * ms, postprocessingMs: 0 } };
    },
  } as unknown as GasmBridge;
  const p = await profileInstruction(fake, 'x', 5);
  assert.ok(p.warmupRuns >= 3);
  assert.deepEqual(p.stagesMs, { preprocessingMs: 0.3, inferenceMs: 3, constraintSolvingMs: 6, postprocessingMs: 0 });
  assert.ok(p.wallRangeMs[0] <= p.wallMs && p.wallMs <= p.wallRangeMs[1]);
});
