#!/usr/bin/env bash
# Tests of the planpress command line through the real binary on the real content:
# usage and exit statuses, two builds byte-identical, and every listed content fault injected into a copy
# of content/ — each must give its diagnostic at file:line:col, exit status 1, and leave output/ untouched.
set -uo pipefail
planpress=$(realpath "${1:?usage: cli_test.sh PLANPRESS}")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; failures=$((failures + 1)); }

expect_status() {  # name expected-status command...
  local name=$1 want=$2; shift 2
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  if [ "$got" = "$want" ]; then pass "$name (exit $got)"; else fail "$name: exit $got, expected $want"; sed 's/^/    /' "$work/stderr" | head -20; fi
}

# --- usage ------------------------------------------------------------------------------------------
expect_status "--help" 0 "$planpress" --help
# The whole help text, exactly: Japanese by default (tests/cli/help.txt), English with --lang en
# (tests/cli/help.en.txt); update them with the usage text, cli_usage in generator/base/messages.inc.
if diff -u "$root/tests/cli/help.txt" "$work/stdout" >"$work/diff"; then pass "--help prints the usage text in Japanese"; else fail "--help text differs from tests/cli/help.txt"; sed 's/^/    /' "$work/diff" | head -20; fi
[ -s "$work/stderr" ] && fail "--help writes to stderr"
expect_status "--lang en --help" 0 "$planpress" --lang en --help
if diff -u "$root/tests/cli/help.en.txt" "$work/stdout" >"$work/diff"; then pass "--lang en --help prints the usage text in English"; else fail "--lang en --help differs from tests/cli/help.en.txt"; sed 's/^/    /' "$work/diff" | head -20; fi
expect_status "--help --lang=en" 0 "$planpress" --help --lang=en
cmp -s "$root/tests/cli/help.en.txt" "$work/stdout" && pass "--lang=en after the command works too" || fail "--help --lang=en differs"
expect_status "--lang fr" 2 "$planpress" check --lang fr
grep -q "^planpress: --lang には ja か en を指定してください（「fr」が指定されています）$" "$work/stderr" && pass "an unknown language is a usage error (in Japanese)" || fail "--lang fr message"
expect_status "-h" 0 "$planpress" -h
cmp -s "$root/tests/cli/help.txt" "$work/stdout" && pass "-h prints the same text" || fail "-h differs from --help"
expect_status "--version" 0 "$planpress" --version
grep -qE '^planpress [0-9]+\.[0-9]+\.[0-9]+$' "$work/stdout" && pass "--version prints 'planpress X.Y.Z'" || fail "--version format"
expect_status "no command" 2 "$planpress"
# A usage error names the problem, then the usage text, on stderr, in the language asked for.
if { printf 'planpress: コマンドが指定されていません\n\n'; cat "$root/tests/cli/help.txt"; } | cmp -s - "$work/stderr"; then
  pass "a usage error prints the problem and the usage text to stderr"; else fail "usage error text"; fi
expect_status "no command, in English" 2 "$planpress" --lang en
if { printf 'planpress: no command given\n\n'; cat "$root/tests/cli/help.en.txt"; } | cmp -s - "$work/stderr"; then
  pass "a usage error in English with --lang en"; else fail "English usage error text"; fi
expect_status "unknown command" 2 "$planpress" publish
expect_status "unknown option" 2 "$planpress" build --frobnicate
expect_status "-j without a number" 2 "$planpress" build -j
expect_status "-j 0" 2 "$planpress" build -j 0
expect_status "--content without a directory" 2 "$planpress" check --content
expect_status "sheet without export or import" 2 "$planpress" sheet
expect_status "sheet import without files" 2 "$planpress" sheet import
expect_status "fmt does not take --out" 2 "$planpress" fmt --out x
expect_status "--lang needs ja or en" 2 "$planpress" fmt --lang fr

# --- the real content -------------------------------------------------------------------------------
cp -r "$root/content" content
cp -r "$root/templates" templates
expect_status "check of the real content" 0 "$planpress" check
# The real content is kept in the canonical layout (planpress fmt); fmt rewrites only what differs.
expect_status "fmt --check of the real content" 0 "$planpress" fmt --check
mkdir -p fmt/plans/x
printf '{"title": "t",\n "id": "x", "fields": [], "items": [], "municipality": "m", "kind": "action_plan"}' >fmt/plans/x/plan.json
expect_status "fmt --check of a plan.json in another layout" 1 "$planpress" fmt --check fmt/plans/x/plan.json
grep -q 'fmt/plans/x/plan.json:1:2: error: .*\[not-canonical\]' "$work/stderr" && pass "fmt --check names the file and the first place it would change" || fail "fmt --check diagnostic"
expect_status "fmt rewrites it" 0 "$planpress" fmt fmt/plans/x/plan.json
expect_status "fmt --check is then clean" 0 "$planpress" fmt --check fmt/plans/x/plan.json
grep -q '1 個のファイルはすべて正規の書式です' "$work/stderr" && pass "fmt --check says the file is canonical" || fail "fmt --check summary: $(cat "$work/stderr")"
cp fmt/plans/x/plan.json "$work/formatted.json"
expect_status "fmt of a formatted file" 0 "$planpress" fmt fmt/plans/x/plan.json
cmp -s fmt/plans/x/plan.json "$work/formatted.json" && pass "fmt twice = fmt once" || fail "fmt is not idempotent"
printf '{"id": "x",}' >fmt/plans/x/plan.json
expect_status "fmt of a file with a syntax error" 1 "$planpress" fmt fmt/plans/x/plan.json
[ "$(cat fmt/plans/x/plan.json)" = '{"id": "x",}' ] && pass "a file that does not parse is left as it was" || fail "fmt changed a file it could not parse"
ls -A fmt/plans/x | grep -qv '^plan.json$' && fail "fmt left a temporary file" || pass "fmt leaves no temporary file"
rm -rf fmt
[ ! -e output ] && pass "check writes nothing" || fail "check created output/"
expect_status "build of the real content" 0 "$planpress" build -j 2
if grep -q "warning" "$work/stderr"; then fail "build of the real content has warnings"; sed 's/^/    /' "$work/stderr" | head; else pass "no warnings"; fi
[ -f output/index.html ] && [ -f output/data/catalog.json ] && pass "output/ has index.html and data/catalog.json" || fail "output layout"
expect_status "second build into another directory" 0 "$planpress" build --out output2
if diff -r output output2 >/dev/null; then pass "two builds are byte-identical"; else fail "two builds differ"; diff -rq output output2 | head; fi
rm -rf output2

snapshot() { (cd output && find . -type f -print0 | sort -z | xargs -0 sha256sum) ; }
snapshot >"$work/before.sha"

# inject NAME CODE PATTERN FILE PERL-EXPRESSION: apply the fault to a fresh copy of content/, build, and
# require exit 1, a diagnostic "FILE:line:col: error: … [CODE]" and an unchanged output/.
inject() {
  local name=$1 code=$2 file=$3 expr=$4
  rm -rf content && cp -r "$root/content" content
  perl -0pi -e "$expr" "content/$file" || { fail "$name: injection failed"; return; }
  if cmp -s "content/$file" "$root/content/$file" && [ ! -e "content/$file.new" ]; then fail "$name: injection changed nothing"; return; fi
  "$planpress" build >"$work/stdout" 2>"$work/stderr"
  local got=$?
  local ok=1
  [ "$got" = 1 ] || { fail "$name: exit $got, expected 1"; ok=0; }
  grep -qE "^content/[^:]+:[0-9]+:[0-9]+: error: .*\[$code\]$" "$work/stderr" || { fail "$name: no '[$code]' diagnostic with file:line:col"; ok=0; }
  snapshot >"$work/after.sha"
  cmp -s "$work/before.sha" "$work/after.sha" || { fail "$name: output/ changed"; ok=0; }
  [ -e output.planpress-staging ] && { fail "$name: staging directory left behind"; ok=0; }
  if [ $ok = 1 ]; then pass "$name → [$code], exit 1, output/ untouched"; else sed 's/^/    /' "$work/stderr" | head -12; fi
}

CP=plans/sendai-compliance-r7/plan.json
HR=plans/sendai-hr-2/plan.json
RF=plans/sendai-keiei-r1/plan.json
inject "JSON syntax error"        json-syntax      "$CP" 's/("municipality": "仙台市"),/$1/'
inject "invalid UTF-8"            utf8-invalid     "$HR" 's/第２期仙台市人材育成推進計画/\x{93}\x{E0}/'
inject "string for a number"      wrong-type       "$CP" 's/"from": 2025/"from": "2025"/'
inject "2.7 for an integer"       wrong-type       "$HR" 's/"from": 2024/"from": 2.7/'
inject "number out of range"      out-of-range     "$HR" 's/"to": 2026/"to": 20260/'
inject "missing required field"   missing-field    "$CP" 's/\n\s*"name": "柔軟な働き方の推進",//'
inject "unknown field"            unknown-field    "$CP" 's/"municipality":/"municipalty":/'
inject "duplicate key"            duplicate-key    "$CP" 's/"municipality": "仙台市",/"municipality": "仙台市",\n  "municipality": "大崎市",/'
inject "duplicate plan id"        duplicate-id     "$RF" 's/"id": "sendai-keiei-r1"/"id": "sendai-hr-2"/'
inject "duplicate item id"        duplicate-id     "$CP" 's/"id": "47"/"id": "46"/'
inject "unsafe id ../x"           unsafe-id        "$CP" 's/"id": "47"/"id": "..\/x"/'
inject "unsafe id with a space"   unsafe-id        "$CP" 's/"id": "47"/"id": "4 7"/'
inject "value outside vocabulary" unknown-value    "$CP" 's/"rating": "☆"/"rating": "★"/'
inject "unknown item reference"   xref-unresolved  "$HR" 's/"to": "sendai-compliance-r7#1"/"to": "sendai-compliance-r7#100"/'
inject "unknown plan reference"   xref-unresolved  "$HR" 's/"to": "sendai-compliance-r7#1"/"to": "sendai-complaince-r7#1"/'
inject "unknown external document" xref-unresolved "$CP" 's/"to": "sendai-compliance-plan-r7"/"to": "sendai-compliance-plan-r8"/'
inject "raw HTML in Markdown"     markdown-raw-html  plans/sendai-hr-2/ichizuke.md 's/\A/<iframe src="x"><\/iframe>\n\n/'
inject "javascript: link"         markdown-unsafe-link plans/sendai-hr-2/ichizuke.md 's/\A/[詳しく](javascript:alert(document.cookie))\n\n/'
inject "data: link"               markdown-unsafe-link plans/sendai-hr-2/ichizuke.md 's/\A/[詳しく](data:text\/html;base64,PHNjcmlwdD4=)\n\n/'
inject "oversize Markdown"        file-too-large   plans/sendai-hr-2/ichizuke.md 's/\A/"x" x 1100000 . "\n"/e'
inject "empty required value"     empty-value      "$CP" 's/"content": "[^"]*"/"content": ""/'

# --- the example of README.md and docs/diagnostics.md ------------------------------------------------
# Both show what planpress prints for one changed reference of the real content; the block after the
# "<!-- the #340 example -->" marker must be exactly that (and README's English block exactly --lang en).
example_block() {  # FILE MARKER: the fenced block after the marker line
  awk -v marker="$2" '$0 == marker {found = 1; next} found && /^```$/ {n++; if (n == 2) exit; next} found && n == 1 {print}' "$1"
}
rm -rf content && cp -r "$root/content" content
perl -0pi -e 's/"to": "sendai-compliance-r7#28"/"to": "sendai-compliance-r7#340"/' content/plans/sendai-hr-2/plan.json
expect_status "the #340 example" 1 "$planpress" check --no-pdf
grep -v '^planpress: ' "$work/stderr" >"$work/example"
for doc in README.md docs/diagnostics.md; do
  if example_block "$root/$doc" '<!-- the #340 example -->' | diff -u - "$work/example" >"$work/diff"; then pass "$doc shows what planpress prints for #340"
  else fail "$doc: the #340 example differs from the output"; sed 's/^/    /' "$work/diff" | head; fi
done
"$planpress" check --no-pdf --lang en 2>&1 | grep -v '^planpress: ' >"$work/example"
if example_block "$root/README.md" '<!-- the #340 example in English -->' | diff -u - "$work/example" >"$work/diff"; then pass "README.md shows the English of --lang en"
else fail "README.md: the English #340 example differs"; sed 's/^/    /' "$work/diff" | head; fi

# --- templates --------------------------------------------------------------------------------------
# A template that includes itself outside any section (here category.mustache without the section around
# its own partial): check and build both report it at the tag and stop with exit status 1 — before, build
# died with an uncaught exception (SIGABRT) and check said OK.
rm -rf content && cp -r "$root/content" content
perl -pi -e 's/^\{\{#children\}\}\{\{>category\}\}\{\{\/children\}\}$/{{>category}}/' templates/category.mustache
if cmp -s templates/category.mustache "$root/templates/category.mustache"; then fail "template recursion: injection changed nothing"; fi
line=$(grep -n '^{{>category}}$' templates/category.mustache | cut -d: -f1)
for command in check build; do
  expect_status "$command with a template that includes itself" 1 "$planpress" "$command"
  grep -qE "^templates/category.mustache:$line:1: error: テンプレート「category」がセクションの外で自分自身を読み込んでいるため、出力が終わりません \[template-recursion\]$" "$work/stderr" \
    && pass "$command reports [template-recursion] at templates/category.mustache:$line:1" || { fail "$command: no [template-recursion] diagnostic"; sed 's/^/    /' "$work/stderr" | head; }
done
expect_status "check --lang en with a template that includes itself" 1 "$planpress" check --lang en
grep -qE "^templates/category.mustache:$line:1: error: template 'category' includes itself outside any section, so rendering it never ends \[template-recursion\]$" "$work/stderr" \
  && pass "the same diagnostic in English with --lang en" || { fail "--lang en: no English [template-recursion] diagnostic"; sed 's/^/    /' "$work/stderr" | head; }
snapshot >"$work/after.sha"
cmp -s "$work/before.sha" "$work/after.sha" && pass "output/ untouched" || fail "template recursion: output/ changed"
cp "$root/templates/category.mustache" templates/category.mustache

# --- I/O and environment ----------------------------------------------------------------------------
rm -rf content && cp -r "$root/content" content
touch not-a-dir
expect_status "--out is a file → I/O error" 4 "$planpress" build --out not-a-dir
mkdir -p precious && echo keep >precious/notes.txt
expect_status "refuses to replace a directory planpress did not write" 4 "$planpress" build --out precious
[ "$(cat precious/notes.txt)" = keep ] && pass "that directory is untouched" || fail "precious/ was modified"
expect_status "missing content directory" 1 "$planpress" check --content nowhere

echo
if [ $failures -gt 0 ]; then echo "$failures CLI check(s) failed"; exit 1; fi
echo "all CLI checks passed"
