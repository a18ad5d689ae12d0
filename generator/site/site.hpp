#pragma once
/// Phase render, the HTML writer: the static site (pages from Mustache templates — the search page
/// included —, assets, data export) as an in-memory tree; nothing is written here.
#include <map>
#include <string>

#include "assemble/assemble.hpp"
#include "assemble/report.hpp"
#include "base/diagnostic.hpp"
#include "io/publish.hpp"
#include "model/model.hpp"
#include "template/mustache.hpp"
#include "xref/xref.hpp"

namespace planpress::site {

struct SiteInput {
  const model::Model& model;
  const xref::SymbolTable& symbols;
  const xref::LinkGraph& links;
  const assemble::Assembly& assembly;  ///< departments, roll-ups, charts, navigation
  const tmpl::TemplateSet& templates;
  const std::map<std::string, std::string>& assets;  ///< root-relative path → bytes, copied as is
  bool with_pdf = false;                              ///< link pdf/<plan>.pdf (when the PDF phase runs)
  /// The data-quality report's findings: a review build shows them on report.html (never a published one).
  const std::vector<assemble::Finding>* quality = nullptr;
};

/// Template names the site needs; the build checks they exist before rendering.
const std::vector<std::string>& required_templates();

/// Context names whose values the site builds itself, never from content: HTML it has escaped (Markdown
/// rendered by the HTML writer, SVG charts) and the heading level (2–6). The only names a template may
/// insert raw ({{{html}}}) or inside a tag (<h{{heading_level}}>); see TemplateSet::lint_html.
const std::vector<std::string>& trusted_markup_names();

/// Renders every page and export file into `out`; template problems found while rendering (a recursion
/// the data never ends) go to `diags`.
void render_site(const SiteInput& in, io::OutputTree& out, base::Diagnostics& diags);

/// Like render_site into a tree, but each file goes to `out` as soon as it is rendered, on up to `threads`
/// threads (the files and the order of the diagnostics are the same for any number).
void render_site(const SiteInput& in, io::OutputSink& out, base::Diagnostics& diags, int threads);

/// Renders one page at root-relative `path` with template `template_name`: adds what every page needs
/// (the site's title and organisation, `root` — the relative prefix back to the site root, unless the
/// context sets its own — and a default
/// description) to `context`, and turns empty strings into null (see docs/architecture.md).
std::string render_page(const SiteInput& in, const std::string& path, const std::string& template_name,
                        nlohmann::json context, base::Diagnostics& diags);

}  // namespace planpress::site
