// Noise figures of a gate calibration folder (scripts/gate-calibration.sh): the slowdown the slowed runs really
// had, and how much wall time and CPU time varied under load — run to run inside a report, and report to report
// for the figures the gate compares (median of wall throughput, p90 of throughput per CPU second).
//   usage: node scripts/gate-calibration-noise.mjs <calibration folder>
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); const h = (s.length - 1) * p; const lo = Math.floor(h); return s[lo] + (h - lo) * ((s[lo + 1] ?? s[lo]) - s[lo]); };
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const cv = (xs) => { const m = mean(xs); return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)) / m; };
/** Robust CV: 1.4826 × median absolute deviation / median (a few GC pauses do not dominate it). */
const rcv = (xs) => { const m = q(xs, 0.5); return (1.4826 * q(xs.map((x) => Math.abs(x - m)), 0.5)) / m; };
const MIN_UNDISTURBED_RUNS = 10;
/** Runs with no context switch in them nor in the run before (src/bench/noise.ts). */
const undisturbed = (sw) => sw.map((_, i) => i).filter((i) => sw[i] === 0 && (i === 0 || sw[i - 1] === 0));
const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

function load(kind) {
  const out = [];
  for (let i = 1; ; i++) {
    const path = join(dir, `${kind}-${i}`, 'latest.json');
    if (!existsSync(path)) break;
    const c = Object.values(JSON.parse(readFileSync(path, 'utf8')).suites.throughput.categories)[0];
    const n = c.instructions;
    const calm = undisturbed(c.samples.switches ?? []);
    const idx = calm.length >= MIN_UNDISTURBED_RUNS ? calm : c.samples.cpuMs.map((_, i) => i);
    const cpuRuns = idx.map((i) => c.samples.cpuMs[i]);
    const refMs = c.samples.referenceCpuMs ?? [];
    // Instructions per reference unit (src/suites/throughput/metrics.ts): n × reference CPU ÷ run CPU.
    const refRuns = refMs.length === c.samples.cpuMs.length ? idx.filter((i) => refMs[i] > 0 && c.samples.cpuMs[i] > 0).map((i) => (n * refMs[i]) / c.samples.cpuMs[i]) : [];
    out.push({
      wall: q(c.samples.runMs.map((ms) => (n / ms) * 1000), 0.5),
      cpu: q(cpuRuns.filter((x) => x > 0).map((ms) => (n / ms) * 1000), 0.5),
      wallCv: cv(c.samples.runMs),
      wallRcv: rcv(c.samples.runMs),
      cpuRcv: rcv(cpuRuns),
      cpuCv: cv(c.samples.cpuMs),
      calmCpuCv: cv(cpuRuns),
      ref: refRuns.length > 0 ? q(refRuns, 0.5) : NaN,
      refCv: refRuns.length > 1 ? cv(refRuns) : NaN,
      refRcv: refRuns.length > 1 ? rcv(refRuns) : NaN,
      calm: calm.length,
      runs: c.runs,
      others: c.noise?.otherCores ?? NaN,
      share: c.noise?.coreShare ?? NaN,
    });
  }
  return out;
}

const base = load('base');
for (const [kind, label] of [['aaq', 'A/A quiet'], ['aal', 'A/A, load during current'], ['sdq', 'slowed, quiet'], ['sdl', 'slowed, load']]) {
  const cur = load(kind);
  if (cur.length === 0) continue;
  const k = Math.min(cur.length, base.length);
  const dWall = cur.slice(0, k).map((c, i) => c.wall / base[i].wall - 1);
 const dCpu = cur.slice(0, k).map((c, i) => c.cpu / base[i].cpu - 1);
  const dRef = cur.slice(0, k).map((c, i) => c.ref / base[i].ref - 1).filter(Number.isFinite);
  const refPart = dRef.length > 0 ? `, in reference units ${pct(q(dRef, 0.5))} [${pct(Math.min(...dRef))}, ${pct(Math.max(...dRef))}]` : '';
  console.log(`${label.padEnd(26)} change vs its baseline, median [min, max]: wall throughput ${pct(q(dWall, 0.5))} [${pct(Math.min(...dWall))}, ${pct(Math.max(...dWall))}], CPU throughput (undisturbed runs) ${pct(q(dCpu, 0.5))} [${pct(Math.min(...dCpu))}, ${pct(Math.max(...dCpu))}]${refPart}; others used ${q(cur.map((c) => c.others), 0.5).toFixed(2)} cores, core share ${q(cur.map((c) => c.share), 0.5).toFixed(2)}, undisturbed runs ${q(cur.map((c) => c.calm), 0.5)} of ${q(cur.map((c) => c.runs), 0.5)} (medians)`);
}
for (const [kind, label] of [['base', 'quiet baselines'], ['aal', 'A/A under load']]) {
  const r = load(kind);
  if (r.length < 2) continue;
  const med = (f) => (q(r.map(f), 0.5) * 100).toFixed(1);
  console.log(`${label.padEnd(26)} robust CV run to run (1.4826·MAD/median, median over reports): wall ${med((x) => x.wallRcv)}%, CPU undisturbed runs ${med((x) => x.cpuRcv)}%${Number.isFinite(r[0].refRcv) ? `, reference units ${med((x) => x.refRcv)}%` : ''}`);
  console.log(`${label.padEnd(26)} CV run to run (median over ${r.length} reports): wall ${(q(r.map((x) => x.wallCv), 0.5) * 100).toFixed(1)}%, CPU all runs ${(q(r.map((x) => x.cpuCv), 0.5) * 100).toFixed(1)}%, CPU undisturbed runs ${(q(r.map((x) => x.calmCpuCv), 0.5) * 100).toFixed(1)}%${Number.isFinite(r[0].refCv) ? `, reference units ${(q(r.map((x) => x.refCv), 0.5) * 100).toFixed(1)}%` : ''}; CV across reports of the gate's figures: wall median ${(cv(r.map((x) => x.wall)) * 100).toFixed(1)}%, CPU ${(cv(r.map((x) => x.cpu)) * 100).toFixed(1)}%${Number.isFinite(r[0].ref) ? `, reference units ${(cv(r.map((x) => x.ref)) * 100).toFixed(1)}%` : ''}`);
}
