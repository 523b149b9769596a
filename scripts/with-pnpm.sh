#!/bin/sh
# Runs a root script with pnpm on a machine that has only Node: installs the workspace
# (frozen lockfile), then runs `pnpm run <script>`. Used by `npm test` and `npm run demo`.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v pnpm >/dev/null 2>&1; then
  PATH="$root/scripts/bin:$PATH"
  export PATH
fi
cd "$root"
pnpm install --frozen-lockfile --reporter=append-only
exec pnpm run "$@"
