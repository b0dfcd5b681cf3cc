/**
 * A fixed reference workload, timed in CPU time beside every measured run, so that a run's CPU time can be
 * expressed in units of "what this machine's CPU delivers right now".
 *
 * Why: on a shared machine, CPU time is steadier than wall time but it still moves. When another process keeps
 * the sibling virtual CPU busy, the benchmark's own, unpreempted runs take 10–16 % more CPU time here (shared
 * caches, memory bandwidth and the host's core shared between the two vCPUs), which a gate cannot tell from a
 * 10 % slower build. A workload that never changes with the build, run right after each run on the same
 * thread, slows the same way; the ratio pipeline CPU / reference CPU cancels the machine's share and keeps
 * the build's.
 *
 * The workload mixes what the pipeline does: a Float32 matrix product (the network's shape of work), Float64
 * vector arithmetic with square roots (the solver's) and short-lived small objects and strings (parsing and
 * responses). It is deterministic, allocates a bounded amount and returns a checksum so no step can be
 * optimised away. One call takes about 0.13–0.14 ms of CPU on this project's 2-vCPU VM.
 */

/** Matrix side of the Float32 product. */
const MAT = 24;
/** Length of the Float64 vectors. */
const VEC = 512;
/** Small objects and strings per call. */
const OBJECTS = 160;
/** Repetitions of the three parts per call (about 0.03 ms each here). */
const REPEAT = 5;

const a = new Float32Array(MAT * MAT);
const b = new Float32Array(MAT * MAT);
const c = new Float32Array(MAT * MAT);
const u = new Float64Array(VEC);
const v = new Float64Array(VEC);
for (let i = 0; i < MAT * MAT; i++) {
  a[i] = ((i * 37) % 101) / 101 - 0.5;
  b[i] = ((i * 53) % 97) / 97 - 0.5;
}
for (let i = 0; i < VEC; i++) {
  u[i] = 1 + ((i * 29) % 89) / 89;
  v[i] = 1 + ((i * 31) % 83) / 83;
}
const WORDS = ['place', 'the', 'red', 'box', 'above', 'blue', 'cube', 'left', 'of', 'plate', 'cm', 'mm'];

function matmul(): number {
  for (let i = 0; i < MAT; i++) {
    for (let j = 0; j < MAT; j++) {
      let s = 0;
      for (let k = 0; k < MAT; k++) s += a[i * MAT + k] * b[k * MAT + j];
      c[i * MAT + j] = s;
    }
  }
  return c[(MAT * MAT) >> 1];
}

function vectors(): number {
  let s = 0;
  for (let r = 0; r < 4; r++) {
    for (let i = 0; i < VEC; i++) s += Math.sqrt(u[i] * v[i] + r) / (1 + u[i]);
  }
  return s;
}

function objects(): number {
  const map = new Map<string, { name: string; x: number; y: number }>();
  let s = 0;
  for (let i = 0; i < OBJECTS; i++) {
    const name = `${WORDS[i % WORDS.length]}_${i & 7}`;
    const o = map.get(name) ?? { name, x: 0, y: 0 };
    o.x += i;
    o.y = o.x * 0.5;
    map.set(name, o);
    s += o.name.length + o.y;
  }
  return s + map.size;
}

/** One unit of reference work; returns a checksum (callers keep it so that nothing is optimised away). */
export function referenceWork(): number {
  let s = 0;
  for (let r = 0; r < REPEAT; r++) s += matmul() + vectors() + objects();
  return s;
}

/** Process CPU time (user + system), ms, of one unit of reference work. */
export function timeReferenceCpuMs(): { cpuMs: number; checksum: number } {
  const c0 = process.cpuUsage();
  const checksum = referenceWork();
  const c1 = process.cpuUsage(c0);
  return { cpuMs: (c1.user + c1.system) / 1000, checksum };
}
