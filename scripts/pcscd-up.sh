#!/usr/bin/env bash
# Brings up pcscd with the vsmartcard-vpcd driver for the device integration tests and for
# `yaoli card insert`. Idempotent: does nothing when pcscd already answers. Never fails the
# caller: when pcscd cannot run it prints one clear line, and the device tests skip with it.
#
# Why not socket activation or --auto-exit: vpcd only listens on 35963/35964 while pcscd is
# up, and an idle-exiting pcscd leaves the virtual card with "connection refused"
# (vsmartcard issue #273; research/device-pcsc-nhi-cards.md §3).
set -u

say() { echo "pcscd-up: $*"; }

VPCD_CONF=/etc/reader.conf.d/vpcd
SOCKET=/run/pcscd/pcscd.comm

if ! command -v pcscd >/dev/null 2>&1; then
  say "pcscd is not installed (apt-get install pcscd vsmartcard-vpcd); device integration tests will skip / 未安裝 pcscd"
  exit 0
fi
if [ ! -f "$VPCD_CONF" ]; then
  say "vsmartcard-vpcd is not configured ($VPCD_CONF missing); virtual cards cannot reach pcscd / 未設定 vpcd"
  exit 0
fi
# 0x8C7B = 35963: slot 0 there, slot 1 on 35964 (the ports yaoli's vpcd link dials).
if ! grep -Eq '^[[:space:]]*DEVICENAME[[:space:]]+/dev/null:0x8C7B' "$VPCD_CONF"; then
  say "warning: $VPCD_CONF does not use /dev/null:0x8C7B (ports 35963/35964); yaoli card insert may not connect"
fi

# Ask the kernel for listeners rather than dialling in: a test connection would look like
# a card being inserted and pulled to pcscd and to any hub already watching.
port_open() {
  if command -v ss >/dev/null 2>&1; then
    ss -ltn 2>/dev/null | grep -q ":$1 "
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# A pcscd that is starting or shutting down gets up to 5 s to settle either way.
for _ in $(seq 1 50); do
  pgrep -x pcscd >/dev/null 2>&1 || break
  if port_open 35963; then
    say "pcscd already running with vpcd on 35963/35964"
    exit 0
  fi
  sleep 0.1
done
if pgrep -x pcscd >/dev/null 2>&1; then
  say "pcscd is running but nothing listens on 35963 (vpcd driver not loaded?); device integration tests may fail"
  exit 0
fi

if [ "$(id -u)" != "0" ]; then
  say "pcscd is not running and this user cannot start it (needs root: sudo pcscd); device integration tests will skip"
  exit 0
fi

mkdir -p /run/pcscd
# Starts pcscd and waits up to $1 tenths of a second for its socket and vpcd's port.
start_and_wait() {
  # Daemon mode: pcscd forks and keeps running after this script exits.
  if ! pcscd 2>/tmp/pcscd-up.err; then
    say "pcscd failed to start: $(head -c 300 /tmp/pcscd-up.err); device integration tests will skip"
    exit 0
  fi
  for _ in $(seq 1 "$1"); do
    if [ -S "$SOCKET" ] && port_open 35963; then
      say "started pcscd (pid $(tr -d '\0' </run/pcscd/pcscd.pid 2>/dev/null || echo '?')) with vpcd on 35963/35964"
      exit 0
    fi
    sleep 0.1
  done
}
start_and_wait 50
# Seen once (2026-11-24): a pcscd whose vpcd never listened, while a fresh one did at once.
# Stop it and try once more, waiting longer, before telling the tests.
say "pcscd started but vpcd is not listening on 35963 after 5 s; restarting it once"
pkill -x pcscd 2>/dev/null
for _ in $(seq 1 50); do
  pgrep -x pcscd >/dev/null 2>&1 || break
  sleep 0.1
done
start_and_wait 100
say "pcscd started twice but vpcd is not listening on 35963; device integration tests may fail"
exit 0
