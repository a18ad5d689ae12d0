#!/usr/bin/env bash
# Golden tests of page fragments of the real site: the <main> element of chosen pages (an item with a
# split 次年度方向性, a 行財政改革 item with sub-items and schedules, an indicator chart page of the progress
# report, a department page, the evaluations view). Usage: fragments.sh SITE_DIR [--update]
set -euo pipefail
site=${1:?usage: fragments.sh SITE_DIR [--update]}
here=$(cd "$(dirname "$0")" && pwd)
declare -A pages=(
  [cp-item-8]=plans/sendai-compliance-r7/items/8.html
  [rf-item-31]=plans/sendai-keiei-r1/items/31.html
  [hr-item-33]=plans/sendai-hr-2/items/33.html
  [pr-plan]=plans/sendai-taio-r6/index.html
  [evaluations]=evaluations.html
)
# The department page of 仙台市's 総務局人事課 (named by the municipality and the department).
pages[dept-jinji]=departments/仙台市_総務局人事課.html
status=0
for name in $(printf '%s\n' "${!pages[@]}" | sort); do
  fragment=$(sed -n '/<main /,/<\/main>/p' "$site/${pages[$name]}")
  golden="$here/fragments/$name.html"
  if [ "${2:-}" = "--update" ]; then
    printf '%s\n' "$fragment" >"$golden"
  elif ! diff -u "$golden" <(printf '%s\n' "$fragment"); then
    echo "fragment $name (${pages[$name]}) differs from tests/golden/fragments/$name.html" >&2
    status=1
  fi
done
[ "${2:-}" = "--update" ] && echo "updated $here/fragments" || [ $status = 0 ] && echo "fragments: ${#pages[@]} identical"
exit $status
