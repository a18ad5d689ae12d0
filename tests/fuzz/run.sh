#!/usr/bin/env bash
# Runs the libFuzzer targets built in BUILD_DIR (make fuzz configures it: clang, -DPLANPRESS_FUZZ=ON) for
# SECONDS each, JOBS targets at a time, and prints the executions of every target.
#   tests/fuzz/run.sh BUILD_DIR SECONDS JOBS [TARGET...]
# Each target starts from its corpus in BUILD_DIR/fuzz-corpus/<target> (kept between runs), seeded with the
# real content (or templates) and tests/fuzz/regressions/<target>/. A crash, a failed property, a leak or
# an input slower than 10 s is a finding: libFuzzer writes it to BUILD_DIR/fuzz-findings/, and this script
# fails. Copy a finding into tests/fuzz/regressions/<target>/ once it is fixed: ctest replays it from then on.
set -uo pipefail
build=$(realpath "${1:?usage: run.sh BUILD_DIR SECONDS JOBS [TARGET...]}")
seconds=${2:-600}
jobs=${3:-2}
shift 3 2>/dev/null || shift $#
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json markdown mustache search_normalize line_break workbook)

seeds() {  # the real files a target starts from
  case $1 in
    json) find "$root/content" -name '*.json' ;;
    markdown|search_normalize|line_break) find "$root/content/plans" -name '*.md' ;;
    mustache) find "$root/templates" -name '*.mustache' ;;
    workbook) : ;;  # its regressions (a sheet export of the real content, CSV files) are its seeds
  esac
}
max_len() {  # inputs longer than this are cut: big inputs make few executions (the bounds are tested by ctest)
  case $1 in
    json|markdown) echo 16384 ;;
    workbook) echo 65536 ;;
    *) echo 4096 ;;
  esac
}

mkdir -p "$build/fuzz-findings" "$build/fuzz-logs"
run_one() {
  local t=$1 corpus="$build/fuzz-corpus/$1"
  if [ ! -d "$corpus" ]; then
    mkdir -p "$corpus"
    seeds "$t" | while read -r f; do cp "$f" "$corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")"; done
  fi
  local dict=()
  [ -f "$here/$t.dict" ] && dict=(-dict="$here/$t.dict")
  "$build/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$t")" \
    -print_final_stats=1 -artifact_prefix="$build/fuzz-findings/$t-" "${dict[@]}" \
    "$corpus" "$here/regressions/$t" >"$build/fuzz-logs/$t.log" 2>&1
  echo $? >"$build/fuzz-logs/$t.status"
}
export -f run_one seeds max_len
export build seconds here root

for t in "${targets[@]}"; do
  [ -x "$build/fuzz_$t" ] || { echo "fuzz_$t is not built in $build (run make fuzz)"; exit 2; }
done
echo "fuzzing ${targets[*]} for ${seconds} s each, ${jobs} at a time"
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one {}'

failed=0
printf '\n%-18s %14s %10s %s\n' target executions corpus result
for t in "${targets[@]}"; do
  log="$build/fuzz-logs/$t.log"
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  files=$(find "$build/fuzz-corpus/$t" -type f | wc -l)
  status=$(cat "$build/fuzz-logs/$t.status" 2>/dev/null || echo '?')
  if [ "$status" = 0 ]; then result="no finding"; else result="FINDING (exit $status), see $log"; failed=1; fi
  printf '%-18s %14s %10s %s\n' "$t" "${execs:-?}" "$files" "$result"
done
if [ $failed = 1 ]; then
  echo; echo "findings:"; ls -1 "$build/fuzz-findings"
  exit 1
fi
