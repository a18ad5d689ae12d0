#include <catch2/catch.hpp>

#include "assemble/assemble.hpp"

using namespace planpress::assemble;

namespace {
std::vector<std::string> names(const std::string& printed, const std::map<std::string, std::string>& aliases = {}) {
  std::vector<std::string> out;
  for (const auto& u : split_department(printed, aliases)) out.push_back(u.name);
  return out;
}
}  // namespace

TEST_CASE("printed department entries split into normalised units", "[assemble][departments]") {
  // Entries as printed in the real documents.
  CHECK(names("総務局人事課、労務課、厚生課") == std::vector<std::string>{"総務局人事課", "総務局労務課", "総務局厚生課"});
  CHECK(names("総務局人事課・職員研修所（各職場）") == std::vector<std::string>{"総務局人事課", "総務局職員研修所"});
  CHECK(names("総務局コンプライアンス推進担当、市民局区政課") ==
        std::vector<std::string>{"総務局コンプライアンス推進担当", "市民局区政課"});
  CHECK(names("財政局契約課、会計室会計課") == std::vector<std::string>{"財政局契約課", "会計室会計課"});
  CHECK(names("会計室会計課、各区税務会計課、宮城総合支所税務住民課、秋保総合支所総務課") ==
        std::vector<std::string>{"会計室会計課", "各区税務会計課", "宮城総合支所税務住民課", "秋保総合支所総務課"});
  CHECK(names("都市整備局公共施設マネジメント推進課・建築指導課") ==
        std::vector<std::string>{"都市整備局公共施設マネジメント推進課", "都市整備局建築指導課"});
  // 「職種・分野の主管課」 is one name (a role), not two units.
  const auto roles = split_department("局区、職種・分野の主管課", {});
  REQUIRE(roles.size() == 2);
  CHECK(roles[0].name == "局区");
  CHECK(roles[1].name == "職種・分野の主管課");
  CHECK(roles[1].generic);
  CHECK(names("総務局人事課（総括）") == std::vector<std::string>{"総務局人事課"});
  const auto wrapped = split_department("（各職場）", {});
  REQUIRE(wrapped.size() == 1);
  CHECK(wrapped[0].name == "各職場");
  CHECK(wrapped[0].generic);
}

TEST_CASE("bureaus, width variants and aliases", "[assemble][departments]") {
  auto u = split_department("人事委員会事務局任用課", {});
  REQUIRE(u.size() == 1);
  CHECK(u[0].bureau == "人事委員会事務局");
  CHECK(split_department("会計室会計課", {})[0].bureau == "会計室");
  // 全角英字 and 半角カナ meet their usual forms.
  CHECK(names("総務局ＤＸ推進課") == names("総務局DX推進課"));
  CHECK(names("総務局ｺﾝﾌﾟﾗｲｱﾝｽ推進担当") == std::vector<std::string>{"総務局コンプライアンス推進担当"});
  CHECK(names("総務局行政経営課", {{"総務局行政経営課", "総務局行政経営課（旧）"}}) == std::vector<std::string>{"総務局行政経営課（旧）"});
}

namespace {
// A model of two plans whose items name departments in the given printed entries, in order.
planpress::model::Model model_naming(const std::vector<std::vector<std::string>>& per_plan) {
  namespace m = planpress::model;
  m::Model model;
  int n = 0;
  for (const auto& entries : per_plan) {
    m::Plan p;
    p.id = "p" + std::to_string(++n);
    p.title = "計画" + std::to_string(n);
    p.fields = {{"lead", "担当課", m::FieldKind::departments, "", false, "", {}}};
    int k = 0;
    for (const auto& e : entries) {
      m::Item i;
      i.id = std::to_string(++k);
      i.name = "項目";
      m::FieldValue v;
      v.kind = m::FieldKind::departments;
      v.values = {e};
      i.fields["lead"] = v;
      p.items.push_back(i);
    }
    model.plans.push_back(p);
  }
  return model;
}

std::vector<std::string> order_of(const planpress::model::Model& model) {
  std::vector<std::string> out;
  for (const auto& d : index_departments(model)) out.push_back(d.unit.name);
  return out;
}
}  // namespace

TEST_CASE("departments in one order: as the plans first name them, roles last — never code-point order", "[assemble][departments]") {
  const auto model = model_naming({{"総務局人事課、局区", "まちづくり政策局情報システム課"}, {"財政局契約課", "総務局人事課"}});
  CHECK(order_of(model) == std::vector<std::string>{"総務局人事課", "まちづくり政策局情報システム課", "財政局契約課", "局区"});
}

TEST_CASE("departments in 五十音 order of their readings when site.json gives them", "[assemble][departments]") {
  auto model = model_naming({{"総務局人事課", "財政局契約課", "まちづくり政策局情報システム課"}});
  model.site.department_readings = {{"総務局人事課", "そうむきょくじんじか"},
                                    {"財政局契約課", "ざいせいきょくけいやくか"},
                                    {"まちづくり政策局情報システム課", "マチヅクリセイサクキョクジョウホウシステムカ"}};
  CHECK(order_of(model) == std::vector<std::string>{"財政局契約課", "総務局人事課", "まちづくり政策局情報システム課"});
  // Without a reading: after those with one, in document order.
  model.site.department_readings.erase("財政局契約課");
  CHECK(order_of(model) == std::vector<std::string>{"総務局人事課", "まちづくり政策局情報システム課", "財政局契約課"});
}

TEST_CASE("departments in the organisational order of site.json when given", "[assemble][departments]") {
  auto model = model_naming({{"総務局人事課", "財政局契約課", "まちづくり政策局情報システム課"}});
  model.site.department_order = {"まちづくり政策局情報システム課", "総務局人事課"};
  model.site.department_readings = {{"財政局契約課", "ざいせいきょくけいやくか"}};  // the order wins
  CHECK(order_of(model) == std::vector<std::string>{"まちづくり政策局情報システム課", "総務局人事課", "財政局契約課"});
}

TEST_CASE("the assembly: each printed entry's departments, roll-ups, navigation, charts", "[assemble]") {
  auto model = model_naming({{"総務局人事課、労務課", "総務局人事課"}});
  const auto a = assemble(model);
  const auto both = a.departments_of("", "総務局人事課、労務課");
  REQUIRE(both.size() == 2);
  CHECK(both[0]->unit.name == "総務局人事課");
  CHECK(both[1]->unit.name == "総務局労務課");
  CHECK(both[0]->page == "departments/" + both[0]->slug + ".html");
  CHECK(both[0]->item_count == 2);
  const auto& r = a.rollups(model.plans[0]);
  REQUIRE(r.departments.size() == 2);
  CHECK(r.departments[0].items == 2);
  const auto& nav = a.navigation_of("plans/p1/items/2.html");
  REQUIRE(nav.parents.size() == 2);
  CHECK(nav.parents[1].path == "plans/p1/index.html");
  REQUIRE(nav.prev);
  CHECK(nav.prev->path == "plans/p1/items/1.html");
  CHECK_FALSE(nav.next);
  CHECK(a.navigation_of("departments/" + both[1]->slug + ".html").parents.back().path == "departments/index.html");
}

TEST_CASE("departments belong to a municipality: the same name in two cities is two departments", "[assemble][departments]") {
  auto model = model_naming({{"総務局人事課"}, {"総務局人事課、労務課"}});
  model.plans[0].municipality = "みどり野市";
  model.plans[1].municipality = "仙台市";
  const auto a = assemble(model);
  REQUIRE(a.departments.size() == 3);
  CHECK(a.departments[0].municipality == "みどり野市");
  CHECK(a.departments[0].item_count == 1);  // not the 仙台市 department's item as well
  CHECK(a.departments[0].title == "総務局人事課（みどり野市）");
  CHECK(a.departments[1].municipality == "仙台市");
  CHECK(a.departments[0].page != a.departments[1].page);
  const auto sendai = a.departments_of("仙台市", "総務局人事課、労務課");
  REQUIRE(sendai.size() == 2);
  CHECK(sendai[0] == &a.departments[1]);
  CHECK(a.departments_of("みどり野市", "総務局人事課、労務課").empty());  // that city never printed this entry
  CHECK(a.departments_of("みどり野市", "総務局人事課")[0] == &a.departments[0]);
}

TEST_CASE("department pages have readable, stable names: the municipality and the name", "[assemble][departments]") {
  CHECK(department_slug("仙台市", "総務局人事課") == "仙台市_総務局人事課");
  // Characters that file systems or URLs treat specially become '-'; Japanese stays as it is.
  CHECK(department_slug("市", "A/B課 C#1?") == "市_A-B課-C-1-");
  CHECK(department_slug("", "../x") == "x");
  auto model = model_naming({{"総務局人事課"}});
  model.plans[0].municipality = "仙台市";
  const auto departments = index_departments(model);
  CHECK(departments[0].page == "departments/仙台市_総務局人事課.html");
  // Two names that only differ where characters became '-' get distinct pages, in department order.
  auto clash = model_naming({{"A#課", "A?課"}});
  const auto two = index_departments(clash);
  REQUIRE(two.size() == 2);
  CHECK(two[0].slug == "A-課");
  CHECK(two[1].slug == "A-課-2");
}

// --- series, history and the 新旧対照表 (tests/cycle/pair: a 令和7年度 results edition and a 令和8年度 plan
// edition of one series with one item added, one removed, one renamed, one renumbered and one reworded) ---

#include "linked_content.hpp"

namespace {
std::string marked(const std::vector<DiffSpan>& spans) {
  std::string out;
  for (const auto& s : spans) out += s.changed ? "[" + s.text + "]" : s.text;
  return out;
}
}  // namespace

TEST_CASE("diff_text marks the changed characters on both sides", "[assemble][series]") {
  auto d = diff_text("職員向けの研修を年2回実施する。", "職員向けの研修を年3回実施し、効果を測定する。");
  CHECK(marked(d.before) == "職員向けの研修を年[2]回実施する。");
  CHECK(marked(d.after) == "職員向けの研修を年[3]回実施[し、効果を測定]する。");
  // A phrase rewritten around one shared character reads as one change, not as scattered letters.
  d = diff_text("研修を実施する。", "講座を開催する。");
  CHECK(marked(d.before) == "[研修を実施]する。");
  CHECK(marked(d.after) == "[講座を開催]する。");
  d = diff_text("同じ", "同じ");
  CHECK(marked(d.after) == "同じ");
  d = diff_text("", "新しい");
  CHECK(marked(d.before).empty());
  CHECK(marked(d.after) == "[新しい]");
}

TEST_CASE("the 新旧対照表 of a pair of editions", "[assemble][series]") {
  planpress::testing::LinkedContent c(std::string(PLANPRESS_SOURCE_DIR) + "/tests/cycle/pair/content");
  REQUIRE(c.assembly.series.size() == 1);
  const auto& s = c.assembly.series[0];
  CHECK(s.id == "midorino-kenshu");
  CHECK(s.title == "みどり野市職員研修アクションプラン");
  REQUIRE(s.editions.size() == 2);
  CHECK(s.editions[0]->id == "midorino-kenshu-r7");
  REQUIRE(s.comparisons.size() == 1);
  const auto& cmp = s.comparisons[0];
  CHECK(cmp.after == &c.plan("midorino-kenshu-r8"));
  CHECK(c.assembly.comparison_into(c.plan("midorino-kenshu-r8")) == &cmp);
  CHECK(c.assembly.comparison_into(c.plan("midorino-kenshu-r7")) == nullptr);
  REQUIRE(cmp.added.size() == 1);
  CHECK(cmp.added[0]->id == "8");
  REQUIRE(cmp.removed.size() == 1);
  CHECK(cmp.removed[0]->id == "3");
  CHECK(cmp.unchanged == 1);  // No.5; results, ratings and directions are not compared
  REQUIRE(cmp.changed.size() == 3);
  const auto& reworded = cmp.changed[0];
  CHECK(reworded.after->id == "1");
  REQUIRE(reworded.fields.size() == 1);
  CHECK(reworded.fields[0].label == "内容");
  CHECK(marked(reworded.fields[0].diff.after) == "職員向けの研修を年[3]回実施[し、効果を測定]する。");
  const auto& renamed = cmp.changed[1];
  REQUIRE(renamed.fields.size() == 1);
  CHECK(renamed.fields[0].key == "name");
  CHECK(marked(renamed.fields[0].diff.after) == "相談窓口の運用[と周知]");
  // No.7 continues No.4: the same item, renumbered.
  const auto& renumbered = cmp.changed[2];
  CHECK(renumbered.before->id == "4");
  CHECK(renumbered.after->id == "7");
  REQUIRE(renumbered.fields.size() == 1);
  CHECK(renumbered.fields[0].key == "number");
}

TEST_CASE("an item's history follows ids and continues", "[assemble][series]") {
  planpress::testing::LinkedContent c(std::string(PLANPRESS_SOURCE_DIR) + "/tests/cycle/pair/content");
  const auto& s = c.assembly.series[0];
  const auto& r7 = c.plan("midorino-kenshu-r7");
  const auto& r8 = c.plan("midorino-kenshu-r8");
  auto h = item_history(s, r7, *r7.find_item("4"));
  REQUIRE(h.size() == 2);
  CHECK(h[0].item->id == "4");
  CHECK(h[1].plan == &r8);
  CHECK(h[1].item->id == "7");
  h = item_history(s, r8, *r8.find_item("7"));
  REQUIRE(h.size() == 2);
  CHECK(h[0].item->id == "4");
  CHECK(item_history(s, r7, *r7.find_item("3")).size() == 1);  // left out of R8
  CHECK(item_history(s, r8, *r8.find_item("8")).size() == 1);  // new in R8
}
