#!/usr/bin/env bash
# Makes `nslab` a command: writes PREFIX/bin/nslab (PREFIX is $NSLAB_PREFIX, else /usr/local), a
# two-line launcher that runs this checkout with the Node.js found now. Both paths are absolute:
# sudo's secure_path may not hold node's directory, and `sudo nslab …` must work from any folder.
# A launcher rather than `npm link`: npm's start-up would double a small command's time.
# Run by scripts/setup.sh; safe to run again (after moving the checkout or changing Node.js).
set -euo pipefail

checkout=$(cd "$(dirname "$0")/.." && pwd -P)
prefix=${NSLAB_PREFIX:-/usr/local}
target="$prefix/bin/nslab"
marker='# nslab launcher, written by scripts/install-launcher.sh'

node=$(command -v node) || {
  echo "install-launcher.sh: node is not on PATH" >&2
  exit 3
}
# A file of that name that is not ours (another program, an npm link) is left alone.
if [ -e "$target" ] && ! grep -qxF "$marker" "$target" 2>/dev/null; then
  echo "$target exists and is not nslab's launcher: leaving it; run nslab as npm run nslab -- …" >&2
  exit 3
fi

mkdir -p "$prefix/bin"
tmp=$(mktemp "$prefix/bin/.nslab.XXXXXX")
trap 'rm -f "$tmp"' EXIT
{
  echo '#!/bin/bash' # bash: %q's quoting is bash's
  echo "$marker"
  printf 'exec %q %q "$@"\n' "$node" "$checkout/src/cli/nslab.js"
} >"$tmp"
chmod 755 "$tmp"
mv -f "$tmp" "$target" # whole or not at all: a half-written launcher is never run
trap - EXIT
echo "nslab is a command now: $target runs $checkout"
