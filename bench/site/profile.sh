#!/usr/bin/env bash
# The profile of a build of the site benchmark's corpus (perf from Debian linux-perf; `make bench-deps`):
#   bench/site/profile.sh [PLANPRESS] [ITEMS] [JOBS]     (defaults: build/planpress, 10000, 2)
# Records a --no-pdf build with DWARF call graphs into build/bench-site/perf-<items>.data and prints the
# inclusive (children) shares of planpress's own functions and of the kernel's file creation.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
planpress=${1:-$root/build/planpress}
items=${2:-10000}
jobs=${3:-2}
work=$root/build/bench-site
corpus=$work/c$items
[ -d "$corpus/content" ] || python3 "$here/gen_corpus.py" "$corpus" --items "$items" >&2
rm -rf "$work/profile-out"
perf record -q -F 97 --call-graph dwarf,16384 -o "$work/perf-$items.data" \
  "$planpress" build -q --no-pdf -j "$jobs" --content "$corpus/content" --templates "$root/templates" --out "$work/profile-out" 2>/dev/null
perf report -i "$work/perf-$items.data" --children --percent-limit 2 --stdio -g none --sort symbol 2>/dev/null |
  grep -E 'planpress::|ext4_create|do_syscall_64|malloc|free' | sed -E 's/ +/ /g' | cut -c1-140
rm -rf "$work/profile-out"
