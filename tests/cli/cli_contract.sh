#!/usr/bin/env bash
# The labcalc command as a process: bad input exits 2 with one line on stderr and nothing on stdout;
# good input exits 0 with a report. Usage: cli_contract.sh COMMAND... (the CLI, e.g. build/native/labcalc
# or node --no-experimental-fetch build/web/labcalc.js).
set -u
cli=("$@")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

expect_bad() { # name, expected text in stderr, args...
  local name=$1 want=$2; shift 2
  "${cli[@]}" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local code=$?
  if [ $code -eq 2 ] && [ ! -s "$tmp/out" ] && grep -qF -- "$want" "$tmp/err" && [ "$(wc -l <"$tmp/err")" -eq 1 ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL $name: exit $code, stdout $(wc -c <"$tmp/out") bytes, stderr: $(head -c 300 "$tmp/err")"
  fi
}
expect_ok() { # name, expected text in stdout, args...
  local name=$1 want=$2; shift 2
  "${cli[@]}" "$@" >"$tmp/out" 2>"$tmp/err" 
  local code=$?
  if [ $code -eq 0 ] && grep -qF -- "$want" "$tmp/out" && [ ! -s "$tmp/err" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL $name: exit $code, stderr: $(head -c 300 "$tmp/err")"
  fi
}

printf '{"hours_per_week": "many"}' >"$tmp/type.json"
printf '{"hours_per_week": 10, "x": 1}' >"$tmp/unknown.json"
printf '{"budget_usd": -1}' >"$tmp/negative.json"
printf '{"budget_usd": 1, "budget_usd": 2}' >"$tmp/dup.json"
printf '{"budget_usd": ' >"$tmp/cut.json"
printf '' >"$tmp/empty.json"
head -c 3000 /dev/urandom >"$tmp/junk.json"
printf '{"hours_per_week": 40, "privacy": "confidential"}' >"$tmp/good.json"
# 50 MB of spaces around a valid object: refused by size, not read whole.
{ printf '{"budget_usd": 1'; head -c 50000000 /dev/zero | tr '\0' ' '; printf '}'; } >"$tmp/huge.json"

expect_bad "wrong type" "hours_per_week" --scenario "$tmp/type.json"
expect_bad "unknown key" "unknown key 'x'" --scenario "$tmp/unknown.json"
expect_bad "negative price" "budget_usd" --scenario "$tmp/negative.json"
expect_bad "duplicate key" "duplicate key" --scenario "$tmp/dup.json"
expect_bad "malformed" "malformed JSON" --scenario "$tmp/cut.json"
expect_bad "empty file" "empty" --scenario "$tmp/empty.json"
expect_bad "binary junk" "labcalc:" --scenario "$tmp/junk.json"
expect_bad "50 MB file" "limit" --scenario "$tmp/huge.json"
expect_bad "missing file" "cannot open" --scenario "$tmp/none.json"
expect_bad "unknown preset" "unknown preset" --preset nobody
expect_bad "NaN via --set" "hours_per_week" --set hours_per_week=NaN
expect_bad "unknown --set key" "unknown key 'speed'" --set speed=3
expect_bad "bad catalog" "catalog" --catalog "$tmp/good.json"
expect_bad "bad format" "--format" --format xml
expect_bad "empty --catalog" "--catalog needs a value" --catalog ''
expect_bad "empty --scenario" "--scenario needs a value" --scenario ''
expect_bad "empty --preset" "--preset needs a value" --preset ''
expect_bad "space before a --set number" "budget_usd" --set "budget_usd= 5000"
expect_bad "hexadecimal --set number" "budget_usd" --set "budget_usd=0x1p10"
expect_ok "text report" "Recommendation:" --scenario "$tmp/good.json"
expect_ok "json report" '"recommendation"' --preset sensitive-data --format json
expect_ok "stdin scenario" "Recommendation:" --scenario - <"$tmp/good.json"
expect_ok "own catalog" "Recommendation:" --catalog "${LABCALC_ASSETS:-assets}/catalog.json"
# --explain: one figure's working as text; all of them in JSON and Markdown; an unknown id or a format
# without a place for workings refused.
expect_ok explain-one "(P_load x h_busy + P_idle" --explain home.electricity_usd_per_month --today 2026-11-29
expect_ok explain-json '"workings"' --explain all --format json --today 2026-11-29
expect_ok explain-markdown "## Worked solution" --explain all --format markdown --today 2026-11-29
expect_ok explain-nothing-priced "no option could be priced" --set home.gpu=nope --set cloud.offer=nope --explain all
expect_bad explain-unknown "no figure 'home.nope'" --explain home.nope
expect_bad explain-csv "--explain works with" --explain all --format csv
expect_bad explain-empty "--explain needs a value" --explain ""
# What you want to run: tasks by --set (or a preset), each task's working by --explain; a bad task named by field.
expect_ok tasks-text "What you want to run:" --set 'tasks=[{"kind":"chat","params_b":8,"weight_bits":4}]'
expect_ok tasks-json '"workload"' --preset fine-tune-7b --format json
expect_ok tasks-explain "T_day x 7 / r_tok / 3600" --set 'tasks=[{"kind":"chat","params_b":8}]' --explain tasks.0.hours_per_week
expect_ok tasks-markdown "## What you want to run" --preset fine-tune-7b --format markdown
expect_ok tasks-none "Recommendation:" --preset fine-tune-7b --set tasks=none
expect_bad tasks-bad-key "tasks[0].images_per_day: not a key of a chat task" --set 'tasks=[{"kind":"chat","images_per_day":3}]'
expect_bad tasks-bad-range "tasks[0].params_b: must be a number from 0.01 to 2000" --set 'tasks=[{"kind":"train","params_b":9000}]'
expect_bad tasks-not-json "tasks: must be a JSON list of tasks or none" --set 'tasks=chat'
expect_ok samples "How sure: " --samples 200
expect_bad samples-bad "--samples must be a whole number from 1 to 20000" --samples 2.5
for preset in beginner intermediate advanced sensitive-data steady-24-7 bursty-large-models distributed-team hands-on-learner mixed-sensitivity fine-tune-7b; do
  expect_ok "preset $preset" '"recommendation"' --preset "$preset" --format json
done

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
