/**
 * Whether this machine can count instructions retired (a measure that, like CodSpeed's simulated work, hardly
 * moves when other processes share the machine). Linux exposes hardware counters through perf_event only when
 * a CPU PMU is present (/sys/bus/event_source/devices/cpu, or an AMD/ARM PMU device) and perf_event_paranoid
 * lets this user open them. The answer is a sentence for the report: "not available on this machine: <reason>"
 * where they cannot be read — never a count of zero.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Whether instructions retired can be counted here, and why not. */
export function instructionCounterAvailability(platform: string = process.platform, root = ''): { available: boolean; note: string } {
  if (platform !== 'linux') return { available: false, note: `not available on this machine: hardware counters are read through Linux perf_event (this is ${platform})` };
  let devices: string[];
  try {
    devices = readdirSync(`${root}/sys/bus/event_source/devices`);
  } catch {
    devices = [];
  }
  let paranoid = NaN;
  try {
    paranoid = Number(readFileSync(`${root}/proc/sys/kernel/perf_event_paranoid`, 'utf8').trim());
  } catch {
    // no perf_event support in this kernel
  }
  const pmu = devices.filter((d) => d === 'cpu' || d.startsWith('cpu_') || d.startsWith('armv8') || d === 'ibs_op');
  if (pmu.length === 0) {
    return { available: false, note: `not available on this machine: no hardware PMU is exposed (perf event sources: ${devices.join(', ') || 'none'}; a VM without a virtual PMU counts no instructions)` };
  }
  if (!(paranoid <= 2)) return { available: false, note: `not available on this machine: perf_event_paranoid is ${Number.isFinite(paranoid) ? paranoid : 'unreadable'} (user-space counting needs ≤ 2)` };
  return { available: true, note: `a hardware PMU is present (${pmu.join(', ')}; perf_event_paranoid ${paranoid}), but gasm does not read hardware counters: CPU time is its low-noise measure` };
}
