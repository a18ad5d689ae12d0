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
# SOURCE_DATE_EPOCH beyond the last date a PDF can carry (9999-12-31): a usage error, not a PDF dated 0843
# or an internal libharu error.
SOURCE_DATE_EPOCH=253402300800 expect_status "SOURCE_DATE_EPOCH after the year 9999" 2 "$planpress" check
grep -q "SOURCE_DATE_EPOCH には 1970 年からの秒数を 0～253402300799" "$work/stderr" && pass "it says the range" || fail "SOURCE_DATE_EPOCH range not given"
SOURCE_DATE_EPOCH=9223372036854775807 expect_status "SOURCE_DATE_EPOCH = INT64_MAX" 2 "$planpress" check
SOURCE_DATE_EPOCH=99999999999999999999 expect_status "SOURCE_DATE_EPOCH beyond 64 bits" 2 "$planpress" check

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
# The first build ran pages, search and PDFs on two threads, this one on one.
if diff -r output output2 >/dev/null; then pass "builds with -j 2 and -j 1 are byte-identical"; else fail "-j 2 and -j 1 builds differ"; diff -rq output output2 | head; fi
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
  compgen -G 'output.planpress-staging*' >/dev/null && { fail "$name: staging directory left behind"; ok=0; }
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
inject "84 KB of nested emphasis"  markdown-too-complex plans/sendai-hr-2/ichizuke.md 's/\A/"*a " x 14000 . "a* " x 14000 . "\n\n"/e'
inject "960 KB of ![[]()"          markdown-too-complex plans/sendai-hr-2/ichizuke.md 's/\A/"![[]()" x 160000 . "\n\n"/e'

# --- builds at the same time; where the output may go ----------------------------------------------
rm -rf content output && cp -r "$root/content" content
"$planpress" build -q --no-pdf --out reference 2>/dev/null
(cd reference && find . -type f -print0 | sort -z | xargs -0 sha256sum) >"$work/reference.sha"
same_as_reference() { [ -d "$1" ] && (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | cmp -s - "$work/reference.sha"; }
# While one build holds the output, a second one stops at once with exit 4 and names the first.
"$planpress" build -q --out output >/dev/null 2>&1 &
first=$!
for _ in $(seq 200); do grep -qs "pid $first " .output.planpress-lock && break; sleep 0.05; done
expect_status "a second build into a locked output" 4 "$planpress" build -q --no-pdf --out output
grep -q "another build is writing to 'output': the lock is held by planpress (pid $first on " "$work/stderr" \
  && pass "it names the build that holds the lock" || { fail "lock holder not named"; sed 's/^/    /' "$work/stderr" | head -5; }
wait $first && pass "the first build finishes (exit 0)" || fail "the first build failed"
# Two builds started together, five times: the output is always one whole site, never a mix or a part.
complete=0
for trial in 1 2 3 4 5; do
  "$planpress" build -q --no-pdf --out race >/dev/null 2>"$work/race-a" & a=$!
  "$planpress" build -q --no-pdf --out race >/dev/null 2>"$work/race-b" & b=$!
  wait $a; sa=$?; wait $b; sb=$?
  if { [ $sa = 0 ] || [ $sa = 4 ]; } && { [ $sb = 0 ] || [ $sb = 4 ]; } && { [ $sa = 0 ] || [ $sb = 0 ]; } \
     && same_as_reference race && ! compgen -G 'race.planpress-staging*' >/dev/null; then complete=$((complete + 1)); fi
done
[ $complete = 5 ] && pass "two simultaneous builds: 5 of 5 trials leave one complete site" || fail "two simultaneous builds: only $complete of 5 trials left a complete site"
# A killed build's staging directory is removed by the next build.
mkdir -p race.planpress-staging && echo half >race.planpress-staging/index.html
mkdir -p race.planpress-staging-x1Y2z3 && echo half >race.planpress-staging-x1Y2z3/index.html
expect_status "build after a killed build" 0 "$planpress" build -q --no-pdf --out race
compgen -G 'race.planpress-staging*' >/dev/null && fail "old staging directories left" || pass "old staging directories removed"
rm -rf race

# A symbolic link as --out: the site is swapped in at the link's target and the link stays.
mkdir -p www && rm -rf www/site && "$planpress" build -q --no-pdf --out www/site 2>/dev/null
echo stale >www/site/stale.html
ln -sfn www/site published
expect_status "--out is a symbolic link" 0 "$planpress" build -q --no-pdf --out published
[ -L published ] && [ "$(readlink published)" = www/site ] && pass "the link is kept" || fail "the link was replaced"
[ ! -e www/site/stale.html ] && same_as_reference www/site && pass "the link's target holds the new site" || fail "the link's target was not updated"

# The output must not hold the content or lie inside it, even with a marker copied into it.
snap_content() { (cd content && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
snap_content >"$work/content.sha"
expect_status "--out inside content/" 4 "$planpress" build -q --no-pdf --out content/plans/zz
grep -q "内容のフォルダ「content」の中にあります" "$work/stderr" && pass "it says why" || fail "no reason given for --out inside content/"
cp reference/.planpress-output content/
expect_status "--out is the content directory (with a copied marker)" 4 "$planpress" build -q --no-pdf --out content
rm content/.planpress-output
expect_status "--out holds the content directory" 4 "$planpress" build -q --no-pdf --out .
snap_content | cmp -s - "$work/content.sha" && [ ! -e content/plans/zz ] && pass "content/ untouched" || fail "content/ was changed"

# An old site the user cannot replace entirely (another user's directories in it) is refused before the
# swap, so the old site stays whole and nothing is left in staging.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
  shared=$(mktemp -d)
  chmod 0777 "$shared"
  cp -r content templates "$shared"/ && chmod -R a+rX "$shared"
  (cd "$shared" && "$planpress" build -q --no-pdf --out site 2>/dev/null)
  (cd "$shared/site" && find . -type f -print0 | sort -z | xargs -0 sha256sum) >"$work/theirs.sha"
  (cd "$shared" && setpriv --reuid=nobody --regid=nogroup --clear-groups "$planpress" build -q --no-pdf --out site) >"$work/stdout" 2>"$work/stderr"
  got=$?
  [ $got = 4 ] && grep -q "refusing to replace .*belongs to user id 0 and this user (id 65534) cannot change it" "$work/stderr" \
    && pass "an old site of another user → exit 4, named" || { fail "old site of another user: exit $got"; sed 's/^/    /' "$work/stderr" | head -5; }
  (cd "$shared/site" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | cmp -s - "$work/theirs.sha" \
    && ! compgen -G "$shared/site.planpress-staging*" >/dev/null && pass "that site is untouched, no staging left" || fail "that site was changed"
  rm -rf "$shared"
else
  echo "skip another user's old site: needs root, setpriv and the user nobody"
fi

# --- content that is not what it seems --------------------------------------------------------------
faulty_content() {  # name code setup-command: builds a fresh content/ changed by the command
  local name=$1 code=$2 setup=$3
  rm -rf content && cp -r "$root/content" content
  eval "$setup"
  timeout 60 "$planpress" build -q --out output >"$work/stdout" 2>"$work/stderr"
  local got=$?
  if [ $got = 1 ] && grep -qE "^content/[^:]+:1:1: error: .*\[$code\]$" "$work/stderr" && ! grep -q "root:x:0:0" "$work/stderr"; then
    pass "$name → [$code], exit 1"
  else
    fail "$name: exit $got"; sed 's/^/    /' "$work/stderr" | head -6
  fi
}
faulty_content "a section linked to /etc/passwd" symlink-outside-content 'ln -sf /etc/passwd content/plans/sendai-hr-2/ichizuke.md'
faulty_content "a section linked to /dev/zero" symlink-outside-content 'ln -sf /dev/zero content/plans/sendai-hr-2/ichizuke.md'
faulty_content "a section linked to a FIFO inside content/" file-not-regular 'mkfifo content/pipe && ln -sf ../../pipe content/plans/sendai-hr-2/ichizuke.md'
if [ "$(id -u)" = 0 ]; then
  faulty_content "a section that is a character device like /dev/zero" file-not-regular 'rm content/plans/sendai-hr-2/ichizuke.md && mknod content/plans/sendai-hr-2/ichizuke.md c 1 5'
else
  echo "skip a character device in content/: mknod needs root"
fi
faulty_content "a FIFO named like a section" file-not-regular 'rm content/plans/sendai-hr-2/ichizuke.md && mkfifo content/plans/sendai-hr-2/ichizuke.md'
faulty_content "the plans directory linked outside" symlink-outside-content 'mkdir -p elsewhere && mv content/plans elsewhere/ && ln -s ../elsewhere/plans content/plans'
rm -rf elsewhere
faulty_content "site.json linked outside" symlink-outside-content 'cp content/site.json site-copy.json && ln -sf ../site-copy.json content/site.json'
rm -f site-copy.json

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

# --- check and build agree on every character and font ---------------------------------------------
# both NAME EXIT CODE SETUP: a fresh content/ changed by SETUP; `check` and `build` must both end with EXIT,
# report the same diagnostics, and (for errors) report [CODE].
both() {
  local name=$1 want=$2 code=$3 setup=$4
  rm -rf content output-agree && cp -r "$root/content" content
  eval "$setup"
  "$planpress" check -q >"$work/check.out" 2>&1; local c=$?
  "$planpress" build -q --out output-agree >"$work/build.out" 2>&1; local b=$?
  local ok=1
  [ $c = "$want" ] && [ $b = "$want" ] || { fail "$name: check exit $c, build exit $b, expected $want"; ok=0; }
  sed '/^planpress: /d' "$work/check.out" >"$work/check.diag"; sed '/^planpress: /d' "$work/build.out" >"$work/build.diag"
  cmp -s "$work/check.diag" "$work/build.diag" || { fail "$name: check and build report differently"; diff "$work/check.diag" "$work/build.diag" | head -6; ok=0; }
  if [ "$code" != - ]; then grep -q "\[$code\]$" "$work/check.out" || { fail "$name: no [$code]"; ok=0; }; fi
  local shown=""; [ "$code" != - ] && shown=" [$code]"
  if [ $ok = 1 ]; then pass "$name: check and build both exit $want$shown"; else sed 's/^/    /' "$work/check.out" | head -6; fi
}
set_name() {  # the name of item 8 of the compliance plan, with a JSON escape in it
  python3 - "$1" <<'EOF'
import sys
p = 'content/plans/sendai-compliance-r7/plan.json'
s = open(p, encoding='utf-8').read()
s = s.replace('"name": "柔軟な働き方の推進"', '"name": "柔軟な働き方' + sys.argv[1] + 'の推進"', 1)
open(p, 'w', encoding='utf-8').write(s)
EOF
}
both "a tab pasted from Excel into an item name" 1 control-character 'set_name "\\t"'
both "a BOM at the start of a Markdown file (tolerated)" 0 - "printf '\\xef\\xbb\\xbf' | cat - '$root/content/plans/sendai-hr-2/ichizuke.md' >content/plans/sendai-hr-2/ichizuke.md"
if [ -f output-agree/plans/sendai-hr-2/index.html ] && ! grep -q $'\xef\xbb\xbf' output-agree/plans/sendai-hr-2/index.html; then pass "the BOM is not on the page"; else fail "the BOM reached the page"; fi
both "BEL in an item name" 1 control-character 'set_name "\\u0007"'
both "NUL in an item name" 1 control-character 'set_name "\\u0000"'
both "U+200B in an item name" 1 invalid-character 'set_name "\\u200b"'
both "U+202E in an item name" 1 invalid-character 'set_name "\\u202e"'
both "a character no PDF font has (发)" 1 pdf-missing-glyph "sed -i 's|\"fallback\": \\[[^]]*\\]|\"fallback\": []|' content/site.json"
half="$work/half-ipaexm.ttf"
head -c $(( $(stat -c %s /usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf) / 2 )) /usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf >"$half"
both "a font file cut in half" 4 font-invalid "python3 -c \"import json; p='content/site.json'; d=json.load(open(p)); d.setdefault('pdf', {}).setdefault('fonts', {})['mincho']='$half'; json.dump(d, open(p, 'w'), ensure_ascii=False)\""
rm -rf output-agree

# --- incremental rebuilds --------------------------------------------------------------------------
# A sequence of random edits (seeded, so a failure can be replayed): after each, a build over the existing
# output (-j 2) is byte-identical to a clean build (-j 1), the manifest included, and a rebuild of
# unchanged content writes no file.
rm -rf content templates-copy inc clean && cp -r "$root/content" content && cp -r "$root/templates" templates-copy
"$planpress" build -q --no-pdf -j 2 --templates templates-copy --out inc 2>/dev/null
"$planpress" build -q --no-pdf -j 2 --timings --templates templates-copy --out inc 2>"$work/timings"
files=$(sed -n 's/^timings: files \([0-9]*\): written 0, unchanged \1, removed 0$/\1/p' "$work/timings")
[ -n "$files" ] && pass "a rebuild of unchanged content writes none of its $files files" || { fail "a rebuild of unchanged content wrote files"; grep 'timings: files' "$work/timings"; }
RANDOM=1303
plans=(content/plans/*/plan.json)
same=0
for step in 1 2 3 4 5 6 7 8; do
  plan=${plans[RANDOM % ${#plans[@]}]}
  nth=$(( RANDOM % 20 + 1 ))
  case $(( RANDOM % 4 )) in
    0) what="item name $nth in $plan"
       perl -0pi -e "my \$n = 0; s/(\"name\": \")([^\"]*)/++\$n == $nth ? \"\$1\$2（改$step）\" : \"\$1\$2\"/ge" "$plan" ;;
    1) what="a Markdown page of $(dirname "$plan")"
       md=$(ls "$(dirname "$plan")"/*.md 2>/dev/null | head -1)
       if [ -n "$md" ]; then printf '\n追記%s。\n' "$step" >>"$md"; else what="site title"; perl -pi -e "s/(\"title\": \")/\$1改$step/" content/site.json; fi ;;
    2) what="the site's title"
       perl -0pi -e "s/(\"title\": \")/\$1改$step/" content/site.json ;;
    3) what="the item template"
       printf '<!-- edit %s -->\n' "$step" >>templates-copy/item.mustache ;;
  esac
  "$planpress" build -q --no-pdf -j 2 --timings --templates templates-copy --out inc 2>"$work/timings" || { fail "incremental build after editing $what"; continue; }
  grep -qE '^timings: files [0-9]+: written [1-9]' "$work/timings" || fail "editing $what changed no file (the edit did nothing)"
  rm -rf clean
  "$planpress" build -q --no-pdf -j 1 --templates templates-copy --out clean 2>/dev/null
  if diff -r inc clean >/dev/null; then same=$((same + 1)); else fail "after editing $what the incremental build differs from a clean one"; diff -rq inc clean | head -5; fi
done
[ $same = 8 ] && pass "8 random edits: each incremental build equals a clean build byte for byte"
# And with the PDFs: only the edited plan's PDF changes.
"$planpress" build -q -j 2 --templates templates-copy --out inc 2>/dev/null
perl -0pi -e 's/("name": ")([^"]*)/$1$2（改PDF）/' content/plans/sendai-hr-2/plan.json
"$planpress" build -q -j 2 --timings --templates templates-copy --out inc 2>"$work/timings"
rm -rf clean && "$planpress" build -q -j 1 --templates templates-copy --out clean 2>/dev/null
diff -r inc clean >/dev/null && pass "with PDFs, the incremental build equals a clean build" || { fail "with PDFs the incremental build differs"; diff -rq inc clean | head -5; }
rm -rf inc clean templates-copy

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
