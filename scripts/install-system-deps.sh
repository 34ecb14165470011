#!/usr/bin/env bash
# Installs the Debian packages the tests drive for real: Chromium, firefox-esr (with its German and French
# language packs: the extension's own words follow the browser's UI language, test/e2e/status.test.ts), coturn,
# squid-openssl (the lab's explicit and TLS-intercepting proxy; the tests start
# it themselves inside the lab, never as a system service),
# and the tools that build the network lab (openssl makes its certificates, certutil from
# libnss3-tools puts its CA into the browsers' stores), dnsmasq-base is the LAN's DNS server in the
# fault networks (test/lab/dns.ts) and bind9-dnsutils gives their ground-truth probe `dig`. Safe to run again.
set -euo pipefail
packages=(chromium firefox-esr firefox-esr-l10n-de firefox-esr-l10n-fr coturn iproute2 iptables procps libnss3-tools openssl squid-openssl dnsmasq-base bind9-dnsutils)
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -q
as_root apt-get install -y -q --no-install-recommends "${packages[@]}"
# Debian starts squid as a system service on install: the lab runs its own
# squid per test inside a namespace, so the host needs none listening on 3128.
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  as_root systemctl disable --now squid >/dev/null 2>&1 || true
fi
