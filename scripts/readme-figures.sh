#!/usr/bin/env bash
# Reruns the commands behind the README's Performance tables, one after another (never two benchmarks at once:
# on 2 cores they spoil each other's figures), and prints each headline figure with its interval.
# Run it on a quiet machine after `npm run build`: the 1-minute load average is printed before each step so a
# reader can tell whether anything else was running.
#   usage: scripts/readme-figures.sh [out-dir]      (about 10 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-$(mktemp -d /tmp/gasm-figures-XXXX)}
mkdir -p "$OUT"
GASM=(node bin/gasm)
step() { printf '\n=== %s (load %s)\n' "$1" "$(cut -d' ' -f1 /proc/loadavg)"; }
show() { node --input-type=module -e "$1" "$2"; }

step 'gasm bench throughput (all categories, defaults)'
"${GASM[@]}" bench throughput --out "$OUT/throughput" --no-history --quiet >/dev/null
show '
import { readFileSync } from "node:fs";
const r = JSON.parse(readFileSync(process.argv[1], "utf8"));
for (const [name, c] of Object.entries(r.suites.throughput.categories)) {
  const t = c.throughputSummary, s = c.singleStream?.latencyMs;
  console.log(`${name}: ${Math.round(t.median)} instr/s [${Math.round(t.ci95Median[0])}, ${Math.round(t.ci95Median[1])}] over ${c.runs} runs of ${c.instructions}` +
    (s ? `; single-stream p50 ${s.median.toFixed(3)} [${s.ci95Median.map((x) => x.toFixed(3)).join(", ")}] p90 ${s.p90.toFixed(3)} p99 ${s.p99.toFixed(3)} ms` : ""));
}' "$OUT/throughput/latest.json"

step 'gasm bench parallel (defaults)'
"${GASM[@]}" bench parallel --out "$OUT/parallel" --no-history --quiet >/dev/null
show '
import { readFileSync } from "node:fs";
const p = JSON.parse(readFileSync(process.argv[1], "utf8")).suites.parallel;
const f = (x) => JSON.stringify(x);
console.log(`workers ${p.workers}: speedup ${p.speedup.toFixed(3)} ${f(p.speedupCi95)}, efficiency ${p.efficiency.toFixed(3)}, machine ${p.machine.speedup.toFixed(3)} ${f(p.machine.ci95)}, pipeline/machine ${p.relativeToMachine.toFixed(3)} ${f(p.relativeToMachineCi95 ?? null)}`);' "$OUT/parallel/latest.json"

step 'gasm bench scalability (defaults)'
"${GASM[@]}" bench scalability --out "$OUT/scalability" --no-history > "$OUT/scalability.txt"
grep -E "gain|N\^|local|O\(" "$OUT/scalability.txt" | head -12 || true

step 'gasm bench memory --category simple --memory-instructions 10000'
"${GASM[@]}" bench memory --category simple --memory-instructions 10000 --out "$OUT/memory" --no-history > "$OUT/memory.txt"
sed -n '1,12p' "$OUT/memory.txt"

step 'scripts/bench-model.ts (model targets, interleaved; the compiled build, as gasm runs it)'
node dist/scripts/bench-model.js | tee "$OUT/bench-model.txt"

step 'scripts/server-batching-gain.sh'
OUT="$OUT/server" GASM="node bin/gasm" scripts/server-batching-gain.sh --no-history | tee "$OUT/server.txt"

step 'scripts/hyperfine-agreement.sh'
if command -v hyperfine >/dev/null; then HF_RUNS=5 scripts/hyperfine-agreement.sh 50 250 2>/dev/null | tee "$OUT/hyperfine.txt"; else echo 'hyperfine not installed: skipped'; fi

printf '\nreports and outputs: %s\n' "$OUT"
