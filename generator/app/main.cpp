// The planpress command line: the only code that prints or exits.
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/fmt.hpp"
#include "pipeline/new_edition.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/sheets.hpp"
#include "io/file_system.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitContent = 1;
constexpr int kExitUsage = 2;
constexpr int kExitWarnings = 3;
constexpr int kExitIo = 4;

const char* kUsage =
    "Usage: planpress <command> [options]\n"
    "\n"
    "Commands:\n"
    "  build    check the content, then write the site, the PDFs and the data export to the output directory\n"
    "  check    check the content, templates and PDF fonts only; write nothing\n"
    "  new-edition PLAN-ID --fiscal-year YYYY [--id NEW-ID]\n"
    "           make next year's edition of a series from its results edition: content/plans/NEW-ID/\n"
    "           (items carried forward by the plan's next_year, results cleared, stage plan)\n"
    "  fmt [--check] [FILE...]\n"
    "           rewrite plan.json files (default: every content/plans/*/plan.json) in the canonical layout;\n"
    "           --check changes nothing and fails (exit status 1) naming the files that are not canonical\n"
    "  sheet export [--plan ID]... [--department NAME] [--out DIR]\n"
    "           write <plan-id>.xlsx for every plan (or the plans named) into DIR (default: sheets), for staff\n"
    "           to fill in; --department: only the items of that department (担当課)\n"
    "  sheet import [--dry-run] FILE...\n"
    "           merge filled-in sheets (.xlsx, or .csv saved from one) into content/plans/<id>/plan.json; the\n"
    "           edited content is checked first and nothing changes when anything is wrong; --dry-run shows\n"
    "           the changes and writes nothing\n"
    "\n"
    "Options:\n"
    "  --content DIR     content directory (default: content)\n"
    "  --templates DIR   templates directory (default: templates)\n"
    "  --out DIR         output directory (default: output for build, sheets for sheet export)\n"
    "  -j N, --jobs N    render with N threads (default: 1)\n"
    "  --strict          treat warnings as errors (exit status 3)\n"
    "  --no-pdf          skip the PDFs (pdf/<plan>.pdf) and their font checks\n"
    "  --review          a review build: show the editors' notes (marked) with a review banner on every\n"
    "                    page and PDF; without it the build publishes without them\n"
    "  --report          check only: also print the data-quality report (自己評価 that its reason contradicts,\n"
    "                    変更 items unchanged next year, indicator targets without years or results, items\n"
    "                    without 担当課) as warnings report-*\n"
    "  -q, --quiet       print diagnostics only, no summary\n"
    "  --timings         print the time of every phase and of every PDF (pages, bytes, milliseconds)\n"
    "  --lang ja|en      language of the messages of fmt and sheet (default: ja)\n"
    "  -h, --help        show this help\n"
    "  --version         show the version\n"
    "\n"
    "Exit status: 0 ok, 1 errors in content or templates, 2 usage, 3 warnings with --strict,\n"
    "4 I/O, environment (e.g. a font file missing) or internal error. Diagnostics are printed as\n"
    "file:line:column: error: message [code]; docs/diagnostics.md explains every code.\n"
    "\n"
    "Environment: SOURCE_DATE_EPOCH (seconds since 1970, up to the year 9999) dates the PDFs (without it\n"
    "they carry no date) and the workbooks of sheet export (without it 1980-01-01); TMPDIR is where sheet\n"
    "export writes its temporary files.\n";

int usage_error(const std::string& message) {
  std::cerr << "planpress: " << message << "\n\n" << kUsage;
  return kExitUsage;
}

namespace pipeline = planpress::pipeline;

/// What the command line asks for.
struct Invocation {
  std::string command;               ///< build, check, fmt, sheet export, sheet import
  std::vector<std::string> operands;  ///< files (fmt, sheet import)
  std::vector<std::string> used;      ///< the options given, to check that the command takes them
  pipeline::Options options;
  bool quiet = false;
  bool timings = false;
  bool check_only = false;  ///< fmt --check
  bool dry_run = false;     ///< sheet import --dry-run
  bool out_given = false;
  std::vector<std::string> plans;  ///< sheet export --plan
  std::string department;          ///< sheet export --department
  planpress::base::Lang lang = planpress::base::Lang::ja;
  pipeline::NewEditionOptions edition;  ///< new-edition
};

/// The options each command takes (beyond --help and --version).
bool takes_option(const std::string& command, const std::string& option) {
  static const std::map<std::string, std::set<std::string>> allowed = {
      {"build", {"--content", "--templates", "--out", "-j", "--strict", "--no-pdf", "--review", "-q", "--timings", "--lang"}},
      {"check", {"--content", "--templates", "-j", "--strict", "--no-pdf", "--review", "--report", "-q", "--timings", "--lang"}},
      {"fmt", {"--content", "--check", "-q", "--lang"}},
      {"sheet export", {"--content", "--out", "--plan", "--department", "-q", "--lang"}},
      {"new-edition", {"--content", "--fiscal-year", "--id", "--lang"}},
      {"sheet import", {"--content", "--templates", "--strict", "--no-pdf", "--dry-run", "-q", "--lang"}},
  };
  const auto it = allowed.find(command);
  return it != allowed.end() && it->second.count(option) > 0;
}

/// Parses `args` into `inv`; returns an exit status when the run ends here (help, version, usage error).
std::optional<int> parse_arguments(const std::vector<std::string>& args, Invocation& inv) {
  if (args.empty()) return usage_error("no command given");
  auto& options = inv.options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return kExitOk;
    }
    if (a == "--version") {
      std::cout << "planpress " << PLANPRESS_VERSION << "\n";
      return kExitOk;
    }
    if (a == "--content" || a == "--templates" || a == "--out") {
      const std::string* v = value();
      if (!v || v->empty()) return usage_error(a + " needs a directory");
      (a == "--content" ? options.content_dir : a == "--templates" ? options.templates_dir : options.out_dir) = *v;
      inv.out_given = inv.out_given || a == "--out";
      inv.used.push_back(a);
    } else if (a == "--plan" || a == "--department") {
      const std::string* v = value();
      if (!v || v->empty()) return usage_error(a + (a == "--plan" ? " needs a plan id" : " needs a department name"));
      if (a == "--plan") inv.plans.push_back(*v);
      else inv.department = *v;
      inv.used.push_back(a);
    } else if (a == "-j" || a == "--jobs" || a.rfind("-j", 0) == 0) {
      std::string n;
      if (a == "-j" || a == "--jobs") {
        const std::string* v = value();
        if (!v) return usage_error(a + " needs a number");
        n = *v;
      } else {
        n = a.substr(2);
      }
      int jobs = 0;
      auto [ptr, ec] = std::from_chars(n.data(), n.data() + n.size(), jobs);
      if (ec != std::errc() || ptr != n.data() + n.size() || jobs < 1 || jobs > 256)
        return usage_error("-j needs a number from 1 to 256, got '" + n + "'");
      options.jobs = jobs;
      inv.used.push_back("-j");
    } else if (a == "--fiscal-year") {
      const std::string* v = value();
      int year = 0;
      auto [ptr, ec] = v ? std::from_chars(v->data(), v->data() + v->size(), year) : std::from_chars_result{nullptr, std::errc::invalid_argument};
      if (!v || ec != std::errc() || ptr != v->data() + v->size() || year < 1868 || year > 2200)
        return usage_error("--fiscal-year needs a fiscal year such as 2026" + (v ? ", got '" + *v + "'" : std::string()));
      inv.edition.fiscal_year = year;
      inv.used.push_back(a);
    } else if (a == "--id") {
      const std::string* v = value();
      if (!v || v->empty()) return usage_error("--id needs a plan id");
      inv.edition.new_id = *v;
      inv.used.push_back(a);
    } else if (a == "--lang") {
      const std::string* v = value();
      if (!v || (*v != "ja" && *v != "en")) return usage_error("--lang needs 'ja' or 'en'");
      inv.lang = *v == "en" ? planpress::base::Lang::en : planpress::base::Lang::ja;
      inv.used.push_back(a);
    } else if (a == "--strict" || a == "--no-pdf" || a == "--review" || a == "-q" || a == "--quiet" || a == "--timings" ||
               a == "--check" || a == "--dry-run" || a == "--report") {
      // The report is for the staff who check the returns: it reads the content with the editors' record
      // (the review edition), where an inferred period still dates the targets.
      if (a == "--report") options.report = options.review = true;
      if (a == "--dry-run") inv.dry_run = true;
      if (a == "--strict") options.strict = true;
      if (a == "--no-pdf") options.pdf = false;
      if (a == "--review") options.review = true;
      if (a == "-q" || a == "--quiet") inv.quiet = true;
      if (a == "--timings") inv.timings = true;
      if (a == "--check") inv.check_only = true;
      inv.used.push_back(a == "--quiet" ? "-q" : a);
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option '" + a + "'");
    } else if (inv.command.empty()) {
      inv.command = a;
    } else if (inv.command == "new-edition" && inv.edition.plan_id.empty()) {
      inv.edition.plan_id = a;
    } else if (inv.command == "sheet") {
      if (a != "export" && a != "import") return usage_error("sheet needs 'export' or 'import', got '" + a + "'");
      inv.command += " " + a;
    } else if (inv.command == "fmt" || inv.command == "sheet import") {
      inv.operands.push_back(a);
    } else {
      return usage_error("unexpected argument '" + a + "'");
    }
  }
  if (inv.command == "sheet") return usage_error("sheet needs 'export' or 'import'");
  if (inv.command != "build" && inv.command != "check" && inv.command != "fmt" && inv.command != "sheet export" &&
      inv.command != "sheet import" && inv.command != "new-edition")
    return usage_error("unknown command '" + inv.command + "'");
  if (inv.command == "new-edition") {
    if (inv.edition.plan_id.empty()) return usage_error("new-edition needs the id of the plan to start from");
    if (inv.edition.fiscal_year == 0) return usage_error("new-edition needs --fiscal-year YYYY");
    inv.edition.content_dir = options.content_dir;
  }
  if (inv.command == "sheet import" && inv.operands.empty()) return usage_error("sheet import needs the sheet files to import");
  for (const auto& option : inv.used)
    if (!takes_option(inv.command, option)) return usage_error(inv.command + " does not take " + option);
  return std::nullopt;
}

/// Reproducible builds: the PDFs carry a date only when SOURCE_DATE_EPOCH gives one. Returns an exit
/// status when the variable is malformed.
std::optional<int> read_environment(pipeline::Options& options) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    long long seconds = 0;
    const std::string_view v(epoch);
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), seconds);
    // A PDF date has a four-digit year: 9999-12-31 23:59:59 UTC is the last one it can carry.
    constexpr long long kLastPdfSecond = 253402300799;
    if (ec != std::errc() || ptr != v.data() + v.size() || seconds < 0 || seconds > kLastPdfSecond)
      return usage_error("SOURCE_DATE_EPOCH must be a number of seconds since 1970 from 0 to " +
                         std::to_string(kLastPdfSecond) + " (9999-12-31 23:59:59 UTC), got '" + std::string(v) + "'");
    options.source_date_epoch = seconds;
  }
  return std::nullopt;
}

void print_timings(const pipeline::Stats& s) {
  char line[256];
  std::snprintf(line, sizeof line,
                "timings: load %.1f ms, validate %.1f ms, link %.1f ms, assemble %.1f ms, templates %.1f ms, render %.1f ms, "
                "fonts %.1f ms, pdf %.1f ms, publish %.1f ms\n",
                s.load_ms, s.validate_ms, s.link_ms, s.assemble_ms, s.templates_ms, s.render_ms, s.fonts_ms, s.pdf_ms, s.publish_ms);
  std::cerr << line;
  for (const auto& p : s.pdfs) {
    std::snprintf(line, sizeof line, "timings: pdf %s: %zu pages, %zu bytes, layout %.1f ms, write %.1f ms, cpu %.1f ms\n",
                  p.plan.c_str(), p.pages, p.bytes, p.layout_ms, p.write_ms, p.cpu_ms);
    std::cerr << line;
  }
}

/// The summary line of a run, and its exit status.
int finish(const Invocation& inv, const pipeline::Result& result) {
  const bool build = inv.command == "build";
  const std::string unchanged = build ? "; " + inv.options.out_dir + "/ is unchanged" : std::string();
  const auto errors = result.diagnostics.error_count();
  const auto warnings = result.diagnostics.warning_count();
  switch (result.outcome) {
    case pipeline::Outcome::ok:
      if (!inv.quiet) {
        const auto& s = result.stats;
        std::cerr << "planpress: " << (build ? "built " : "checked ") << s.plans << " plans, " << s.items << " items, "
                  << s.links << " links";
        if (build) std::cerr << " → " << inv.options.out_dir << "/ (" << s.files << " files)";
        if (!s.pdfs.empty()) {
          std::size_t pages = 0;
          for (const auto& p : s.pdfs) pages += p.pages;
          std::cerr << ", " << s.pdfs.size() << " PDFs of " << pages << " pages";
        }
        if (warnings) std::cerr << ", " << warnings << " warning" << (warnings == 1 ? "" : "s");
        std::cerr << "\n";
      }
      return kExitOk;
    case pipeline::Outcome::content_errors:
      std::cerr << "planpress: " << errors << " error" << (errors == 1 ? "" : "s");
      if (warnings) std::cerr << " and " << warnings << " warning" << (warnings == 1 ? "" : "s");
      std::cerr << " in phase '" << result.failed_phase << "'"
                << (build ? "; nothing was published, " + inv.options.out_dir + "/ is unchanged" : std::string()) << "\n";
      return kExitContent;
    case pipeline::Outcome::warnings_as_errors:
      std::cerr << "planpress: " << warnings << " warning" << (warnings == 1 ? "" : "s") << " treated as errors (--strict)"
                << (build ? "; nothing was published" : "") << "\n";
      return kExitWarnings;
    case pipeline::Outcome::io_error:
      std::cerr << "planpress: stopped by an I/O error" << unchanged << "\n";
      return kExitIo;
    case pipeline::Outcome::internal_error:
      std::cerr << "planpress: stopped by an internal error (please report it)" << unchanged << "\n";
      return kExitIo;
  }
  return kExitIo;
}

/// `planpress fmt`: the files it rewrote (or, with --check, would rewrite), and its exit status.
int run_format(const Invocation& inv, planpress::io::FileSystem& fs) {
  pipeline::FormatOptions options;
  options.content_dir = inv.options.content_dir;
  options.files = inv.operands;
  options.check = inv.check_only;
  options.lang = inv.lang;
  const auto result = pipeline::format(fs, options);
  for (const auto& d : result.diagnostics.all()) std::cerr << planpress::base::format_diagnostic(d);
  const bool ja = inv.lang == planpress::base::Lang::ja;
  switch (result.outcome) {
    case pipeline::Outcome::ok:
      if (!inv.quiet) {
        for (const auto& f : result.changed) std::cerr << "planpress: " << (ja ? "整形しました: " : "formatted ") << f << "\n";
        if (inv.check_only)  // nothing was rewritten: say that every file is canonical, not "0 reformatted"
          std::cerr << "planpress: " << result.files.size()
                    << (ja ? " 個のファイルはすべて正規の書式です\n" : " files, all in the canonical layout\n");
        else
          std::cerr << "planpress: " << result.files.size() << (ja ? " 個のファイル、" : " files, ") << result.changed.size()
                    << (ja ? " 個を整形しました\n" : " reformatted\n");
      }
      return kExitOk;
    case pipeline::Outcome::content_errors:
      if (inv.check_only && !result.changed.empty())
        std::cerr << "planpress: " << result.changed.size()
                  << (ja ? " 個のファイルが正規の書式ではありません（planpress fmt で整形できます）\n"
                         : " files are not in the canonical layout (planpress fmt rewrites them)\n");
      else
        std::cerr << "planpress: " << (ja ? "エラーがあるため何も書き込みませんでした\n" : "errors found; nothing was written\n");
      return kExitContent;
    default:
      std::cerr << "planpress: " << (ja ? "入出力エラーで止まりました\n" : "stopped by an I/O error\n");
      return kExitIo;
  }
}

/// `planpress sheet export`: the workbooks it wrote, and its exit status.
int run_sheet_export(const Invocation& inv, planpress::io::FileSystem& fs) {
  pipeline::SheetExportOptions options;
  options.content_dir = inv.options.content_dir;
  if (inv.out_given) options.out_dir = inv.options.out_dir;
  options.plans = inv.plans;
  options.department = inv.department;
  options.source_date_epoch = inv.options.source_date_epoch;
  if (const char* tmp = std::getenv("TMPDIR"); tmp && *tmp) options.temp_dir = tmp;
  options.lang = inv.lang;
  const auto result = pipeline::export_sheets(fs, options);
  for (const auto& d : result.diagnostics.all()) std::cerr << planpress::base::format_diagnostic(d);
  if (!result.usage_error.empty()) return usage_error(result.usage_error);
  const bool ja = inv.lang == planpress::base::Lang::ja;
  if (result.outcome != pipeline::Outcome::ok) {
    std::cerr << "planpress: " << (ja ? "エラーがあるため書き出しませんでした\n" : "errors found; no sheet was written\n");
    return result.outcome == pipeline::Outcome::content_errors ? kExitContent : kExitIo;
  }
  if (!inv.quiet) {
    for (const auto& f : result.written) std::cerr << "planpress: " << (ja ? "書き出しました: " : "wrote ") << f << "\n";
    for (const auto& p : result.skipped)
      std::cerr << "planpress: " << p << (ja ? ": この担当課の取組はありません\n" : ": no item of this department\n");
  }
  return kExitOk;
}

/// A value as the change listing shows it: every line of it prefixed.
void print_value(std::ostream& out, const char* sign, const std::string& value, bool ja) {
  if (value.empty()) {
    out << "    " << sign << " " << (ja ? "（空）" : "(empty)") << "\n";
    return;
  }
  std::size_t start = 0;
  while (start <= value.size()) {
    const auto end = value.find('\n', start);
    out << "    " << sign << " " << value.substr(start, end == std::string::npos ? std::string::npos : end - start) << "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
}

/// `planpress sheet import`: the changes (on stdout, with or without --dry-run), and its exit status.
int run_sheet_import(const Invocation& inv, planpress::io::FileSystem& fs) {
  pipeline::SheetImportOptions options;
  options.check = inv.options;
  options.files = inv.operands;
  options.dry_run = inv.dry_run;
  options.lang = inv.lang;
  const auto result = pipeline::import_sheets(fs, options);
  for (const auto& d : result.diagnostics.all()) std::cerr << planpress::base::format_diagnostic(d);
  const bool ja = inv.lang == planpress::base::Lang::ja;
  std::size_t changes = 0;
  for (const auto& e : result.edits) {
    std::cout << e.path << (ja ? "（" : " (") << e.changes.size() << (ja ? " 件の変更）\n" : " changes)\n");
    for (const auto& c : e.changes) {
      std::cout << "  " << c.file << ":" << c.cell << "  " << c.what << "\n";
      print_value(std::cout, "-", c.before, ja);
      print_value(std::cout, "+", c.after, ja);
    }
    changes += e.changes.size();
  }
  const auto errors = result.diagnostics.error_count();
  switch (result.outcome) {
    case pipeline::Outcome::ok:
      if (!inv.quiet) {
        if (changes == 0) std::cerr << "planpress: " << (ja ? "変更はありません\n" : "nothing to change\n");
        else if (inv.dry_run)
          std::cerr << "planpress: " << changes << (ja ? " 件の変更があります（--dry-run のため書き込んでいません）\n" : " changes (--dry-run: nothing written)\n");
        else
          std::cerr << "planpress: " << changes << (ja ? " 件の値を取り込みました: " : " values imported into ") << result.written.size()
                    << (ja ? " 個の plan.json\n" : " plan.json files\n");
      }
      return kExitOk;
    case pipeline::Outcome::content_errors:
      std::cerr << "planpress: " << errors << (ja ? " 件のエラーがあるため、何も変更していません\n" : " errors; nothing was changed\n");
      return kExitContent;
    case pipeline::Outcome::warnings_as_errors:
      std::cerr << "planpress: " << (ja ? "警告があるため（--strict）、何も変更していません\n" : "warnings treated as errors (--strict); nothing was changed\n");
      return kExitWarnings;
    default:
      std::cerr << "planpress: " << (ja ? "入出力エラーのため、何も変更していません\n" : "stopped by an I/O error; nothing was changed\n");
      return kExitIo;
  }
}

/// What new-edition did, item by item where it decided something.
int finish_new_edition(const pipeline::NewEditionResult& r) {
  for (const auto& d : r.diagnostics.all()) std::cerr << planpress::base::format_diagnostic(d);
  if (r.outcome != pipeline::Outcome::ok) {
    std::cerr << "planpress: no new edition written (" << r.diagnostics.error_count() << " error"
              << (r.diagnostics.error_count() == 1 ? "" : "s") << ")\n";
    return r.outcome == pipeline::Outcome::io_error ? kExitIo : kExitContent;
  }
  std::cout << "planpress: new edition '" << r.new_id << "' of series '" << r.series_id << "' for fiscal year " << r.fiscal_year
            << " (stage plan), from '" << r.from_id << "'\n";
  auto items = [](std::size_t n) { return std::to_string(n) + (n == 1 ? " item" : " items"); };
  std::cout << "carried forward: " << items(r.carried.size() + r.revised.size()) << " (" << r.carried.size() << " as they were, "
            << r.revised.size() << " to revise)\n";
  for (const auto& i : r.revised) std::cout << "  to revise: " << i.title << " [" << i.direction << "]\n";
  std::cout << "left out: " << items(r.dropped.size()) << "\n";
  for (const auto& i : r.dropped) std::cout << "  left out: " << i.title << " [" << i.direction << "]\n";
  std::string cleared;
  for (const auto& c : r.cleared) cleared += (cleared.empty() ? "" : ", ") + c;
  if (!cleared.empty()) std::cout << "cleared in every item: " << cleared << "\n";
  for (const auto& x : r.removed) std::cout << "not carried over: " << x << "\n";
  for (const auto& f : r.written) std::cout << "wrote " << f << "\n";
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  Invocation inv;
  if (auto status = parse_arguments(std::vector<std::string>(argv + 1, argv + argc), inv)) return *status;
  if (auto status = read_environment(inv.options)) return *status;
  planpress::io::RealFileSystem fs;
  if (inv.command == "fmt") return run_format(inv, fs);
  if (inv.command == "new-edition") return finish_new_edition(pipeline::new_edition(fs, inv.edition));
  if (inv.command == "sheet export") return run_sheet_export(inv, fs);
  if (inv.command == "sheet import") return run_sheet_import(inv, fs);
  const auto result = inv.command == "build" ? pipeline::build(fs, inv.options) : pipeline::check(fs, inv.options);
  for (const auto& d : result.diagnostics.all()) std::cerr << planpress::base::format_diagnostic(d);
  if (inv.timings) print_timings(result.stats);
  return finish(inv, result);
}
