#!/usr/bin/env bash
# Provisions a machine for the nslab workshop, as root: the Vagrant VMs run it (see Vagrantfile),
# and so does CI on its own Debian machine, so this path is tested.
#   1. Node.js 22 LTS from nodejs.org (checksum verified), unless Node.js 20 or newer is there
#   2. scripts/setup.sh: iproute2, iputils-ping, iptables, fping, docker.io, busybox-static,
#      tmux, graphviz, tcpdump, conntrack, nftables, curl, shellcheck from Debian's packages, then
#      npm ci and the `nslab` command (/usr/local/bin/nslab runs this checkout)
#   3. the compiled CLI (npm run build), a running Docker engine and nslab's offline image
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" != 0 ]; then
  echo "provision.sh installs packages: run it as root (sudo bash scripts/provision.sh)" >&2
  exit 3
fi

node_major() { node -e 'console.log(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }

install_node() {
  local arch base file dir
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "no Node.js 22 build for $(uname -m): install Node.js 20+ yourself" >&2; exit 3 ;;
  esac
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl ca-certificates xz-utils >/dev/null
  base=https://nodejs.org/dist/latest-v22.x
  dir=$(mktemp -d)
  curl -fsSL "$base/SHASUMS256.txt" -o "$dir/SHASUMS256.txt"
  file=$(awk -v want="linux-$arch.tar.xz" '$2 ~ want"$" { print $2 }' "$dir/SHASUMS256.txt")
  curl -fsSL "$base/$file" -o "$dir/$file"
  (cd "$dir" && grep " $file\$" SHASUMS256.txt | sha256sum -c --quiet -)
  tar -xJf "$dir/$file" -C /usr/local --strip-components=1 --no-same-owner
  rm -rf "$dir"
  echo "installed Node.js $(node --version) in /usr/local"
}

if [ "$(node_major)" -lt 20 ]; then
  install_node
else
  echo "Node.js $(node --version) is here (nslab needs 20 or newer): not installing 22"
fi

bash scripts/setup.sh
npm run -s build
# Debian's docker.io starts dockerd itself where systemd runs; elsewhere (CI) we start it.
npm run -s docker -- start || echo "no Docker engine: compare will say why; everything else works"
npm run -s docker -- image || true
echo "provisioned: sudo nslab up bridge-basic"
