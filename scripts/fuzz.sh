#!/usr/bin/env bash
# Fuzzes the engine for SECONDS (default 60) split between the two targets:
#   check  any input through parse + check + JSON, seeded with the shared corpus;
#   deep   inputs that drive a generator of extract-like documents (séance header, lists,
#          proxies, items with votes and amounts) mutated with the lexicon: it reaches the rules.
# `scripts/fuzz.sh SECONDS TARGET` runs one target only. A crash fails the script (exit 1) and
# leaves its input under fuzz/artifacts/TARGET/. Each run appends its execution count to
# fuzz/runs.log (kept out of git) and prints the totals.
# Needs the nightly toolchain (present on these machines) and cargo-fuzz (installed here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
TARGETS=("${2:-check}")
[ -z "${2:-}" ] && TARGETS=(check deep)
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
PER_TARGET=$(( SECONDS_TO_RUN / ${#TARGETS[@]} ))
[ "$PER_TARGET" -lt 1 ] && PER_TARGET=1
failed=0
for target in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  SEEDS=()
  if [ "$target" = check ]; then
    [ -d ../shared/corpus/texts ] && SEEDS+=(../shared/corpus/texts)
    SEEDS+=(tests/fuzz-regressions)
  fi
  echo "-- $target (${PER_TARGET} s)"
  log="$(mktemp)"
  # the fuzzer's own status, not the filter's: no `|| true` after the pipeline
  set +e
  (cd fuzz && cargo +nightly fuzz run "$target" "corpus/$target" "${SEEDS[@]/#/../}" -- \
    -max_total_time="$PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1) > "$log" 2>&1
  status=$?
  set -e
  grep -E '^(#[0-9]+ *(DONE|INITED)|stat::number_of_executed_units|==[0-9]+== ERROR|SUMMARY|Done|artifact_prefix|Test unit written|thread .* panicked)' "$log" || true
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) $target $runs $status" >> fuzz/runs.log
  if [ "$status" -ne 0 ]; then
    echo "FUZZ FAILURE: target $target exited with status $status (see fuzz/artifacts/$target/)"
    tail -40 "$log"
    failed=1
  fi
  rm -f "$log"
done
echo "-- executions recorded in fuzz/runs.log (target: total):"
awk '{n[$2]+=$3} END {for (t in n) printf "   %s: %d\n", t, n[t]}' fuzz/runs.log
exit "$failed"
