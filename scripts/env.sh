# Sourced by the scripts: tool paths and scratch folders.
export PATH="$HOME/.cargo/bin:$(pwd)/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
mkdir -p .tmp
export TMPDIR="$(pwd)/.tmp"
