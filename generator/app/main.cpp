// The planpress command line: the only code that prints or exits.
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/pipeline.hpp"
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
    "\n"
    "Options:\n"
    "  --content DIR     content directory (default: content)\n"
    "  --templates DIR   templates directory (default: templates)\n"
    "  --out DIR         output directory (default: output; build only)\n"
    "  -j N, --jobs N    render with N threads (default: 1)\n"
    "  --strict          treat warnings as errors (exit status 3)\n"
    "  --no-pdf          skip the PDFs (pdf/<plan>.pdf) and their font checks\n"
    "  --review          a review build: show the editors' notes (marked) with a review banner on every\n"
    "                    page and PDF; without it the build publishes without them\n"
    "  -q, --quiet       print diagnostics only, no summary\n"
    "  --timings         print the time of every phase and of every PDF (pages, bytes, milliseconds)\n"
    "  -h, --help        show this help\n"
    "  --version         show the version\n"
    "\n"
    "Exit status: 0 ok, 1 errors in content or templates, 2 usage, 3 warnings with --strict,\n"
    "4 I/O, environment (e.g. a font file missing) or internal error. Diagnostics are printed as\n"
    "file:line:column: error: message [code]; docs/diagnostics.md explains every code.\n"
    "\n"
    "Environment: SOURCE_DATE_EPOCH (seconds since 1970, up to the year 9999) dates the PDFs; without it\n"
    "they carry no date.\n";

int usage_error(const std::string& message) {
  std::cerr << "planpress: " << message << "\n\n" << kUsage;
  return kExitUsage;
}

namespace pipeline = planpress::pipeline;

/// What the command line asks for.
struct Invocation {
  std::string command;
  pipeline::Options options;
  bool quiet = false;
  bool timings = false;
};

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
    } else if (a == "--strict") {
      options.strict = true;
    } else if (a == "--no-pdf") {
      options.pdf = false;
    } else if (a == "--review") {
      options.review = true;
    } else if (a == "-q" || a == "--quiet") {
      inv.quiet = true;
    } else if (a == "--timings") {
      inv.timings = true;
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option '" + a + "'");
    } else if (inv.command.empty()) {
      inv.command = a;
    } else {
      return usage_error("unexpected argument '" + a + "'");
    }
  }
  if (inv.command != "build" && inv.command != "check") return usage_error("unknown command '" + inv.command + "'");
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

}  // namespace

int main(int argc, char** argv) {
  Invocation inv;
  if (auto status = parse_arguments(std::vector<std::string>(argv + 1, argv + argc), inv)) return *status;
  if (auto status = read_environment(inv.options)) return *status;
  planpress::io::RealFileSystem fs;
  const auto result = inv.command == "build" ? pipeline::build(fs, inv.options) : pipeline::check(fs, inv.options);
  for (const auto& d : result.diagnostics.all()) std::cerr << planpress::base::format_diagnostic(d);
  if (inv.timings) print_timings(result.stats);
  return finish(inv, result);
}
