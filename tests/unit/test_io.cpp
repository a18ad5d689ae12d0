#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

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
  CHECK(fs.list_directory(".") == std::vector<std::string>{".out.planpress-lock", "out"});  // no staging left
}

TEST_CASE("publish replaces the previous output completely", "[io]") {
  MemoryFileSystem fs;
  REQUIRE_FALSE(publish(fs, {{"old.html", "old"}, {"index.html", "1"}}, "out"));
  REQUIRE_FALSE(publish(fs, {{"index.html", "2"}}, "out"));
  std::string err;
  CHECK(fs.read_file("out/index.html", err) == std::optional<std::string>("2"));
  CHECK_FALSE(fs.exists("out/old.html"));  // files of the old site do not linger
  CHECK(fs.list_directory(".") == std::vector<std::string>{".out.planpress-lock", "out"});
}

TEST_CASE("a second build into a locked output is refused and told who holds it", "[io]") {
  MemoryFileSystem fs;
  std::string error;
  auto first = lock_output(fs, "site/out", error);
  REQUIRE(first);
  std::string second_error;
  CHECK_FALSE(lock_output(fs, "site/out", second_error));
  CHECK(second_error.find("another build is writing to 'site/out': the lock is held by planpress (pid ") == 0);
  // Publishing through the held lock works; once released, the next build gets the lock.
  REQUIRE_FALSE(publish(fs, {{"index.html", "1"}}, *first));
  first.reset();
  CHECK(lock_output(fs, "site/out", error));
}

TEST_CASE("publish removes staging directories that killed builds left behind", "[io]") {
  MemoryFileSystem fs;
  fs.add_file("out.planpress-staging/index.html", "half");
  fs.add_file("out.planpress-staging-7/index.html", "half");
  REQUIRE_FALSE(publish(fs, {{"index.html", "1"}}, "out"));
  CHECK(fs.list_directory(".") == std::vector<std::string>{".out.planpress-lock", "out"});
}

TEST_CASE("publish follows a symbolic link at the output to its target and keeps the link", "[io]") {
  MemoryFileSystem fs;
  fs.add_file("www/site/.planpress-output", "");
  fs.add_file("www/site/old.html", "old");
  fs.add_symlink("output", "www/site");
  REQUIRE_FALSE(publish(fs, {{"index.html", "new"}}, "output"));
  CHECK(fs.kind("output") == FileKind::symlink);
  std::string err;
  CHECK(fs.read_file("www/site/index.html", err) == std::optional<std::string>("new"));
  CHECK_FALSE(fs.exists("www/site/old.html"));
  CHECK(fs.exists("www/.site.planpress-lock"));
}

TEST_CASE("publish refuses an old output the user cannot replace entirely", "[io]") {
  MemoryFileSystem fs;
  fs.add_file("out/.planpress-output", "");
  fs.add_file("out/plans/a/index.html", "old");
  fs.add_foreign_directory("out/plans");
  auto err = publish(fs, {{"index.html", "new"}}, "out");
  REQUIRE(err);
  CHECK(*err == "refusing to replace 'out': 'out/plans' belongs to another user");
  std::string e;
  CHECK(fs.read_file("out/plans/a/index.html", e) == std::optional<std::string>("old"));
  CHECK_FALSE(fs.exists("out/index.html"));
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
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(dir)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  CHECK(left == std::vector<std::string>{".output.planpress-lock", "output"});
  // The lock is a real flock: a second lock on the same output fails while the first is held.
  std::string error;
  auto held = lock_output(real, out, error);
  REQUIRE(held);
  CHECK_FALSE(lock_output(real, out, error));
  CHECK(error.find("the lock is held by planpress (pid " + std::to_string(::getpid())) != std::string::npos);
  held.reset();
  // A file in the way is an error and is left alone.
  std::ofstream(dir / "file") << "x";
  CHECK(publish(real, {{"a.html", "1"}}, (dir / "file").string()));
  fs::remove_all(dir);
}

TEST_CASE("a rebuild writes only the files whose bytes changed and drops the files that are gone", "[io]") {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / ("planpress-io-incremental-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  RealFileSystem real;
  const std::string out = (dir / "output").string();
  REQUIRE_FALSE(publish(real, {{"same.html", "1"}, {"changed.html", "2"}, {"gone.html", "3"}, {"a/b/deep.html", "4"}}, out));
  auto inode = [&](const char* name) {
    struct stat st {};
    REQUIRE(::stat((dir / "output" / name).c_str(), &st) == 0);
    return st.st_ino;
  };
  const auto same = inode("same.html"), deep = inode("a/b/deep.html"), changed = inode("changed.html");
  std::string error;
  auto lock = lock_output(real, out, error);
  REQUIRE(lock);
  IoError open_error;
  auto staging = Staging::open(real, *lock, open_error);
  REQUIRE(staging);
  staging->add("changed.html", "22");
  staging->add("same.html", "1");
  staging->add("a/b/deep.html", "4");
  staging->add("new.html", "5");
  CHECK(fs::exists(dir / "output" / "gone.html"));  // nothing of the output changes before the commit
  REQUIRE_FALSE(staging->commit());
  const auto counts = staging->counts();
  CHECK(counts.written == 2);
  CHECK(counts.unchanged == 2);
  CHECK(counts.removed == 1);
  CHECK(inode("same.html") == same);  // the same file, not a copy: its bytes were not written again
  CHECK(inode("a/b/deep.html") == deep);
  CHECK(inode("changed.html") != changed);
  std::string err;
  CHECK(real.read_file((dir / "output" / "changed.html").string(), err) == std::optional<std::string>("22"));
  CHECK(real.read_file((dir / "output" / "new.html").string(), err) == std::optional<std::string>("5"));
  CHECK_FALSE(fs::exists(dir / "output" / "gone.html"));
  staging.reset();
  lock.reset();
  // A file changed by hand in the output (another size than the manifest says) is written again.
  std::ofstream(dir / "output" / "same.html") << "edited";
  REQUIRE_FALSE(publish(real, {{"same.html", "1"}, {"changed.html", "22"}, {"a/b/deep.html", "4"}, {"new.html", "5"}}, out));
  CHECK(real.read_file((dir / "output" / "same.html").string(), err) == std::optional<std::string>("1"));
  fs::remove_all(dir);
}

TEST_CASE("a build that fails after files went into staging leaves the output and no staging", "[io]") {
  MemoryFileSystem fs;
  REQUIRE_FALSE(publish(fs, {{"index.html", "1"}}, "out"));
  std::string error;
  auto lock = lock_output(fs, "out", error);
  REQUIRE(lock);
  {
    IoError open_error;
    auto staging = Staging::open(fs, *lock, open_error);
    REQUIRE(staging);
    staging->add("index.html", "2");
    staging->add("other.html", "3");
  }  // dropped without commit: the build failed
  std::string err;
  CHECK(fs.read_file("out/index.html", err) == std::optional<std::string>("1"));
  CHECK_FALSE(fs.exists("out/other.html"));
  CHECK(fs.list_directory(".") == std::vector<std::string>{".out.planpress-lock", "out"});
}

TEST_CASE("files added from several threads all arrive, and a tree sink keeps them", "[io]") {
  OutputTree tree;
  TreeSink sink(tree);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&sink, t] {
      for (int i = 0; i < 250; ++i) sink.add("f" + std::to_string(t) + "-" + std::to_string(i), std::string(i, 'x'));
    });
  for (auto& t : threads) t.join();
  CHECK(tree.size() == 1000);
  CHECK(tree["f3-249"] == std::string(249, 'x'));
}

TEST_CASE("the content hash tells different bytes apart", "[io]") {
  CHECK(content_hash("") != content_hash(std::string(1, '\0')));
  CHECK(content_hash("12345678") != content_hash("12345679"));
  CHECK(content_hash("abcdefghi") != content_hash("abcdefghj"));  // the tail after 8 bytes counts
  CHECK(content_hash("same") == content_hash("same"));
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
