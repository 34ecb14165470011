#!/bin/sh
# Puppeteer starts this instead of Chromium when a test pushes managed policy.
# Chromium on Linux reads policy only from /etc/chromium/policies/managed/,
# and a file there applies to every Chromium on the machine. So the test's
# policy folder is bind-mounted over that path in a private mount namespace:
# this Chromium reads the test's files at the real path, no other process
# sees them. `unshare` and `ip netns exec` exec in place, so the DevTools
# pipe (fds 3 and 4) reaches Chromium untouched.
set -e
[ -d "$WNC_POLICY_DIR" ] || { echo "WNC_POLICY_DIR is not a folder" >&2; exit 2; }
mkdir -p /etc/chromium/policies/managed
exec unshare --mount --propagation private /bin/sh -c '
  mount --bind "$WNC_POLICY_DIR" /etc/chromium/policies/managed
  if [ -n "$WNC_NETNS" ]; then exec ip netns exec "$WNC_NETNS" /usr/bin/chromium "$@"; fi
  exec /usr/bin/chromium "$@"
' chromium "$@"
