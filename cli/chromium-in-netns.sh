#!/bin/sh
# Puppeteer starts this instead of Chromium when a test runs the browser inside
# a lab namespace. `ip netns exec` execs in place, so the DevTools pipe
# (fds 3 and 4) reaches Chromium untouched.
exec ip netns exec "$WNC_NETNS" "${WNC_CHROMIUM:-/usr/bin/chromium}" "$@"
