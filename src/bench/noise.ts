/**
 * How busy the machine was while a case was measured: the share of a core the benchmark got, what other
 * processes used, and what the hypervisor took (steal). A gate needs this to tell a slower build from a
 * slower machine: on a shared CI runner, wall time moves by several times when other jobs run, while the
 * benchmark's own CPU time barely does.
 *
 * Machine-wide figures come from /proc/stat (Linux; USER_HZ ticks, so they are read per case, over the
 * measured loop, never per run: a run of a few ms is shorter than one tick). Elsewhere they are null, never
 * a made-up zero.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';

/** Clock ticks per second of /proc/stat (USER_HZ): 100 on every Linux architecture Node runs on. */
const USER_HZ = 100;

/** Other processes using at least this many cores on average make the machine "busy". */
export const BUSY_OTHER_CORES = 0.25;
/** A steal share (of all CPU time) at least this large makes the machine "busy". */
export const BUSY_STEAL_SHARE = 0.05;

/** One reading of the machine's CPU counters. */
export interface CpuCounters {
  /** All CPU time of all cores, ms (busy + idle + iowait + steal). */
  totalMs: number;
  /** Busy time of all cores (user, nice, system, irq, softirq, steal excluded), ms. */
  busyMs: number;
  /** Time the hypervisor ran something else on our virtual CPUs, ms. */
  stealMs: number;
  /** This process's CPU time (user + system, all threads), ms. */
  ownCpuMs: number;
  /** When it was read (performance.now()), ms. */
  atMs: number;
}

export const MachineNoiseSchema = Type.Object(
  {
    coreShare: Type.Number({ description: 'this process’s CPU time / wall time over the measured loop: 1 = one full core (helper threads can lift it above 1)' }),
    otherCores: Type.Union([Type.Number(), Type.Null()], { description: 'cores other processes kept busy on average during the measured loop (from /proc/stat; null where it cannot be read)' }),
    stealShare: Type.Union([Type.Number(), Type.Null()], { description: 'share of all CPU time the hypervisor stole during the measured loop (null where it cannot be read)' }),
    wallCv: Type.Number({ description: 'coefficient of variation of the per-run wall times' }),
    cpuCv: Type.Number({ description: 'coefficient of variation of the per-run CPU times' }),
    busy: Type.Boolean({ description: `true when other processes used ≥ ${BUSY_OTHER_CORES} core or steal was ≥ ${BUSY_STEAL_SHARE * 100}% during the loop` }),
    undisturbedRuns: Type.Optional(Type.Union([Type.Integer(), Type.Null()], { description: 'runs in which the measuring thread was not preempted (nor in the run before): the runs the CPU-time metric uses; null where preemptions cannot be read' })),
  },
  { description: 'how busy the machine was while this case was measured (the noise figure of the case)' },
);
export type MachineNoise = Static<typeof MachineNoiseSchema>;

/** Parses the aggregate `cpu` line of /proc/stat (jiffies) into ms; null when the text has none. */
export function parseProcStat(text: string): { totalMs: number; busyMs: number; stealMs: number } | null {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return null;
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  if (f.length < 4 || f.some((x) => !Number.isFinite(x))) return null;
  // user nice system idle iowait irq softirq steal (guest and guest_nice are already inside user and nice)
  const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
  const tick = 1000 / USER_HZ;
  return {
    totalMs: (user + nice + system + idle + iowait + irq + softirq + steal) * tick,
    busyMs: (user + nice + system + irq + softirq) * tick,
    stealMs: steal * tick,
  };
}

function readProcStat(): { totalMs: number; busyMs: number; stealMs: number } | null {
  try {
    return parseProcStat(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return null;
  }
}

/** Reads the counters now; machine-wide fields are NaN where /proc/stat cannot be read. */
export function readCpuCounters(): CpuCounters {
  const own = process.cpuUsage();
  const machine = readProcStat();
  return {
    totalMs: machine?.totalMs ?? NaN,
    busyMs: machine?.busyMs ?? NaN,
    stealMs: machine?.stealMs ?? NaN,
    ownCpuMs: (own.user + own.system) / 1000,
    atMs: performance.now(),
  };
}

/**
 * Counts the preemptions of the calling thread: `nonvoluntary_ctxt_switches` of /proc/thread-self/status (exact,
 * kept by the kernel per thread). Between two reads, a difference of 0 means no other process took the CPU from
 * it. Voluntary switches (waiting for V8's GC helpers) are the program's own and are not counted. The file is
 * opened once and re-read in place (about 10–30 µs a read, outside any timed region). `read()` is NaN where the
 * file does not exist (not Linux). Close it when done.
 */
export function openPreemptionCounter(): { read(): number; close(): void } {
  let fd: number;
  try {
    fd = openSync('/proc/thread-self/status', 'r');
  } catch {
    return { read: () => NaN, close: () => undefined };
  }
  const buffer = Buffer.alloc(8192);
  const key = 'nonvoluntary_ctxt_switches:';
  const read = (): number => {
    try {
      const text = buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0));
      const at = text.indexOf(key);
      return at < 0 ? NaN : parseInt(text.slice(at + key.length), 10);
    } catch {
      return NaN;
    }
  };
  let open = true;
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  return { read, close };
}

/** Fewest undisturbed runs for a CPU-time metric to use them alone (else every run is used). */
export const MIN_UNDISTURBED_RUNS = 10;

/**
 * Indices of the undisturbed runs: no preemption of the measuring thread during the run, nor since the end of
 * the run before it, nor during that run (its caches and branch predictors are warm). Empty when preemptions
 * were not recorded. `fork` (the fork of each run, when runs come from several forks) keeps the rule inside each
 * fork: the first run of a fork is judged alone.
 */
export function undisturbedRuns(switches: readonly number[], fork?: readonly number[]): number[] {
  const out: number[] = [];
  // With forks, the first run of each fork has no run before it in its own thread.
  const firstOfFork = (i: number) => i === 0 || (fork !== undefined && fork.length === switches.length && fork[i] !== fork[i - 1]);
  for (let i = 0; i < switches.length; i++) if (switches[i] === 0 && (firstOfFork(i) || switches[i - 1] === 0)) out.push(i);
  return out;
}

function cv(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  if (!(m > 0)) return 0;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  return Math.sqrt(v) / m;
}

/**
 * The noise figure of a case from counters read before and after its measured loop and the per-run wall and
 * CPU times. Other processes' CPU is the machine's busy time minus this process's own CPU time.
 */
export function machineNoise(before: CpuCounters, after: CpuCounters, runMs: readonly number[], cpuMs: readonly number[], switches: readonly number[] = []): MachineNoise {
  const wall = after.atMs - before.atMs;
  const own = after.ownCpuMs - before.ownCpuMs;
  const total = after.totalMs - before.totalMs;
  const measurable = Number.isFinite(total) && total > 0 && wall > 0;
  const otherCores = measurable ? Math.max(0, (after.busyMs - before.busyMs - own) / wall) : null;
  const stealShare = measurable ? Math.max(0, (after.stealMs - before.stealMs) / total) : null;
  return {
    coreShare: wall > 0 ? own / wall : 0,
    otherCores,
    stealShare,
    wallCv: cv(runMs),
    cpuCv: cv(cpuMs),
    busy: (otherCores ?? 0) >= BUSY_OTHER_CORES || (stealShare ?? 0) >= BUSY_STEAL_SHARE,
    undisturbedRuns: switches.length > 0 ? undisturbedRuns(switches).length : null,
  };
}

/** A few words for people: "got 0.62 of a core, others used 1.40 cores, steal 2.0%" (steal only when there was some). */
export function describeNoise(n: MachineNoise): string {
  const parts = [`got ${n.coreShare.toFixed(2)} of a core`];
  parts.push(n.otherCores === null ? 'other processes’ CPU not available on this machine' : `others used ${n.otherCores.toFixed(2)} cores`);
  if (n.stealShare !== null && n.stealShare > 0.0005) parts.push(`steal ${(n.stealShare * 100).toFixed(1)}%`);
  return parts.join(', ');
}
