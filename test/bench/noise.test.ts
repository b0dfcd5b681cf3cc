import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUSY_OTHER_CORES, describeNoise, machineNoise, parseProcStat, readCpuCounters, openPreemptionCounter, undisturbedRuns, type CpuCounters } from '../../src/bench/noise.js';

test('/proc/stat: the aggregate cpu line in ms (USER_HZ 100), steal apart from busy time', () => {
  const text = 'cpu  100 5 50 800 10 2 3 30 0 0\ncpu0 50 2 25 400 5 1 1 15 0 0\nintr 1 2 3\n';
  assert.deepEqual(parseProcStat(text), { totalMs: 10000, busyMs: 1600, stealMs: 300 });
  assert.equal(parseProcStat('intr 1 2 3\n'), null);
  assert.equal(parseProcStat('cpu  a b c d\n'), null);
});

const at = (atMs: number, busyMs: number, ownCpuMs: number, stealMs = 0, totalMs = atMs * 2): CpuCounters => ({ atMs, busyMs, ownCpuMs, stealMs, totalMs });

test('noise figure: other processes’ CPU is the machine’s busy time minus our own, in cores', () => {
  // 1 s of wall time on 2 cores: the machine was busy 1.8 core-seconds, 0.6 of them ours.
  const n = machineNoise(at(0, 0, 0), at(1000, 1800, 600), [10, 10, 30], [9, 9, 9]);
  assert.ok(Math.abs(n.otherCores! - 1.2) < 1e-9);
  assert.ok(Math.abs(n.coreShare - 0.6) < 1e-9);
  assert.equal(n.stealShare, 0);
  assert.equal(n.busy, true);
  assert.equal(n.cpuCv, 0);
  assert.ok(n.wallCv > 0.5);
  assert.equal(describeNoise(n), 'got 0.60 of a core, others used 1.20 cores');
});

test('a quiet machine is not busy; steal alone can make it busy', () => {
  const quiet = machineNoise(at(0, 0, 0), at(1000, 1000, 980), [1, 1], [1, 1]);
  assert.ok(quiet.otherCores! < BUSY_OTHER_CORES);
  assert.equal(quiet.busy, false);
  const stolen = machineNoise(at(0, 0, 0, 0), at(1000, 1000, 980, 200), [1, 1], [1, 1]);
  assert.equal(stolen.stealShare, 0.1);
  assert.equal(stolen.busy, true);
});

test('where /proc/stat cannot be read the machine figures are null, never zero', () => {
  const nan = (atMs: number, own: number): CpuCounters => ({ atMs, ownCpuMs: own, busyMs: NaN, stealMs: NaN, totalMs: NaN });
  const n = machineNoise(nan(0, 0), nan(100, 90), [1], [1]);
  assert.equal(n.otherCores, null);
  assert.equal(n.stealShare, null);
  assert.equal(n.busy, false);
  assert.match(describeNoise(n), /not available on this machine/);
  const c = readCpuCounters();
  assert.ok(c.ownCpuMs > 0);
});

test('undisturbed runs: no switch in the run, nor in the run before it', () => {
  assert.deepEqual(undisturbedRuns([0, 0, 1, 0, 0, 0, 2, 0]), [0, 1, 4, 5]);
  assert.deepEqual(undisturbedRuns([]), []);
  const counter = openPreemptionCounter();
  const a = counter.read();
  assert.ok(Number.isNaN(a) || (Number.isInteger(a) && counter.read() >= a));
  counter.close();
  counter.close();
});
