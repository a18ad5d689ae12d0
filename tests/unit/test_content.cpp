// The five real documents in content/: built with the real pipeline into a temporary directory, then
// checked through the data export (output/data/<plan>.json) that users and tests read: item counts per
// plan and category, every required field present, and spot values from across each document — messy
// places included — found in the export and, when the shared checkout is there, in the seed text
// (../shared/seeds).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "pipeline/pipeline.hpp"
#include "io/file_system.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace planpress;
using planpress::testing::read_all;

namespace {

// Builds content/ once for all test cases.
const fs::path& built_site() {
  static fs::path out = [] {
    const fs::path dir = fs::temp_directory_path() / ("planpress-content-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    io::RealFileSystem rfs;
    pipeline::Options options;
    options.content_dir = std::string(PLANPRESS_SOURCE_DIR) + "/content";
    options.templates_dir = std::string(PLANPRESS_SOURCE_DIR) + "/templates";
    options.out_dir = (dir / "output").string();
    const auto result = pipeline::build(rfs, options);
    std::string diags;
    for (const auto& d : result.diagnostics.all()) diags += base::format_diagnostic(d, planpress::base::Lang::en);
    INFO(diags);
    REQUIRE(result.outcome == pipeline::Outcome::ok);
    REQUIRE(result.diagnostics.warning_count() == 0);  // the real content builds with no warnings
    return dir / "output";
  }();
  return out;
}

json plan_export(const std::string& id) { return json::parse(read_all(built_site() / "data" / (id + ".json"))); }

const json& item_of(const json& plan, const std::string& id) {
  for (const auto& i : plan["items"])
    if (i["id"] == id) return i;
  FAIL("no item " << id << " in " << plan["id"]);
  throw;
}

// All strings of a field value, one per line (lists, schedules and {label, text} entries flattened).
std::string flatten(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  std::string out;
  if (v.is_array() || v.is_object())
    for (const auto& x : v) {
      const auto s = flatten(x);
      if (!s.empty()) out += (out.empty() ? "" : "\n") + s;
    }
  return out;
}

std::string without_spaces(const std::string& s) {
  return std::regex_replace(s, std::regex("[ \t\r\n]|\xE3\x80\x80"), "");
}

fs::path seeds_dir() { return testing::shared_dir() / "seeds"; }

std::string seed_lines(const std::string& prefix, int first, int last) {
  for (const auto& e : fs::directory_iterator(seeds_dir())) {
    if (e.path().filename().string().rfind(prefix + "_", 0) != 0) continue;
    std::istringstream in(read_all(e.path()));
    std::string line, out;
    for (int n = 1; std::getline(in, line); ++n)
      if (n >= first && n <= last) out += line + "\n";
    return out;
  }
  FAIL("no seed file " << prefix);
  throw;
}

std::map<std::string, int> count_by_category(const json& plan) {
  std::map<std::string, int> counts;
  for (const auto& i : plan["items"]) counts[i["category"].is_null() ? "" : i["category"].get<std::string>()]++;
  return counts;
}

}  // namespace

TEST_CASE("each real plan has all its items, per category", "[content]") {
  const std::map<std::string, std::map<std::string, int>> expected = {
      {"sendai-compliance-r7", {{"c1", 5}, {"c2", 3}, {"c3", 5}, {"c4", 4}, {"c5", 27}, {"general", 3}}},
      {"sendai-hr-2", {{"f1-1", 2}, {"f1-2", 5}, {"f1-3", 5}, {"f1-4", 5}, {"f1-5", 3}, {"f2-1", 2}, {"f2-2", 4},
                       {"f2-3", 2}, {"f2-4", 2}, {"f2-5", 3}, {"f3-1", 2}, {"f3-2", 2}, {"f3-3", 2}}},
      {"sendai-keiei-r1", {{"p1-1-1", 1}, {"p1-1-2", 6}, {"p1-1-3", 9}, {"p1-1-4", 3}, {"p1-1-5", 7}, {"p1-1-6", 11},
                           {"p1-1-7-a", 3}, {"p1-1-7-b", 5}, {"p1-1-7-c", 4}, {"p1-1-7-d", 4}, {"p1-2", 9},
                           {"p2-1-1", 10}, {"p2-1-2", 7}, {"p2-2-1", 4}, {"p2-2-2", 4}, {"p3-1-1", 2},
                           {"p3-1-2", 3}, {"p3-2-1", 4}, {"p3-2-2", 2}, {"p3-3", 7}}},
      {"osaki-jinzai-ap", {{"s2-1", 5}, {"s2-2", 16}, {"s2-3", 9}, {"s3-1", 3}, {"s3-2", 5}, {"s3-3", 6},
                           {"s3-4", 4}, {"s3-5", 6}, {"s3-6", 2}}},
      {"sendai-taio-r6", {{"k1-1", 7}, {"k1-2", 3}, {"k1-3", 4}, {"k2-1", 2}, {"k2-2", 4}, {"k2-3", 5}}},
  };
  const std::map<std::string, std::size_t> totals = {{"sendai-compliance-r7", 47}, {"sendai-hr-2", 39},
                                                     {"sendai-keiei-r1", 105}, {"osaki-jinzai-ap", 56},
                                                     {"sendai-taio-r6", 25}};
  const json catalog = json::parse(read_all(built_site() / "data" / "catalog.json"));
  REQUIRE(catalog["plans"].size() == 5);
  for (const auto& [id, per_category] : expected) {
    INFO("plan " << id);
    const json plan = plan_export(id);
    CHECK(plan["items"].size() == totals.at(id));
    CHECK(count_by_category(plan) == per_category);
  }
  // Other parts counted in ../shared/seeds/ANALYSIS.md and the documents themselves.
  const json rf = plan_export("sendai-keiei-r1");
  std::size_t subs = 0, with_subs = 0, completed = 0;
  for (const auto& i : rf["items"]) {
    subs += i["sub_items"].size();
    with_subs += i["sub_items"].empty() ? 0 : 1;
    completed += i["fields"].contains("completed") ? 1 : 0;
    for (const auto& sub : i["sub_items"]) completed += sub["fields"].contains("completed") ? 1 : 0;
  }
  CHECK(subs == 55);
  CHECK(with_subs == 16);
  CHECK(completed == 6);  // 「完了」 stamps, on items and sub-items
  std::map<std::string, int> ratings;
  const json cp = plan_export("sendai-compliance-r7");
  for (const auto& i : cp["items"]) ratings[i["fields"]["rating"].get<std::string>()]++;
  CHECK(ratings == std::map<std::string, int>{{"○", 43}, {"☆", 4}});
  std::map<std::string, int> terms;
  const json pr = plan_export("sendai-taio-r6");
  for (const auto& i : pr["items"]) terms[i["fields"]["term"].get<std::string>()]++;
  CHECK(terms == std::map<std::string, int>{{"短期", 17}, {"中長期", 5}, {"常時", 2}, {"短期・中長期", 1}});
  std::map<std::string, int> statuses;
  const json os = plan_export("osaki-jinzai-ap");
  for (const auto& i : os["items"]) statuses[i["fields"]["status"].get<std::string>()]++;
  CHECK(statuses == std::map<std::string, int>{{"継続", 44}, {"拡充", 8}, {"新規", 4}});
}

TEST_CASE("every item has every field its plan requires", "[content]") {
  for (const auto* id : {"sendai-compliance-r7", "sendai-hr-2", "sendai-keiei-r1", "osaki-jinzai-ap", "sendai-taio-r6"}) {
    const json plan = plan_export(id);
    std::vector<std::string> required;
    for (const auto& f : plan["fields"])
      if (f["required"].get<bool>()) required.push_back(f["key"]);
    for (const auto& item : plan["items"]) {
      INFO("plan " << id << ", item " << item["id"]);
      CHECK(!item["name"].get<std::string>().empty());
      for (const auto& key : required) {
        INFO("field " << key);
        REQUIRE(item["fields"].contains(key));
        CHECK(!flatten(item["fields"][key]).empty());
      }
    }
  }
  // 行財政改革: an item carries 取組内容/目標/ｽｹｼﾞｭｰﾙ itself, or an 実施項目説明 and sub-items that carry them.
  const json rf = plan_export("sendai-keiei-r1");
  // The original's page (掲載ページ) is provenance in the content (source.page), never a field, and a
  // published export has no provenance.
  const json rf_content = json::parse(read_all(std::filesystem::path(PLANPRESS_SOURCE_DIR) / "content" / "plans" / "sendai-keiei-r1" / "plan.json"));
  for (const auto& item : rf_content["items"]) {
    INFO("sendai-keiei-r1 item " << item["id"]);
    CHECK(item["source"].contains("page"));
  }
  for (const auto& item : rf["items"]) {
    INFO("sendai-keiei-r1 item " << item["id"]);
    CHECK_FALSE(item["fields"].contains("page"));
    CHECK_FALSE(item.contains("source_page"));
    if (item["sub_items"].empty()) {
      for (const auto* key : {"content", "goal", "schedule"}) CHECK(item["fields"].contains(key));
    } else {
      CHECK(item["fields"].contains("description"));
      for (const auto& sub : item["sub_items"])
        for (const auto* key : {"content", "goal", "schedule"}) {
          INFO("sub-item " << sub["name"] << " field " << key);
          CHECK(sub["fields"].contains(key));
        }
    }
  }
}

namespace {

// One row of tests/content/spot_checks.tsv.
struct SpotCheck {
  std::string plan, item, field, expected, seed, lines;
};

std::vector<SpotCheck> spot_checks() {
  std::istringstream in(read_all(fs::path(PLANPRESS_SOURCE_DIR) / "tests" / "content" / "spot_checks.tsv"));
  std::vector<SpotCheck> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ls(line);
    for (std::string c; std::getline(ls, c, '\t');) cols.push_back(c);
    REQUIRE(cols.size() == 6);
    out.push_back(SpotCheck{cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]});
  }
  REQUIRE(out.size() >= 40);
  return out;
}

}  // namespace

TEST_CASE("spot values are in the export", "[content]") {
  for (const auto& s : spot_checks()) {
    INFO(s.plan << " " << s.item << " " << s.field << ": " << s.expected);
    const json plan = plan_export(s.plan);
    const json& item = item_of(plan, s.item);
    std::string value;
    if (s.field == "name" || s.field == "number") {
      value = item[s.field].get<std::string>();
    } else if (s.field.rfind("sub:", 0) == 0) {
      const auto second = s.field.find(':', 4);
      const auto& sub = item["sub_items"].at(std::stoul(s.field.substr(4, second - 4)) - 1);
      const std::string key = s.field.substr(second + 1);
      value = key == "name" ? sub["name"].get<std::string>() : flatten(sub["fields"][key]);
    } else {
      REQUIRE(item["fields"].contains(s.field));
      value = flatten(item["fields"][s.field]);
    }
    CHECK(value.find(s.expected) != std::string::npos);
  }
}

TEST_CASE("spot values match the seed text", "[content]") {
  if (testing::skip_without(seeds_dir(), "the seed texts of the five documents")) return;
  for (const auto& s : spot_checks()) {
    INFO(s.plan << " " << s.item << " " << s.field << ": " << s.expected << " (seed " << s.seed << ", lines " << s.lines << ")");
    const auto dash = s.lines.find('-');
    const std::string text = seed_lines(s.seed, std::stoi(s.lines.substr(0, dash)), std::stoi(s.lines.substr(dash + 1)));
    CHECK(without_spaces(text).find(without_spaces(s.expected)) != std::string::npos);
  }
}

TEST_CASE("indicators keep every printed value", "[content]") {
  const json pr = plan_export("sendai-taio-r6");
  REQUIRE(pr["indicators"].size() == 4);
  auto value_of = [](const json& ind, int year, const std::string& segment) -> double {
    for (const auto& v : ind["values"])
      if (v["year"] == year && v.value("segment", "") == segment && !v["value"].is_null()) return v["value"];
    return -1;
  };
  const json& overtime = pr["indicators"][0];
  CHECK(overtime["unit"] == "時間");
  // 206.1 / 197.0 / 192.6 (全体), 205.0 / 197.6 / 194.5 (本庁等), 210.1 / 194.6 / 185.8 (区役所): 004 l.357–363.
  std::vector<double> all, honcho, ku;
  std::string s_all, s_honcho, s_ku;
  for (const auto& s : overtime["segments"]) {
    if (s["label"] == "全体") s_all = s["id"];
    if (s["label"] == "本庁等") s_honcho = s["id"];
    if (s["label"] == "区役所") s_ku = s["id"];
  }
  for (int fy = 2022; fy <= 2024; ++fy) {
    all.push_back(value_of(overtime, fy, s_all));
    honcho.push_back(value_of(overtime, fy, s_honcho));
    ku.push_back(value_of(overtime, fy, s_ku));
  }
  CHECK(all == std::vector<double>{206.1, 197.0, 192.6});
  CHECK(honcho == std::vector<double>{205.0, 197.6, 194.5});
  CHECK(ku == std::vector<double>{210.1, 194.6, 185.8});
  CHECK(plan_export("osaki-jinzai-ap")["indicators"].size() == 20);
  CHECK(plan_export("sendai-hr-2")["indicators"].size() == 7);
}

TEST_CASE("cross-references between the documents resolve in both directions", "[content]") {
  auto has_link = [](const json& links, const std::string& plan, const std::string& item) {
    for (const auto& l : links)
      if (l.value("plan", "") == plan && l.value("item", "") == item) return true;
    return false;
  };
  const json cp = plan_export("sendai-compliance-r7");
  // 「コンプライアンス推進員研修（No.46参照）」 (000 l.39): item 5 → 46, and 46 knows it.
  CHECK(has_link(item_of(cp, "5")["refs"], "sendai-compliance-r7", "46"));
  CHECK(has_link(item_of(cp, "46")["backlinks"], "sendai-compliance-r7", "5"));
  // 人材育成推進計画 No.34 「コンプライアンスの推進」 ↔ the コンプライアンス推進 documents.
  const json hr = plan_export("sendai-hr-2");
  bool hr34_to_cp = false;
  for (const auto& l : item_of(hr, "34")["refs"]) hr34_to_cp |= l.value("plan", "") == "sendai-compliance-r7";
  CHECK(hr34_to_cp);
  bool cp_from_hr34 = false;
  for (const auto& l : cp["backlinks"]) cp_from_hr34 |= l.value("plan", "") == "sendai-hr-2" && l.value("item", "") == "34";
  CHECK(cp_from_hr34);
  // 「（№４・８ 再掲）」 (001 l.2510): HR 33 reposts 4 and 8.
  CHECK(has_link(item_of(hr, "33")["refs"], "sendai-hr-2", "4"));
  CHECK(has_link(item_of(hr, "33")["refs"], "sendai-hr-2", "8"));
  // The progress report reports on the 対応方針 and its 取り組み link to the plan items they report on.
  const json pr = plan_export("sendai-taio-r6");
  bool reports_on_policy = false;
  for (const auto& l : pr["refs"]) reports_on_policy |= l.value("document", "") == "sendai-taio-hoshin-2024" && l["type"] == "progress_of";
  CHECK(reports_on_policy);
  CHECK(has_link(item_of(cp, "20")["backlinks"], "sendai-taio-r6", "2-2-4"));
  // Branch numbers of the 行財政改革 plan point at their parent item.
  const json rf = plan_export("sendai-keiei-r1");
  CHECK(has_link(item_of(rf, "24-2")["refs"], "sendai-keiei-r1", "24"));
}
