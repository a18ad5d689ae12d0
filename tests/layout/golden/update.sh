#!/usr/bin/env bash
# Rewrites the golden files of laid-out pages (tests/layout/golden/*.txt) from the current code, then shows
# what changed. Review the diff like code: every line is a box of a page. Usage: update.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=${1:-$root/build}
cmake --build "$build" --target test_layout_golden -j2 >/dev/null
PLANPRESS_UPDATE_GOLDEN=1 "$build/tests/unit/test_layout_golden" '[golden]' >/dev/null
git -C "$root" --no-pager diff --stat -- tests/layout/golden
