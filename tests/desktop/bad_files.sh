#!/usr/bin/env bash
# Bad start-up files stop the desktop app before any window opens: exit 2, one line on stderr naming
# the problem (the command line's messages). Runs with no display at all, so a window attempt would
# fail differently. Usage: bad_files.sh APP
set -u
app=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config"
unset DISPLAY WAYLAND_DISPLAY
pass=0 fail=0

expect_bad() { # name, text expected in stderr, args...
  local name=$1 want=$2; shift 2
  "$app" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local code=$?
  if [ $code -eq 2 ] && [ ! -s "$tmp/out" ] && grep -qF -- "$want" "$tmp/err" && [ "$(wc -l <"$tmp/err")" -eq 1 ] \
     && [ ! -e "$tmp/shot.png" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL $name: exit $code, stderr: $(head -c 300 "$tmp/err")"
  fi
}

printf '{"hours_per_week": "many"}' >"$tmp/type.json"
printf '{"budget_usd": -1}' >"$tmp/negative.json"
printf '{"hours_per_week": 10, "x": 1}' >"$tmp/unknown.json"
printf '{"budget_usd": ' >"$tmp/cut.json"
printf '{"schema_version": 1, "gpus": "none"}' >"$tmp/catalog.json"
printf '{"hours_per_week": 40}' >"$tmp/good.json"

expect_bad "wrong type names the field" "hours_per_week" --scenario "$tmp/type.json" --screenshot "$tmp/shot.png"
expect_bad "out of range names the field" "budget_usd" --scenario "$tmp/negative.json"
expect_bad "unknown key" "unknown key 'x'" --scenario "$tmp/unknown.json"
expect_bad "malformed" "malformed JSON" --scenario "$tmp/cut.json"
expect_bad "missing scenario file" "--scenario $tmp/nope.json: cannot open the file" --scenario "$tmp/nope.json"
expect_bad "bad catalog" "$tmp/catalog.json:" --catalog "$tmp/catalog.json" --scenario "$tmp/good.json"
expect_bad "unknown preset" "unknown preset 'nope'" --preset nope
expect_bad "unknown option" "unknown option '--bogus'" --bogus
expect_bad "bad scale" "--scale" --scale 9

"$app" --help >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 0 ] && grep -qF -- "--screenshot" "$tmp/out"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL --help"; fi

echo "bad_files: $pass passed, $fail failed"
[ $fail -eq 0 ]
