#!/usr/bin/env bash
# Agreement of gasm's per-run time with an outside timer (hyperfine).
#
# hyperfine times two whole `gasm bench throughput` processes that differ only in --runs (N1 and N2); the
# difference of their mean wall times divided by N2 − N1 is the outside timer's time per run, with process
# start-up, module loading, backend initialisation and warm-up cancelled out. It is compared with the report's
# own figures for the same work: the mean timed region per run (samples.runMs) and that plus the harness's
# per-run bookkeeping outside the timed region (bookkeepingMsPerRun), which an outside timer also sees.
# Warm-up is fixed (--warmup-max 0: no steady-state search, whose length varies by process) and the reference
# workload is off, so that the two processes differ only in their measured runs.
#
# usage: scripts/hyperfine-agreement.sh [N1=50] [N2=250] [category=simple] [batch=64]
#   HF_RUNS=5 (hyperfine runs per command). Needs `npm run build` and hyperfine (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
N1=${1:-50}
N2=${2:-250}
CATEGORY=${3:-simple}
BATCH=${4:-64}
HF_RUNS=${HF_RUNS:-5}
command -v hyperfine >/dev/null || { echo "hyperfine is not installed (apt-get install -y hyperfine)" >&2; exit 2; }
[ -f dist/src/cli/main.js ] || { echo "gasm is not built: run npm run build" >&2; exit 2; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
GASM="node bin/gasm bench throughput --category $CATEGORY --batch-size $BATCH --no-single-stream --no-sampler --warmup 3 --warmup-time 3000 --warmup-max 0 --no-reference --quiet --out $OUT"
hyperfine -N --style basic --warmup 1 --runs "$HF_RUNS" --export-json "$OUT/hyperfine.json" "$GASM --runs $N1" "$GASM --runs $N2" >&2
node --input-type=module - "$OUT/hyperfine.json" "$OUT/latest.json" "$N1" "$N2" <<'JS'
import { readFileSync } from 'node:fs';
const [hfPath, reportPath, n1, n2] = process.argv.slice(2);
const hf = JSON.parse(readFileSync(hfPath, 'utf8')).results;
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const [name] = Object.keys(report.suites.throughput.categories);
const c = report.suites.throughput.categories[name];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const outside = ((hf[1].mean - hf[0].mean) * 1000) / (Number(n2) - Number(n1));
const timed = mean(c.samples.runMs);
const withBookkeeping = timed + c.bookkeepingMsPerRun;
const pct = (x) => `${((x / outside - 1) * 100).toFixed(1)}%`;
console.log(`category ${name}, ${c.instructions} instructions per run, batch ${c.batchSize}`);
console.log(`hyperfine, per run (difference of ${n2} and ${n1} runs): ${outside.toFixed(3)} ms`);
console.log(`gasm timed region, mean per run:                    ${timed.toFixed(3)} ms (${pct(timed)})`);
console.log(`gasm timed region + bookkeeping per run:            ${withBookkeeping.toFixed(3)} ms (${pct(withBookkeeping)})`);
console.log(`process: start-up ${report.process.startupMs.toFixed(0)} ms, backend init ${report.process.backendInitMs.toFixed(0)} ms (outside every run)`);
JS
