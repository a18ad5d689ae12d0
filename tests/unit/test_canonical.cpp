// The canonical layout of plan.json (planpress fmt): the rules, idempotence, and on every real plan the
// same JSON value before and after, numbers as written; the key order is the schema's.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <set>

#include <nlohmann/json.hpp>

#include "canonical/layout.hpp"
#include "content/json_document.hpp"
#include "test_util.hpp"
#include "validate/keys.hpp"

namespace fs = std::filesystem;
using namespace planpress;

namespace {

canonical::Value parse(const std::string& text, const std::string& path = "plan.json") {
  base::Diagnostics d;
  auto doc = content::parse_json(std::make_shared<base::SourceFile>(path, text), d);
  INFO(text);
  REQUIRE(doc);
  return canonical::from_document(*doc);
}

std::string fmt(const std::string& text, const std::string& path = "content/plans/a/plan.json") {
  return canonical::canonical_text(parse(text, path), canonical::file_kind(path));
}

}  // namespace

TEST_CASE("fmt: keys in the schema's order, two-space indent, plain arrays on one line", "[canonical]") {
  const std::string messy =
      "{\"items\": [{\"fields\": {\"rating\": \"○\", \"content\": \"本文\\n二行目\"}, \"name\": \"研修\", \"id\": \"1\",\n"
      "  \"source\": {\"lines\": [\n 3,\n 4]}}],\n"
      " \"fields\": [{\"kind\": \"text\", \"key\": \"content\", \"label\": \"内容\"}, {\"key\": \"rating\", \"label\": \"評価\", \"kind\": \"rating\", \"vocabulary\": \"r\"}],\n"
      " \"zzz_unknown\": 1, \"id\": \"a\", \"title\": \"\\u30c6\\u30b9\\u30c8\", \"indicators\": [{\"id\": \"i\", \"name\": \"n\", \"values\": [{\"value\": 197.0, \"kind\": \"actual\", \"year\": 2024}, {\"kind\": \"target\", \"value\": 1e3}]}]}";
  const std::string expected = R"({
  "id": "a",
  "title": "テスト",
  "fields": [
    {
      "key": "content",
      "label": "内容",
      "kind": "text"
    },
    {
      "key": "rating",
      "label": "評価",
      "kind": "rating",
      "vocabulary": "r"
    }
  ],
  "items": [
    {
      "id": "1",
      "name": "研修",
      "fields": {
        "content": "本文\n二行目",
        "rating": "○"
      },
      "source": {
        "lines": [3, 4]
      }
    }
  ],
  "indicators": [
    {
      "id": "i",
      "name": "n",
      "values": [
        {
          "year": 2024,
          "value": 197.0,
          "kind": "actual"
        },
        {
          "value": 1e3,
          "kind": "target"
        }
      ]
    }
  ],
  "zzz_unknown": 1
}
)";
  CHECK(fmt(messy) == expected);
  CHECK(fmt(expected) == expected);  // idempotent
  // Control characters are escaped; every other character is written as itself, never as \u.
  CHECK(fmt(R"({"title": "a\u0001b\t\"\\ ✕ \u2028"})") == "{\n  \"title\": \"a\\u0001b\\t\\\"\\\\ ✕ \u2028\"\n}\n");
  // A BOM and CRLF line ends are read and not written.
  CHECK(fmt("\xEF\xBB\xBF{\r\n\"id\": \"a\"\r\n}\r\n") == "{\n  \"id\": \"a\"\n}\n");
  CHECK(fmt("{\"b\": {}, \"a\": []}", "x.json") == "{\n  \"b\": {},\n  \"a\": []\n}\n");  // other files keep their order
}

TEST_CASE("fmt of every real plan.json: the same JSON value, numbers as written, and fmt twice = fmt once", "[canonical][content]") {
  const fs::path plans = fs::path(PLANPRESS_SOURCE_DIR) / "content" / "plans";
  std::size_t n = 0;
  for (const auto& dir : fs::directory_iterator(plans)) {
    const fs::path path = dir.path() / "plan.json";
    const std::string text = testing::read_all(path);
    INFO(path.string());
    const std::string once = fmt(text);
    CHECK(fmt(once) == once);
    CHECK(nlohmann::json::parse(once) == nlohmann::json::parse(text));
    CHECK(canonical::same_json(parse(once), parse(text)));
    // Numbers keep their text ("197.0" is not 197): the same multiset of number tokens.
    auto numbers = [](const std::string& t) {
      std::multiset<std::string> out;
      base::Diagnostics d;
      auto doc = content::parse_json(std::make_shared<base::SourceFile>("p", t), d);
      std::function<void(const nlohmann::json&, const std::string&)> visit = [&](const nlohmann::json& j, const std::string& ptr) {
        if (j.is_number()) out.insert(doc->raw_text(ptr));
        if (j.is_array())
          for (std::size_t i = 0; i < j.size(); ++i) visit(j[i], content::pointer_append(ptr, i));
        if (j.is_object())
          for (auto it = j.begin(); it != j.end(); ++it) visit(it.value(), content::pointer_append(ptr, it.key()));
      };
      visit(doc->root(), "");
      return out;
    };
    CHECK(numbers(once) == numbers(text));
    // The same layout from any other layout of the same value: every key nlohmann sorts, four spaces.
    const std::string scrambled = nlohmann::ordered_json::parse(text).dump(4);
    CHECK(canonical::same_json(parse(fmt(scrambled)), parse(text)));
    ++n;
  }
  CHECK(n == 5);
}

TEST_CASE("the key order fmt writes is the order of the schema's properties", "[canonical]") {
  // keys.cpp lists keys in the schema's order; fmt follows keys.cpp, so editors and fmt agree.
  for (const auto* keys : validate::all_object_keys()) {
    const std::string& address = keys->schema();
    const auto hash = address.find('#');
    const auto file = nlohmann::ordered_json::parse(testing::read_all(fs::path(PLANPRESS_SOURCE_DIR) / "schemas" / address.substr(0, hash)));
    const nlohmann::ordered_json* node = &file.at(nlohmann::ordered_json::json_pointer(address.substr(hash + 1)));
    if (node->contains("$ref")) node = &file.at(nlohmann::ordered_json::json_pointer(node->at("$ref").get<std::string>().substr(1)));
    std::vector<std::string> order;
    for (auto it = node->at("properties").begin(); it != node->at("properties").end(); ++it) order.push_back(it.key());
    INFO(address);
    CHECK(order == keys->allowed());
  }
}
