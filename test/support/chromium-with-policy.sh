#!/bin/sh
# Started instead of Chromium (launchWithExtension's `chromium` option) when a
# test pushes managed policy. Chromium on Linux reads policy only from
# /etc/chromium/policies/managed/, and a file there applies to every Chromium
# on the machine. So the test's own policy folder ($WNC_POLICY_DIR) is
# bind-mounted over that path in a private mount namespace: this Chromium
# reads the test's file at the real path, no other process sees it. With
# $WNC_POLICY_NETNS set, Chromium runs in that lab namespace. `unshare` and
# `ip netns exec` exec in place, so the DevTools pipe (fds 3 and 4) reaches
# Chromium untouched.
set -e
[ -d "$WNC_POLICY_DIR" ] || { echo "WNC_POLICY_DIR is not a folder" >&2; exit 2; }
mkdir -p /etc/chromium/policies/managed
exec unshare --mount --propagation private /bin/sh -c '
  mount --bind "$WNC_POLICY_DIR" /etc/chromium/policies/managed
  if [ -n "$WNC_POLICY_NETNS" ]; then exec ip netns exec "$WNC_POLICY_NETNS" /usr/bin/chromium "$@"; fi
  exec /usr/bin/chromium "$@"
' chromium "$@"
