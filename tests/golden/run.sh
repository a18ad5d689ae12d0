#!/usr/bin/env bash
# Golden test: build the small sample site with the real binary and compare every generated file (pages,
# data export) with tests/golden/sample/expected/. After an intended change, run with --update and review
# `git diff tests/golden`.
set -euo pipefail
planpress=${1:?usage: run.sh PLANPRESS [--update]}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$planpress" build -q --content "$here/sample/content" --templates "$root/templates" --out "$tmp/out"
# The stylesheet is not part of the golden (it changes for reasons unrelated to content handling), nor are
# the PDFs (binary; tests/pdf reads them back with poppler and qpdf). The pages' links to them are.
# The marker and the manifest (hashes of the other files, for the next build) are not either.
test -s "$tmp/out/pdf/sample-plan.pdf" || { echo "golden: pdf/sample-plan.pdf was not written" >&2; exit 1; }
rm -rf "$tmp/out/assets" "$tmp/out/.planpress-output" "$tmp/out/.planpress-manifest" "$tmp/out/pdf"
if [ "${2:-}" = "--update" ]; then
  rm -rf "$here/sample/expected"
  cp -r "$tmp/out" "$here/sample/expected"
  echo "updated $here/sample/expected"
  exit 0
fi
if ! diff -r -u "$here/sample/expected" "$tmp/out"; then
  echo "golden: generated site differs from tests/golden/sample/expected (see diff above)" >&2
  exit 1
fi
echo "golden: $(find "$tmp/out" -type f | wc -l) files identical"
