// The build on an in-memory file system with the repository's templates: what a whole run writes.
#include <catch2/catch.hpp>

#include <filesystem>

#include "pipeline/pipeline.hpp"
#include "io/file_system.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using namespace planpress;

namespace {

io::MemoryFileSystem site_with(const std::string& site_json) {
  io::MemoryFileSystem mfs;
  const fs::path templates = fs::path(PLANPRESS_SOURCE_DIR) / "templates";
  for (const auto& e : fs::recursive_directory_iterator(templates))
    if (e.is_regular_file())
      mfs.add_file("templates/" + fs::relative(e.path(), templates).string(), testing::read_all(e.path()));
  mfs.add_file("content/site.json", site_json);
  mfs.add_file("content/plans/a/plan.json", R"({"id": "a", "title": "計画", "municipality": "市", "kind": "action_plan",
    "fields": [{"key": "t", "label": "内容", "kind": "text"}], "items": [{"id": "1", "name": "項目"}]})");
  return mfs;
}

std::string built(io::MemoryFileSystem& mfs, const std::string& path) {
  pipeline::Options options;
  options.pdf = false;  // the fonts are not part of this test
  const auto result = pipeline::build(mfs, options);
  REQUIRE(result.outcome == pipeline::Outcome::ok);
  std::string error;
  return mfs.read_file("output/" + path, error).value_or("");
}

}  // namespace

TEST_CASE("without base_url the sitemap and the 404 page use relative links", "[build]") {
  auto mfs = site_with(R"({"title": "T", "organisation": "O"})");
  CHECK(built(mfs, "sitemap.xml").find("<loc>plans/a/items/1.html</loc>") != std::string::npos);
  const auto page = built(mfs, "404.html");
  CHECK(page.find("href=\"assets/style.css\"") != std::string::npos);
}

TEST_CASE("base_url makes the sitemap and the 404 page absolute", "[build]") {
  // A 404 page is served at whatever address was requested: relative links would lead elsewhere.
  auto mfs = site_with(R"({"title": "T", "organisation": "O", "base_url": "https://www.example.jp/keikaku"})");
  CHECK(built(mfs, "sitemap.xml").find("<loc>https://www.example.jp/keikaku/plans/a/items/1.html</loc>") != std::string::npos);
  const auto page = built(mfs, "404.html");
  CHECK(page.find("href=\"https://www.example.jp/keikaku/assets/style.css\"") != std::string::npos);
  CHECK(page.find("href=\"https://www.example.jp/keikaku/index.html\"") != std::string::npos);
  // Other pages stay relative, so the site still works from file://.
  CHECK(built(mfs, "plans/a/index.html").find("href=\"../../assets/style.css\"") != std::string::npos);
}

TEST_CASE("an item page lists a section that cites it in two passages once", "[build]") {
  // HR №17 is cited twice in 「４．今期計画の計画期間・方向性」 (the second time 再掲): one backlink for the reader.
  auto mfs = site_with(R"({"title": "T", "organisation": "O"})");
  mfs.add_file("content/plans/a/plan.json", R"({"id": "a", "title": "計画", "municipality": "市", "kind": "action_plan",
    "fields": [{"key": "t", "label": "内容", "kind": "text"}], "items": [{"id": "1", "name": "項目"}],
    "sections": [{"id": "s", "title": "方向性", "file": "s.md"}]})");
  mfs.add_file("content/plans/a/s.md", "- [[#1|項目]]\n- [[#1|項目（再掲）]]\n");
  const auto page = built(mfs, "plans/a/items/1.html");
  const std::string link = "index.html#sec-s\">方向性</a>";
  const auto first = page.find(link);
  REQUIRE(first != std::string::npos);
  CHECK(page.find(link, first + 1) == std::string::npos);
}
