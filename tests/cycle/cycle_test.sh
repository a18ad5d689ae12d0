#!/usr/bin/env bash
# The yearly cycle through the real binary on the real content (docs/content-format.md, "Series and
# editions"): `new-edition` makes the 令和8年度 edition of the real コンプライアンス推進アクションプラン from
# the 令和7年度 one; it must equal the reviewed fixture tests/cycle/sendai-compliance-r8/ (the seed prints no
# R8 plan, so it is not content), check as a plan-stage edition with empty results, fail as a results
# edition, and print 「実績は年度末に掲載」 on its pages and in its PDF. Refusals and usage errors too.
set -uo pipefail
planpress=$(realpath "${1:?usage: cycle_test.sh PLANPRESS}")
root=$(cd "$(dirname "$0")/../.." && pwd)
fixture="$root/tests/cycle/sendai-compliance-r8"
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
has() {  # name file pattern: the file contains the fixed string
  if grep -qF -- "$3" "$2"; then pass "$1"; else fail "$1: '$3' not in $2"; fi
}
has_re() {  # name file regex
  if grep -qE -- "$3" "$2"; then pass "$1"; else fail "$1: /$3/ not in $2"; fi
}
none_in() {  # name dir regex: no file under dir matches
  if grep -rqE -- "$3" "$2"; then fail "$1: /$3/ in $(grep -rlE -- "$3" "$2" | head -3 | tr '\n' ' ')"; else pass "$1"; fi
}
count_is() {  # name expected file pattern: occurrences of the fixed string
  local got; got=$(grep -oF -- "$4" "$3" | wc -l)
  if [ "$got" = "$2" ]; then pass "$1 ($got)"; else fail "$1: $got, expected $2"; fi
}

cp -r "$root/content" content
cp -r "$root/templates" templates

# --- the data-quality report on the real content: the CP No.4 case and nothing else -------------------
expect_status "check --report on the real content" 0 "$planpress" check --report --no-pdf
count_is "one finding" 1 "$work/stderr" "warning:"
has "CP No.4: ☆ printed while its reason says ○" "$work/stderr" "content/plans/sendai-compliance-r7/plan.json:329:19: warning: 計画「sendai-compliance-r7」の項目「4」の自己評価（rating）は「☆」ですが、評価理由と次年度の方向性（reason）には評価が「○」と書かれています [report-rating-reason]"
expect_status "check --report --lang en" 0 "$planpress" check --report --no-pdf --lang en
has "CP No.4 in English" "$work/stderr" "content/plans/sendai-compliance-r7/plan.json:329:19: warning: item '4' of plan 'sendai-compliance-r7' rates itself '☆' in 'rating' (自己評価), but its 'reason' (評価理由と次年度の方向性) says the rating is '○' [report-rating-reason]"

# The 対応方針 progress report covers each of its 25 items by the paragraphs of its 取組区分 (seed 004,
# ANALYSIS §2.5: 17 paragraphs in all six): no finding. Without the paragraphs of (2)③, its five items are
# reported on nowhere.
count_is "progress report: every item covered on the real content" 0 "$work/stderr" "[report-progress-uncovered]"
mkdir uncovered && cp -r content templates uncovered/
python3 - uncovered/content/plans/sendai-taio-r6/plan.json <<'PY'
import json, sys
path = sys.argv[1]
p = json.load(open(path, encoding="utf-8"))
for top in p["categories"]:
    for c in top.get("children", []):
        if c["id"] == "k2-3":
            del c["blocks"]
json.dump(p, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
(cd uncovered && "$planpress" check --report --no-pdf >"$work/stdout" 2>"$work/uncovered.txt") && pass "check --report without the paragraphs of (2)③" || fail "check --report without the paragraphs of (2)③"
count_is "progress report: the five items of (2)③ uncovered" 5 "$work/uncovered.txt" "[report-progress-uncovered]"
has "progress report: the first of them, in Japanese" "$work/uncovered.txt" "進捗報告「sendai-taio-r6」の項目「2-3-1」が属する分類「k2-3」（会議・研修等、本庁と区役所の連携・コミュニケーションの強化に資する取り組み）に進捗状況の段落がなく、この項目の進捗がどこにも報告されていません [report-progress-uncovered]"

# --- the same report as a page of a review build, never of a published one -----------------------------
grep -oE '^content/[^:]+:[0-9]+:[0-9]+: warning: .*\[report-[a-z-]+\]$' "$work/stderr" | sed -E 's/: warning: .*\[(report-[a-z-]+)\]$/ \1/' | sort >"$work/report.cli"
expect_status "build --review" 0 "$planpress" build --review --no-pdf --out review-out
report=review-out/review/report.html
if [ -f "$report" ]; then pass "review build: review/report.html"; else fail "review build: no review/report.html"; fi
python3 - "$report" >"$work/report.page" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
for place, code in re.findall(r'<p class="report-place"><code>([^<]+)</code> <span class="report-code">\[([a-z-]+)\]</span>', page):
    print(html.unescape(place), code)
PY
sort -o "$work/report.page" "$work/report.page"
if [ -s "$work/report.cli" ] && cmp -s "$work/report.cli" "$work/report.page"; then pass "the page lists the findings of check --report at the same file:line:col ($(wc -l <"$work/report.page"))"
else fail "the page and check --report differ"; diff "$work/report.cli" "$work/report.page" | head | sed 's/^/    /'; fi
has "the page: CP No.4 in Japanese" "$report" "計画「sendai-compliance-r7」の項目「4」の自己評価（rating）は「☆」ですが、評価理由と次年度の方向性（reason）には評価が「○」と書かれています"
has "the page: the source line" "$report" '<pre class="report-source"><code>        &quot;rating&quot;: &quot;☆&quot;,</code></pre>'
has "the page: linked to the item" "$report" '<a href="../plans/sendai-compliance-r7/items/4.html">4　'
has "every page of the review build links to the report" review-out/index.html '<a href="review/report.html">データ品質の確認（1件）</a>'
has "an item page links to it through the root" review-out/plans/sendai-compliance-r7/items/4.html '<a href="../../../review/report.html">データ品質の確認（1件）</a>'
expect_status "published build" 0 "$planpress" build --no-pdf --out published-out
if [ ! -e published-out/review ]; then pass "published build: no review/ directory"; else fail "published build has review/"; fi
none_in "published build: no page mentions the report" published-out "データ品質の確認|review/report.html"
none_in "review build: the search index does not hold the report" review-out/search "データ品質|report-rating-reason|review/report|自己評価（rating）は「☆」ですが"
none_in "review build: the export does not hold the report" review-out/data "データ品質|report-rating-reason|review/report|自己評価（rating）は「☆」ですが"
count_is "review build: the sitemap does not list it" 0 review-out/sitemap.xml "review/report.html"

# --- new-edition on the real R7 -----------------------------------------------------------------------
expect_status "new-edition sendai-compliance-r7 --fiscal-year 2026" 0 "$planpress" new-edition sendai-compliance-r7 --fiscal-year 2026
cp "$work/stdout" "$work/summary"
# 次年度方向性 of the 47 items (seed 000, ANALYSIS.md §2.1): 継続 43, 変更 2 (No.5, 6), 「①変更 ②継続」 1 (No.8),
# 「取組みは継続するが、項目としては掲載しない」 1 (No.15).
has "46 items carried forward, 43 as they were and 3 to revise" "$work/summary" "引き継いだ項目: 46 項目（そのまま 43、見直しが必要 3）"
has "No.5 to revise (変更)" "$work/summary" "  見直しが必要: 5　職員のやりがい向上に資する取組み［変更］"
has "No.8 to revise (①変更 ②継続)" "$work/summary" "  見直しが必要: 8　柔軟な働き方の推進［①変更 ②継続］"
has "No.15 left out" "$work/summary" "  掲載しない: 15　各職場で行うコンプライアンス推進の取組み［取組みは継続するが、項目としては掲載しない］"
has "one item left out" "$work/summary" "掲載しない項目: 1 項目"
has "results fields cleared" "$work/summary" "全項目で空欄にした欄: 新規・拡充、実績、自己評価、評価理由と次年度の方向性、次年度方向性"
has "names the new plan" "$work/summary" "シリーズ「sendai-compliance-ap」の令和8年度（2026 年度）の版「sendai-compliance-r8」を、計画時点の版として「sendai-compliance-r7」から作りました"
has "lists what it wrote" "$work/summary" "書き出しました: content/plans/sendai-compliance-r8/plan.json"
if diff -ru "$fixture" content/plans/sendai-compliance-r8 >"$work/diff"; then pass "the R8 edition equals the reviewed fixture"
else fail "the R8 edition differs from tests/cycle/sendai-compliance-r8 (update it after review)"; head -40 "$work/diff" | sed 's/^/    /'; fi
# new-edition writes through fmt: the new plan.json is already in the canonical layout.
expect_status "the R8 plan.json is canonical (fmt --check)" 0 "$planpress" fmt --check content/plans/sendai-compliance-r8/plan.json
python3 - content/plans/sendai-compliance-r8/plan.json >"$work/facts" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
items = p["items"]
print("stage", p["stage"], "year", p["series"]["fiscal_year"], "items", len(items))
print("ids", ",".join(i["id"] for i in items))
cleared = {"status", "results", "rating", "reason", "direction"}
print("with results", sum(1 for i in items if cleared & set(i.get("fields", {}))))
print("title", p["title"])
PY
has "stage plan, fiscal year 2026, 46 items" "$work/facts" "stage plan year 2026 items 46"
has "No.15 is not among the items, the others keep their ids" "$work/facts" "ids 1,2,3,4,5,6,7,8,9,10,11,12,13,14,16,17,"
has "no item keeps a result, rating, direction or 新規 tag" "$work/facts" "with results 0"
has "the title names 令和8年度" "$work/facts" "title 仙台市コンプライアンス推進アクションプラン（令和8年度）"

# --- the plan-stage edition checks and publishes ------------------------------------------------------
expect_status "check with the R8 plan-stage edition (empty 実績 allowed)" 0 "$planpress" check
expect_status "build with the R8 edition" 0 "$planpress" build
r8=output/plans/sendai-compliance-r8
has "plan page says the results follow at year end" $r8/index.html "この版は令和8年度の計画時点のものです。実績・自己評価・評価理由と次年度の方向性・次年度方向性は年度末に掲載します。"
has "plan page names the edition" $r8/index.html "令和8年度（計画）"
# The items table shows 自己評価 and 次年度方向性 (presentation.columns): two pending cells per item.
count_is "items table: 「実績は年度末に掲載」 in the rating and direction cells" 92 $r8/index.html "実績は年度末に掲載</span>"
# 実績, 自己評価, 評価理由, 次年度方向性 in the fields, and 自己評価, 次年度方向性 of R8 in the history table.
count_is "item page: the pending fields and the history's R8 row" 6 $r8/items/1.html "実績は年度末に掲載</span>"
count_is "item page: R7's row in the history (○ 予定通り実施した)" 1 $r8/items/1.html '<span class="mark mark-rating">○</span>'
count_is "item page of R7: its history links to R8" 1 output/plans/sendai-compliance-r7/items/1.html 'sendai-compliance-r8/items/1.html'
count_is "the left-out No.15 has no history" 0 output/plans/sendai-compliance-r7/items/15.html "年度ごとの経過"
count_is "R7's pages show no pending cell" 0 output/plans/sendai-compliance-r7/index.html "実績は年度末に掲載"
if command -v pdftotext >/dev/null; then
  pdftotext -layout output/pdf/sendai-compliance-r8.pdf "$work/r8.txt"
  has "PDF cover: the stage notice" "$work/r8.txt" "この版は令和8年度の計画時点のものです。"
  # The item table prints every field; the four pending columns of a row share one cell.
  count_is "PDF item table: one pending cell per item" 46 "$work/r8.txt" "実績は年度末に掲載"
else
  echo "skip PDF text (pdftotext missing)"
fi

# The report sees the three items marked 変更 that nobody has revised yet.
expect_status "check --report with the unrevised R8" 0 "$planpress" check --report --no-pdf
count_is "three unrevised 変更 items" 3 "$work/stderr" "[report-revise-unchanged]"
has "No.8 (①変更 ②継続) among them" "$work/stderr" "計画「sendai-compliance-r8」の項目「8」は、令和7年度の次年度方向性が「①変更 ②継続」なのに、内容が前年度版のままです"

# --- a results edition needs its results --------------------------------------------------------------
sed -i 's/"stage": "plan"/"stage": "results"/' content/plans/sendai-compliance-r8/plan.json
expect_status "R8 as a results edition without results" 1 "$planpress" check
count_is "every item misses 実績, 自己評価, 評価理由, 次年度方向性" 184 "$work/stderr" "[missing-field]"
sed -i 's/"stage": "results"/"stage": "plan"/' content/plans/sendai-compliance-r8/plan.json

# --- the 新旧対照表, the series page and the history on the site (tests/cycle/pair: known changes) -------
mkdir pair && cp -r "$root/tests/cycle/pair/content" pair/content && cp -r "$root/templates" pair/templates
(cd pair && "$planpress" build >"$work/stdout" 2>"$work/stderr") && pass "build of the fixture pair" || { fail "build of the fixture pair"; sed 's/^/    /' "$work/stderr" | head; }
cmp_page=pair/output/plans/midorino-kenshu-r8/comparison.html
has "comparison: counts" $cmp_page "追加 1項目・削除 1項目・変更 3項目（変更のない項目 1）"
has "comparison: the changed words of 内容, new side" $cmp_page '職員向けの研修を年<ins class="changed">3</ins>回実施<ins class="changed">し、効果を測定</ins>する。'
has "comparison: the changed words of 内容, old side" $cmp_page '職員向けの研修を年<del class="changed">2</del>回実施する。'
has "comparison: a renamed item" $cmp_page '相談窓口の運用<ins class="changed">と周知</ins>'
has "comparison: a renumbered item (continues)" $cmp_page '<td class="new"><ins class="changed">7</ins></td><td class="old"><del class="changed">4</del></td>'
has "comparison: the added item" $cmp_page '<a href="items/8.html">8　ハラスメント防止研修</a>'
has "comparison: the removed item, linked to the old edition" $cmp_page 'midorino-kenshu-r7/items/3.html">3　研修計画の策定</a>'
has "series page: both editions" pair/output/series/midorino-kenshu.html '新旧対照表</a>（追加1・削除1・変更3）'
has "plan page: links to the previous edition and the 新旧対照表" pair/output/plans/midorino-kenshu-r8/index.html '前年度版：<a href="../../plans/midorino-kenshu-r7/index.html">令和7年度（実績）</a>'
has "R7 plan page: links to the next edition" pair/output/plans/midorino-kenshu-r7/index.html '次年度版：<a href="../../plans/midorino-kenshu-r8/index.html">令和8年度（計画）</a>'
has "history: R7's No.4 (☆, 継続) on the page of R8's No.7" pair/output/plans/midorino-kenshu-r8/items/7.html '<a href="../../../plans/midorino-kenshu-r7/items/4.html">4　管理職研修</a></td><td></td><td><span class="mark mark-rating">☆</span>'
has "history: R8's row is this page, results pending" pair/output/plans/midorino-kenshu-r8/items/7.html '<td>7　管理職研修（この版）</td><td></td><td><span class="pending">実績は年度末に掲載</span>'
has "history: the R7 item links forward to R8's No.7" pair/output/plans/midorino-kenshu-r7/items/4.html 'midorino-kenshu-r8/items/7.html">7　管理職研修</a>'
# Department views show the newest edition; the older one's items only when asked (<details>).
dept="pair/output/departments/みどり野市_総務局人事課.html"
has "department page: the newest edition's items are counted" "$dept" "5件の取組項目を担当しています"
has "department page: the older edition behind a filter" "$dept" "<summary>過去の年度版の取組項目（5件）</summary>"
r8_at=$(grep -n 'midorino-kenshu-r8/index.html">' "$dept" | head -1 | cut -d: -f1)
filter_at=$(grep -n '<details class="older-editions">' "$dept" | head -1 | cut -d: -f1)
r7_at=$(grep -n 'midorino-kenshu-r7/index.html">' "$dept" | head -1 | cut -d: -f1)
[ -n "$r8_at" ] && [ -n "$filter_at" ] && [ -n "$r7_at" ] && [ "$r8_at" -lt "$filter_at" ] && [ "$filter_at" -lt "$r7_at" ] &&
  pass "department page: R8 first, R7 inside the filter" || fail "department page: order of R8, the filter and R7 ($r8_at, $filter_at, $r7_at)"
count_is "no history on an item in one edition only" 0 pair/output/plans/midorino-kenshu-r8/items/8.html "年度ごとの経過"

if command -v pdftotext >/dev/null; then
  pdftotext -layout pair/output/pdf/midorino-kenshu-r8.pdf "$work/pair.txt"
  has "PDF: the 新旧対照表 chapter" "$work/pair.txt" "新旧対照表（令和7年度→令和8年度）"
  has_re "PDF: 新 left, 旧 right" "$work/pair.txt" "内容 +職員向けの研修を年3回実施し、効果を測定する。 +職員向けの研修を年2回実施する。"
  has_re "PDF: the renumbered item" "$work/pair.txt" "番号 +7 +4$"
  has "PDF: the removed item" "$work/pair.txt" "3       研修計画の策定"
  pdftotext -layout pair/output/pdf/midorino-kenshu-r7.pdf "$work/pair7.txt"
  count_is "PDF of the first edition: no 新旧対照表" 0 "$work/pair7.txt" "新旧対照表"
fi

# --- refusals ------------------------------------------------------------------------------------------
cp -r content/plans/sendai-compliance-r8 "$work/r8-before"
expect_status "again: the edition exists" 1 "$planpress" new-edition sendai-compliance-r7 --fiscal-year 2026 --id other-r8
has "names the existing edition" "$work/stderr" "シリーズ「sendai-compliance-ap」には 2026 年度版（計画「sendai-compliance-r8」）がすでにあります"
has "says nothing was written" "$work/stderr" "planpress: エラー 1 件があるため、新しい版は作っていません"
expect_status "from a plan-stage edition" 1 "$planpress" new-edition sendai-compliance-r8 --fiscal-year 2027
has "says it needs the results edition" "$work/stderr" "計画「sendai-compliance-r8」は計画時点の版です。次年度版は実績を記入した版から作ります"
expect_status "a year not after the edition" 1 "$planpress" new-edition sendai-compliance-r7 --fiscal-year 2025
expect_status "a plan outside any series" 1 "$planpress" new-edition sendai-hr-2 --fiscal-year 2027
has "says it has no series" "$work/stderr" "計画「sendai-hr-2」には \"series\"（シリーズ）が書かれていないため、次年度版を作れません"
expect_status "a fiscal year that is not a year (usage)" 2 "$planpress" new-edition sendai-compliance-r7 --fiscal-year 26
expect_status "a plan outside any series, in English" 1 "$planpress" new-edition sendai-hr-2 --fiscal-year 2027 --lang en
has "says it has no series, in English" "$work/stderr" "plan 'sendai-hr-2' declares no \"series\", so it has no next edition"
expect_status "an unknown plan" 1 "$planpress" new-edition sendai-compliance-r5 --fiscal-year 2027
has "an unknown plan: the closest named" "$work/stderr" "hint: 「sendai-compliance-r7」の誤りではありませんか"
expect_status "an id already used" 1 "$planpress" new-edition sendai-compliance-r7 --fiscal-year 2027 --id sendai-hr-2
expect_status "an unsafe id" 1 "$planpress" new-edition sendai-compliance-r7 --fiscal-year 2027 --id ../x
[ ! -e content/x ] && [ ! -e x ] && pass "nothing written for an unsafe id" || fail "an unsafe id wrote something"
diff -r "$work/r8-before" content/plans/sendai-compliance-r8 >/dev/null && pass "refusals leave the content as it was" || fail "a refusal changed the R8 edition"
ls content/plans | grep -qv -e '^osaki' -e '^sendai' && fail "a refusal wrote a plan directory" || pass "no other plan directory written"
expect_status "no --fiscal-year" 2 "$planpress" new-edition sendai-compliance-r7
expect_status "no plan id" 2 "$planpress" new-edition --fiscal-year 2026
expect_status "a malformed year" 2 "$planpress" new-edition sendai-compliance-r7 --fiscal-year R8
has "a malformed year: what to type" "$work/stderr" "planpress: --fiscal-year には 2026 のように西暦の年度を半角数字で指定してください（「R8」が指定されています）"
# Content with errors: nothing is made from it.
perl -0pi -e 's/"direction": "継続"/"direction": "継続する"/' content/plans/sendai-compliance-r7/plan.json
expect_status "content with errors" 1 "$planpress" new-edition sendai-compliance-r7 --fiscal-year 2027
has "the error is reported" "$work/stderr" "[unknown-value]"
[ ! -e content/plans/sendai-compliance-r9 ] && pass "no edition from content with errors" || fail "an edition was written from content with errors"

echo "$failures failure(s)"
[ "$failures" = 0 ]
