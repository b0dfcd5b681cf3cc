#!/usr/bin/env bash
# Calibrates `gasm gate` on this machine: PAIRS A/A pairs of short throughput runs (same build, same
# config: every failure is a false alarm) and PAIRS pairs where the current run is slowed through
# configuration (every pass is a miss). Prints the counts; the reports stay in $OUT.
#   usage: scripts/gate-calibration.sh [pairs] [slow model flags...]
set -u
PAIRS=${1:-10}
shift || true
SLOW=("${@:---iterations 4}")
OUT=${OUT:-$(mktemp -d /tmp/gasm-gate-XXXX)}
BENCH=(node bin/gasm bench throughput --category simple,medium --min-time 1500 --quiet --no-sampler)
false_alarms=0
caught=0
for i in $(seq 1 "$PAIRS"); do
  "${BENCH[@]}" --out "$OUT/aa-base-$i" >/dev/null
  "${BENCH[@]}" --out "$OUT/aa-cur-$i" >/dev/null
  node bin/gasm gate --baseline "$OUT/aa-base-$i/latest.json" --current "$OUT/aa-cur-$i/latest.json" --metric throughput --metric latency --metric quality >"$OUT/aa-$i.txt" 2>&1
  [ $? -eq 1 ] && false_alarms=$((false_alarms + 1))
  # Slowdown pair: the current run uses a costlier model (more refinement iterations by default).
  "${BENCH[@]}" --out "$OUT/sd-base-$i" >/dev/null
  "${BENCH[@]}" "${SLOW[@]}" --out "$OUT/sd-cur-$i" >/dev/null
  node bin/gasm gate --baseline "$OUT/sd-base-$i/latest.json" --current "$OUT/sd-cur-$i/latest.json" --metric throughput --metric latency >"$OUT/sd-$i.txt" 2>&1
  [ $? -eq 1 ] && caught=$((caught + 1))
done
echo "A/A pairs: $PAIRS, false alarms: $false_alarms"
echo "slowdown pairs (${SLOW[*]}): $PAIRS, caught: $caught"
echo "reports and gate outputs: $OUT"
