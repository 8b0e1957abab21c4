#!/usr/bin/env bash
# Installs every tool the build and the tests need, idempotently.
# Safe to run again: each step checks what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION="0.21.14"
# The wasm-bindgen CLI must equal the crate version pinned in Cargo.toml / Cargo.lock.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -n1)"

log() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 5 minutes on 2 cores)"
  cargo install trunk --version "=$TRUNK_VERSION" --locked
fi

if [ -n "$WASM_BINDGEN_VERSION" ] && ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # --locked fails for this crate on these machines (see shared/TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  log "installing cargo-fuzz (fuzzing runs on the nightly toolchain)"
  cargo install cargo-fuzz --locked
fi
if ! rustup toolchain list | grep -q '^nightly'; then
  log "installing the nightly toolchain (for cargo-fuzz)"
  rustup toolchain install nightly --profile minimal
fi

if [ ! -x /usr/bin/chromium ]; then
  log "installing chromium from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if ! command -v firefox-esr >/dev/null 2>&1; then
  log "installing Firefox ESR from Debian (the page is tested in it too)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq firefox-esr >/dev/null
fi
if ! geckodriver --version 2>/dev/null | grep -q "0.37.1"; then
  log "installing geckodriver 0.37.1"
  cargo install geckodriver --version 0.37.1 --locked
fi

if [ -f package-lock.json ]; then
  if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm packages (binaryen, playwright-core, axe-core)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
# frictionless validates the SCDL export against the open-data schema (tests only), in its own
# virtual environment.
FRICTIONLESS_VERSION="5.21.0"
if ! .tools/venv/bin/frictionless --version 2>/dev/null | grep -q "$FRICTIONLESS_VERSION"; then
  log "installing frictionless $FRICTIONLESS_VERSION in .tools/venv"
  python3 -m venv .tools/venv
  .tools/venv/bin/pip install --quiet --disable-pip-version-check "frictionless==$FRICTIONLESS_VERSION"
fi
log "ready"
