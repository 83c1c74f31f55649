#!/usr/bin/env bash
# Runs the labcalc CLI on every hostile input listed in expected.tsv: each must exit 2, print nothing on
# stdout and exactly one short line on stderr that contains the expected text (the field or rule at fault).
# Usage: run_hostile.sh COMMAND...   e.g. build/native/labcalc
#                                    or  node --no-experimental-fetch build/web/labcalc_cli.js
# Files listed as "generated:NAME" are written to a temporary folder first (the 50 MB ones, the ones
# just over a size limit): they are never committed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then echo "usage: $0 COMMAND..." >&2; exit 2; fi
cli=("$@")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

spaces() { head -c "$1" /dev/zero | tr '\0' ' '; }
{ printf '{"budget_usd": 1'; spaces 50000000; printf '}'; } >"$tmp/huge-50mb.json"
{ printf '{"budget_usd": 1'; spaces $((1024 * 1024)); printf '}'; } >"$tmp/over-1mib.json"
{ printf '{"weights": ['; yes '1,' | head -n 200000 | tr -d '\n'; printf '1]}'; } >"$tmp/huge-array.json"
{ printf '{"schema": 1'; spaces $((4 * 1024 * 1024)); printf '}'; } >"$tmp/catalog-over-4mib.json"
{ printf '{"schema": 1'; spaces 50000000; printf '}'; } >"$tmp/catalog-huge-50mb.json"

while IFS=$'\t' read -r file kind want; do
  case "$file" in ''|'#'*) continue ;; esac
  if [ "${file#generated:}" != "$file" ]; then path="$tmp/${file#generated:}"; else path="$here/$file"; fi
  case "$kind" in
    scenario) args=(--scenario "$path") ;;
    catalog) args=(--catalog "$path") ;;
    *) echo "FAIL $file: unknown kind '$kind' in expected.tsv"; fail=$((fail + 1)); continue ;;
  esac
  if [ ! -f "$path" ]; then echo "FAIL $file: missing"; fail=$((fail + 1)); continue; fi
  "${cli[@]}" "${args[@]}" >"$tmp/out" 2>"$tmp/err" </dev/null
  code=$?
  lines=$(wc -l <"$tmp/err")
  # A message names the field; it does not echo a 100 KB key back (the path is part of the message).
  short=$(( $(wc -c <"$tmp/err") <= 600 + ${#path} ))
  if [ $code -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$lines" -eq 1 ] && [ $short -eq 1 ] && grep -qF -- "$want" "$tmp/err" &&
     [ "$(tail -c 1 "$tmp/err" | od -An -c | tr -d ' ')" = '\n' ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $file ($kind): exit $code, stdout $(wc -c <"$tmp/out") bytes, stderr $lines line(s), $(wc -c <"$tmp/err") bytes: $(head -c 300 "$tmp/err" | tr '\n' '|')"
    echo "     expected exit 2, no stdout, one line of at most 600 characters (plus the path) containing: $want"
  fi
done <"$here/expected.tsv"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
