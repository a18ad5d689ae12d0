// The preview server's answers as plain functions (which file a request names, content types, the script
// and overlay added to HTML) and its inotify watcher on a real folder. The server itself is tested through
// the real binary (tests/cli/serve_test.sh) and in Chromium (tests/browser/serve.test.js).
#include <catch2/catch.hpp>

#include <poll.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "serve/respond.hpp"
#include "serve/watch.hpp"

using namespace planpress::serve;
namespace base = planpress::base;

TEST_CASE("a request path names a file inside the site, or is refused", "[serve]") {
  CHECK(site_relative_path("/") == std::optional<std::string>(""));
  CHECK(site_relative_path("/index.html") == std::optional<std::string>("index.html"));
  CHECK(site_relative_path("/plans/a/items/1.html") == std::optional<std::string>("plans/a/items/1.html"));
  CHECK(site_relative_path("/plans//a/") == std::optional<std::string>("plans/a"));
  CHECK(site_relative_path("/departments/仙台市_総務局人事課.html") == std::optional<std::string>("departments/仙台市_総務局人事課.html"));
  // Whatever climbs out of the site, or could on another system, is refused (cpp-httplib has decoded %2e and %2f).
  for (const char* bad : {"/..", "/../etc/passwd", "/plans/../../etc/passwd", "/a/./b", "/.", "/a\\..\\b", "relative",
                          "", "/a\nb"})
    CHECK_FALSE(site_relative_path(bad).has_value());
  CHECK_FALSE(site_relative_path(std::string_view("/a\0b", 4)).has_value());
  // Names that only start with dots are names.
  CHECK(site_relative_path("/...") == std::optional<std::string>("..."));
  CHECK(site_relative_path("/.well-known/x") == std::optional<std::string>(".well-known/x"));
}

TEST_CASE("content types follow the extension", "[serve]") {
  CHECK(content_type("plans/a/index.html") == "text/html; charset=utf-8");
  CHECK(content_type("assets/site.css") == "text/css; charset=utf-8");
  CHECK(content_type("search/index.js") == "text/javascript; charset=utf-8");
  CHECK(content_type("data/a.json") == "application/json; charset=utf-8");
  CHECK(content_type("data/a.csv") == "text/csv; charset=utf-8");
  CHECK(content_type("pdf/a.PDF") == "application/pdf");
  CHECK(content_type("sitemap.xml") == "application/xml; charset=utf-8");
  CHECK(content_type("a.svg") == "image/svg+xml");
  CHECK(content_type("no-extension") == "application/octet-stream");
  CHECK(content_type("dir.d/file") == "application/octet-stream");
  CHECK(is_html(content_type("x.html")));
  CHECK_FALSE(is_html(content_type("x.css")));
}

TEST_CASE("the script and the overlay go before the last </body>", "[serve]") {
  const std::string page = "<html><body><p>&lt;/body&gt; in text</p>\n</body>\n</html>\n";
  const std::string out = inject(page, 7, "<div id=\"o\"></div>");
  CHECK(out == "<html><body><p>&lt;/body&gt; in text</p>\n<div id=\"o\"></div><script src=\"/__planpress/live.js\" "
               "data-generation=\"7\"></script>\n</body>\n</html>\n");
  // A page without </body> gets them at its end.
  CHECK(inject("<p>x</p>", 1, "") == "<p>x</p><script src=\"/__planpress/live.js\" data-generation=\"1\"></script>\n");
  CHECK(std::string(live_reload_script()).find("/__planpress/events") != std::string::npos);
}

TEST_CASE("the overlay shows each diagnostic as the CLI prints it, escaped", "[serve]") {
  base::Diagnostics diagnostics;
  diagnostics.error({}, base::msg<base::Msg::io_error_read_path>(base::arg<"path">("<script>alert(1)</script>"),
                                                               base::arg<"reason">("a & b")));
  const std::string html = overlay_html("タイトル <b>", "ヒント", diagnostics, base::Lang::ja);
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("a &amp; b") != std::string::npos);
  CHECK(html.find("タイトル &lt;b&gt;") != std::string::npos);
  CHECK(html.find("[io-error]") != std::string::npos);
  CHECK(html.find(kStylePath) != std::string::npos);
}

TEST_CASE("editors' scratch files start no build", "[serve]") {
  for (const char* name : {".plan.json.swp", ".plan.json.swx", "4913", "plan.json~", "#plan.json#", ".#plan.json"})
    CHECK(is_editor_scratch(name));
  for (const char* name : {"plan.json", "はじめに.md", "site.json", "layout.mustache", ".hidden.json"})
    CHECK_FALSE(is_editor_scratch(name));
}

namespace {
/// Waits (up to 10 s: this is not a timing check) for the watcher to have events, then drains them.
bool changed(Watcher& w) {
  pollfd p{w.fd(), POLLIN, 0};
  if (::poll(&p, 1, 10000) <= 0) return false;
  bool relevant = w.drain();
  // One write may come as several events a moment apart: take them all.
  while (::poll(&p, 1, 200) > 0) relevant = w.drain() || relevant;
  return relevant;
}
void write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p) << text; }
}  // namespace

TEST_CASE("the watcher sees changes in every folder below its roots, new folders too", "[serve]") {
  const auto root = std::filesystem::temp_directory_path() / ("planpress-watch-" + std::to_string(::getpid()));
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / "content/plans/a");
  std::filesystem::create_directories(root / "templates");
  Watcher w({(root / "content").string(), (root / "templates").string(), (root / "missing").string()});
  REQUIRE(w.error().empty());

  write(root / "content/plans/a/plan.json", "{}");
  CHECK(changed(w));
  write(root / "templates/layout.mustache", "x");
  CHECK(changed(w));
  // A folder made after watching began is watched too.
  std::filesystem::create_directories(root / "content/plans/b");
  CHECK(changed(w));
  write(root / "content/plans/b/plan.json", "{}");
  CHECK(changed(w));
  // An editor's swap file alone is no change.
  write(root / "content/plans/b/.plan.json.swp", "x");
  CHECK_FALSE(changed(w));
  std::filesystem::remove_all(root);
}
