#!/bin/sh
# Runs a root script with pnpm on a machine that has only Node: installs the workspace
# (frozen lockfile), then runs `pnpm run <script>`. Used by `npm test` and `npm run demo`.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
# Corepack's pnpm shim keeps a compile cache in $TMPDIR/v8-compile-cache-<uid>; the test command
# leaves nothing behind in the temporary folder.
DISABLE_V8_COMPILE_CACHE=1
export DISABLE_V8_COMPILE_CACHE
if ! command -v pnpm >/dev/null 2>&1; then
  PATH="$root/scripts/bin:$PATH"
  export PATH
fi
cd "$root"
pnpm install --frozen-lockfile --reporter=append-only
exec pnpm run "$@"
