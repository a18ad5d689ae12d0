// present: what every writer prints alike — titles, labels, values, the output layout and the chart
// specification (its axis policy is docs/architecture.md, "Charts").
#include <catch2/catch.hpp>

#include "indicators.hpp"
#include "present/chart.hpp"
#include "present/describe.hpp"
#include "present/titles.hpp"
#include "present/urls.hpp"
#include "present/values.hpp"

using namespace planpress;

TEST_CASE("number and title are joined as the documents print them", "[present]") {
  CHECK(present::numbered_title("46", "研修") == "46\u3000研修");
  CHECK(present::numbered_title("", "研修") == "研修");
  model::Item i;
  i.number = "（１）";
  i.name = "名前";
  CHECK(present::entry_title(i) == "（１）\u3000名前");
  model::Category c;
  c.number = "①";
  c.title = "区分";
  CHECK(present::category_title(c) == "①\u3000区分");
}

TEST_CASE("an entry prints its own label for a field where it has one", "[present]") {
  model::FieldDef def{"lead", "担当課", model::FieldKind::departments, "", false, "", {}};
  model::Item i;
  CHECK(present::field_label(i, def) == "担当課");
  i.labels["lead"] = "主担当課";
  CHECK(present::field_label(i, def) == "主担当課");
  model::Plan p;
  p.vocabularies = {{"r", "自己評価", {{"○", "予定通り実施した", ""}}}};
  model::FieldDef rating{"rating", "自己評価", model::FieldKind::rating, "r", false, "", {}};
  CHECK(present::vocabulary_label(p, rating, "○") == "予定通り実施した");
  CHECK(present::vocabulary_label(p, rating, "×").empty());
  CHECK(std::string(present::value_kind_label("target")) == "目標");
  CHECK(std::string(present::link_label(model::RefType::repost, true)) == "再掲先");
}

TEST_CASE("every URL and anchor of the output layout", "[present]") {
  CHECK(present::root_prefix("index.html").empty());
  CHECK(present::root_prefix("plans/a/items/1.html") == "../../../");
  CHECK(present::endpoint_path({xref::TargetKind::item, "a", "1", 2}) == "plans/a/items/1.html#sub-2");
  CHECK(present::endpoint_path({xref::TargetKind::document, "ext", "", 0}) == "documents.html#doc-ext");
  CHECK(present::endpoint_path({xref::TargetKind::category, "a", "c1", 0}) == "plans/a/index.html#cat-c1");
  CHECK(present::endpoint_path({xref::TargetKind::section, "a", "s", 0}) == "plans/a/index.html#sec-s");
  CHECK(present::with_anchor(present::plan_page("a"), present::indicator_anchor("i")) == "plans/a/index.html#ind-i");
  CHECK(present::item_anchor("4") == "item-4");
  CHECK(present::department_page("d-1") == "departments/d-1.html");
  // Links: through the root, or the shortest within a folder.
  CHECK(present::relative_link("plans/a/items/1.html", "plans/a/index.html") == "../../../plans/a/index.html");
  CHECK(present::relative_link(present::plan_pdf("a"), "plans/a/index.html") == "../plans/a/index.html");
  CHECK(present::short_link("plans/a/index.html", "plans/a/items/1.html") == "items/1.html");
  CHECK(present::short_link("plans/a/index.html", "plans/a/index.html#cat-x") == "#cat-x");
  CHECK(present::short_link("departments/d-1.html", "departments/d-2.html") == "d-2.html");
  CHECK(present::short_link("departments/d-1.html", "plans/a/index.html") == "../plans/a/index.html");
}

TEST_CASE("values as printed, in 和暦 where it says more", "[present]") {
  model::ScheduleRow r;
  r.label = "Ｒ６";
  r.from = 2024;
  r.to = 2024;
  CHECK(present::schedule_when(r).span == "令和6年度");
  r.label = "令和６年度";  // says the same as 令和6年度
  CHECK(present::schedule_when(r).span.empty());
  r.label = "平成32年度";
  r.from = r.to = 2020;
  CHECK(present::schedule_when(r).span == "令和2年度");
  r.label = "令和2年度～";
  r.open_end = true;
  CHECK(present::schedule_when(r).span.empty());
  CHECK(present::published_text({"令和3年度（改定版）", "2021"}) == "令和3年度（改定版）");
  CHECK(present::published_text({"", "2023-02"}) == "令和5年2月");
  model::IndicatorValue v;
  v.value = 62;
  v.value_text = "62.0";
  CHECK(present::number_text(v) == "62.0");
  CHECK(present::display_value(v, "％") == "62.0％");
  CHECK(present::period_wareki({2024, 2026, false, ""}) == "令和6年度～令和8年度");
}

TEST_CASE("indicator summaries state first, last and change as printed", "[present][charts]") {
  const auto lines = present::summarize_indicator(testing::overtime());
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "全体：令和4年度 206.1時間 → 令和6年度 192.6時間（13.5時間減少）");
  CHECK(lines[1] == "全体：目標（令和8年度） 180時間");
  CHECK(lines[2] == "区役所：令和4年度 210.1時間 → 令和6年度 185.8時間（24.3時間減少）");
}

TEST_CASE("the change between two shares is in points (ポイント), as the cities write it", "[present][charts]") {
  model::Indicator ind;
  ind.id = "q28";
  ind.name = "肯定的回答の割合";
  ind.unit = "%";
  ind.values = {testing::indicator_value(2022, "", 48.7, "48.7"), testing::indicator_value(2024, "", 53.2, "53.2")};
  const auto lines = present::summarize_indicator(ind);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "肯定的回答の割合：令和4年度 48.7% → 令和6年度 53.2%（4.5ポイント増加）");
  ind.unit = "人";  // any other unit: the difference in that unit
  CHECK(present::summarize_indicator(ind)[0].find("（4.5人増加）") != std::string::npos);
}

namespace {
std::vector<std::string> ticks(const model::Indicator& ind) {
  const auto spec = present::chart_spec(ind);
  REQUIRE(spec);
  return spec->axis.tick_labels;
}
}  // namespace

TEST_CASE("the value axis starts at zero: 977 → 983 → 990 is not a steep rise", "[present][charts]") {
  CHECK(ticks(testing::staff()) == std::vector<std::string>{"0", "200", "400", "600", "800", "1000"});
}

TEST_CASE("close lines of several segments get a narrower axis", "[present][charts]") {
  // 全体 and 区役所 between 180 and 210: on an axis from zero they would lie on top of each other.
  CHECK(ticks(testing::overtime()) == std::vector<std::string>{"180", "190", "200", "210", "220"});
}

TEST_CASE("a share in ％ never runs past 100; bars stand on zero", "[present][charts]") {
  model::Indicator share;
  share.unit = "％";
  share.values = {testing::indicator_value(2020, "", 57.5, "57.5"), testing::indicator_value(2023, "", 62.0, "62.0"),
                  testing::indicator_value(2026, "", 100, "100", "target")};
  const auto t = ticks(share);
  CHECK(t.front() == "0");
  CHECK(t.back() == "100");
  // Several segments close together stay under 100 too, and get the decimals of their step.
  model::Indicator rate;
  rate.unit = "％";
  rate.segments = {{"a", "現年度", ""}, {"b", "総括", ""}};
  rate.values = {testing::indicator_value(2014, "a", 99.0, "99.0", "baseline"), testing::indicator_value(2021, "a", 99.4, "99.4", "target"),
                 testing::indicator_value(2014, "b", 97.0, "97.0", "baseline"), testing::indicator_value(2021, "b", 98.0, "98.0", "target")};
  CHECK(ticks(rate) == std::vector<std::string>{"97.0", "97.5", "98.0", "98.5", "99.0", "99.5"});
  auto bars = testing::staff();
  bars.chart = "bar";
  const auto spec = present::chart_spec(bars);
  REQUIRE(spec);
  CHECK(spec->bars);
  CHECK(spec->axis.min == 0);
}

TEST_CASE("series: actual values, hollow baselines and targets, the dashed way to the target", "[present][charts]") {
  const auto spec = present::chart_spec(testing::overtime());
  REQUIRE(spec);
  REQUIRE(spec->series.size() == 2);
  const auto& all = spec->series[0];
  CHECK(all.label == "全体");
  CHECK(all.actual.size() == 3);
  REQUIRE(all.planned.size() == 1);
  CHECK(all.planned[0].label == "目標 180");
  REQUIRE(all.way.size() == 2);  // from the last value before the target to the target
  CHECK(all.way[0].year == 2024);
  CHECK(all.way[1].year == 2026);
  CHECK(spec->year_labels == std::vector<std::string>{"令和4年度", "令和5年度", "令和6年度", "令和8年度"});
  CHECK(spec->planned_note == "白抜き記号：基準・目標");
  CHECK(spec->series[1].way.empty());
}

TEST_CASE("no chart for a single value; values of one year stand side by side as bars", "[present][charts]") {
  model::Indicator one;
  one.values = {testing::indicator_value(2022, "", 63, "63", "baseline")};
  CHECK_FALSE(present::chart_spec(one));
  model::Indicator year;
  year.segments = {{"a", "本庁", ""}, {"b", "区役所", ""}};
  year.values = {testing::indicator_value(2023, "a", 83.2, "83.2"), testing::indicator_value(2023, "b", 73.0, "73.0")};
  const auto spec = present::chart_spec(year);
  REQUIRE(spec);
  CHECK(spec->bars);
}

TEST_CASE("an indicator's table: a column per year and kind, a row per segment", "[present]") {
  const auto t = present::indicator_table(testing::overtime());
  REQUIRE(t.columns.size() == 4);
  CHECK(t.columns[3].kind_label == "目標");
  CHECK(t.columns[3].year_label == "令和8年度");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].label == "区役所");
  CHECK(t.rows[1].cells[1].text == "—");  // 区役所 has no value for 令和5年度
}
