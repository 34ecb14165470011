#!/usr/bin/env bash
# Installs the Debian packages the tests drive for real: Chromium, coturn,
# and the tools that build the network lab. Safe to run again.
set -euo pipefail
packages=(chromium coturn iproute2 iptables procps libnss3-tools)
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -q
as_root apt-get install -y -q --no-install-recommends "${packages[@]}"
