#!/usr/bin/env bash
# Every performance figure of PERFORMANCE.md from one command: the criterion benchmarks with
# their engine/floor ratios, the browser timings, the size report and the memory of the
# pathological inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

echo "== build"
trunk build --release
cargo build --release --example stress

echo; echo "== size (raw / gzip)"
node scripts/check-size.mjs || true
if command -v twiggy >/dev/null; then
  echo; echo "== where the wasm bytes go (raw, by family)"
  python3 scripts/wasm-breakdown.py
else
  echo "(wasm breakdown skipped: \`cargo install twiggy\` to get it)"
fi

echo; echo "== native benchmarks (criterion, medians)"
cargo bench --bench engine -- --noplot "${@}" 2>&1 | grep -E '^(reference|corpus|recueil|pathological)/' -A1 | grep -E 'time:' -B1 | grep -v '^--$' || true
python3 scripts/bench-ratios.py

echo; echo "== browser timings (headless Chromium, medians)"
node tests/e2e/timing.mjs 15

echo; echo "== pathological inputs: time and peak memory"
for scale in 0.1 1; do
  /usr/bin/time -f "   scale ${scale}: peak RSS %M KB, %e s total" target/release/examples/stress "$scale"
done
