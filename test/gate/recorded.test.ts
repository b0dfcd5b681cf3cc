import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { MachineNoise } from '../../src/bench/noise.js';
import { compareReports, type GateOptions } from '../../src/gate/compare.js';
import { gateVerdict } from '../../src/gate/verdict.js';
import { withSimple } from './busy-reports.js';

/** Per-run samples recorded on the 2-vCPU VM by scripts/gate-calibration.sh (see the fixture's note). */
interface RecordedSet { instructions: number; runMs: number[]; cpuMs: number[]; switches?: number[]; noise: MachineNoise }
const recorded = JSON.parse(readFileSync(new URL('./fixtures/recorded-simple.json', import.meta.url), 'utf8')) as { sets: Record<string, RecordedSet> };

function report(name: string, seed: number) {
  const s = recorded.sets[name];
  const r = withSimple(seed, s.runMs, s.cpuMs, s.noise);
  r.suites.throughput!.categories.simple.instructions = s.instructions;
  r.suites.throughput!.categories.simple.samples.instructionsPerSecond = s.runMs.map((ms) => (s.instructions / ms) * 1000);
  if (s.switches) r.suites.throughput!.categories.simple.samples.switches = s.switches;
  return r;
}

const options: GateOptions = { threshold: 0.1, confidence: 0.95, metrics: ['throughput.simple', 'latency.simple.batch'] };

test('recorded: the same build with two busy processes during the current run is not a regression', () => {
  const result = compareReports([report('base1', 1)], report('aaLoaded1', 2), options);
  const wall = result.comparisons.find((c) => c.id === 'throughput.simple.instructionsPerSecond')!;
  assert.notEqual(wall.verdict, 'regression', wall.reason);
  assert.notEqual(gateVerdict(result), 'regression');
});

test('recorded: a real slowdown (--hidden-dim 52) measured with two busy processes is caught through CPU time', () => {
  const result = compareReports([report('base2', 1)], report('slowLoaded2', 2), options);
  const cpu = result.comparisons.find((c) => c.id === 'throughput.simple.cpuInstructionsPerSecond')!;
  assert.equal(cpu.verdict, 'regression', cpu.reason);
  const wall = result.comparisons.find((c) => c.id === 'throughput.simple.instructionsPerSecond')!;
  assert.equal(wall.verdict, 'regression');
  assert.match(wall.reason, /the machine was busy but CPU time regressed too/);
  assert.equal(gateVerdict(result), 'regression');
});
