#!/usr/bin/env bash
# `labcalc catalog import` as a process, on copies of the catalog: an import that fails leaves the catalog file
# byte for byte as it was (and no temporary file beside it); one that succeeds replaces it with a catalog the
# program reads; importing the same tables again changes nothing. Bad input exits 2 with one line on stderr that
# names the file (and the line and column), nothing on stdout.
# Usage: prices_cli.sh COMMAND...   (LABCALC_FIXTURES: tests/fixtures, LABCALC_ASSETS: assets)
set -u
cli=("$@")
fixtures=${LABCALC_FIXTURES:-tests/fixtures}/prices
assets=${LABCALC_ASSETS:-assets}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

mkdir -p "$tmp/work"
cp "$assets/catalog.json" "$tmp/work/catalog.json"
cp "$assets/catalog.json" "$tmp/original.json"

# Runs the CLI; expects exit 2, nothing on stdout, one line on stderr containing $2, the catalog untouched.
expect_refused() { # name, expected text in stderr, args...
  local name=$1 want=$2; shift 2
  "${cli[@]}" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local code=$?
  if [ $code -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -qF -- "$want" "$tmp/err" &&
     cmp -s "$tmp/work/catalog.json" "$tmp/original.json" && [ "$(ls "$tmp/work")" = "catalog.json" ]; then
    ok
  else
    bad "$name: exit $code, stdout $(wc -c <"$tmp/out") bytes, catalog $(cmp -s "$tmp/work/catalog.json" "$tmp/original.json" && echo unchanged || echo CHANGED), folder: $(ls "$tmp/work" | tr '\n' ' '), stderr: $(head -c 300 "$tmp/err")"
  fi
}

into=(--into "$tmp/work/catalog.json")
printf 'provider,gpu_type,provisioning,usd_per_gpu_hour,min_gpus,checked_at\nlambda,H100,on-demand,3.99,8,2026-11-25\nlambda,H100,on-demand,3.9x,8,2026-11-25\n' >"$tmp/bad-price.csv"
printf 'provider,gpu_type,provisioning,usd_per_gpu_hour\nlambda,"H100,on-demand,3.99\n' >"$tmp/unclosed.csv"

# A failure in the second table: the first one's prices are not written either.
expect_refused "bad price in the second file" "bad-price.csv: line 3, column 23 (usd_per_gpu_hour): '3.9x' is not a price" \
  catalog import --format per-gpu-hour "$fixtures/per-gpu-hour/gpu_prices.csv" "$tmp/bad-price.csv" "${into[@]}"
expect_refused "unclosed quote" "unclosed.csv: line 2, column 8: a quoted field is not closed" \
  catalog import --format per-gpu-hour "$tmp/unclosed.csv" "${into[@]}"
expect_refused "wrong format" "this looks like the Full Stack Deep Learning cloud GPU table (cloud-gpus.csv)" \
  catalog import --format skypilot "$fixtures/fsdl/cloud-gpus.csv" --as-of 2026-12-01 "${into[@]}"
expect_refused "no date" "pass --as-of DATE" \
  catalog import --format skypilot "$fixtures/skypilot/aws/vms.csv" "${into[@]}"
cp "$fixtures/skypilot/aws/vms.csv" "$tmp/vms.csv"
expect_refused "no provider" "pass --provider NAME" \
  catalog import --format skypilot "$tmp/vms.csv" --as-of 2026-12-01 "${into[@]}"
expect_refused "missing table" "nowhere.csv: cannot open the file" \
  catalog import --format fsdl "$tmp/nowhere.csv" --as-of 2026-12-01 "${into[@]}"
expect_refused "unknown format" "--format must be one of skypilot, fsdl, per-gpu-hour" \
  catalog import --format xlsx "$fixtures/fsdl/cloud-gpus.csv" "${into[@]}"
expect_refused "bad --as-of" "--as-of must be a date" \
  catalog import --format fsdl "$fixtures/fsdl/cloud-gpus.csv" --as-of 30/10/2023 "${into[@]}"
expect_refused "catalog to update missing" "the catalog to update must exist" \
  catalog import --format fsdl "$fixtures/fsdl/cloud-gpus.csv" --as-of 2026 --into "$tmp/work/none.json"
expect_refused "folder as --into" "is a folder" \
  catalog import --format fsdl "$fixtures/fsdl/cloud-gpus.csv" --as-of 2026 --catalog "$tmp/work/catalog.json" --into "$tmp/work"

# Success: the diff on stdout, the catalog replaced, nothing on stderr, no temporary file left.
"${cli[@]}" catalog import --format skypilot "$fixtures"/skypilot/*/vms.csv --as-of 2026-12-01 "${into[@]}" >"$tmp/out" 2>"$tmp/err"
code=$?
if [ $code -eq 0 ] && [ ! -s "$tmp/err" ] && grep -qF "aws-g5-a10g on-demand 1.006 -> 1.100 USD/GPU-h (+9.3%)" "$tmp/out" &&
   ! cmp -s "$tmp/work/catalog.json" "$tmp/original.json" && [ "$(ls "$tmp/work")" = "catalog.json" ]; then ok; else
  bad "import into a copy: exit $code, stderr: $(head -c 300 "$tmp/err")"; fi
cp "$tmp/work/catalog.json" "$tmp/first.json"
# The program reads what was written.
if "${cli[@]}" --catalog "$tmp/work/catalog.json" --format json >/dev/null 2>"$tmp/err"; then ok; else
  bad "the written catalog is refused: $(head -c 300 "$tmp/err")"; fi
# Again: no change, the file byte for byte the same.
"${cli[@]}" catalog import --format skypilot "$fixtures"/skypilot/*/vms.csv --as-of 2026-12-01 "${into[@]}" >"$tmp/out" 2>"$tmp/err"
code=$?
if [ $code -eq 0 ] && grep -qF "No change" "$tmp/out" && cmp -s "$tmp/work/catalog.json" "$tmp/first.json"; then ok; else
  bad "second import: exit $code, $(head -c 200 "$tmp/out")"; fi
# A failure after a success leaves the updated catalog as it is too.
cp "$tmp/first.json" "$tmp/original.json"
expect_refused "bad table after an import" "bad-price.csv: line 3" \
  catalog import --format per-gpu-hour "$tmp/bad-price.csv" "${into[@]}"

# Without --into: the catalog on stdout (what --into would have written), the diff on stderr.
"${cli[@]}" catalog import --format skypilot "$fixtures"/skypilot/*/vms.csv --as-of 2026-12-01 \
  --catalog "$assets/catalog.json" >"$tmp/out" 2>"$tmp/err"
code=$?
if [ $code -eq 0 ] && cmp -s "$tmp/out" "$tmp/first.json" && grep -qF "aws-g5-a10g on-demand 1.006 -> 1.100" "$tmp/err"; then ok; else
  bad "stdout output: exit $code, $(head -c 200 "$tmp/err")"; fi
# --provider for a table outside a folder named after its cloud.
"${cli[@]}" catalog import --format skypilot "$tmp/vms.csv" --provider aws --as-of 2026-12-01 >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 0 ] && grep -qF "aws-g5-a10g on-demand 1.006 -> 1.100" "$tmp/err"; then ok; else bad "--provider aws"; fi
# The other two formats.
"${cli[@]}" catalog import --format fsdl "$fixtures/fsdl/cloud-gpus.csv" --as-of 2023-10-30 >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 0 ] && grep -qF "added lambda-a100-40gb" "$tmp/err" && grep -qF "is newer than the table's" "$tmp/err"; then ok; else bad "fsdl"; fi
"${cli[@]}" catalog import --format per-gpu-hour "$fixtures/per-gpu-hour/gpu_prices.csv" >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 0 ] && grep -qF "runpod-h100-sxm on-demand 3.990 -> 2.690" "$tmp/err" && grep -qF "reserved" "$tmp/err"; then ok; else bad "per-gpu-hour"; fi
if "${cli[@]}" catalog import --help | grep -qF -- "--as-of DATE"; then ok; else bad "help"; fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
