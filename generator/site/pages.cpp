#include <algorithm>
#include <functional>
#include <set>

#include "base/parallel.hpp"
#include "present/describe.hpp"
#include "present/titles.hpp"
#include "present/urls.hpp"
#include "present/values.hpp"
#include "site/export.hpp"
#include "site/page_builder.hpp"

namespace planpress::site {

using namespace present;

const std::vector<std::string>& required_templates() {
  static const std::vector<std::string> names = {"layout",      "index", "plan", "item",          "documents", "departments",
                                                 "department",  "evaluations", "xref", "accessibility", "search", "search-box",
                                                 "404", "items-table", "category-blocks", "sitemap",
                                                 "series", "comparison", "report"};
  return names;
}

const std::vector<std::string>& trusted_markup_names() {
  static const std::vector<std::string> names = {"html", "chart", "heading_level"};
  return names;
}

json publisher_json(const std::string& organisation, const model::Contact& c) {
  json contact{{"department", c.department}, {"phone", c.phone}, {"email", c.email}, {"form_url", c.form_url}};
  return json{{"organisation", organisation}, {"contact", c.empty() ? json(nullptr) : contact}};
}

json listing(json array) { return array.empty() ? json(nullptr) : json{{"list", std::move(array)}}; }

void null_empty_strings(json& j) {
  if (j.is_string() && j.get_ref<const std::string&>().empty()) j = nullptr;
  else if (j.is_array() || j.is_object())
    for (auto& c : j) null_empty_strings(c);
}

PageBuilder::PageBuilder(const SiteInput& in) : in_(in), m_(in.model), a_(in.assembly) {}

void PageBuilder::build(io::OutputSink& out, base::Diagnostics& diags, int threads) {
  // Every file is a job that builds its context and renders it; jobs run on `threads` threads and report
  // into diagnostics of their own, merged in job order, so neither files nor diagnostics depend on it.
  std::vector<std::function<void(base::Diagnostics&)>> jobs;
  std::vector<std::string> pages;  // the sitemap's, in this order
  auto add = [&](std::string path, const char* tmpl, std::function<json()> context, bool listed = true) {
    if (listed) pages.push_back(path);
    jobs.push_back([this, &out, path = std::move(path), tmpl, context = std::move(context)](base::Diagnostics& d) {
      page(out, d, path, tmpl, context());
    });
  };
  add(home_page(), "index", [this] { return index_context(); });
  for (const auto& p : m_.plans) {
    add(plan_page(p.id), "plan", [this, &p] { return plan_context(p); });
    for (std::size_t i = 0; i < p.items.size(); ++i) {
      auto path = item_page(p.id, p.items[i].id);
      add(path, "item", [this, &p, i, path] { return item_context(p, i, path); });
    }
    jobs.push_back([this, &out, &p](base::Diagnostics&) {
      out.add(plan_data_json(p.id), export_plan_json(m_, in_.links, p, in_.with_pdf));
      out.add(plan_data_csv(p.id), export_plan_csv(m_, in_.links, p));
    });
  }
  for (const auto& s : a_.series) {
    add(series_page(s.id), "series", [this, &s] { return series_context(s); });
    for (const auto& c : s.comparisons)
      add(comparison_page(c.after->id), "comparison", [this, &s, &c] { return comparison_context(s, c); });
  }
  add(departments_page(), "departments", [this] { return departments_index_context(); });
  for (const auto& d : a_.departments) add(d.page, "department", [this, &d] { return department_context(d); });
  add(evaluations_page(), "evaluations", [this] { return evaluations_context(); });
  add(xref_page(), "xref", [this] { return xref_map_context(); });
  add(documents_page(), "documents", [this] { return documents_context(); });
  add(accessibility_page(), "accessibility", [this] { return accessibility_context(); });
  add(sitemap_page(), "sitemap", [this] { return sitemap_context(); });
  add(search_page(), "search", [this] { return search_context(); }, /*listed=*/false);
  add(not_found_page(), "404", [this] { return not_found_context(); }, /*listed=*/false);
  // The data-quality report: for the staff of a review build, never published (nor listed in the sitemap).
  if (m_.review && in_.quality) add(quality_report_page(), "report", [this] { return quality_report_context(); }, /*listed=*/false);
  jobs.push_back([this, &out](base::Diagnostics&) { out.add(catalog_json(), export_catalog(m_, in_.with_pdf)); });
  out.add(present::sitemap(), sitemap(pages));
  for (const auto& [path, bytes] : in_.assets) out.add(path, bytes);

  std::vector<base::Diagnostics> found(jobs.size());
  base::run_parallel(jobs.size(), threads, [&](std::size_t i) { jobs[i](found[i]); });
  for (auto& d : found) diags.merge(d);
}

void PageBuilder::page(io::OutputSink& out, base::Diagnostics& diags, const std::string& path, const std::string& tmpl,
                       json ctx) const {
  out.add(path, render_page(in_, path, tmpl, std::move(ctx), diags));
}

json PageBuilder::target_json(const xref::Endpoint& e, const std::string& from_page) const {
  const auto info = describe(m_, e);
  return json{{"href", relative_link(from_page, endpoint_path(e))}, {"title", info.title},
              {"plan_title", info.plan_title}, {"kind_label", info.kind_label}, {"same_plan", false}};
}

json PageBuilder::links_json(const std::vector<const xref::Link*>& links, bool incoming, const std::string& from_page,
                             const model::Plan* owner) const {
  // A page lists each (link, type, field, sub-item) once: a section that cites an item in two passages
  // (HR №17 in 「４．今期計画の計画期間・方向性」, once more as 再掲) is one entry for the reader. The data
  // export keeps every passage with its evidence.
  json out = json::array();
  std::set<std::string> seen;
  for (const auto* l : links) {
    const auto& other = incoming ? l->from : l->to;
    json j = target_json(other, from_page);
    const auto key = j["href"].get<std::string>() + '\n' + model::to_string(l->type) + '\n' + l->field + '\n' +
                     std::to_string(incoming ? 0 : l->from.sub_item);
    if (!seen.insert(key).second) continue;
    j["same_plan"] = owner && other.plan == owner->id && other.kind != xref::TargetKind::document;
    j["type"] = model::to_string(l->type);
    j["type_label"] = link_label(l->type, incoming);
    j["evidence"] = l->evidence;
    j["medium"] = l->medium_confidence;
    if (owner && !l->field.empty() && !incoming)
      if (const auto* f = owner->field(l->field)) j["field_label"] = f->label;
    if (!incoming && l->from.sub_item > 0) j["from_sub_item"] = l->from.sub_item;
    out.push_back(j);
  }
  return out;
}

WikiLinkResolver PageBuilder::resolver(const std::string& plan, const std::string& from_page) const {
  return [this, plan, from_page](const std::string& target) -> std::optional<ResolvedLink> {
    auto e = in_.symbols.resolve(plan, target);
    if (!e) return std::nullopt;
    return ResolvedLink{relative_link(from_page, endpoint_path(*e)), describe(m_, *e).title};
  };
}

json PageBuilder::notes_json(const std::vector<model::Note>& notes, const model::Plan* plan) {
  json out = json::array();
  for (const auto& n : notes) {
    std::string field_label;
    if (plan && !n.field.empty())
      if (const auto* f = plan->field(n.field)) field_label = f->label;
    out.push_back(json{{"type", n.type}, {"type_label", model::note_type_label(n.type)}, {"field_label", field_label},
                       {"text", n.text}, {"where", n.where}});
  }
  return out;
}

json PageBuilder::plan_summary(const model::Plan& p, const std::string& from_page) const {
  auto link = [&](const std::string& path) { return relative_link(from_page, path); };
  json j{{"id", p.id}, {"title", p.title}, {"short_title", p.display_title()}, {"municipality", p.municipality},
         {"page_title", title_with_municipality(p)},
         {"kind_label", model::label_of(p.kind)}, {"url", link(plan_page(p.id))},
         {"data_json", link(plan_data_json(p.id))}, {"data_csv", link(plan_data_csv(p.id))},
         {"item_count", p.items.size()}, {"summary", p.summary}, {"title_inferred", p.inferred.count("title") > 0}};
  if (in_.with_pdf) j["pdf"] = link(plan_pdf(p.id));
  if (p.period) {
    j["period_wareki"] = period_wareki(*p.period);
    j["period_western"] = period_western(*p.period);
    j["period_inferred"] = p.inferred.count("period") > 0;
  }
  if (p.published) {
    j["published_label"] = published_text(*p.published);
    j["date_label"] = kUpdatedLabel;
    j["published_inferred"] = p.inferred.count("published") > 0;
  }
  return j;
}

json PageBuilder::nav_link(const assemble::NavLink& l, const std::string& from_page) const {
  return json{{"title", l.title}, {"href", short_link(from_page, l.path)}};
}

json PageBuilder::crumbs(const std::string& page) const {
  json list = json::array();
  for (const auto& l : a_.navigation_of(page).parents) list.push_back(json{{"title", l.title}, {"href", relative_link(page, l.path)}});
  return listing(list);
}

json PageBuilder::index_context() const {
  // Municipalities in Unicode order of their names; within one, plans by kind (基本方針 … 進捗報告) then start.
  std::vector<std::string> order;
  for (const auto& p : m_.plans)
    if (std::find(order.begin(), order.end(), p.municipality) == order.end()) order.push_back(p.municipality);
  std::sort(order.begin(), order.end());
  json groups = json::array();
  for (const auto& muni : order) {
    std::vector<const model::Plan*> plans;
    for (const auto& p : m_.plans)
      if (p.municipality == muni) plans.push_back(&p);
    std::stable_sort(plans.begin(), plans.end(), [](const model::Plan* a, const model::Plan* b) {
      if (a->kind != b->kind) return a->kind < b->kind;
      return (a->period ? a->period->from : 0) < (b->period ? b->period->from : 0);
    });
    json list = json::array();
    for (const auto* p : plans) list.push_back(plan_summary(*p, home_page()));
    groups.push_back(json{{"municipality", muni}, {"plans", list}, {"count", plans.size()}});
  }
  std::size_t items = 0;
  for (const auto& p : m_.plans) items += p.items.size();
  return json{{"title", m_.site.title}, {"municipalities", groups}, {"plan_count", m_.plans.size()}, {"item_count", items},
              {"link_count", in_.links.links().size()}, {"department_count", a_.departments.size()},
              {"document_count", m_.documents.size()}};
}

json PageBuilder::documents_context() const {
  const std::string page = documents_page();
  json docs = json::array();
  for (const auto& d : m_.documents) {
    json j{{"id", d.id}, {"anchor", document_anchor(d.id)}, {"title", d.title}, {"municipality", d.municipality}, {"note", d.note}};
    if (d.date) j["date"] = d.date->label;
    if (d.period) j["period"] = period_wareki(*d.period);
    j["backlinks"] = listing(links_json(in_.links.incoming(d.id), true, page, nullptr));
    docs.push_back(j);
  }
  return json{{"title", "関連文書（本サイト未掲載）"}, {"documents", docs}, {"breadcrumbs", crumbs(page)},
              {"description", "計画の中で名前が挙げられている、本サイトには掲載していない文書の一覧です。"}};
}

json PageBuilder::accessibility_context() const {
  // Whom to tell: the site's contact, else every plan's (by organisation), so a reader always finds one
  // where the content gives one; nothing is shown where none is given.
  json contacts = json::array();
  if (!m_.site.contact.empty()) contacts.push_back(publisher_json(m_.site.organisation, m_.site.contact));
  else
    for (const auto& p : m_.plans)
      if (!p.contact.empty()) {
        auto j = publisher_json(organisation_of(p), p.contact);
        j["plan"] = p.display_title();
        contacts.push_back(j);
      }
  return json{{"title", "ウェブアクセシビリティ方針"}, {"breadcrumbs", crumbs(accessibility_page())},
              {"organisation", m_.site.organisation}, {"contacts", listing(contacts)},
              {"description", "このサイトのウェブアクセシビリティへの取組み（JIS X 8341-3:2016 適合レベルAA）について。"}};
}

json PageBuilder::not_found_context() const {
  // A server serves 404.html at whatever URL was requested (/a/b/c), so relative links and stylesheets
  // would point elsewhere. With base_url every link and stylesheet is absolute from it. Without it they
  // are root-absolute ("/…": right for a site at the server root, wherever the request was), and the
  // stylesheets are linked relatively as well — a second <link> costs nothing when it fails and styles the
  // page where it is opened as a file or at the top level (no inline CSS: the CSP forbids it).
  json ctx{{"title", "ページが見つかりません"}, {"description", "お探しのページは見つかりませんでした。"}};
  std::string base = m_.site.base_url;
  if (!base.empty()) {
    if (base.back() != '/') base += '/';
    ctx["root"] = base;
  } else {
    ctx["root"] = "/";
    ctx["relative_styles"] = true;
  }
  return ctx;
}

json PageBuilder::sitemap_context() const {
  // Every page of the site for readers: the plans with their sections and items, then the views.
  const std::string page = sitemap_page();
  json plans = json::array();
  for (const auto& p : m_.plans) {
    json items = json::array();
    for (const auto& i : p.items) items.push_back(json{{"title", entry_title(i)}, {"href", relative_link(page, item_page(p.id, i.id))}});
    plans.push_back(json{{"title", title_with_municipality(p)}, {"href", relative_link(page, plan_page(p.id))},
                         {"items", listing(items)}, {"count", p.items.size()}});
  }
  json departments = json::array();
  for (const auto& d : a_.departments) departments.push_back(json{{"title", d.title}, {"href", relative_link(page, d.page)}});
  return json{{"title", "サイトマップ"}, {"plans", plans}, {"departments", listing(departments)}, {"breadcrumbs", crumbs(page)},
              {"description", "このサイトのすべてのページの一覧です。"}};
}

json PageBuilder::search_context() const {
  return json{{"title", "サイト内検索"}, {"description", "すべての計画の項目・本文・体系・指標をまとめて検索します。"}, {"search_page", true}};
}

std::string PageBuilder::sitemap(const std::vector<std::string>& pages) const {
  // The sitemap protocol wants absolute URLs; without base_url they are written relative to the sitemap.
  std::string base = m_.site.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& p : pages) xml += "  <url><loc>" + escape_html(base + percent_encoded(p)) + "</loc></url>\n";
  return xml + "</urlset>\n";
}

void render_site(const SiteInput& in, io::OutputSink& out, base::Diagnostics& diags, int threads) {
  PageBuilder(in).build(out, diags, threads);
}

void render_site(const SiteInput& in, io::OutputTree& out, base::Diagnostics& diags) {
  io::TreeSink sink(out);
  render_site(in, sink, diags, 1);
}

std::string render_page(const SiteInput& in, const std::string& path, const std::string& template_name, json ctx,
                        base::Diagnostics& diags) {
  const auto& site = in.model.site;
  if (!ctx.contains("root")) ctx["root"] = root_prefix(path);  // the 404 page sets an absolute one
  // The pages every page links to (header, footer), through the root.
  const std::string root = ctx["root"].get<std::string>();
  ctx["pages"] = json{{"home", root + home_page()},           {"departments", root + departments_page()},
                      {"evaluations", root + evaluations_page()}, {"xref", root + xref_page()},
                      {"documents", root + documents_page()},   {"accessibility", root + accessibility_page()},
                      {"catalog", root + catalog_json()},        {"sitemap", root + sitemap_page()}, {"sitemap_xml", root + present::sitemap()},
                      {"search", root + search_page()}};
  ctx["site"] = json{{"title", site.title}, {"organisation", site.organisation}, {"description", site.description},
                     {"logo", site.logo.empty() ? json(nullptr) : json(root + site.logo)}};
  // Who publishes this page (footer): a plan's pages set their plan's organisation and contact.
  if (!ctx.contains("publisher")) ctx["publisher"] = publisher_json(site.organisation, site.contact);
  // A review build says so on every page and marks the editors' notes (the published edition has none).
  ctx["review"] = in.model.review ? json(kReviewBanner) : json(nullptr);
  ctx["review_report"] = in.model.review && in.quality
                             ? json{{"href", root + quality_report_page()}, {"count", in.quality->size()}}
                             : json(nullptr);
  ctx["editorial_label"] = kEditorialLabel;
  if (!ctx.contains("description") || !ctx["description"].is_string() || ctx["description"].get<std::string>().empty())
    ctx["description"] = site.description;
  null_empty_strings(ctx);
  return in.templates.render(template_name, ctx, diags);
}

}  // namespace planpress::site
