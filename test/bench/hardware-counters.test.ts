import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instructionCounterAvailability } from '../../src/bench/hardware-counters.js';

async function fakeRoot(devices: string[], paranoid: string) {
  const root = await mkdtemp(join(tmpdir(), 'gasm-pmu-'));
  for (const d of devices) await mkdir(join(root, 'sys/bus/event_source/devices', d), { recursive: true });
  await mkdir(join(root, 'proc/sys/kernel'), { recursive: true });
  await writeFile(join(root, 'proc/sys/kernel/perf_event_paranoid'), paranoid + '\n');
  return root;
}

test('a VM without a PMU: "not available on this machine" with the reason, never a zero count', async () => {
  const r = instructionCounterAvailability('linux', await fakeRoot(['breakpoint', 'software', 'tracepoint'], '2'));
  assert.equal(r.available, false);
  assert.equal(r.note, 'not available on this machine: no hardware PMU is exposed (perf event sources: breakpoint, software, tracepoint; a VM without a virtual PMU counts no instructions)');
});

test('a PMU that perf_event_paranoid forbids, a PMU that is readable, another OS', async () => {
  assert.match(instructionCounterAvailability('linux', await fakeRoot(['cpu', 'software'], '3')).note, /^not available on this machine: perf_event_paranoid is 3/);
  const ok = instructionCounterAvailability('linux', await fakeRoot(['cpu', 'software'], '1'));
  assert.equal(ok.available, true);
  assert.match(ok.note, /hardware PMU is present \(cpu; perf_event_paranoid 1\)/);
  assert.match(instructionCounterAvailability('darwin').note, /^not available on this machine: .*this is darwin/);
});
