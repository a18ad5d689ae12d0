#include "build/build.hpp"

#include "base/timer.hpp"
#include "content/loader.hpp"
#include "io/publish.hpp"
#include "model/validate.hpp"
#include "search/search.hpp"
#include "site/site.hpp"
#include "site/urls.hpp"
#include "template/mustache.hpp"
#include "xref/xref.hpp"

namespace planpress::build {

namespace {

constexpr std::uintmax_t kMaxTemplateBytes = 1u * 1024 * 1024;
constexpr std::uintmax_t kMaxAssetBytes = 16u * 1024 * 1024;

using base::Timer;

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Loads every *.mustache file of the templates directory (by base name) and the files under assets/.
void load_templates(const io::FileSystem& fs, const std::string& dir, tmpl::TemplateSet& set,
                    std::map<std::string, std::string>& assets, base::Diagnostics& diags) {
  if (!fs.is_directory(dir)) {
    diags.error("missing-file", {}, "templates directory '" + dir + "' does not exist", {"pass --templates DIR"});
    return;
  }
  for (const auto& name : fs.list_directory(dir)) {
    const std::string path = io::join_path(dir, name);
    if (ends_with(name, ".mustache")) {
      if (auto src = content::read_source(fs, path, kMaxTemplateBytes, diags))
        set.add(name.substr(0, name.size() - 9), src);
    }
  }
  // Static assets are copied verbatim below output/assets/.
  std::function<void(const std::string&, const std::string&)> walk = [&](const std::string& disk, const std::string& rel) {
    for (const auto& name : fs.list_directory(disk)) {
      if (name.front() == '.') continue;
      const std::string p = io::join_path(disk, name);
      const std::string r = rel + "/" + name;
      if (fs.is_directory(p)) {
        walk(p, r);
        continue;
      }
      if (fs.file_size(p).value_or(0) > kMaxAssetBytes) {
        diags.error("file-too-large", {}, "asset '" + p + "' is larger than 16 MiB");
        continue;
      }
      std::string error;
      if (auto bytes = fs.read_file(p, error)) assets[r] = std::move(*bytes);
      else diags.error("io-error", {}, "cannot read '" + p + "': " + error);
    }
  };
  const std::string assets_dir = io::join_path(dir, "assets");
  if (fs.is_directory(assets_dir)) walk(assets_dir, "assets");
}

std::string required_list() {
  std::string list;
  for (const auto& n : site::required_templates()) list += (list.empty() ? "" : ", ") + n + ".mustache";
  for (const auto& n : search::required_templates()) list += ", " + n + ".mustache";
  return list;
}

// Problems of the environment rather than the content: exit status 4.
bool has_io_error(const base::Diagnostics& d) {
  for (const auto& x : d.all())
    if (x.code == "io-error" || x.code == "font-missing" || x.code == "font-invalid") return true;
  return false;
}

Outcome outcome_of(const base::Diagnostics& d, bool strict) {
  if (has_io_error(d)) return Outcome::io_error;
  if (d.has_errors()) return Outcome::content_errors;
  if (strict && d.warning_count() > 0) return Outcome::warnings_as_errors;
  return Outcome::ok;
}

// Runs the phases up to rendering. Returns false (with result filled in) when a phase fails.
struct Pipeline {
  content::RawContent raw;
  model::Model model;
  std::unique_ptr<xref::SymbolTable> symbols;
  xref::LinkGraph links;
  tmpl::TemplateSet templates;
  std::map<std::string, std::string> assets;

  bool run(const io::FileSystem& fs, const Options& options, Result& result) {
    auto& diags = result.diagnostics;
    auto stop = [&](const char* phase) {
      result.outcome = outcome_of(diags, options.strict);
      if (result.outcome != Outcome::ok) {
        result.failed_phase = phase;
        return true;
      }
      return false;
    };
    Timer t_load;
    raw = content::load_content(fs, options.content_dir, diags);
    result.stats.load_ms = t_load.ms();
    if (stop("load")) return false;

    Timer t_validate;
    model = model::validate(raw, diags);
    result.stats.validate_ms = t_validate.ms();
    if (stop("validate")) return false;

    Timer t_link;
    symbols = std::make_unique<xref::SymbolTable>(model);
    links = xref::link(model, *symbols, diags);
    result.stats.link_ms = t_link.ms();
    if (stop("link")) return false;

    Timer t_templates;
    load_templates(fs, options.templates_dir, templates, assets, diags);
    if (!diags.has_errors()) {
      if (templates.compile(diags, /*strict_partials=*/true)) templates.lint_html(site::trusted_markup_names(), diags);
      auto names = site::required_templates();
      names.insert(names.end(), search::required_templates().begin(), search::required_templates().end());
      for (const auto& name : names)
        if (!templates.contains(name))
          diags.error("missing-file",
                      base::Location::in(std::make_shared<base::SourceFile>(io::join_path(options.templates_dir, name + ".mustache"), ""), 0),
                      "template '" + name + "' is missing", {"the site needs the templates " + required_list()});
    }
    result.stats.templates_ms = t_templates.ms();
    if (stop("templates")) return false;

    result.stats.plans = model.plans.size();
    for (const auto& p : model.plans) result.stats.items += p.items.size();
    result.stats.links = links.links().size();
    return true;
  }
};

// Phase pdf (pdf_jobs): into `tree` when given; the stats go to the CLI's --timings.
void make_pdfs(const io::FileSystem& fs, const Pipeline& p, const Options& options, io::OutputTree* tree, Result& result) {
  auto stats = pdf_jobs::make_pdfs(fs, p.model, *p.symbols, p.links, {options.jobs, options.source_date_epoch}, tree,
                                   result.diagnostics);
  result.stats.fonts_ms = stats.fonts_ms;
  result.stats.pdf_ms = stats.pdf_ms;
  result.stats.pdfs = std::move(stats.plans);
}

// Phase render: the site pages, the data export and the search index into `tree`. A template tag whose
// name no page context has is reported here (template-unknown-variable); `check` renders too, so it agrees.
void render(const Pipeline& p, const Options& options, io::OutputTree& tree, Result& result) {
  site::SiteInput input{p.model, *p.symbols, p.links, p.templates, p.assets, options.pdf};
  site::render_site(input, tree);
  search::render_search(input, tree);
  p.templates.report_unknown_names(result.diagnostics);
  result.outcome = outcome_of(result.diagnostics, options.strict);
  if (result.outcome != Outcome::ok) result.failed_phase = "render";
}

// The output must not hold (or lie inside) the content or the templates: publishing replaces the output
// entirely, so `--out content` (even with a copied marker) would delete the content.
std::string output_place_error(const io::FileSystem& fs, const Options& options) {
  const std::string out = fs.resolve(options.out_dir);
  for (const auto& [dir, what] : {std::pair{options.content_dir, "content"}, std::pair{options.templates_dir, "templates"}}) {
    const std::string in = fs.resolve(dir);
    if (io::is_within(in, out)) return std::string("it holds the ") + what + " directory '" + dir + "', which a build would replace";
    if (io::is_within(out, in)) return std::string("it lies inside the ") + what + " directory '" + dir + "'";
  }
  return {};
}

}  // namespace

Result check(const io::FileSystem& fs, const Options& options) {
  Result result;
  Pipeline pipeline;
  if (!pipeline.run(fs, options, result)) return result;
  // The pages are rendered (into memory, then dropped) so that template names are checked as in a build.
  {
    io::OutputTree discarded;
    Timer t_render;
    render(pipeline, options, discarded, result);
    result.stats.render_ms = t_render.ms();
    if (result.outcome != Outcome::ok) return result;
  }
  // The PDFs are laid out too (nothing is written), so characters missing from the fonts are found here.
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
  std::string lock_error = output_place_error(fs, options);
  std::optional<io::OutputLock> lock;
  if (lock_error.empty()) lock = io::lock_output(fs, options.out_dir, lock_error);
  if (!lock) {
    result.diagnostics.error("io-error", {}, "cannot build into '" + options.out_dir + "': " + lock_error);
    result.outcome = Outcome::io_error;
    result.failed_phase = "publish";
    return result;
  }
  Pipeline pipeline;
  if (!pipeline.run(fs, options, result)) return result;

  Timer t_render;
  io::OutputTree tree;
  render(pipeline, options, tree, result);
  result.stats.render_ms = t_render.ms();
  if (result.outcome != Outcome::ok) return result;

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
    result.diagnostics.error("io-error", {}, "cannot publish to '" + options.out_dir + "': " + *err,
                             {"the previous output was left as it was"});
    result.outcome = Outcome::io_error;
    result.failed_phase = "publish";
  }
  result.stats.publish_ms = t_publish.ms();
  return result;
}

}  // namespace planpress::build
