#!/usr/bin/env bash
# planpress serve through the real binary on a copy of the real content: pages with the right content
# types and the live-reload script, index.html for folders, the site's 404 page, traversal refused (also
# through a symbolic link planted in the served folder), a taken port (exit 4), a failed build shown over
# the last good site and gone when fixed, no trace of the server in a built site, and Ctrl-C (SIGINT) or
# SIGTERM: exit 0 and the private folder removed. Waits are for conditions (generous limits), never timings.
set -uo pipefail
planpress=$(realpath "${1:?usage: serve_test.sh PLANPRESS}")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
cp -r "$root/content" "$root/templates" .
mkdir tmp
failures=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; failures=$((failures + 1)); }
check() { if eval "$2"; then pass "$1"; else fail "$1"; fi; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# wait_for SECONDS COMMAND...: runs COMMAND every half second until it succeeds (1 when it never does).
wait_for() {
  local limit=$(( $1 * 2 )); shift
  for _ in $(seq "$limit"); do "$@" && return 0; sleep 0.5; done
  return 1
}
get() { curl -s --max-time 30 --path-as-is -o "$work/body" -D "$work/headers" -w '%{http_code}' "http://127.0.0.1:$port$1"; }
header() { grep -i "^$1:" "$work/headers" | tr -d '\r' | cut -d' ' -f2-; }

port=$(free_port)
TMPDIR="$work/tmp" "$planpress" serve --port "$port" --no-pdf >"$work/stdout" 2>"$work/stderr" &
server=$!
if wait_for 300 grep -q "http://127.0.0.1:$port/ でサイトをプレビューしています" "$work/stderr"; then pass "serve says where it listens"
else fail "serve did not start"; cat "$work/stderr"; exit 1; fi
grep -q "^planpress: 計画 5 件、項目 [0-9]* 件" "$work/stderr" && pass "the first build's summary is printed" || fail "no build summary"
site=$(ls -d "$work"/tmp/planpress-serve-*/site 2>/dev/null | head -1)
check "the site is built into a private folder under TMPDIR" '[ -f "$site/index.html" ]'
check "nothing is written to output/" '[ ! -e "$work/output" ]'

check "/ is the home page (200)" '[ "$(get /)" = 200 ]'
check "as text/html; charset=utf-8" '[ "$(header content-type)" = "text/html; charset=utf-8" ]'
check "with the live-reload script before </body>" 'grep -q "<script src=\"/__planpress/live.js\" data-generation=\"1\"></script>" "$work/body"'
check "the published edition (no review banner)" '! grep -q "review-banner" "$work/body"'
check "and otherwise the built page" 'diff <(grep -v "__planpress" "$work/body") "$site/index.html" >/dev/null'
check "an item page (200)" '[ "$(get /plans/sendai-hr-2/items/17.html)" = 200 ]'
check "a folder with its slash serves its index.html" '[ "$(get /plans/sendai-hr-2/)" = 200 ] && grep -q "__planpress/live.js" "$work/body"'
check "a folder without it is redirected to it" '[ "$(get /plans/sendai-hr-2)" = 301 ] && [ "$(header location)" = /plans/sendai-hr-2/ ]'
css=$(cd "$site" && ls assets/*.css | head -1)
check "a style sheet is text/css, unchanged" '[ "$(get /$css)" = 200 ] && [ "$(header content-type)" = "text/css; charset=utf-8" ] && cmp -s "$work/body" "$site/$css"'
check "JSON data is application/json" '[ "$(get /data/catalog.json)" = 200 ] && [ "$(header content-type)" = "application/json; charset=utf-8" ]'
check "a missing page is the site's 404 page with status 404" '[ "$(get /no/such/page.html)" = 404 ] && diff <(grep -v "__planpress" "$work/body") "$site/404.html" >/dev/null'
check "the live-reload script is served" '[ "$(get /__planpress/live.js)" = 200 ] && grep -q EventSource "$work/body"'

# Traversal: .. in every spelling cpp-httplib decodes, and a symbolic link leading out of the served folder.
for path in /../../../../etc/passwd /plans/../../../etc/passwd /%2e%2e/%2e%2e/etc/passwd /..%2f..%2f..%2fetc%2fpasswd \
            '/plans/..%5c..%5cetc%5cpasswd'; do
  status=$(get "$path")
  check "$path is refused ($status)" '[ "$status" = 403 ] && ! grep -q "root:" "$work/body"'
done
ln -s /etc "$site/outside"
check "a symbolic link out of the site is refused" '[ "$(get /outside/passwd)" = 403 ] && ! grep -q "root:" "$work/body"'
rm "$site/outside"

# Events: the number of the latest build, at once.
curl -sN --max-time 3 "http://127.0.0.1:$port/__planpress/events" >"$work/events"
check "the event stream reports build 1" 'grep -qx "event: build" "$work/events" && grep -qx "data: 1" "$work/events"'

# A second server on the same port: exit 4 with a Japanese io-error naming the port.
"$planpress" serve --port "$port" --no-pdf >/dev/null 2>"$work/stderr2"
status=$?
check "a taken port ends with exit status 4" '[ $status = 4 ]'
check "and says so in Japanese" 'grep -qx "error: 127.0.0.1 のポート $port は、ほかのプログラムがすでに使っています \[io-error\]" "$work/stderr2"'
check "with a hint naming another port" 'grep -q "^hint: --port で別のポート番号を指定してください" "$work/stderr2"'
check "and leaves no folder behind" '[ "$(ls "$work/tmp" | wc -l)" = 1 ]'

# A failed build: the last good site stays, with the diagnostics over it; fixed, the overlay goes.
plan=content/plans/sendai-hr-2/plan.json
cp "$plan" "$work/plan.json"
python3 - "$plan" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read().replace('"items": [', '"items": [<broken>,', 1)
open(p, 'w', encoding='utf-8').write(s)
PY
line=$(grep -n '"items": \[<broken>' "$plan" | cut -d: -f1)
has_overlay() { get /plans/sendai-hr-2/items/17.html >/dev/null && grep -q 'id="planpress-overlay"' "$work/body"; }
if wait_for 300 has_overlay; then pass "a failed build puts the overlay on the pages"; else fail "no overlay after a broken plan.json"; fi
check "over the last good page (200)" '[ "$(get /plans/sendai-hr-2/items/17.html)" = 200 ] && grep -q "<main" "$work/body"'
check "naming file:line:col as the CLI does" 'grep -q "content/plans/sendai-hr-2/plan.json:$line:13: error: .*\[json-syntax\]" "$work/body"'
check "escaped" 'grep -q "&quot;items&quot;: \[&lt;broken&gt;," "$work/body" && ! grep -q "\[<broken>" "$work/body"'
check "and the CLI printed the same diagnostic" 'grep -q "^content/plans/sendai-hr-2/plan.json:$line:13: error: " "$work/stderr"'
cp "$work/plan.json" "$plan"
no_overlay() { get /plans/sendai-hr-2/items/17.html >/dev/null && ! grep -q 'planpress-overlay' "$work/body"; }
if wait_for 300 no_overlay; then pass "fixed, the overlay goes"; else fail "the overlay stayed after the fix"; fi

# Ctrl-C: exit 0, the private folder removed.
kill -INT "$server"
wait "$server"
status=$?
server=""
check "SIGINT stops it with exit status 0" '[ $status = 0 ]'
check "and removes its folder" '[ -z "$(ls "$work/tmp")" ]'
check "saying so" 'grep -q "^planpress: 終了しました" "$work/stderr"'

# SIGTERM, and --review.
port=$(free_port)
TMPDIR="$work/tmp" "$planpress" serve --port "$port" --no-pdf --review -q >/dev/null 2>"$work/stderr" &
server=$!
if wait_for 300 grep -q "確認用の版" "$work/stderr"; then pass "--review serves the review build"; else fail "--review did not start"; fi
check "with its banner" '[ "$(get /)" = 200 ] && grep -q "class=\"review-banner\"" "$work/body"'
kill -TERM "$server"
wait "$server"
status=$?
server=""
check "SIGTERM stops it with exit status 0, folder removed" '[ $status = 0 ] && [ -z "$(ls "$work/tmp")" ]'

# Usage.
"$planpress" serve --port 0 >/dev/null 2>"$work/stderr"; status=$?
check "--port 0 is a usage error" '[ $status = 2 ] && grep -q "^planpress: --port には 1～65535 の数を指定してください（「0」が指定されています）" "$work/stderr"'
"$planpress" serve --port x80 >/dev/null 2>&1; status=$?
check "--port x80 is a usage error" '[ $status = 2 ]'
"$planpress" serve --out elsewhere >/dev/null 2>&1; status=$?
check "serve takes no --out" '[ $status = 2 ]'
"$planpress" build --port 9000 >/dev/null 2>&1; status=$?
check "build takes no --port" '[ $status = 2 ]'

# A built site holds no trace of the server.
"$planpress" build -q --no-pdf --out "$work/output" 2>/dev/null
check "build writes no live-reload script or overlay" '[ -f "$work/output/index.html" ] && ! grep -rlq "__planpress\|planpress-overlay\|EventSource" "$work/output"'
"$planpress" build -q --no-pdf --review --out "$work/review" 2>/dev/null
check "nor does build --review" '[ -f "$work/review/index.html" ] && ! grep -rlq "__planpress\|planpress-overlay\|EventSource" "$work/review"'

echo "$failures failures"
[ "$failures" = 0 ]
