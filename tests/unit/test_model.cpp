// Validation of small plans in memory: the model that comes out, and the problems that are reported.
#include <catch2/catch.hpp>

#include "content/loader.hpp"
#include "validate/validate.hpp"
#include "xref/xref.hpp"

using namespace planpress;

namespace {
struct Result {
  model::Model model;
  base::Diagnostics diags;
};
Result load(const std::map<std::string, std::string>& plans) {
  io::MemoryFileSystem fs;
  fs.add_file("c/site.json", R"({"title": "T", "organisation": "O"})");
  fs.add_file("c/documents.json", R"({"documents": [{"id": "ext", "title": "外部文書"}]})");
  for (const auto& [path, text] : plans) fs.add_file("c/plans/" + path, text);
  Result r;
  auto raw = content::load_content(fs, "c", r.diags);
  r.model = validate::validate(raw, r.diags);
  return r;
}
std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}
std::vector<std::string> codes(const base::Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.all()) out.emplace_back(base::name_of(x.code));
  return out;
}
const char* kPlan = R"({
  "id": "p", "title": "計画", "municipality": "市", "kind": "annual_plan",
  "period": {"from": 2025, "to": 2025},
  "fields": [
    {"key": "lead", "label": "担当課", "kind": "departments", "required": true},
    {"key": "points", "label": "内容", "kind": "list"},
    {"key": "rating", "label": "自己評価", "kind": "rating", "vocabulary": "r"},
    {"key": "sched", "label": "工程", "kind": "schedule"}
  ],
  "vocabularies": {"r": {"values": [{"value": "○"}, {"value": "☆"}]}},
  "categories": [{"id": "c1", "title": "区分", "children": [{"id": "c1-1", "title": "小区分"}]}],
  "items": [
    {"id": "1", "number": "１", "name": "一", "category": "c1-1",
     "fields": {"lead": ["総務局"], "points": [{"label": "①", "text": "a"}, "b"], "rating": "☆",
                "sched": [{"label": "Ｒ７～", "from": 2025, "to": null, "text": "実施"}]},
     "sub_items": [{"name": "副", "fields": {"lead": ["局"]}}],
     "refs": [{"to": "ext", "type": "based_on"}, {"to": "#2", "type": "repost", "confidence": "medium"}]},
    {"id": "2", "name": "二", "fields": {"lead": ["局"]}}
  ]
})";
}  // namespace

TEST_CASE("a valid plan becomes the model", "[model]") {
  auto r = load({{"p/plan.json", kPlan}});
  INFO(r.diags.all().size());
  REQUIRE(r.diags.empty());
  REQUIRE(r.model.plans.size() == 1);
  const auto& p = r.model.plans[0];
  CHECK(p.kind == model::PlanKind::annual_plan);
  CHECK(p.period->from == 2025);
  CHECK(p.find_category("c1-1") != nullptr);
  const auto& i = p.items[0];
  CHECK(i.number == "１");
  CHECK(i.fields.at("points").list.size() == 2);
  CHECK(i.fields.at("points").list[0].label == "①");
  CHECK(i.fields.at("sched").schedule[0].open_end);
  CHECK(i.sub_items.size() == 1);
  CHECK(i.refs[1].type == model::RefType::repost);
  CHECK(i.refs[1].medium_confidence);
  CHECK(r.model.documents.size() == 1);
  // Default table columns: every field that is not a list or schedule.
  CHECK(p.presentation.columns == std::vector<std::string>{"lead", "rating"});
}

TEST_CASE("all problems of the phase are reported, not just the first", "[model]") {
  std::string bad = replaced(kPlan, "\"rating\": \"☆\"", "\"rating\": \"◎\"");           // outside the vocabulary
  bad = replaced(bad, "\"category\": \"c1-1\"", "\"category\": \"c9\"");                 // unknown category
  bad = replaced(bad, "\"name\": \"二\", \"fields\": {\"lead\": [\"局\"]}", "\"name\": \"二\", \"fields\": {\"lead\": []}");  // empty
  auto r = load({{"p/plan.json", bad}});
  CHECK(codes(r.diags) == std::vector<std::string>{"unknown-value", "xref-unresolved", "empty-value"});
}

TEST_CASE("field values of the wrong shape are reported", "[model]") {
  const std::string bad = replaced(kPlan, "\"lead\": [\"総務局\"]", "\"lead\": \"総務局\"");
  auto r = load({{"p/plan.json", bad}});
  REQUIRE(codes(r.diags) == std::vector<std::string>{"wrong-type"});
  CHECK(planpress::base::render(r.diags.all()[0].message, planpress::base::Lang::en).find("an array of strings") != std::string::npos);
}

TEST_CASE("plan ids and document ids share one namespace", "[model]") {
  const std::string other = replaced(kPlan, "\"id\": \"p\"", "\"id\": \"ext\"");
  auto r = load({{"p/plan.json", kPlan}, {"q/plan.json", other}});
  CHECK(codes(r.diags) == std::vector<std::string>{"duplicate-id"});
}

TEST_CASE("site.json gives the departments' organisational order and readings", "[model]") {
  auto site = [](const std::string& json) {
    io::MemoryFileSystem fs;
    fs.add_file("c/site.json", json);
    Result r;
    auto raw = content::load_content(fs, "c", r.diags);
    r.model = validate::validate(raw, r.diags);
    return r;
  };
  const auto ok = site(R"({"title": "T", "organisation": "O", "department_order": ["総務局", "総務局人事課"],
                           "department_readings": {"総務局人事課": "そうむきょくじんじか"}})");
  CHECK(ok.diags.all().empty());
  CHECK(ok.model.site.department_order == std::vector<std::string>{"総務局", "総務局人事課"});
  CHECK(ok.model.site.department_readings.at("総務局人事課") == "そうむきょくじんじか");
  const auto bad = site(R"({"title": "T", "organisation": "O", "department_order": "総務局", "department_readings": {"a": 1}})");
  CHECK(codes(bad.diags) == std::vector<std::string>{"wrong-type", "wrong-type"});
}
