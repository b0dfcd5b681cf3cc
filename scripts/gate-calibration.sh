#!/usr/bin/env bash
# Calibrates `gasm gate` on this machine. For each of PAIRS iterations it runs one quiet baseline and three
# current runs, each gated against that baseline:
#   A/A + load   same build and config, LOAD busy processes running during the current run only:
#                every exit-1 verdict is a false alarm ("inconclusive" is not);
#   slow, quiet  the current run slowed through a heavier model setting (SLOW flags): every pass is a miss;
#   slow + load  the same, with the LOAD busy processes during the slowed run.
# With QUIET_AA=1 it also runs a quiet A/A pair per iteration. At the end it prints the counts and the noise
# figures of the loaded runs (run-to-run CV of wall and CPU time, and the CV across reports of the figures
# the gate compares). Reports and gate outputs stay in $OUT.
#
#   usage: scripts/gate-calibration.sh [pairs] [slow model flags...]
#   env:   LOAD=2 (busy processes), OUT=<dir>, QUIET_AA=0|1, CONFIRM=0|1 (gate with --confirm: the load, when a
#          pair has one, stays on through the confirmation rerun too), THRESHOLD=10% (the gate's --threshold),
#          GASM="node --import tsx src/cli/main.ts" (or "node bin/gasm" after npm run build),
#          BENCH_FLAGS="--category simple --forks 3 --min-time 700 --warmup-max 2500 --no-single-stream --no-sampler"
# The default slowdown, --hidden-dim 52 (attention width 32 → 52), measured 13–17% slower in one process on the
# shared VM and 18% (median of 20 pairs) on the quiet VM (README, Performance).
set -u
PAIRS=${1:-20}
shift || true
if [ $# -gt 0 ]; then SLOW=("$@"); else SLOW=(--hidden-dim 52); fi
LOAD=${LOAD:-2}
QUIET_AA=${QUIET_AA:-0}
CONFIRM=${CONFIRM:-0}
OUT=${OUT:-$(mktemp -d /tmp/gasm-gate-XXXX)}
read -r -a GASM_CMD <<<"${GASM:-node --import tsx src/cli/main.ts}"
read -r -a FLAGS <<<"${BENCH_FLAGS:---category simple --forks 3 --min-time 700 --warmup-max 2500 --no-single-stream --no-sampler}"
THRESHOLD=${THRESHOLD:-10%}
GATE_FLAGS=(--metric throughput --metric latency --metric quality --threshold "$THRESHOLD")
[ "$CONFIRM" = 1 ] && GATE_FLAGS+=(--confirm)
mkdir -p "$OUT"

LOAD_PIDS=()
start_load() {
  LOAD_PIDS=()
  for _ in $(seq 1 "$LOAD"); do
    sh -c 'while :; do :; done' &
    LOAD_PIDS+=($!)
  done
}
stop_load() {
  for pid in "${LOAD_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${LOAD_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  LOAD_PIDS=()
}
trap 'stop_load' EXIT INT TERM

bench() { # bench <out dir> [extra flags...]
  local dir=$1
  shift
  "${GASM_CMD[@]}" bench throughput "${FLAGS[@]}" "$@" --quiet --out "$dir" >/dev/null || echo "bench failed: $dir" >&2
}

# gate <name> <baseline dir> <current dir>: prints pass | inconclusive | regression | error
gate() {
  local name=$1 base=$2 cur=$3 rc
  "${GASM_CMD[@]}" gate --baseline "$base/latest.json" --current "$cur/latest.json" "${GATE_FLAGS[@]}" >"$OUT/$name.txt" 2>&1
  rc=$?
  if [ $rc -eq 1 ]; then echo regression
  elif [ $rc -ne 0 ]; then echo error
  elif grep -q '^INCONCLUSIVE' "$OUT/$name.txt"; then echo inconclusive
  else echo pass; fi
}

declare -A count
tally() { count[$1]=$(( ${count[$1]:-0} + 1 )); }

for i in $(seq 1 "$PAIRS"); do
  bench "$OUT/base-$i"
  if [ "$QUIET_AA" = 1 ]; then
    bench "$OUT/aaq-$i"
    tally "aaq:$(gate "aaq-$i" "$OUT/base-$i" "$OUT/aaq-$i")"
  fi
  start_load; bench "$OUT/aal-$i"
  [ "$CONFIRM" = 1 ] || stop_load
  tally "aal:$(gate "aal-$i" "$OUT/base-$i" "$OUT/aal-$i")"
  stop_load
  bench "$OUT/sdq-$i" "${SLOW[@]}"
  tally "sdq:$(gate "sdq-$i" "$OUT/base-$i" "$OUT/sdq-$i")"
  start_load; bench "$OUT/sdl-$i" "${SLOW[@]}"
  [ "$CONFIRM" = 1 ] || stop_load
  tally "sdl:$(gate "sdl-$i" "$OUT/base-$i" "$OUT/sdl-$i")"
  stop_load
  echo "pair $i/$PAIRS done: aal ${count[aal:regression]:-0} false alarms, sdq ${count[sdq:regression]:-0} caught, sdl ${count[sdl:regression]:-0} caught" >&2
done

row() { # row <label> <key>
  printf '%-44s regression %2d  inconclusive %2d  pass %2d  error %2d\n' "$1" "${count[$2:regression]:-0}" "${count[$2:inconclusive]:-0}" "${count[$2:pass]:-0}" "${count[$2:error]:-0}"
}
echo "gate calibration: $PAIRS pairs, bench ${FLAGS[*]}, gate threshold $THRESHOLD, load $LOAD busy processes, slowdown ${SLOW[*]}, confirm=$CONFIRM"
[ "$QUIET_AA" = 1 ] && row "A/A quiet (regression = false alarm)" aaq
row "A/A, load during current (regr. = false alarm)" aal
row "slowed, quiet (regression = caught)" sdq
row "slowed, load during slowed (regr. = caught)" sdl
node scripts/gate-calibration-noise.mjs "$OUT" "${SLOW[@]}"
echo "reports and gate outputs: $OUT"
