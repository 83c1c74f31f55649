#!/usr/bin/env bash
# The desktop app at rest uses (almost) no CPU, and it keeps the last scenario and the window size in
# $XDG_CONFIG_HOME/labcalc. Starts it under Xvfb, waits until it settles, measures its CPU time over
# 5 seconds, then stops it with SIGTERM (handled like closing the window). Usage: idle.sh APP
set -u
app=$1
tmp=$(mktemp -d)
export XDG_CONFIG_HOME="$tmp/config"
printf '{"hours_per_week": 33}' >"$tmp/start.json"
xvfb-run -a -s "-screen 0 1280x800x24" "$app" --scenario "$tmp/start.json" --size 900x700 >"$tmp/out" 2>"$tmp/err" &
runner=$!
cleanup() { kill "$runner" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

pid=""
for _ in $(seq 1 50); do
  pid=$(pgrep -P "$runner" -x labcalc-desktop || true)
  [ -n "$pid" ] && break
  sleep 0.1
done
[ -n "$pid" ] || { echo "FAIL: the app did not start"; cat "$tmp/err"; exit 1; }
sleep 3
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks); sleep 5; t1=$(ticks)
cpu=$(awk -v d=$((t1 - t0)) -v hz="$hz" 'BEGIN { printf "%.1f", 100 * d / hz / 5 }')
echo "idle: ${cpu}% CPU over 5 s at rest ($((t1 - t0)) ticks)"
status=0
awk -v c="$cpu" 'BEGIN { exit !(c < 2.0) }' || { echo "FAIL: busy at rest"; status=1; }

kill -TERM "$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "FAIL: SIGTERM did not stop the app"; exit 1; fi
wait "$runner"; code=$?
[ $code -eq 0 ] || { echo "FAIL: exit $code"; cat "$tmp/err"; status=1; }
saved="$XDG_CONFIG_HOME/labcalc"
grep -q '"hours_per_week":33' "$saved/scenario.v1" 2>/dev/null || { echo "FAIL: last scenario not kept in $saved/scenario.v1"; status=1; }
[ "$(cat "$saved/window.v1" 2>/dev/null)" = "900x700" ] || { echo "FAIL: window size not kept ($(cat "$saved/window.v1" 2>/dev/null))"; status=1; }
[ $status -eq 0 ] && echo "idle: ok"
exit $status
