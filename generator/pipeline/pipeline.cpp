#include "pipeline/pipeline.hpp"

#include <algorithm>
#include <cstdio>

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
  result.stats.assemble_ms = t_assemble.ms();
  return true;
}

namespace {

// A site whose search index grows past the limit still works (a query loads only the shards it needs),
// but it is slow to copy and publish, and the shards of common characters get large: say so.
void report_size(const io::OutputTree& tree, const Options& options, base::Diagnostics& diags) {
  std::uintmax_t index = 0, largest = 0, files = 0;
  for (const auto& [path, bytes] : tree) {
    if (path.rfind("search/", 0) != 0) continue;
    index += bytes.size();
    largest = std::max<std::uintmax_t>(largest, bytes.size());
    ++files;
  }
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
  bool render(const Options& options, io::OutputTree& tree, Result& result) const {
    Timer t_render;
    site::SiteInput input{model, *symbols, links, assembly, templates, assets, options.pdf};
    base::Diagnostics found;
    site::render_site(input, tree, found);
    search::render_search(model, *symbols, assembly, tree);
    result.diagnostics.merge_distinct(found);  // a problem of a template is met on every page that uses it
    // A template tag whose name no page context has (template-unknown-variable).
    templates.report_unknown_names(result.diagnostics);
    report_size(tree, options, result.diagnostics);
    result.stats.render_ms = t_render.ms();
    result.outcome = outcome_of(result.diagnostics, options.strict);
    if (result.outcome == Outcome::ok) return true;
    result.failed_phase = "render";
    return false;
  }
};

// Phase pdf (pdf_jobs): into `tree` when given; the stats go to the CLI's --timings.
void make_pdfs(const io::FileSystem& fs, const Pipeline& p, const Options& options, io::OutputTree* tree, Result& result) {
  auto stats = pdf_jobs::make_pdfs(fs, p.model, *p.symbols, p.links, p.assembly, {options.jobs, options.source_date_epoch},
                                   tree, result.diagnostics);
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
  io::OutputTree discarded;
  if (!pipeline.render(options, discarded, result)) return result;
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

  io::OutputTree tree;
  if (!pipeline.render(options, tree, result)) return result;

  // Phase pdf: into the same tree, so a failed PDF leaves output/ untouched like any other error.
  if (options.pdf) {
    make_pdfs(fs, pipeline, options, &tree, result);
    result.outcome = outcome_of(result.diagnostics, options.strict);
    if (result.outcome != Outcome::ok) {
      result.failed_phase = "pdf";
      return result;
    }
  }
  result.stats.files = tree.size();

  Timer t_publish;
  if (auto err = io::publish(fs, tree, *lock)) {
    result.diagnostics.error({}, base::msg<base::Msg::io_error_publish>(base::arg<"dir">(options.out_dir), base::arg<"reason">(*err)),
                             {base::msg<base::Msg::io_error_publish_hint>()});
    result.outcome = Outcome::io_error;
    result.failed_phase = "publish";
  }
  result.stats.publish_ms = t_publish.ms();
  return result;
}

}  // namespace planpress::pipeline
