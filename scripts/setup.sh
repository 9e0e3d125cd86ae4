#!/usr/bin/env bash
# Installs what nslab needs on Debian 12 / Ubuntu 24.04 (run as root): the kernel tools from
# Debian's packages and the npm dependencies. Node.js 20 or newer must already be there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" != 0 ]; then
  echo "setup.sh installs packages: run it as root (sudo bash scripts/setup.sh)" >&2
  exit 3
fi
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' 2>/dev/null; then
  echo "nslab needs Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 3
fi

# docker.io and busybox-static: a real Docker engine for `nslab compare` and its offline image;
# tmux drives `up --step` in a real terminal in the tests; graphviz renders `nslab graph --format svg`;
# util-linux has flock (the place lock) and nsenter, procps has pgrep (the tests);
# tcpdump listens on a lab's links (`nslab capture`); nftables (nft monitor trace) and conntrack
# (NAT's translations) are what `nslab trace` reads; curl fetches from a published port; shellcheck
# checks the `plan --portable` handouts (the tests); fonts-nanum draws Hangul in `graph --lang ko`'s
# PNG and SVG (without a Korean font graphviz draws empty boxes).
packages=(iproute2 iputils-ping iptables fping docker.io busybox-static tmux graphviz procps util-linux
  tcpdump conntrack nftables curl shellcheck fonts-nanum)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The project's .npmrc silences npm (so `npm run nslab -- plan X > f.sh` writes only the script):
# installing speaks at npm's usual level, errors included.
npm ci --no-fund --no-audit --loglevel=notice
bash scripts/install-launcher.sh
echo "ready: sudo nslab up bridge-basic   (or: sudo npm run lab bridge-basic)"
