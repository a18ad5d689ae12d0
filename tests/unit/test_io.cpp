#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "io/publish.hpp"

using namespace planpress::io;

TEST_CASE("publish writes a new output directory with the marker", "[io]") {
  MemoryFileSystem fs;
  OutputTree tree{{"index.html", "<p>a</p>"}, {"plans/x/index.html", "x"}};
  REQUIRE_FALSE(publish(fs, tree, "out"));
  std::string err;
  CHECK(fs.read_file("out/index.html", err) == std::optional<std::string>("<p>a</p>"));
  CHECK(fs.exists("out/plans/x/index.html"));
  CHECK(fs.exists(std::string("out/") + kOutputMarker));
  CHECK_FALSE(fs.exists("out.planpress-staging"));
}

TEST_CASE("publish replaces the previous output completely", "[io]") {
  MemoryFileSystem fs;
  REQUIRE_FALSE(publish(fs, {{"old.html", "old"}, {"index.html", "1"}}, "out"));
  REQUIRE_FALSE(publish(fs, {{"index.html", "2"}}, "out"));
  std::string err;
  CHECK(fs.read_file("out/index.html", err) == std::optional<std::string>("2"));
  CHECK_FALSE(fs.exists("out/old.html"));  // files of the old site do not linger
  CHECK_FALSE(fs.exists("out.planpress-staging"));
}

TEST_CASE("publish refuses to replace a directory it did not write", "[io]") {
  MemoryFileSystem fs;
  fs.add_file("home/notes.txt", "keep");
  auto err = publish(fs, {{"index.html", "x"}}, "home");
  REQUIRE(err);
  CHECK(err->find("refusing") != std::string::npos);
  std::string e;
  CHECK(fs.read_file("home/notes.txt", e) == std::optional<std::string>("keep"));
  CHECK_FALSE(fs.exists("home/index.html"));
}

TEST_CASE("publish on the real disk exchanges atomically and leaves no staging", "[io]") {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / ("planpress-io-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  RealFileSystem real;
  const std::string out = (dir / "output").string();
  REQUIRE_FALSE(publish(real, {{"a.html", "1"}}, out));
  REQUIRE_FALSE(publish(real, {{"b.html", "2"}}, out));
  CHECK_FALSE(fs::exists(dir / "output" / "a.html"));
  CHECK(fs::exists(dir / "output" / "b.html"));
  CHECK_FALSE(fs::exists(dir / "output.planpress-staging"));
  // A file in the way is an error and is left alone.
  std::ofstream(dir / "file") << "x";
  CHECK(publish(real, {{"a.html", "1"}}, (dir / "file").string()));
  fs::remove_all(dir);
}

TEST_CASE("memory file system lists directories sorted", "[io]") {
  MemoryFileSystem fs;
  fs.add_file("c/plans/b/plan.json", "");
  fs.add_file("c/plans/a/plan.json", "");
  fs.add_file("c/site.json", "");
  CHECK(fs.list_directory("c") == std::vector<std::string>{"plans", "site.json"});
  CHECK(fs.list_directory("c/plans") == std::vector<std::string>{"a", "b"});
  CHECK(fs.is_directory("c/plans/a"));
  CHECK_FALSE(fs.is_directory("c/site.json"));
}
