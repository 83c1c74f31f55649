#!/usr/bin/env bash
# The real desktop app under Xvfb: renders 10 frames at 1280x800, writes a screenshot, exits 0, and the
# PNG is not blank. Usage: smoke.sh APP NODE
set -u
app=$1 node=${2:-node}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config"   # never the user's settings

xvfb-run -a -s "-screen 0 1280x800x24" "$app" --screenshot "$tmp/out.png" --frames 10 >"$tmp/out" 2>"$tmp/err"
code=$?
if [ $code -ne 0 ]; then
  echo "FAIL: exit $code"; cat "$tmp/out" "$tmp/err"; exit 1
fi
[ -s "$tmp/out.png" ] || { echo "FAIL: no screenshot written"; exit 1; }
"$node" "$here/png_check.mjs" "$tmp/out.png" 1280 800 || exit 1
# Screenshots read and write no settings.
if [ -e "$XDG_CONFIG_HOME/labcalc" ]; then echo "FAIL: --screenshot wrote settings"; exit 1; fi

# The same at a forced HiDPI scale: twice the pixels, same layout.
xvfb-run -a -s "-screen 0 2560x1600x24" "$app" --screenshot "$tmp/out2.png" --frames 5 --scale 2 >"$tmp/out" 2>"$tmp/err" \
  || { echo "FAIL: --scale 2 exit $?"; cat "$tmp/err"; exit 1; }
"$node" "$here/png_check.mjs" "$tmp/out2.png" 2560 1600 || exit 1
echo "smoke: ok"
