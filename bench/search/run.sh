#!/usr/bin/env bash
# Search benchmark (not part of `make test`): builds the real content and a synthetic corpus of 10,000
# items with the real binary, measures both in Chromium (bench.js) and writes bench/search/results.md.
#
#   bench/search/run.sh [BUILD_DIR] [--runs N]
#
# The synthetic content and both sites go below BUILD_DIR (default build/); nothing generated is committed
# except results.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
shift || true
planpress=$build/planpress
[ -x "$planpress" ] || { echo "build planpress first (make compile)" >&2; exit 1; }
[ -d "$root/tests/browser/node_modules/playwright-core" ] || { echo "run 'make browser-deps' first" >&2; exit 1; }

python3 "$here/gen_corpus.py" "$build/bench-corpus-10k" --items 10000 >&2
"$planpress" build -q --content "$root/content" --templates "$root/templates" --out "$build/bench-real"
start=$(date +%s.%N)
"$planpress" build -q --content "$build/bench-corpus-10k" --templates "$root/templates" --out "$build/bench-10k"
build_s=$(echo "$(date +%s.%N) - $start" | bc)

real=$(node "$here/bench.js" "$build/bench-real" "Real content (5 plans, 272 items)" "$@")
synthetic=$(node "$here/bench.js" "$build/bench-10k" "Synthetic corpus (20 plans, 10,000 items)" "$@")

cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
{
  cat "$here/results.head.md"
  echo
  echo "## Machine"
  echo
  echo "- CPU: $cpu, $(nproc) cores available; $(free -g | awk '/^Mem:/ {print $2}') GB memory; shared with other builds (load average given per run)"
  echo "- $(. /etc/os-release && echo "$PRETTY_NAME"), $(uname -r)"
  echo "- $(chromium --version 2>/dev/null | head -1) (headless, via playwright-core $(node -p "require('$root/tests/browser/node_modules/playwright-core/package.json').version")); node $(node --version)"
  echo "- planpress $(git -C "$root" rev-parse --short HEAD), built $(date -u +%Y-%m-%d); 10,000-item site built in ${build_s%.*} s"
  echo
  echo "## Results"
  echo
  echo "$real"
  echo
  echo "$synthetic"
} > "$here/results.md"
echo "wrote $here/results.md" >&2
