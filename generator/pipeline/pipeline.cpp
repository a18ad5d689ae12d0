#include "pipeline/pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

#include "pipeline/phases.hpp"

#include "assemble/assemble.hpp"
#include "assemble/report.hpp"
#include "base/timer.hpp"
#include "content/loader.hpp"
#include "edition/edition.hpp"
#include "io/publish.hpp"
#include "pdf_jobs/pdf_jobs.hpp"
#include "present/urls.hpp"
#include "search/search.hpp"
#include "site/site.hpp"
#include "template/loader.hpp"
#include "validate/validate.hpp"
#include "xref/xref.hpp"

namespace planpress::pipeline {

namespace {

using base::Timer;

std::vector<std::string> required_list() {
  std::vector<std::string> list;
  for (const auto& n : site::required_templates()) list.push_back(n + ".mustache");
  return list;
}

}  // namespace

// The exit class of the errors decides (base/codes.hpp): a problem of the environment or an internal
// failure outranks errors in the content, which could not be published anyway.
Outcome outcome_of(const base::Diagnostics& d, bool strict) {
  if (const auto exit_class = d.exit_class()) {
    switch (*exit_class) {
      case base::ExitClass::environment: return Outcome::io_error;
      case base::ExitClass::internal: return Outcome::internal_error;
      case base::ExitClass::content: return Outcome::content_errors;
    }
  }
  if (strict && d.warning_count() > 0) return Outcome::warnings_as_errors;
  return Outcome::ok;
}

namespace {

// After a phase: true (with the outcome and the phase in `result`) when its diagnostics stop the run.
bool stopped(Result& result, const Options& options, const char* phase) {
  result.outcome = outcome_of(result.diagnostics, options.strict);
  if (result.outcome == Outcome::ok) return false;
  result.failed_phase = phase;
  return true;
}

}  // namespace

bool load_model(const io::FileSystem& fs, const Options& options, Checked& c, Result& result, Edition edition) {
  auto& diags = result.diagnostics;
  auto stop = [&](const char* phase) { return stopped(result, options, phase); };
  Timer t_load;
  c.raw = content::load_content(fs, options.content_dir, diags);
  result.stats.load_ms = t_load.ms();
  if (stop("load")) return false;

  Timer t_validate;
  c.model = validate::validate(c.raw, diags);
  result.stats.validate_ms = t_validate.ms();
  if (stop("validate")) return false;

  Timer t_link;
  c.symbols = std::make_unique<xref::SymbolTable>(c.model);
  c.links = xref::link(c.model, *c.symbols, diags,
                       xref::AnchorNames{present::section_anchor, present::category_anchor, present::indicator_anchor,
                                         present::sub_item_anchor});
  if (stop("link")) return false;
  // Phase edition: a published build drops the editors' notes (and the links inside editorial
  // remarks), so it is linked again; every reference was checked above on the whole content, so that a
  // published and a review build report the same problems.
  if (edition == Edition::of_build) {
    if (options.review) {
      edition::make_review(c.model);
    } else {
      edition::make_published(c.model);
      c.symbols = std::make_unique<xref::SymbolTable>(c.model);
      base::Diagnostics again;
      c.links = xref::link(c.model, *c.symbols, again);
    }
  }
  result.stats.link_ms = t_link.ms();

  Timer t_assemble;
  c.assembly = assemble::assemble(c.model);  // derived data for every writer; reports nothing
  // `check --report`: the data-quality report's findings, as warnings at their places in the content.
  if (options.report) assemble::quality_report(c.model, c.assembly, diags);
  // A review build shows the same findings on a page of its own (report.html); a published build never.
  if (edition == Edition::of_build && c.model.review) c.quality = assemble::quality_findings(c.model, c.assembly);
  result.stats.assemble_ms = t_assemble.ms();
  return true;
}

namespace {

// Passes files on to a sink and counts them, and the size of the search index.
class CountingSink final : public io::OutputSink {
 public:
  explicit CountingSink(io::OutputSink& next) : next_(next) {}
  void add(const std::string& path, std::string bytes) override {
    ++files;
    if (path.rfind("search/", 0) == 0) {
      search_bytes += bytes.size();
      ++search_files;
      std::uintmax_t seen = search_largest;
      while (bytes.size() > seen && !search_largest.compare_exchange_weak(seen, bytes.size())) {
      }
    }
    next_.add(path, std::move(bytes));
  }
  std::atomic<std::size_t> files{0};
  std::atomic<std::uintmax_t> search_bytes{0}, search_files{0}, search_largest{0};

 private:
  io::OutputSink& next_;
};

// Keeps nothing (check renders every file to meet every problem, and drops it).
class DiscardingSink final : public io::OutputSink {
 public:
  void add(const std::string&, std::string) override {}
};

// A site whose search index grows past the limit still works (a query loads only the shards it needs),
// but it is slow to copy and publish, and the shards of common characters get large: say so.
void report_size(const CountingSink& counted, const Options& options, base::Diagnostics& diags) {
  const std::uintmax_t index = counted.search_bytes, largest = counted.search_largest, files = counted.search_files;
  if (index <= options.search_index_warning_bytes) return;
  auto mb = [](std::uintmax_t b) {
    char s[32];
    if (b >= 1000000) std::snprintf(s, sizeof s, "%.1f MB", static_cast<double>(b) / 1e6);
    else std::snprintf(s, sizeof s, "%.1f kB", static_cast<double>(b) / 1e3);
    return std::string(s);
  };
  diags.warning({},
                base::msg<base::Msg::site_too_large_index>(base::arg<"size">(mb(index)), base::arg<"files">(files),
                                                           base::arg<"largest">(mb(largest)),
                                                           base::arg<"limit">(mb(options.search_index_warning_bytes))),
                {base::msg<base::Msg::site_too_large_hint>()});
}

// Runs the phases up to rendering. Returns false (with result filled in) when a phase fails.
struct Pipeline : Checked {
  tmpl::TemplateSet templates;
  std::map<std::string, std::string> assets;

  bool run(const io::FileSystem& fs, const Options& options, Result& result) {
    auto& diags = result.diagnostics;
    auto stop = [&](const char* phase) { return stopped(result, options, phase); };
    if (!load_model(fs, options, *this, result, Edition::of_build)) return false;
    // The parsed JSON (a document tree and a source span per value) has served once the model is made:
    // the model keeps its own locations. Freeing it keeps it out of the rest of the build's memory.
    raw.plans.clear();
    raw.site.reset();
    raw.documents.reset();

    Timer t_templates;
    auto files = tmpl::load_templates(fs, options.templates_dir, diags);
    templates = std::move(files.templates);
    assets = std::move(files.assets);
    for (const auto& [name, bytes] : raw.assets) assets["assets/site/" + name] = bytes;  // content/assets/ (the logo)
    if (!diags.has_errors()) {
      if (templates.compile(diags, /*strict_partials=*/true)) templates.lint_html(site::trusted_markup_names(), diags);
      for (const auto& name : site::required_templates())
        if (!templates.contains(name))
          diags.error(base::Location::in(std::make_shared<base::SourceFile>(io::join_path(options.templates_dir, name + ".mustache"), ""), 0),
                      base::msg<base::Msg::missing_file_template>(base::arg<"name">(name)),
                      {base::msg<base::Msg::missing_file_template_hint>(base::arg<"list">(required_list()))});
    }
    result.stats.templates_ms = t_templates.ms();
    if (stop("templates")) return false;

    result.stats.plans = model.plans.size();
    for (const auto& p : model.plans) result.stats.items += p.items.size();
    result.stats.links = links.links().size();
    return true;
  }

  // Phase render: the site and the search index into `tree`. Returns false (with result filled in) when
  // rendering reported an error (a template recursion that the data never ends).
  bool render(const Options& options, CountingSink& out, Result& result) const {
    Timer t_render;
    site::SiteInput input{model, *symbols, links, assembly, templates, assets, options.pdf, &quality};
    base::Diagnostics found;
    // The search index is one job beside the pages: with -j 2 it runs on a thread of its own while the
    // pages share both threads.
    std::thread search_thread;
    search::IndexOptions index_options;
    index_options.threads = options.jobs;  // the lists of different characters are built side by side
    auto search = [&] { search::render_search(model, *symbols, assembly, out, index_options); };
    if (options.jobs > 1) search_thread = std::thread(search);
    site::render_site(input, out, found, options.jobs);
    if (search_thread.joinable()) search_thread.join();
    else search();
    result.diagnostics.merge_distinct(found);  // a problem of a template is met on every page that uses it
    // A template tag whose name no page context has (template-unknown-variable).
    templates.report_unknown_names(result.diagnostics);
    report_size(out, options, result.diagnostics);
    result.stats.render_ms = t_render.ms();
    result.outcome = outcome_of(result.diagnostics, options.strict);
    if (result.outcome == Outcome::ok) return true;
    result.failed_phase = "render";
    return false;
  }
};

// Phase pdf (pdf_jobs): into `tree` when given; the stats go to the CLI's --timings.
void make_pdfs(const io::FileSystem& fs, const Pipeline& p, const Options& options, io::OutputSink* out, Result& result) {
  auto stats = pdf_jobs::make_pdfs(fs, p.model, *p.symbols, p.links, p.assembly, {options.jobs, options.source_date_epoch},
                                   out, result.diagnostics);
  result.stats.fonts_ms = stats.fonts_ms;
  result.stats.pdf_ms = stats.pdf_ms;
  result.stats.pdfs = std::move(stats.plans);
}

// The output must not hold (or lie inside) the content or the templates: publishing replaces the output
// entirely, so `--out content` (even with a copied marker) would delete the content.
// Why --out cannot be the output directory: it holds or lies inside content/ or templates/ (a build would
// replace them, or publish into what it reads).
std::optional<base::Message> output_place_error(const io::FileSystem& fs, const Options& options) {
  const std::string out = fs.resolve(options.out_dir);
  for (const auto& [dir, what] : {std::pair{options.content_dir, base::Msg::term_content_dir}, std::pair{options.templates_dir, base::Msg::term_templates_dir}}) {
    const std::string in = fs.resolve(dir);
    const base::Message kind{what, {}};
    if (io::is_within(in, out)) return base::msg<base::Msg::io_error_out_holds>(base::arg<"what">(kind), base::arg<"dir">(dir));
    if (io::is_within(out, in)) return base::msg<base::Msg::io_error_out_inside>(base::arg<"what">(kind), base::arg<"dir">(dir));
  }
  return std::nullopt;
}

}  // namespace

Result check(const io::FileSystem& fs, const Options& options) {
  Result result;
  Pipeline pipeline;
  if (!pipeline.run(fs, options, result)) return result;
  // The pages are rendered and the PDFs laid out too (nothing is written), so that a template recursion
  // the data never ends, or a character missing from the fonts, is found here as well.
  DiscardingSink discarded;
  CountingSink counted(discarded);
  if (!pipeline.render(options, counted, result)) return result;
  if (options.pdf) {
    make_pdfs(fs, pipeline, options, nullptr, result);
    result.outcome = outcome_of(result.diagnostics, options.strict);
    if (result.outcome != Outcome::ok) result.failed_phase = "pdf";
  }
  return result;
}

Result build(io::FileSystem& fs, const Options& options) {
  Result result;
  // The output is locked for the whole build: a second build into it stops here, naming the first.
  const auto place_error = output_place_error(fs, options);
  std::string lock_error;
  std::optional<io::OutputLock> lock;
  if (!place_error) lock = io::lock_output(fs, options.out_dir, lock_error);
  if (!lock) {
    // The lock's own reason (who holds it, a system error) is the file system's text, shown as it is.
    result.diagnostics.error({}, base::msg<base::Msg::io_error_build_into>(
                                     base::arg<"dir">(options.out_dir), base::arg<"reason">(place_error ? *place_error : base::verbatim(lock_error))));
    result.outcome = Outcome::io_error;
    result.failed_phase = "publish";
    return result;
  }
  Pipeline pipeline;
  if (!pipeline.run(fs, options, result)) return result;

  // Files go into this build's staging directory as they are rendered; should any phase below fail, the
  // staging directory is removed (when `staging` is destroyed) and the output stays as it was.
  auto publish_error = [&](const std::string& reason) {
    result.diagnostics.error({}, base::msg<base::Msg::io_error_publish>(base::arg<"dir">(options.out_dir), base::arg<"reason">(reason)),
                             {base::msg<base::Msg::io_error_publish_hint>()});
    result.outcome = Outcome::io_error;
    result.failed_phase = "publish";
  };
  io::IoError open_error;
  auto staging = io::Staging::open(fs, *lock, open_error);
  if (!staging) {
    publish_error(*open_error);
    return result;
  }
  CountingSink counted(*staging);
  if (!pipeline.render(options, counted, result)) return result;

  // Phase pdf: into the same staging directory, so a failed PDF leaves output/ untouched like any other error.
  if (options.pdf) {
    make_pdfs(fs, pipeline, options, &counted, result);
    result.outcome = outcome_of(result.diagnostics, options.strict);
    if (result.outcome != Outcome::ok) {
      result.failed_phase = "pdf";
      return result;
    }
  }
  result.stats.files = counted.files;

  Timer t_publish;
  if (auto err = staging->commit()) publish_error(*err);
  const auto counts = staging->counts();
  result.stats.written = counts.written;
  result.stats.unchanged = counts.unchanged;
  result.stats.removed = counts.removed;
  result.stats.publish_ms = t_publish.ms();
  return result;
}

}  // namespace planpress::pipeline
