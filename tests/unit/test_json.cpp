#include <catch2/catch.hpp>

#include "content/json_document.hpp"

using namespace planpress;

namespace {
std::optional<content::JsonDocument> parse(const std::string& text, base::Diagnostics& d) {
  return content::parse_json(std::make_shared<base::SourceFile>("f.json", text), d);
}
base::LineCol lc(const content::JsonDocument& doc, const base::Location& l) { return doc.source()->locate(l.offset); }
}  // namespace

TEST_CASE("every value and key has its position", "[content][json]") {
  base::Diagnostics d;
  const std::string text = "{\n  \"名前\": \"値\",\n  \"list\": [1, 2.5 ,true, {\"k\": null}],\n  \"o\": {}\n}\n";
  auto doc = parse(text, d);
  REQUIRE(doc);
  REQUIRE(d.empty());
  CHECK(doc->root()["list"][1] == 2.5);
  auto at = [&](const std::string& p) { auto x = lc(*doc, doc->at(p)); return std::make_pair(x.line, x.column); };
  CHECK(at("/名前") == std::make_pair(2, 9));
  CHECK(lc(*doc, doc->key_at("/名前")).column == 3);
  CHECK(at("/list") == std::make_pair(3, 11));
  CHECK(at("/list/0") == std::make_pair(3, 12));
  CHECK(at("/list/1") == std::make_pair(3, 15));
  CHECK(at("/list/2") == std::make_pair(3, 20));
  CHECK(at("/list/3/k") == std::make_pair(3, 32));
  CHECK(at("/o") == std::make_pair(4, 8));
}

TEST_CASE("pointers escape ~ and /", "[content][json]") {
  CHECK(content::pointer_append("", "a/b~c") == "/a~1b~0c");
  CHECK(content::pointer_append("/items", 3) == "/items/3");
  base::Diagnostics d;
  auto doc = parse("{\"a/b\": 1}", d);
  REQUIRE(doc);
  CHECK(doc->at("/a~1b").offset == 8);
}

TEST_CASE("positions inside strings map through escapes", "[content][json]") {
  base::Diagnostics d;
  const std::string text = "{\"t\": \"a\\n\\\"「x」\\u00e9<b>\"}";
  auto doc = parse(text, d);
  REQUIRE(doc);
  const std::string decoded = doc->root()["t"];
  const auto target = decoded.find("<b>");
  CHECK(doc->in_string("/t", target).offset == text.find("<b>"));
}

TEST_CASE("duplicate keys, syntax errors and deep nesting are diagnosed", "[content][json]") {
  base::Diagnostics d1;
  CHECK_FALSE(parse("{\"a\": 1, \"b\": 2, \"a\": 3}", d1));
  REQUIRE(d1.all().size() == 1);
  CHECK(d1.all()[0].code == base::Code::duplicate_key);
  CHECK(d1.all()[0].location.offset == 17);

  base::Diagnostics d2;
  CHECK_FALSE(parse("{\"a\": 1,}", d2));
  CHECK(d2.all().at(0).code == base::Code::json_syntax);
  CHECK(d2.all()[0].location.offset == 7);  // the trailing comma itself, not the '}' after it

  base::Diagnostics d3;
  CHECK_FALSE(parse(std::string(100, '[') + std::string(100, ']'), d3));
  CHECK(d3.all().at(0).code == base::Code::json_too_deep);

  base::Diagnostics d4;
  CHECK_FALSE(parse("{\"a\": \"\xC3\x28\"}", d4));
  CHECK(d4.all().at(0).code == base::Code::utf8_invalid);
  CHECK(d4.all()[0].location.offset == 7);
}

TEST_CASE("a UTF-8 BOM is accepted and not counted", "[content][json]") {
  base::Diagnostics d;
  auto doc = parse("\xEF\xBB\xBF{\"a\": 1}", d);
  REQUIRE(doc);
  CHECK(doc->source()->locate(doc->at("/a").offset).column == 7);
}
