#pragma once
// Internal to the site module: builds the template context of every page. Split over pages.cpp (shared
// helpers, home, documents, accessibility, search, 404, sitemap), plan_pages.cpp (plan and item pages) and
// views.cpp (views across plans: departments, evaluations, cross-reference map).
#include <nlohmann/json.hpp>

#include "site/html.hpp"
#include "site/site.hpp"

namespace planpress::site {

using json = nlohmann::json;

/// Lists go to templates wrapped as {"list": [...]}, or null when empty, so a template can write
/// {{#refs}}<h2>…</h2>{{>links}}{{/refs}} and the partial iterates {{#list}}.
json listing(json array);

/// Who publishes a page (footer, accessibility policy): the organisation and its お問い合わせ先 (null when
/// none is given, so nothing is shown).
json publisher_json(const std::string& organisation, const model::Contact& contact);

/// Mustache leaves the truth of "" open; contexts use null instead (keeps the key, falsey in sections).
void null_empty_strings(json& j);

class PageBuilder {
 public:
  explicit PageBuilder(const SiteInput& in);
  /// Renders every page and export file into `out` on `threads` threads.
  void build(io::OutputSink& out, base::Diagnostics& diags, int threads);

 private:
  void page(io::OutputSink& out, base::Diagnostics& diags, const std::string& path, const std::string& tmpl, json ctx) const;

  // pages.cpp: helpers shared by every page
  json target_json(const xref::Endpoint& e, const std::string& from_page) const;
  json links_json(const std::vector<const xref::Link*>& links, bool incoming, const std::string& from_page,
                  const model::Plan* owner) const;
  WikiLinkResolver resolver(const std::string& plan, const std::string& from_page) const;
  static json notes_json(const std::vector<model::Note>& notes, const model::Plan* plan);
  json plan_summary(const model::Plan& p, const std::string& from_page) const;
  json crumbs(const std::string& page) const;
  json nav_link(const assemble::NavLink& l, const std::string& from_page) const;
  json index_context() const;
  json documents_context() const;
  json accessibility_context() const;
  json not_found_context() const;
  json sitemap_context() const;
  json search_context() const;
  std::string sitemap(const std::vector<std::string>& pages) const;

  // plan_pages.cpp
  /// `link_departments`: each 担当課 links to its department page (item pages).
  std::string field_html(const model::FieldValue& v, const model::FieldDef& def, const model::Plan& p,
                         const std::string& from_page, bool link_departments = false) const;
  std::string departments_html(const std::vector<std::string>& printed, const model::Plan& p, const std::string& from_page) const;
  json fields_json(const model::Entry& e, const model::Plan& p, const std::string& from_page) const;
  json category_path(const model::Plan& p, const std::string& id, const std::string& from_page) const;
  /// The category tree; its top level is a heading of level `top_level`; `with_blocks`: each category's
  /// blocks under its heading (unless a section places the blocks).
  json category_tree(const model::Plan& p, const std::vector<model::Category>& cats, int depth, const std::string& page,
                     int top_level, bool with_blocks) const;
  json blocks_json(const model::Plan& p, const model::Category& c, const std::string& page) const;
  /// Every category that has blocks, each with its title (linked to the tree) and blocks (a section that
  /// places the blocks: a progress report's 進捗状況 per 取組区分).
  json placed_blocks(const model::Plan& p, const std::string& page) const;
  json section_json(const model::Plan& p, const model::Section& s, const std::string& page) const;
  json indicator_json(const model::Indicator& ind) const;
  json rollups_json(const model::Plan& p, const std::string& page) const;
  json relations_json(const model::Plan& p, const std::string& page) const;
  json plan_context(const model::Plan& p) const;
  json item_context(const model::Plan& p, std::size_t index, const std::string& page) const;

  // series_pages.cpp
  /// The plan page's links to its series, the previous and next edition and its 新旧対照表; null outside a series.
  json series_links(const model::Plan& p, const std::string& page) const;
  /// The item across the editions of its series (year, stage, 自己評価, status, direction, link); null when
  /// its plan is the only edition.
  json item_history(const model::Plan& p, const model::Item& item, const std::string& page) const;
  json series_context(const assemble::Series& s) const;
  json comparison_context(const assemble::Series& s, const assemble::Comparison& c) const;

  // report_page.cpp
  /// The data-quality report of a review build: each finding at its file:line:col, with what it is about.
  json quality_report_context() const;

  // views.cpp
  json departments_index_context() const;
  json department_context(const assemble::Department& d) const;
  json evaluations_context() const;
  json xref_map_context() const;

  const SiteInput& in_;
  const model::Model& m_;
  const assemble::Assembly& a_;
};

}  // namespace planpress::site
