#!/usr/bin/env bash
# Fuzzes parse + check for SECONDS (default 60), seeded with the shared corpus.
# Needs the nightly toolchain (present on these machines) and cargo-fuzz (installed here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
mkdir -p fuzz/corpus/check
SEEDS=()
[ -d ../shared/corpus/texts ] && SEEDS+=(../shared/corpus/texts)
SEEDS+=(tests/fuzz-regressions)
cd fuzz
cargo +nightly fuzz run check corpus/check "${SEEDS[@]/#/../}" -- \
  -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 2>&1 \
  | grep -E '^(#[0-9]+ *(DONE|INITED)|stat::|==[0-9]+== ERROR|SUMMARY|Done|artifact_prefix|Test unit written)' || true
status=${PIPESTATUS[0]}
exit "$status"
