// Search: normalisation (the shared case table, offsets back into the original text), tokenisation,
// the number encoding, shards, the corpus taken from the model, and determinism.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "base/utf8.hpp"
#include "search/corpus.hpp"
#include "search/files.hpp"
#include "search/index.hpp"
#include "search/normalize.hpp"
#include "xref/xref.hpp"

namespace fs = std::filesystem;
using namespace planpress;
using namespace planpress::search;

namespace {

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
    } else if (s[i + 1] == 't') {
      out += '\t';
      ++i;
    } else if (s[i + 1] == '\\') {
      out += '\\';
      ++i;
    } else if (s[i + 1] == 'u' && i + 2 < s.size() && s[i + 2] == '{') {
      const auto close = s.find('}', i);
      base::append_utf8(out, static_cast<char32_t>(std::stoul(s.substr(i + 3, close - i - 3), nullptr, 16)));
      i = close;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct Case {
  int line;
  std::string input, expected, note;
};

std::vector<Case> read_cases() {
  std::ifstream in(fs::path(PLANPRESS_SOURCE_DIR) / "tests" / "search" / "normalization_cases.tsv");
  std::vector<Case> cases;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string input, expected, note;
    std::getline(fields, input, '\t');
    std::getline(fields, expected, '\t');
    std::getline(fields, note);
    cases.push_back(Case{n, unescape(input), unescape(expected), note});
  }
  return cases;
}

std::u32string u32(const std::string& s) {
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) out.push_back(base::decode_utf8(s, i));
  return out;
}

// The original text behind normalised code points [from, to).
std::string original(const std::string& text, const NormalizedText& n, std::size_t from, std::size_t to) {
  return text.substr(n.begin[from], n.end[to - 1] - n.begin[from]);
}

Corpus tiny_corpus() {
  Corpus c;
  c.plans.push_back(PlanInfo{"p", "計画", "plans/p/index.html", 0, "action_plan", "アクションプラン", {2024}, 0, 3, "", false});
  c.municipalities = {"市"};
  c.statuses = {"新規", "拡充", "継続"};
  Document a;
  a.title = "1 人材育成";
  a.url = "plans/p/items/1.html";
  a.passages = {{PassageClass::name, "名称", "人材育成", ""}, {PassageClass::content, "内容", "若手職員の人材育成を進める", ""}};
  Document b;
  b.title = "2 育成人材";
  b.url = "plans/p/items/2.html";
  b.passages = {{PassageClass::name, "名称", "育成人材", ""}, {PassageClass::result, "実績", "ＯＪＴを実施した", ""}};
  Document d;
  d.kind = DocKind::section;
  d.title = "はじめに";
  d.url = "plans/p/index.html#sec-a";
  d.passages = {{PassageClass::content, "はじめに", "人材の育成について", ""}};
  c.docs = {a, b, d};
  return c;
}

}  // namespace

TEST_CASE("the shared case table (also run in JavaScript)", "[search]") {
  const auto cases = read_cases();
  REQUIRE(cases.size() >= 40);
  for (const auto& c : cases) {
    INFO("normalization_cases.tsv:" << c.line << " " << c.note);
    CHECK(normalize_utf8(c.input) == c.expected);
    CHECK(normalize_utf8(c.expected) == c.expected);  // normalising twice changes nothing
  }
}

TEST_CASE("custom mappings are fixed points and cover the issue's variants", "[search]") {
  for (const auto& m : list_custom_mappings()) {
    INFO(std::hex << static_cast<unsigned>(m.from));
    CHECK(normalize_utf8(m.to) == m.to);
  }
  for (const char* tilde : {"～", "〜", "~", "∼"}) CHECK(normalize_utf8(tilde) == "~");
  for (const char* dash : {"ー", "ｰ", "－", "‐", "−", "―", "—", "-"}) CHECK(normalize_utf8(dash) == "-");
  CHECK(normalize_utf8("№") == normalize_utf8("No."));
}

TEST_CASE("the fold table is what NFKC_Casefold does after NFKC", "[search]") {
  const auto& table = list_fold_mappings();
  REQUIRE(table.size() > 1000);
  CHECK(std::is_sorted(table.begin(), table.end()));
  CHECK(normalize_utf8("A") == "a");
  bool has_upper_a = false;
  for (const auto& [cp, to] : table) has_upper_a = has_upper_a || (cp == U'A' && to == U"a");
  CHECK(has_upper_a);
}

TEST_CASE("every normalised character maps back to the text as printed", "[search]") {
  const std::string text = "ｺﾝﾌﾟﾗｲｱﾝｽ　推進員№４６（ＯＪＴ）";
  const auto n = normalize(text);
  CHECK(to_utf8(n.text) == "コンプライアンス推進員no.46(ojt)");
  REQUIRE(n.text.size() == n.begin.size());
  REQUIRE(n.text.size() == n.end.size());
  // ﾌﾟ is one segment: プ maps back to both half-width characters.
  CHECK(original(text, n, 2, 3) == "ﾌﾟ");
  CHECK(original(text, n, 0, 8) == "ｺﾝﾌﾟﾗｲｱﾝｽ");
  CHECK(original(text, n, 8, 11) == "推進員");  // the ideographic space before it is dropped
  // № became three characters, all from №.
  CHECK(original(text, n, 11, 14) == "№");
  CHECK(original(text, n, 14, 16) == "４６");
  CHECK(original(text, n, 16, 21) == "（ＯＪＴ）");
  // Offsets are monotonic.
  for (std::size_t i = 1; i < n.begin.size(); ++i) CHECK(n.begin[i - 1] <= n.begin[i]);
}

TEST_CASE("bigrams of normalised text", "[search]") {
  CHECK(split_bigrams(U"人材育成") == std::vector<std::u32string>{U"人材", U"材育", U"育成"});
  CHECK(split_bigrams(U"研").empty());
  CHECK(split_bigrams(U"").empty());
  // 全角 and 半角 give the same tokens.
  CHECK(split_bigrams(normalize("ＯＪＴ研修").text) == split_bigrams(normalize("OJT研修").text));
  CHECK(split_bigrams(normalize("ｺﾝﾌﾟﾗ").text) == split_bigrams(normalize("コンプラ").text));
}

TEST_CASE("numbers are written in JS-string-safe digits and read back", "[search]") {
  std::string s;
  const std::vector<std::uint32_t> values = {0, 1, 45, 46, 47, 2069, 2070, 2071, 100000, 1048575, 4294967295u};
  for (auto v : values) append_number(s, v);
  CHECK(decode_numbers(s) == values);
  for (char c : s) {
    CHECK(c >= 0x23);
    CHECK(c <= 0x7E);
    CHECK(c != '\\');
  }
  std::string one;
  append_number(one, 45);
  CHECK(one.size() == 1);
  append_number(one, 46);
  CHECK(one.size() == 3);
}

TEST_CASE("lists: documents with classes, then positions, so compound words match only where they occur", "[search]") {
  const auto corpus = tiny_corpus();
  const auto index = build_index(corpus);
  auto list = [&](const std::u32string& key) -> std::vector<std::uint32_t> {
    const auto shard = locate_shard(key, index.layout);
    REQUIRE(index.shards.count(shard));
    const auto& keys = index.shards.at(shard);
    auto it = keys.find(to_utf8(key));
    return it == keys.end() ? std::vector<std::uint32_t>{} : decode_numbers(it->second);
  };
  // A list: number of documents, per document docDelta << 4 | class mask; for bigrams then, per document,
  // the number of hits and their distances (×4 + class when the document has more than one class).
  // Positions count through the document: passages follow each other with a gap of one, so document 0's
  // content passage starts at 5 (its name 人材育成 has 4 characters).
  // 材育: document 0 only (name at 1, class 0; content at 5 + 6 = 11, class 1) — not in 育成人材.
  CHECK(list(U"材育") == std::vector<std::uint32_t>{1, (0 << 4) | 0b11, 2, (1 << 2) | 0, (10 << 2) | 1});
  // 成人: document 1's name at 1; one class, so distances alone.
  CHECK(list(U"成人") == std::vector<std::uint32_t>{1, (1 << 4) | 0b1, 1, 1});
  // 育成: both names, document 0's content and the section (document 2, content at 3).
  CHECK(list(U"育成") == std::vector<std::uint32_t>{3, 0b11, (1 << 4) | 0b1, (1 << 4) | 0b10, 2, (2 << 2) | 0, (10 << 2) | 1, 1, 0, 1, 3});
  // OJT from ＯＪＴ, in document 1's result passage (class 2), which starts at 5.
  CHECK(list(U"oj") == std::vector<std::uint32_t>{1, (1 << 4) | 0b100, 1, 5});
  // Single characters: documents and classes only.
  CHECK(list(U"材") == std::vector<std::uint32_t>{3, 0b11, (1 << 4) | 0b1, (1 << 4) | 0b10});
  CHECK(list(U"若") == std::vector<std::uint32_t>{1, 0b10});
  CHECK(list(U"成育").empty());
  CHECK(index.bigram_keys > 10);
}

TEST_CASE("shards: every shard the browser may ask for exists, big characters get their own", "[search]") {
  const auto corpus = tiny_corpus();
  IndexOptions small;
  small.list_shard_bytes = 64;
  small.text_shard_bytes = 1;
  const auto index = build_index(corpus, small);
  CHECK(index.layout.prefix == "k");
  CHECK(index.layout.buckets >= 1);
  CHECK_FALSE(index.layout.split.empty());
  for (std::uint32_t b = 0; b < index.layout.buckets; ++b) CHECK(index.shards.count("kb" + std::to_string(b)));
  for (const auto& [c, parts] : index.layout.split) {
    const auto alone = locate_shard(std::u32string(1, c), index.layout);  // the character alone: part "u"
    REQUIRE(alone.size() > 2);
    CHECK(alone.substr(alone.size() - 2) == "-u");
    CHECK(index.shards.count(alone));
    const auto stem = alone.substr(0, alone.size() - 1);
    for (std::uint32_t part = 0; part < parts; ++part) CHECK(index.shards.count(stem + std::to_string(part)));
  }
  for (const auto& [shard, keys] : index.shards)
    for (const auto& [key, value] : keys) CHECK(locate_shard(u32(key), index.layout) == shard);
  CHECK(index.text_shard_starts == std::vector<std::size_t>{0, 1, 2});
  CHECK(spread(U'人') == spread(U'人'));
}

TEST_CASE("index files are deterministic, valid JS string content and name every shard", "[search]") {
  const auto corpus = tiny_corpus();
  const auto a = render_index_files(corpus, build_index(corpus));
  const auto b = render_index_files(corpus, build_index(corpus));
  CHECK(a == b);
  // Built by three threads (the keys of different first characters apart), the files are the same.
  IndexOptions threads;
  threads.threads = 3;
  CHECK(render_index_files(corpus, build_index(corpus, threads)) == a);
  REQUIRE(a.count("search/index.js"));
  CHECK(a.at("search/index.js").find("planpressSearch.setIndex(") != std::string::npos);
  CHECK(a.count("search/t0.js"));
  // A shard no key falls into is not written: index.js names it among the empty ones instead.
  std::size_t empty = 0;
  for (std::size_t bytes : {8, 16, 32, 64}) {
    IndexOptions small;
    small.list_shard_bytes = bytes;
    const auto index = build_index(corpus, small);
    const auto files = render_index_files(corpus, index);
    const auto& base = files.at("search/index.js");
    for (const auto& [id, keys] : index.shards) {
      CHECK(files.count("search/" + id + ".js") == (keys.empty() ? 0u : 1u));
      if (keys.empty()) {
        ++empty;
        CHECK(base.find("\"" + id + "\"") != std::string::npos);
      }
    }
  }
  CHECK(empty > 0);  // small shards leave some empty, so the case is tested
  CHECK(quote_js("a\"b\\c\n\u2028") == "\"a\\\"b\\\\c\\u000a\\u2028\"");
}

TEST_CASE("the corpus comes from the model: fields, sub-items, notes and facets", "[search]") {
  model::Model m;
  model::Plan p;
  p.presentation.sub_items_label = "主な取組み";  // the heading the plan prints for its sub-items
  p.id = "p";
  p.title = "テスト計画";
  p.municipality = "テスト市";
  p.kind = model::PlanKind::annual_plan;
  p.period = model::Period{2024, 2025, false, "令和6～7年度"};
  p.fields = {{"status", "区分", model::FieldKind::status, "status", false, "", {}},
              {"content", "内容", model::FieldKind::text, "", true, "", {}},
              {"lead", "担当課", model::FieldKind::departments, "", false, "", {}},
              {"results", "実績", model::FieldKind::text, "", false, "", {}},
              {"rating", "自己評価", model::FieldKind::rating, "rating", false, "", {}}};
  p.vocabularies = {{"status", "区分", {{"新", "新規", ""}, {"継", "継続", ""}}},
                    {"rating", "自己評価", {{"○", "予定通り実施した", ""}, {"×", "実施できなかった", ""}}}};
  model::Item item;
  item.id = "1";
  item.number = "１";
  item.name = "研修の実施";
  auto field = [](model::FieldKind k, std::string text, std::vector<std::string> values = {}) {
    model::FieldValue v;
    v.kind = k;
    v.text = std::move(text);
    v.values = std::move(values);
    return v;
  };
  item.fields["status"] = field(model::FieldKind::status, "新");
  item.fields["content"] = field(model::FieldKind::text, "研修を行う");
  item.fields["lead"] = field(model::FieldKind::departments, "", {"総務局人事課", "総務局人事課、労務課"});
  item.fields["results"] = field(model::FieldKind::text, "3回実施した");
  item.fields["rating"] = field(model::FieldKind::rating, "○");
  item.notes.push_back(model::Note{"source_error", "", "原文のまま", ""});
  model::Entry sub;
  sub.name = "新任研修";
  sub.fields["content"] = field(model::FieldKind::text, "新任職員向け");
  item.sub_items.push_back(sub);
  p.items.push_back(item);
  m.plans.push_back(p);
  const xref::SymbolTable symbols(m);
  const auto assembly = assemble::assemble(m);
  const auto c = collect(m, symbols, assembly);

  REQUIRE(c.docs.size() == 2);  // the plan and its item
  CHECK(c.docs[0].kind == DocKind::plan);
  const auto& d = c.docs[1];
  CHECK(d.kind == DocKind::item);
  CHECK(d.title == "１\u3000研修の実施");
  CHECK(d.url == "plans/p/items/1.html");
  std::vector<std::string> texts;
  for (const auto& ps : d.passages) texts.push_back(ps.label + "|" + ps.text + "|" + ps.anchor + "|" + std::to_string(static_cast<int>(ps.cls)));
  CHECK(texts == std::vector<std::string>{
                     "名称|１\u3000研修の実施||0", "区分|新 新規||1", "内容|研修を行う||1", "担当課|総務局人事課||1",
                     "担当課|総務局人事課、労務課||1", "実績|3回実施した||2", "自己評価|○ 予定通り実施した||2", "主な取組み|新任研修|sub-1|1",
                     "主な取組み・内容|新任職員向け|sub-1|1", "原文ママ|原文のまま||3"});
  // The facet gathers departments as the department pages do: 「総務局人事課、労務課」 names two.
  // Facet values are departments of one municipality, named with it.
  CHECK(c.departments == std::vector<std::string>{"総務局人事課（テスト市）", "総務局労務課（テスト市）"});
  CHECK(d.departments == std::vector<std::size_t>{0, 1});
  REQUIRE(d.rating >= 0);
  CHECK(c.ratings[static_cast<std::size_t>(d.rating)].value == "○");
  CHECK(c.ratings.size() == 2);  // the whole vocabulary, in order
  REQUIRE(d.status >= 0);
  CHECK(c.statuses[static_cast<std::size_t>(d.status)] == "新規");
  CHECK(c.plans[0].years == std::vector<int>{2024, 2025});
  CHECK(c.plans[0].first_doc == 0);
  CHECK(c.plans[0].end_doc == 2);
}

TEST_CASE("editions: the index marks older editions of a series and names their year", "[search]") {
  // Two editions of one series, listed newest first to show the flag follows the fiscal year, not the
  // order; and a plan outside any series.
  model::Model m;
  auto plan = [](std::string id, std::string title, std::optional<int> fiscal_year) {
    model::Plan p;
    p.id = std::move(id);
    p.title = std::move(title);
    p.municipality = "テスト市";
    p.kind = model::PlanKind::action_plan;
    if (fiscal_year) p.series = model::Series{"test-ap", "テスト計画", *fiscal_year, {}, {}, {}};
    return p;
  };
  m.plans.push_back(plan("ap-r8", "テスト計画（令和8年度）", 2026));
  m.plans.push_back(plan("other", "別の計画", std::nullopt));
  m.plans.push_back(plan("ap-r7", "テスト計画（令和7年度）", 2025));
  const xref::SymbolTable symbols(m);
  const auto assembly = assemble::assemble(m);
  const auto c = collect(m, symbols, assembly);

  REQUIRE(c.plans.size() == 3);
  CHECK(c.plans[0].id == "ap-r8");
  CHECK(c.plans[0].edition == "令和8年度版");
  CHECK_FALSE(c.plans[0].older);
  CHECK(c.plans[1].edition.empty());
  CHECK_FALSE(c.plans[1].older);
  CHECK(c.plans[2].edition == "令和7年度版");
  CHECK(c.plans[2].older);

  // The flags reach search/index.js, per plan (an object of "plans", keys in order, no nested braces).
  const auto files = render_index_files(c, build_index(c));
  const auto& base = files.at("search/index.js");
  auto plan_json = [&base](const std::string& id) {
    const auto at = base.find("\"id\":\"" + id + "\"");
    REQUIRE(at != std::string::npos);
    const auto from = base.rfind('{', at), to = base.find('}', at);
    return base.substr(from, to + 1 - from);
  };
  CHECK_THAT(plan_json("ap-r8"), Catch::Contains(R"("edition":"令和8年度版")") && Catch::Contains(R"("older":false)"));
  CHECK_THAT(plan_json("other"), Catch::Contains(R"("edition":"")") && Catch::Contains(R"("older":false)"));
  CHECK_THAT(plan_json("ap-r7"), Catch::Contains(R"("edition":"令和7年度版")") && Catch::Contains(R"("older":true)"));
  CHECK_THAT(base, Catch::Contains(R"("format":4)"));
}
