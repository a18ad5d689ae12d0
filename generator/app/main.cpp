// The planpress command line: the only code that prints or exits.
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <set>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "pipeline/fmt.hpp"
#include "pipeline/new_edition.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/sheets.hpp"
#include "serve/serve.hpp"
#include "io/file_system.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitContent = 1;
constexpr int kExitUsage = 2;
constexpr int kExitWarnings = 3;
constexpr int kExitIo = 4;

namespace base = planpress::base;
using base::arg;
using base::msg;
using base::Msg;

/// The language of every message, hint and summary: Japanese unless --lang en (read before anything else
/// is parsed, so that even a usage error speaks it).
base::Lang g_lang = base::Lang::ja;

std::string text(const base::Message& m) { return base::render(m, g_lang); }

/// `text` as a whole number from `low` to `high` (a port, a number of jobs, a fiscal year), or nothing.
std::optional<int> whole_number(std::string_view text, int low, int high) {
  int n = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || ptr != text.data() + text.size() || n < low || n > high) return std::nullopt;
  return n;
}

int usage_error(const base::Message& message) {
  std::cerr << "planpress: " << text(message) << "\n\n" << text(msg<Msg::cli_usage>());
  return kExitUsage;
}

/// Finds --lang ja|en (or --lang=…) anywhere in `args` and removes it. Returns an exit status when the
/// language is unknown.
std::optional<int> read_language(std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string value;
    std::size_t taken = 1;
    if (args[i] == "--lang") {
      if (i + 1 >= args.size()) return usage_error(msg<Msg::cli_lang>(arg<"value">("")));
      value = args[i + 1];
      taken = 2;
    } else if (args[i].rfind("--lang=", 0) == 0) {
      value = args[i].substr(7);
    } else {
      continue;
    }
    const auto lang = base::lang_named(value);
    if (!lang) return usage_error(msg<Msg::cli_lang>(arg<"value">(value)));
    g_lang = *lang;
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i + taken));
    --i;
  }
  return std::nullopt;
}

void print_diagnostics(const base::Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.all()) std::cerr << base::format_diagnostic(d, g_lang);
}

namespace pipeline = planpress::pipeline;

/// What the command line asks for.
struct Invocation {
  std::string command;               ///< build, check, serve, fmt, sheet export, sheet import
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
  int port = 8765;                 ///< serve --port
  pipeline::NewEditionOptions edition;  ///< new-edition
};

/// The options each command takes (beyond --help, --version and --lang, which every command takes).
bool takes_option(const std::string& command, const std::string& option) {
  static const std::map<std::string, std::set<std::string>> allowed = {
      {"build", {"--content", "--templates", "--out", "-j", "--strict", "--no-pdf", "--review", "-q", "--timings"}},
      {"check", {"--content", "--templates", "-j", "--strict", "--no-pdf", "--review", "--report", "-q", "--timings"}},
      {"fmt", {"--content", "--check", "-q"}},
      {"sheet export", {"--content", "--out", "--plan", "--department", "-q"}},
      {"new-edition", {"--content", "--fiscal-year", "--id"}},
      {"sheet import", {"--content", "--templates", "--strict", "--no-pdf", "--dry-run", "-q"}},
      {"serve", {"--content", "--templates", "-j", "--strict", "--no-pdf", "--review", "--port", "-q"}},
  };
  const auto it = allowed.find(command);
  return it != allowed.end() && it->second.count(option) > 0;
}

/// Parses `args` into `inv`; returns an exit status when the run ends here (help, version, usage error).
std::optional<int> parse_arguments(const std::vector<std::string>& args, Invocation& inv) {
  if (args.empty()) return usage_error(msg<Msg::cli_no_command>());
  auto& options = inv.options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    if (a == "-h" || a == "--help") {
      std::cout << text(msg<Msg::cli_usage>());
      return kExitOk;
    }
    if (a == "--version") {
      std::cout << "planpress " << PLANPRESS_VERSION << "\n";
      return kExitOk;
    }
    if (a == "--content" || a == "--templates" || a == "--out") {
      const std::string* v = value();
      if (!v || v->empty()) return usage_error(msg<Msg::cli_needs_directory>(arg<"option">(a)));
      (a == "--content" ? options.content_dir : a == "--templates" ? options.templates_dir : options.out_dir) = *v;
      inv.out_given = inv.out_given || a == "--out";
      inv.used.push_back(a);
    } else if (a == "--plan" || a == "--department") {
      const std::string* v = value();
      if (!v || v->empty())
        return usage_error(a == "--plan" ? msg<Msg::cli_needs_plan_id>(arg<"option">(a)) : msg<Msg::cli_needs_department>(arg<"option">(a)));
      if (a == "--plan") inv.plans.push_back(*v);
      else inv.department = *v;
      inv.used.push_back(a);
    } else if (a == "--port") {
      const std::string* v = value();
      if (!v) return usage_error(msg<Msg::cli_needs_number>(arg<"option">(a)));
      const auto port = whole_number(*v, 1, 65535);
      if (!port) return usage_error(msg<Msg::cli_port_range>(arg<"value">(*v)));
      inv.port = *port;
      inv.used.push_back(a);
    } else if (a == "-j" || a == "--jobs" || a.rfind("-j", 0) == 0) {
      std::string n;
      if (a == "-j" || a == "--jobs") {
        const std::string* v = value();
        if (!v) return usage_error(msg<Msg::cli_needs_number>(arg<"option">(a)));
        n = *v;
      } else {
        n = a.substr(2);
      }
      const auto jobs = whole_number(n, 1, 256);
      if (!jobs) return usage_error(msg<Msg::cli_jobs_range>(arg<"value">(n)));
      options.jobs = *jobs;
      inv.used.push_back("-j");
    } else if (a == "--fiscal-year") {
      const std::string* v = value();
      if (!v) return usage_error(msg<Msg::cli_needs_fiscal_year>(arg<"option">(a)));
      const auto year = whole_number(*v, 1868, 2200);
      if (!year) return usage_error(msg<Msg::cli_fiscal_year_range>(arg<"value">(*v)));
      inv.edition.fiscal_year = *year;
      inv.used.push_back(a);
    } else if (a == "--id") {
      const std::string* v = value();
      if (!v || v->empty()) return usage_error(msg<Msg::cli_needs_plan_id>(arg<"option">(a)));
      inv.edition.new_id = *v;
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
      return usage_error(msg<Msg::cli_unknown_option>(arg<"option">(a)));
    } else if (inv.command.empty()) {
      inv.command = a;
    } else if (inv.command == "new-edition" && inv.edition.plan_id.empty()) {
      inv.edition.plan_id = a;
    } else if (inv.command == "sheet") {
      if (a != "export" && a != "import") return usage_error(msg<Msg::cli_sheet_subcommand>(arg<"value">(a)));
      inv.command += " " + a;
    } else if (inv.command == "fmt" || inv.command == "sheet import") {
      inv.operands.push_back(a);
    } else {
      return usage_error(msg<Msg::cli_unexpected_argument>(arg<"argument">(a)));
    }
  }
  if (inv.command.empty()) return usage_error(msg<Msg::cli_no_command>());
  if (inv.command == "sheet") return usage_error(msg<Msg::cli_sheet_subcommand_missing>());
  if (inv.command != "build" && inv.command != "check" && inv.command != "serve" && inv.command != "fmt" &&
      inv.command != "sheet export" && inv.command != "sheet import" && inv.command != "new-edition")
    return usage_error(msg<Msg::cli_unknown_command>(arg<"command">(inv.command)));
  if (inv.command == "new-edition") {
    if (inv.edition.plan_id.empty()) return usage_error(msg<Msg::cli_new_edition_needs_plan>());
    if (inv.edition.fiscal_year == 0) return usage_error(msg<Msg::cli_new_edition_needs_year>());
    inv.edition.content_dir = options.content_dir;
  }
  if (inv.command == "sheet import" && inv.operands.empty()) return usage_error(msg<Msg::cli_import_needs_files>());
  for (const auto& option : inv.used)
    if (!takes_option(inv.command, option))
      return usage_error(msg<Msg::cli_option_not_taken>(arg<"command">(inv.command), arg<"option">(option)));
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
      return usage_error(msg<Msg::cli_source_date_epoch>(arg<"value">(v)));
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
  // What the build did to the output: files written, left as they were, and removed.
  std::snprintf(line, sizeof line, "timings: files %zu: written %zu, unchanged %zu, removed %zu\n", s.files, s.written,
                s.unchanged, s.removed);
  std::cerr << line;
  for (const auto& p : s.pdfs) {
    std::snprintf(line, sizeof line, "timings: pdf %s: %zu pages, %zu bytes, layout %.1f ms, write %.1f ms, cpu %.1f ms\n",
                  p.plan.c_str(), p.pages, p.bytes, p.layout_ms, p.write_ms, p.cpu_ms);
    std::cerr << line;
  }
}

/// "3 errors", 「エラー 3 件」.
base::Message count_of(std::size_t n, Msg one, Msg many) {
  if (n == 1) return base::Message{one, {}};
  return many == Msg::cli_error_count ? msg<Msg::cli_error_count>(arg<"count">(n)) : msg<Msg::cli_warning_count>(arg<"count">(n));
}

/// The name of a phase as the summary gives it.
base::Message phase_name(const std::string& phase) {
  static const std::pair<const char*, Msg> kPhases[] = {
      {"load", Msg::cli_phase_load},           {"validate", Msg::cli_phase_validate}, {"link", Msg::cli_phase_link},
      {"assemble", Msg::cli_phase_assemble},   {"templates", Msg::cli_phase_templates}, {"render", Msg::cli_phase_render},
      {"pdf", Msg::cli_phase_pdf},             {"publish", Msg::cli_phase_publish}};
  for (const auto& [name, id] : kPhases)
    if (phase == name) return base::Message{id, {}};
  return base::verbatim(phase);
}

/// The end of the summary line of a run that succeeded: its PDFs and warnings, if any.
base::Message summary_tail(const pipeline::Result& result) {
  const auto& s = result.stats;
  std::vector<base::Message> extra;
  if (!s.pdfs.empty()) {
    std::size_t pages = 0;
    for (const auto& p : s.pdfs) pages += p.pages;
    extra.push_back(msg<Msg::cli_pdf_count>(arg<"pdfs">(s.pdfs.size()), arg<"pages">(pages)));
  }
  if (const auto warnings = result.diagnostics.warning_count())
    extra.push_back(count_of(warnings, Msg::cli_warning_one, Msg::cli_warning_count));
  return extra.empty() ? base::verbatim("") : msg<Msg::cli_extra>(arg<"list">(std::move(extra)));
}

/// What stopped a run that did not succeed: the start of its summary line.
base::Message stop_reason(const pipeline::Result& result) {
  const auto errors = result.diagnostics.error_count();
  const auto warnings = result.diagnostics.warning_count();
  const auto warnings_text = count_of(warnings, Msg::cli_warning_one, Msg::cli_warning_count);
  switch (result.outcome) {
    case pipeline::Outcome::content_errors: {
      const auto errors_text = count_of(errors, Msg::cli_error_one, Msg::cli_error_count);
      const base::Message problems =
          warnings ? msg<Msg::cli_errors_and_warnings>(arg<"errors">(errors_text), arg<"warnings">(warnings_text)) : errors_text;
      return msg<Msg::cli_failed>(arg<"problems">(problems), arg<"phase">(phase_name(result.failed_phase)));
    }
    case pipeline::Outcome::warnings_as_errors: return msg<Msg::cli_strict>(arg<"warnings">(warnings_text));
    case pipeline::Outcome::internal_error: return msg<Msg::cli_stopped_internal>();
    default: return msg<Msg::cli_stopped_io>();
  }
}

/// The summary line of a run, and its exit status.
int finish(const Invocation& inv, const pipeline::Result& result) {
  const bool build = inv.command == "build";
  const std::string& out = inv.options.out_dir;
  switch (result.outcome) {
    case pipeline::Outcome::ok:
      if (!inv.quiet) {
        const auto& s = result.stats;
        const base::Message tail = summary_tail(result);
        const base::Message line =
            build ? msg<Msg::cli_built>(arg<"plans">(s.plans), arg<"items">(s.items), arg<"links">(s.links), arg<"out">(out),
                                        arg<"files">(s.files), arg<"extra">(tail))
                  : msg<Msg::cli_checked>(arg<"plans">(s.plans), arg<"items">(s.items), arg<"links">(s.links), arg<"extra">(tail));
        std::cerr << "planpress: " << text(line) << "\n";
      }
      return kExitOk;
    case pipeline::Outcome::content_errors:
      std::cerr << "planpress: " << text(stop_reason(result))
                << (build ? text(msg<Msg::cli_nothing_published>(arg<"out">(out))) : std::string()) << "\n";
      return kExitContent;
    case pipeline::Outcome::warnings_as_errors:
      std::cerr << "planpress: " << text(stop_reason(result))
                << (build ? text(msg<Msg::cli_strict_nothing_published>()) : std::string()) << "\n";
      return kExitWarnings;
    case pipeline::Outcome::io_error:
    case pipeline::Outcome::internal_error:
      std::cerr << "planpress: " << text(stop_reason(result))
                << (build ? text(msg<Msg::cli_unchanged>(arg<"out">(out))) : std::string()) << "\n";
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
  const auto result = pipeline::format(fs, options);
  print_diagnostics(result.diagnostics);
  switch (result.outcome) {
    case pipeline::Outcome::ok:
      if (!inv.quiet) {
        for (const auto& f : result.changed) std::cerr << "planpress: " << text(msg<Msg::cli_formatted>(arg<"file">(f))) << "\n";
        if (inv.check_only)  // nothing was rewritten: say that every file is canonical, not "0 reformatted"
          std::cerr << "planpress: " << text(msg<Msg::cli_fmt_all_canonical>(arg<"files">(result.files.size()))) << "\n";
        else
          std::cerr << "planpress: "
                    << text(msg<Msg::cli_fmt_done>(arg<"files">(result.files.size()), arg<"changed">(result.changed.size()))) << "\n";
      }
      return kExitOk;
    case pipeline::Outcome::content_errors:
      if (inv.check_only && !result.changed.empty())
        std::cerr << "planpress: " << text(msg<Msg::cli_fmt_not_canonical>(arg<"count">(result.changed.size()))) << "\n";
      else
        std::cerr << "planpress: " << text(msg<Msg::cli_nothing_written>()) << "\n";
      return kExitContent;
    default:
      std::cerr << "planpress: " << text(msg<Msg::cli_stopped_io>()) << "\n";
      return kExitIo;
  }
}

/// `planpress serve`: the site built into a private folder and served on 127.0.0.1 until Ctrl-C (SIGINT)
/// or SIGTERM, built again on every change; each build's diagnostics and summary as `build` prints them.
int run_serve(const Invocation& inv, planpress::io::FileSystem& fs) {
  // The signals are taken from a descriptor the server polls, not by a handler: blocked before any thread
  // starts, so that every thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a page closed mid-answer is the server's business, not a crash
  const int stop_fd = ::signalfd(-1, &stop_signals, SFD_CLOEXEC);

  planpress::serve::Options options;
  options.build = inv.options;
  options.port = inv.port;
  options.lang = g_lang;
  options.stop_fd = stop_fd;
  if (const char* tmp = std::getenv("TMPDIR"); tmp && *tmp) options.temp_parent = tmp;
  std::string dir;
  planpress::serve::Callbacks callbacks;
  callbacks.built = [&](const pipeline::Result& result) {
    print_diagnostics(result.diagnostics);
    if (result.outcome != pipeline::Outcome::ok) {
      std::cerr << "planpress: " << text(stop_reason(result)) << text(msg<Msg::cli_serve_kept>()) << "\n";
    } else if (!inv.quiet) {
      const auto& s = result.stats;
      std::cerr << "planpress: "
                << text(msg<Msg::cli_serve_built>(arg<"plans">(s.plans), arg<"items">(s.items), arg<"links">(s.links),
                                                  arg<"files">(s.files), arg<"extra">(summary_tail(result))))
                << "\n";
    }
  };
  callbacks.listening = [&](const std::string& url, const std::string& site) {
    dir = planpress::io::parent_path(site);
    // Said even with -q: without the address there is nothing to open.
    std::cerr << "planpress: "
              << text(inv.options.review ? msg<Msg::cli_serving_review>(arg<"url">(url)) : msg<Msg::cli_serving>(arg<"url">(url)))
              << "\n";
  };
  const auto result = planpress::serve::serve(fs, options, callbacks);
  if (stop_fd >= 0) ::close(stop_fd);
  print_diagnostics(result.diagnostics);
  if (result.outcome != planpress::serve::Outcome::stopped) return kExitIo;
  if (!inv.quiet) std::cerr << "planpress: " << text(msg<Msg::cli_serve_stopped>(arg<"dir">(dir))) << "\n";
  return kExitOk;
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
  const auto result = pipeline::export_sheets(fs, options);
  print_diagnostics(result.diagnostics);
  if (result.usage_error) return usage_error(*result.usage_error);
  if (result.outcome != pipeline::Outcome::ok) {
    std::cerr << "planpress: " << text(msg<Msg::cli_no_sheet_written>()) << "\n";
    return result.outcome == pipeline::Outcome::content_errors ? kExitContent : kExitIo;
  }
  if (!inv.quiet) {
    for (const auto& f : result.written) std::cerr << "planpress: " << text(msg<Msg::cli_wrote>(arg<"file">(f))) << "\n";
    for (const auto& p : result.skipped) std::cerr << "planpress: " << text(msg<Msg::cli_no_department_item>(arg<"plan">(p))) << "\n";
  }
  return kExitOk;
}

/// A value as the change listing shows it: every line of it prefixed.
void print_value(std::ostream& out, const char* sign, const std::string& value) {
  if (value.empty()) {
    out << "    " << sign << " " << text(msg<Msg::term_empty>()) << "\n";
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
  const auto result = pipeline::import_sheets(fs, options);
  print_diagnostics(result.diagnostics);
  std::size_t changes = 0;
  for (const auto& e : result.edits) {
    std::cout << text(msg<Msg::cli_changes_of>(arg<"path">(e.path), arg<"count">(e.changes.size()))) << "\n";
    for (const auto& c : e.changes) {
      std::cout << "  " << c.file << ":" << c.cell << "  " << c.what << "\n";
      print_value(std::cout, "-", c.before);
      print_value(std::cout, "+", c.after);
    }
    changes += e.changes.size();
  }
  const auto errors = result.diagnostics.error_count();
  switch (result.outcome) {
    case pipeline::Outcome::ok:
      if (!inv.quiet) {
        if (changes == 0) std::cerr << "planpress: " << text(msg<Msg::cli_nothing_to_change>()) << "\n";
        else if (inv.dry_run)
          std::cerr << "planpress: " << text(msg<Msg::cli_dry_run>(arg<"count">(changes))) << "\n";
        else
          std::cerr << "planpress: " << text(msg<Msg::cli_imported>(arg<"count">(changes), arg<"files">(result.written.size()))) << "\n";
      }
      return kExitOk;
    case pipeline::Outcome::content_errors:
      std::cerr << "planpress: "
                << text(msg<Msg::cli_import_failed>(arg<"errors">(count_of(errors, Msg::cli_error_one, Msg::cli_error_count)))) << "\n";
      return kExitContent;
    case pipeline::Outcome::warnings_as_errors:
      std::cerr << "planpress: " << text(msg<Msg::cli_import_strict>()) << "\n";
      return kExitWarnings;
    default:
      std::cerr << "planpress: " << text(msg<Msg::cli_import_io>()) << "\n";
      return kExitIo;
  }
}

/// "1 item", 「1 件」; "3 items", 「3 件」.
base::Message items_of(std::size_t n) {
  if (n == 1) return msg<Msg::cli_item_one>();
  return msg<Msg::cli_item_count>(arg<"count">(n));
}

/// `planpress new-edition`: what it did, item by item where it decided something (stdout), and its exit status.
int run_new_edition(const Invocation& inv, planpress::io::FileSystem& fs) {
  const auto r = pipeline::new_edition(fs, inv.edition);
  print_diagnostics(r.diagnostics);
  if (r.outcome != pipeline::Outcome::ok) {
    const auto errors = count_of(r.diagnostics.error_count(), Msg::cli_error_one, Msg::cli_error_count);
    std::cerr << "planpress: " << text(msg<Msg::cli_no_edition_written>(arg<"errors">(errors))) << "\n";
    return r.outcome == pipeline::Outcome::io_error ? kExitIo : kExitContent;
  }
  auto line = [](const base::Message& m) { std::cout << text(m) << "\n"; };
  line(msg<Msg::cli_new_edition>(arg<"id">(r.new_id), arg<"series">(r.series_id), arg<"year">(r.fiscal_year),
                                 arg<"wareki">(r.fiscal_year_label), arg<"from">(r.from_id)));
  line(msg<Msg::cli_edition_carried>(arg<"items">(items_of(r.carried.size() + r.revised.size())), arg<"kept">(r.carried.size()),
                                     arg<"revise">(r.revised.size())));
  for (const auto& i : r.revised) line(msg<Msg::cli_edition_to_revise>(arg<"title">(i.title), arg<"direction">(i.direction)));
  line(msg<Msg::cli_edition_left_out_count>(arg<"items">(items_of(r.dropped.size()))));
  for (const auto& i : r.dropped) line(msg<Msg::cli_edition_left_out>(arg<"title">(i.title), arg<"direction">(i.direction)));
  if (!r.cleared.empty()) line(msg<Msg::cli_edition_cleared>(arg<"list">(r.cleared)));
  for (const auto& x : r.removed) line(msg<Msg::cli_edition_not_carried>(arg<"what">(x)));
  for (const auto& f : r.written) line(msg<Msg::cli_wrote>(arg<"file">(f)));
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  Invocation inv;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (auto status = read_language(args)) return *status;
  if (auto status = parse_arguments(args, inv)) return *status;
  if (auto status = read_environment(inv.options)) return *status;
  planpress::io::RealFileSystem fs;
  if (inv.command == "fmt") return run_format(inv, fs);
  if (inv.command == "new-edition") return run_new_edition(inv, fs);
  if (inv.command == "sheet export") return run_sheet_export(inv, fs);
  if (inv.command == "sheet import") return run_sheet_import(inv, fs);
  if (inv.command == "serve") return run_serve(inv, fs);
  const auto result = inv.command == "build" ? pipeline::build(fs, inv.options) : pipeline::check(fs, inv.options);
  print_diagnostics(result.diagnostics);
  if (inv.timings) print_timings(result.stats);
  return finish(inv, result);
}
