#!/usr/bin/env bash
# Builds the site of the real content plus the 令和8年度 edition of the コンプライアンス推進アクションプラン
# (tests/cycle/sendai-compliance-r8: what `new-edition` makes from the real R7, checked by tests/cycle):
# two editions of one series, for the search test of editions (tests/browser/search_editions.test.js).
set -euo pipefail
planpress=${1:?usage: build_editions_site.sh PLANPRESS SOURCE-DIR OUT}
root=${2:?source dir}
out=${3:?output dir}
content="$out-content"
rm -rf "$content"
mkdir -p "$content"
cp -r "$root/content/." "$content/"
cp -r "$root/tests/cycle/sendai-compliance-r8" "$content/plans/"
"$planpress" build -q --no-pdf --content "$content" --templates "$root/templates" --out "$out"
