#!/usr/bin/env bash
# Runs every test: formatting, lints (native and wasm32), unit/rule/corpus/CLI tests,
# the release builds, and the end-to-end browser tests. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

step "format"
cargo fmt --check

step "clippy (native)"
cargo clippy --all-targets --locked -- -D warnings

step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --test web --locked -- -D warnings

step "tests (native)"
cargo test --locked

step "component tests in the browser (wasm-bindgen-test): Chromium, then Firefox ESR"
cargo test --locked --target wasm32-unknown-unknown --test web
env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" cargo test --locked --target wasm32-unknown-unknown --test web

step "corpus summary"
cargo test --locked --test corpus -- --nocapture 2>&1 | grep -E '^corpus ' || true

step "release builds"
cargo build --release --locked
trunk build --release

step "size budget"
node scripts/check-size.mjs

step "end-to-end (headless Chromium)"
node tests/e2e/run.mjs

step "end-to-end (headless Firefox ESR, through geckodriver)"
GECKODRIVER="$(command -v geckodriver)" node tests/e2e/firefox.mjs

step "fuzzing smoke (${FUZZ_SECONDS:-60} s; run scripts/fuzz.sh SECONDS for longer)"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
