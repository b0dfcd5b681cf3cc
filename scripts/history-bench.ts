/**
 * Speed of the history store (issue 15 targets; a benchmark, not a test):
 *   record  — what recording adds to `gasm bench`: loading the history modules and recording a real report in
 *             a fresh store (cold, once per child process), and recording further runs (warm). Target < 50 ms.
 *   show    — `gasm history show <metric>` over 10,000 recorded runs of the embedded store: the query, the
 *             per-commit series with step detection and the table. Target < 200 ms.
 * The report recorded is a real one (default reports/latest.json; pass another with --report). The 10,000 runs
 * are a real report's metrics (--fill-report, default the same file; a short run keeps the store small, since
 * every run stores its report) recorded under 10,000 commits with a deterministic ±2% drift of every figure:
 * synthetic history, real metric rows.
 * Run: node --import tsx scripts/history-bench.ts [--report FILE] [--fill-report FILE] [--runs 10000]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReport } from '../src/report/load.js';
import type { BenchReport } from '../src/report/types.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const reportPath = flag('--report', 'reports/latest.json');
const fillPath = flag('--fill-report', reportPath);
const RUNS = Number(flag('--runs', '10000'));
const COLD_PROCESSES = 5;
const WARM_RECORDS = 30;
const SHOW_REPEATS = 15;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A copy of the report as if measured at another commit and time, every figure drifted by `factor`. */
function variant(report: BenchReport, i: number, factor: number): BenchReport {
  const copy = JSON.parse(JSON.stringify(report)) as BenchReport;
  copy.createdAt = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  copy.git = { ...(copy.git ?? { dirty: false }), commit: i.toString(16).padStart(40, '0') } as BenchReport['git'];
  const scale = (v: unknown): unknown => (typeof v === 'number' ? v * factor : Array.isArray(v) ? v.map(scale) : v);
  const walk = (o: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(o)) {
      if (k === 'samples' && v && typeof v === 'object') {
        if (Array.isArray(v)) o[k] = scale(v);
        else for (const [sk, sv] of Object.entries(v as Record<string, unknown>)) (v as Record<string, unknown>)[sk] = scale(sv);
      } else if (v && typeof v === 'object') walk(v as Record<string, unknown>);
    }
  };
  walk(copy.suites as Record<string, unknown>);
  return copy;
}

async function coldChild(db: string, i: number): Promise<void> {
  const t0 = performance.now();
  const { recordReport } = await import('../src/history/record.js');
  const tImport = performance.now();
  const report = variant(await loadReport(reportPath), 1_000_000 + i, 1);
  const r = await recordReport(report, { db, branch: 'main' });
  process.stdout.write(JSON.stringify({ importMs: tImport - t0, recordMs: r.ms, totalMs: tImport - t0 + r.ms }) + '\n');
}

async function main(): Promise<void> {
  if (args[0] === '--cold-child') return coldChild(args[1], Number(args[2]));
  const report = await loadReport(reportPath);
  const dir = mkdtempSync(join(tmpdir(), 'gasm-history-bench-'));
  try {
    // Recording, cold: each child process loads the history modules and records once; the first creates the
    // store (schema and all), the others record into it, as every `gasm bench` after the first does.
    const cold: { importMs: number; recordMs: number; totalMs: number }[] = [];
    for (let i = 0; i <= COLD_PROCESSES; i++) {
      const out = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--cold-child', join(dir, 'cold.db'), String(i), '--report', reportPath], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(out.stderr);
      cold.push(JSON.parse(out.stdout.trim().split('\n').pop()!));
    }
    const first = cold.shift()!;
    // Recording, warm: modules loaded, store file exists.
    const { recordReport } = await import('../src/history/record.js');
    const warmDb = join(dir, 'warm.db');
    await recordReport(variant(report, 0, 1), { db: warmDb, branch: 'main' });
    const warm: number[] = [];
    for (let i = 1; i <= WARM_RECORDS; i++) warm.push((await recordReport(variant(report, i, 1), { db: warmDb, branch: 'main' })).ms);
    console.log(`record: first run ever (creates the store): ${first.recordMs.toFixed(1)} ms, plus ${first.importMs.toFixed(1)} ms loading the history modules from source (tsx)`);
    console.log(`record: fresh process, existing store: median ${median(cold.map((c) => c.recordMs)).toFixed(1)} ms (driver load, open, migrate check, write, close), plus ${median(cold.map((c) => c.importMs)).toFixed(1)} ms loading the modules from source (tsx), over ${COLD_PROCESSES} processes — target < 50 ms`);
    console.log(`record: warm median ${median(warm).toFixed(1)} ms, max ${Math.max(...warm).toFixed(1)} ms over ${WARM_RECORDS} records into an existing store (open, migrate check, write, close) — target < 50 ms`);

    // history show over RUNS runs.
    const { openHistoryStore, writeRun } = await import('../src/history/store.js');
    const { runEntryOf } = await import('../src/history/run-entry.js');
    const { metricHistory } = await import('../src/history/queries.js');
    const { metricHistoryTable } = await import('../src/history/tables.js');
    const fill = await loadReport(fillPath);
    const db = join(dir, 'big.db');
    const store = await openHistoryStore(db, { create: true });
    const t0 = performance.now();
    const BATCH = 500;
    for (let start = 0; start < RUNS; start += BATCH) {
      const entries: ReturnType<typeof runEntryOf>[] = [];
      for (let i = start; i < Math.min(RUNS, start + BATCH); i++) entries.push(runEntryOf(variant(fill, i, 1 + 0.02 * Math.sin(i)), { branch: 'main', source: 'bench' }));
      await store.db.transaction(async (tx) => {
        for (const e of entries) await writeRun(tx, e);
      });
    }
    console.log(`filled ${await store.countRuns()} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const metric = 'throughput.simple.instructionsPerSecond';
    const times: number[] = [];
    let rows = 0;
    for (let k = 0; k < SHOW_REPEATS; k++) {
      const s = performance.now();
      const h = await metricHistory(store, metric, {});
      rows = metricHistoryTable(h, 30).rows.length + h.runs;
      times.push(performance.now() - s);
    }
    await store.close();
    console.log(`show ${metric} over ${RUNS} runs (query + series + steps + table, ${rows} rows): median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${SHOW_REPEATS} — target < 200 ms`);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'history', 'show', metric, '--db', db], { encoding: 'utf8' });
    const t1 = performance.now();
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'history', 'show', metric, '--db', db], { encoding: 'utf8' });
    const cliMs = performance.now() - t1;
    const t2 = performance.now();
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--version'], { encoding: 'utf8' });
    const versionMs = performance.now() - t2;
    console.log(`whole \`gasm history show\` process from source: ${cliMs.toFixed(0)} ms (\`gasm --version\`: ${versionMs.toFixed(0)} ms of start-up)${cli.status === 0 ? '' : ` — failed: ${cli.stderr}`}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
