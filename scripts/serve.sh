#!/usr/bin/env bash
# Builds the checker and serves it on http://127.0.0.1:8080/ with the reference extract preloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
PORT="${PORT:-8080}"
trunk build --release
echo "Conforme : http://127.0.0.1:${PORT}/"
if command -v xdg-open >/dev/null 2>&1 && [ -n "${DISPLAY:-}" ]; then
  (sleep 1 && xdg-open "http://127.0.0.1:${PORT}/") >/dev/null 2>&1 &
fi
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
