// Runs every tests/diagnostics/*.case through `planpress check` on an in-memory file system and compares
// the formatted diagnostics with the case's expected text, exactly (message, position, caret, hints).
//
// Case format:
//   # comment lines
//   --- <path>                 a file (content/… or templates/…) with the text up to the next '---'
//   --- <path> [hex]           same, with \xNN escapes decoded (for invalid UTF-8)
//   --- <path> [size N]        a file of N bytes of 'a' (for size limits)
//   --- <path> [symlink T]     a symbolic link to T (relative to the link's directory, or from the root)
//   --- <path> [fifo]          a special file (as a FIFO or a device would be)
//   --- <path> [bytes]         a binary file given as hexadecimal byte pairs; whitespace and line ends ignored
//   --- expected               the exact diagnostics in Japanese (the default language), then the exit
//                              outcome on the last line
//   --- expected en            the same in English (--lang en); optional, after the Japanese
// A default content/site.json and the repository's templates/ are present unless a case overrides them.
// Marker files: "fonts" adds the IPAex fonts at their default paths, "strict" runs with --strict, "build"
// runs `planpress build` into output/ instead of `check`, "report" runs `check --report`, "search-index-limit" holds the size of the search
// index (bytes) above which site-too-large is reported, and "command" runs the command its first line
// gives instead: `fmt [--check] [FILE...]` or `sheet import [--dry-run] FILE...` (without the PDF phase
// unless "fonts" is there).
//
// The catalogue of codes (base/codes.hpp) is the list to cover: every code needs a case that reports it,
// and docs/diagnostics.md documents exactly the codes of the catalogue.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <cctype>
#include <cstdlib>
#include <sstream>

#include "pipeline/fmt.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/sheets.hpp"
#include "base/codes.hpp"
#include "model/model.hpp"
#include "io/file_system.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using namespace planpress;
using planpress::testing::read_all;

namespace {

std::string decode_hex(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
      out += static_cast<char>(std::stoi(s.substr(i + 2, 2), nullptr, 16));
      i += 3;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string decode_bytes(const std::string& s) {
  std::string out, pair;
  for (const char ch : s) {
    if (std::isspace(static_cast<unsigned char>(ch))) continue;
    pair += ch;
    if (pair.size() == 2) {
      out += static_cast<char>(std::stoi(pair, nullptr, 16));
      pair.clear();
    }
  }
  REQUIRE(pair.empty());
  return out;
}

struct Case {
  std::map<std::string, std::string> files;
  std::map<std::string, std::string> symlinks;
  std::vector<std::string> special;
  std::map<base::Lang, std::string> expected;  // the expected text in each language the case gives
};

Case parse_case(const std::string& text) {
  Case c;
  std::istringstream in(text);
  std::string line, current, body;
  bool in_body = false;
  auto flush = [&]() {
    if (current.empty()) return;
    if (current == "expected") {
      c.expected[base::Lang::ja] = body;
    } else if (current == "expected en") {
      c.expected[base::Lang::en] = body;
    } else if (current.size() > 6 && current.substr(current.size() - 6) == " [hex]") {
      c.files[current.substr(0, current.size() - 6)] = decode_hex(body);
    } else if (auto link = current.find(" [symlink "); link != std::string::npos) {
      c.symlinks[current.substr(0, link)] = current.substr(link + 10, current.size() - link - 11);
    } else if (current.size() > 7 && current.substr(current.size() - 7) == " [fifo]") {
      c.special.push_back(current.substr(0, current.size() - 7));
    } else if (current.size() > 8 && current.substr(current.size() - 8) == " [bytes]") {
      c.files[current.substr(0, current.size() - 8)] = decode_bytes(body);
    } else if (auto at = current.find(" [size "); at != std::string::npos) {
      const auto n = std::stoul(current.substr(at + 7));
      c.files[current.substr(0, at)] = std::string(n, 'a');
    } else {
      c.files[current] = body;
    }
  };
  while (std::getline(in, line)) {
    if (line.rfind("--- ", 0) == 0) {
      flush();
      current = line.substr(4);
      body.clear();
      in_body = true;
    } else if (in_body) {
      body += line + "\n";
    }
  }
  flush();
  return c;
}

const char* outcome_name(pipeline::Outcome o) {
  switch (o) {
    case pipeline::Outcome::ok: return "ok";
    case pipeline::Outcome::content_errors: return "exit 1";
    case pipeline::Outcome::warnings_as_errors: return "exit 3";
    case pipeline::Outcome::io_error: return "exit 4";
    case pipeline::Outcome::internal_error: return "exit 4 (internal)";
  }
  return "?";
}

// Runs the command of a "command" marker file: fmt or sheet import, on the in-memory tree.
std::pair<base::Diagnostics, pipeline::Outcome> run_command(io::MemoryFileSystem& mfs, const std::string& line,
                                                            pipeline::Options options, bool fonts) {
  std::istringstream in(line.substr(0, line.find('\n')));
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  // "--lang ja" at the end of a command is left from when fmt and sheet import chose their language: both
  // languages are compared now (--- expected and --- expected en).
  if (words.size() >= 2 && words[words.size() - 2] == "--lang") words.resize(words.size() - 2);
  if (!words.empty() && words[0] == "fmt") {
    pipeline::FormatOptions f;
    for (std::size_t i = 1; i < words.size(); ++i) {
      if (words[i] == "--check") f.check = true;
      else f.files.push_back(words[i]);
    }
    auto r = pipeline::format(mfs, f);
    return {std::move(r.diagnostics), r.outcome};
  }
  REQUIRE(words.size() >= 2);
  REQUIRE(words[0] == "sheet");
  REQUIRE(words[1] == "import");
  pipeline::SheetImportOptions s;
  s.check = options;
  s.check.pdf = fonts;
  for (std::size_t i = 2; i < words.size(); ++i) {
    if (words[i] == "--dry-run") s.dry_run = true;
    else s.files.push_back(words[i]);
  }
  auto r = pipeline::import_sheets(mfs, s);
  return {std::move(r.diagnostics), r.outcome};
}

std::vector<fs::path> case_files() {
  const fs::path dir = fs::path(PLANPRESS_SOURCE_DIR) / "tests" / "diagnostics";
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".case") cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  return cases;
}

}  // namespace

TEST_CASE("every code of the catalogue has a spec case that reports it", "[diagnostics]") {
  std::map<std::string, std::vector<std::string>> reported;  // "[code]" → case files whose output has it
  for (const auto& path : case_files()) {
    const Case c = parse_case(read_all(path));
    for (const auto& row : base::code_catalogue()) {
      const std::string severity = row.severity == base::Severity::error ? "error" : "warning";
      // "…: error: message [code]" — the code with the severity the catalogue gives it, in Japanese.
      std::istringstream lines(c.expected.count(base::Lang::ja) ? c.expected.at(base::Lang::ja) : std::string());
      std::string line;
      while (std::getline(lines, line))
        if (line.ends_with(" [" + std::string(row.name) + "]") &&
            (line.find(": " + severity + ": ") != std::string::npos || line.rfind(severity + ": ", 0) == 0))
          reported[std::string(row.name)].push_back(path.filename().string());
    }
  }
  for (const auto& row : base::code_catalogue()) {
    INFO("no case in tests/diagnostics/ reports [" << row.name << "] as "
                                                   << (row.severity == base::Severity::error ? "an error" : "a warning"));
    CHECK(reported.count(std::string(row.name)) == 1);
  }
}

TEST_CASE("docs/diagnostics.md documents exactly the codes of the catalogue", "[diagnostics]") {
  // Each code is a table row "| `code` | meaning … |"; codes whose errors end with exit status 4 say so.
  const std::string doc = read_all(fs::path(PLANPRESS_SOURCE_DIR) / "docs" / "diagnostics.md");
  REQUIRE_FALSE(doc.empty());
  std::map<std::string, std::string> rows;  // code → its row
  std::istringstream lines(doc);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("| `", 0) != 0) continue;
    const auto end = line.find('`', 3);
    const std::string code = line.substr(3, end - 3);
    INFO("docs/diagnostics.md documents '" << code << "' twice");
    CHECK(rows.emplace(code, line).second);
  }
  for (const auto& row : base::code_catalogue()) {
    INFO("docs/diagnostics.md has no row for [" << row.name << "]");
    REQUIRE(rows.count(std::string(row.name)) == 1);
    const bool says_exit_4 = rows[std::string(row.name)].find("exit status 4") != std::string::npos;
    INFO("its row must say \"exit status 4\" exactly when the catalogue's exit class is not content");
    CHECK(says_exit_4 == (row.exit_class != base::ExitClass::content));
    if (row.severity == base::Severity::warning) CHECK(rows[std::string(row.name)].find("*warning:*") != std::string::npos);
  }
  for (const auto& [code, row] : rows) {
    INFO("docs/diagnostics.md documents '" << code << "', which is not in the catalogue (generator/base/codes.hpp)");
    CHECK(base::code_named(code).has_value());
  }
}

namespace {

// The in-memory file system of a case: a default site.json, the repository's templates, the case's files.
void fill(io::MemoryFileSystem& mfs, const Case& c) {
  mfs.add_file("content/site.json", "{\"title\": \"テスト\", \"organisation\": \"テスト市\"}\n");
  for (const auto& e : fs::directory_iterator(fs::path(PLANPRESS_SOURCE_DIR) / "templates"))
    if (e.is_regular_file()) mfs.add_file("templates/" + e.path().filename().string(), read_all(e.path()));
  mfs.create_directories("content/plans");
  for (const auto& [p, body] : c.files) mfs.add_file(p, body);
  for (const auto& [p, target] : c.symlinks) mfs.add_symlink(p, target);
  for (const auto& p : c.special) mfs.add_special(p);
  // A case that lists a file named "fonts" has the IPAex fonts at their default paths (the PDF phase of
  // `check` reads them); without it, the fonts are missing.
  if (c.files.count("fonts")) {
    const model::PdfSettings defaults;
    for (const auto& f : {defaults.font_mincho, defaults.font_gothic}) mfs.add_file(f, read_all(f));
  }
}

// The options of a case: a file named "strict" runs with --strict; one named "search-index-limit" holds
// the search index size (bytes) above which site-too-large is reported.
pipeline::Options options_of(const Case& c) {
  pipeline::Options options;
  options.strict = c.files.count("strict") > 0;
  // "report": `check --report` (the data-quality report, on the review edition as the CLI does).
  options.report = options.review = c.files.count("report") > 0;
  if (auto it = c.files.find("search-index-limit"); it != c.files.end())
    options.search_index_warning_bytes = std::stoull(it->second);
  return options;
}

}  // namespace

// check runs every phase of build but publish, on the same rules: on every spec case both report the same
// diagnostics and end the same way, except for what only publishing can meet (the output directory).
TEST_CASE("check and build agree on every spec case", "[diagnostics]") {
  for (const auto& path : case_files()) {
    DYNAMIC_SECTION(path.filename().string()) {
      const Case c = parse_case(read_all(path));
      if (c.files.count("command")) continue;  // fmt and sheet import: neither check nor build
      io::MemoryFileSystem for_check, for_build;
      fill(for_check, c);
      fill(for_build, c);
      const pipeline::Options options = options_of(c);
      const auto checked = pipeline::check(for_check, options);
      const auto built = pipeline::build(for_build, options);
      auto text = [](const pipeline::Result& r) {
        std::string out;
        for (const auto& d : r.diagnostics.all()) out += base::format_diagnostic(d, base::Lang::ja);
        return out + outcome_name(r.outcome) + "\n";
      };
      INFO("case file: " << path.string());
      if (built.failed_phase == "publish") {
        CHECK(checked.outcome == pipeline::Outcome::ok);
      } else {
        CHECK(text(checked) == text(built));
      }
    }
  }
}

TEST_CASE("every spec case gives its exact text", "[diagnostics]") {
  const auto cases = case_files();
  REQUIRE(cases.size() >= 20);
  for (const auto& path : cases) {
    DYNAMIC_SECTION(path.filename().string()) {
      const Case c = parse_case(read_all(path));
      io::MemoryFileSystem mfs;
      fill(mfs, c);
      const pipeline::Options options = options_of(c);
      base::Diagnostics diagnostics;
      pipeline::Outcome outcome;
      if (c.files.count("command")) {
        std::tie(diagnostics, outcome) = run_command(mfs, c.files.at("command"), options, c.files.count("fonts") > 0);
      } else {
        // A case that lists a file named "build" runs `build` (into output/) instead of `check`.
        auto result = c.files.count("build") ? pipeline::build(mfs, options) : pipeline::check(mfs, options);
        diagnostics = std::move(result.diagnostics);
        outcome = result.outcome;
      }
      auto actual = [&](base::Lang lang) {
        std::string text;
        for (const auto& d : diagnostics.all()) text += base::format_diagnostic(d, lang);
        return text + std::string(outcome_name(outcome)) + "\n";
      };
      INFO("case file: " << path.string());
      REQUIRE(c.expected.count(base::Lang::ja) == 1);
      if (std::getenv("PLANPRESS_BLESS")) {
        // Rewrites the expected texts (the English one only where the case has it); review the diff
        // before committing.
        std::string text = read_all(path);
        text = text.substr(0, text.find("--- expected\n")) + "--- expected\n" + actual(base::Lang::ja);
        if (c.expected.count(base::Lang::en)) text += "--- expected en\n" + actual(base::Lang::en);
        std::ofstream(path, std::ios::binary) << text;
      } else {
        for (const auto& [lang, expected] : c.expected) {
          INFO("language: " << (lang == base::Lang::ja ? "ja" : "en"));
          CHECK(actual(lang) == expected);
        }
      }
    }
  }
}
