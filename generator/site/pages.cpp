#include <algorithm>
#include <functional>
#include <sstream>

#include "site/describe.hpp"
#include "site/export.hpp"
#include "site/html.hpp"
#include "site/site.hpp"
#include "site/urls.hpp"
#include "text/wareki.hpp"

namespace planpress::site {

using json = nlohmann::json;

const std::vector<std::string>& required_templates() {
  static const std::vector<std::string> names = {"layout", "index", "plan", "item", "documents"};
  return names;
}

namespace {

const char* inferred_label(const std::string& key) {
  if (key == "title") return "表題";
  if (key == "short_title") return "略称";
  if (key == "period") return "計画期間";
  if (key == "published") return "策定時期";
  if (key == "municipality") return "自治体";
  if (key == "kind") return "種別";
  if (key == "department") return "担当";
  return "項目";
}

// Lists go to templates wrapped as {"list": [...]}, or null when empty, so that a template can write
// {{#refs}}<h2>…</h2>{{>links}}{{/refs}} and the partial iterates {{#list}}.
json listing(json array) { return array.empty() ? json(nullptr) : json{{"list", std::move(array)}}; }

// Mustache leaves the truth of "" open; contexts use null instead, which keeps the key (so a lookup does
// not fall through to an outer context) and is falsey in {{#section}}s.
void null_empty_strings(json& j) {
  if (j.is_string() && j.get_ref<const std::string&>().empty()) j = nullptr;
  else if (j.is_array() || j.is_object())
    for (auto& c : j) null_empty_strings(c);
}

class PageBuilder {
 public:
  explicit PageBuilder(const SiteInput& in) : in_(in), m_(in.model) {}

  void build(io::OutputTree& out) {
    page(out, "index.html", "index", index_context());
    for (const auto& p : m_.plans) {
      page(out, plan_page(p.id), "plan", plan_context(p));
      for (std::size_t i = 0; i < p.items.size(); ++i) {
        const auto path = item_page(p.id, p.items[i].id);
        page(out, path, "item", item_context(p, i, path));
      }
      out[plan_data_json(p.id)] = export_plan_json(m_, in_.links, p, in_.with_pdf);
      out[plan_data_csv(p.id)] = export_plan_csv(m_, in_.links, p);
    }
    page(out, documents_page(), "documents", documents_context());
    out["data/catalog.json"] = export_catalog(m_, in_.with_pdf);
    for (const auto& [path, bytes] : in_.assets) out[path] = bytes;
  }

 private:
  void page(io::OutputTree& out, const std::string& path, const std::string& tmpl, json ctx) {
    out[path] = render_page(in_, path, tmpl, std::move(ctx));
  }

  // A link from the page at `from_page` to `e`.
  json target_json(const xref::Endpoint& e, const std::string& from_page) const {
    const auto info = describe(m_, e);
    return json{{"href", root_prefix(from_page) + endpoint_path(e)}, {"title", info.title},
                {"plan_title", info.plan_title}, {"kind_label", info.kind_label},
                {"same_plan", false}};
  }

  json links_json(const std::vector<const xref::Link*>& links, bool incoming, const std::string& from_page,
                  const model::Plan* owner) const {
    json out = json::array();
    for (const auto* l : links) {
      const auto& other = incoming ? l->from : l->to;
      json j = target_json(other, from_page);
      j["same_plan"] = owner && other.plan == owner->id && other.kind != xref::TargetKind::document;
      j["type"] = model::to_string(l->type);
      j["type_label"] = incoming ? model::backlink_label_of(l->type) : model::label_of(l->type);
      j["evidence"] = l->evidence;
      j["medium"] = l->medium_confidence;
      if (owner && !l->field.empty()) {
        if (const auto* f = owner->field(l->field); f && !incoming) j["field_label"] = f->label;
      }
      if (!incoming && l->from.sub_item > 0) j["from_sub_item"] = l->from.sub_item;
      out.push_back(j);
    }
    return out;
  }

  WikiLinkResolver resolver(const std::string& plan, const std::string& from_page) const {
    return [this, plan, from_page](const std::string& target) -> std::optional<ResolvedLink> {
      auto e = in_.symbols.resolve(plan, target);
      if (!e) return std::nullopt;
      const auto info = describe(m_, *e);
      return ResolvedLink{root_prefix(from_page) + endpoint_path(*e), info.title};
    };
  }

  static json notes_json(const std::vector<model::Note>& notes, const model::Plan* plan) {
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

  json plan_summary(const model::Plan& p, const std::string& from_page) const {
    const std::string root = root_prefix(from_page);
    json j{{"id", p.id}, {"title", p.title}, {"short_title", p.display_title()}, {"municipality", p.municipality},
           {"kind_label", model::label_of(p.kind)}, {"url", root + plan_page(p.id)},
           {"data_json", root + plan_data_json(p.id)}, {"data_csv", root + plan_data_csv(p.id)},
           {"item_count", p.items.size()}, {"summary", p.summary}};
    if (in_.with_pdf) j["pdf"] = root + plan_pdf(p.id);
    if (p.period) {
      j["period_wareki"] = period_wareki(*p.period);
      j["period_western"] = period_western(*p.period);
      j["period_inferred"] = p.inferred.count("period") > 0;
    }
    if (p.published) {
      j["published_label"] = p.published->label;
      if (auto w = text::wareki_from_iso(p.published->iso)) j["published_wareki"] = *w;
    }
    return j;
  }

  json index_context() const {
    json groups = json::array();
    std::vector<std::string> order;
    for (const auto& p : m_.plans)
      if (std::find(order.begin(), order.end(), p.municipality) == order.end()) order.push_back(p.municipality);
    for (const auto& muni : order) {
      json plans = json::array();
      for (const auto& p : m_.plans)
        if (p.municipality == muni) plans.push_back(plan_summary(p, "index.html"));
      groups.push_back(json{{"municipality", muni}, {"plans", plans}});
    }
    return json{{"title", m_.site.title}, {"municipalities", groups}, {"is_home", true},
                {"document_count", m_.documents.size()}};
  }

  std::string field_html(const model::FieldValue& v, const model::FieldDef& def, const model::Plan& p,
                         const std::string& from_page) const {
    switch (v.kind) {
      case model::FieldKind::text: return text_to_html(v.text);
      case model::FieldKind::markdown: return markdown_to_html(v.markdown, resolver(p.id, from_page), 1);
      case model::FieldKind::status:
      case model::FieldKind::rating: {
        const auto* voc = p.vocabulary(def.vocabulary);
        const auto* val = voc ? voc->find(v.text) : nullptr;
        std::string html = "<span class=\"mark mark-" + std::string(model::to_string(v.kind)) + "\">" + escape_html(v.text) + "</span>";
        if (val && !val->label.empty()) html += " <span class=\"mark-label\">" + escape_html(val->label) + "</span>";
        return html;
      }
      case model::FieldKind::tags: {
        std::string html = "<ul class=\"tags\">";
        for (const auto& t : v.values) html += "<li>" + escape_html(t) + "</li>";
        return html + "</ul>";
      }
      case model::FieldKind::departments: {
        std::string html = "<ul class=\"departments\">";
        for (const auto& d : v.values) html += "<li>" + escape_html(d) + "</li>";
        return html + "</ul>";
      }
      case model::FieldKind::list: {
        std::string html = "<ul class=\"points\">";
        for (const auto& e : v.list) {
          html += "<li>";
          if (!e.label.empty()) html += "<span class=\"point-label\">" + escape_html(e.label) + "</span>";
          html += escape_html(e.text) + "</li>";
        }
        return html + "</ul>";
      }
      case model::FieldKind::schedule: {
        std::string html = "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" + escape_html(def.label) +
                           "\"><table class=\"schedule\"><caption>" + escape_html(def.label) +
                           "</caption><thead><tr><th scope=\"col\">時期</th><th scope=\"col\">内容</th></tr></thead><tbody>";
        std::string group;
        for (const auto& r : v.schedule) {
          if (r.group != group && !r.group.empty())
            html += "<tr class=\"group\"><th scope=\"colgroup\" colspan=\"2\">" + escape_html(r.group) + "</th></tr>";
          group = r.group;
          std::string when = escape_html(r.label);
          if (r.from) {
            const std::string w = text::wareki_fiscal_span(*r.from, r.open_end ? std::nullopt : (r.to ? r.to : r.from));
            if (w != r.label) when += r.label.empty() ? escape_html(w) : " <span class=\"aside\">（" + escape_html(w) + "）</span>";
          }
          html += "<tr><th scope=\"row\">" + when + "</th><td>" + escape_html(r.text) + "</td></tr>";
        }
        return html + "</tbody></table></div>";
      }
    }
    return {};
  }

  json fields_json(const model::Entry& e, const model::Plan& p, const std::string& from_page) const {
    json out = json::array();
    for (const auto& def : p.fields) {
      auto it = e.fields.find(def.key);
      if (it == e.fields.end()) continue;
      auto label = e.labels.count(def.key) ? e.labels.at(def.key) : def.label;
      out.push_back(json{{"key", def.key}, {"label", label}, {"kind", model::to_string(def.kind)},
                         {"html", field_html(it->second, def, p, from_page)}});
    }
    return out;
  }

  json category_path(const model::Plan& p, const std::string& id, const std::string& from_page) const {
    json path = json::array();
    std::function<bool(const std::vector<model::Category>&)> walk = [&](const std::vector<model::Category>& cats) {
      for (const auto& c : cats) {
        path.push_back(json{{"id", c.id}, {"number", c.number}, {"title", c.title},
                            {"href", root_prefix(from_page) + plan_page(p.id) + "#cat-" + c.id}});
        if (c.id == id || walk(c.children)) return true;
        path.erase(path.size() - 1);
      }
      return false;
    };
    walk(p.categories);
    return path;
  }

  json category_tree(const model::Plan& p, const std::vector<model::Category>& cats, int depth, const std::string& page) const {
    json out = json::array();
    for (const auto& c : cats) {
      json blocks = json::array();
      for (const auto& b : c.blocks)
        blocks.push_back(json{{"label", b.label}, {"html", markdown_to_html(b.markdown, resolver(p.id, page), 1)}});
      json items = json::array();
      for (const auto& i : p.items)
        if (i.category == c.id)
          items.push_back(json{{"title", entry_title(i)}, {"href", item_page(p.id, i.id).substr(plan_page(p.id).rfind('/') + 1)}});
      const std::string key = p.id + "#" + c.id;
      out.push_back(json{{"id", c.id}, {"number", c.number}, {"title", c.title}, {"kind", c.kind},
                         {"heading_level", std::min(depth + 3, 6)}, {"blocks", blocks}, {"items", listing(items)},
                         {"refs", listing(links_json(in_.links.outgoing(key), false, page, &p))},
                         {"backlinks", listing(links_json(in_.links.incoming(key), true, page, &p))},
                         {"notes", listing(notes_json(c.notes, &p))},
                         {"children", category_tree(p, c.children, depth + 1, page)}});
    }
    return out;
  }

  json indicator_json(const model::Indicator& ind) const {
    // A table: one row per segment (or one row), one column per (year, kind).
    struct Column {
      std::optional<int> year;
      std::string kind;
      std::string label;
    };
    std::vector<Column> columns;
    for (const auto& v : ind.values) {
      bool found = false;
      for (const auto& c : columns) found = found || (c.year == v.year && c.kind == v.kind);
      if (!found) columns.push_back(Column{v.year, v.kind, v.label});
    }
    std::stable_sort(columns.begin(), columns.end(), [](const Column& a, const Column& b) { return a.year.value_or(9999) < b.year.value_or(9999); });
    json head = json::array();
    for (const auto& c : columns) {
      std::string kind = c.kind == "target" ? "目標" : c.kind == "baseline" ? "基準" : "実績";
      head.push_back(json{{"label", (c.year ? text::wareki_fiscal_year(*c.year) : std::string("")) + "（" + kind + "）"}});
    }
    std::vector<model::Segment> segments = ind.segments;
    if (segments.empty()) segments.push_back(model::Segment{"", ind.unit.empty() ? "値" : "値（" + ind.unit + "）", ""});
    json rows = json::array();
    for (const auto& s : segments) {
      json cells = json::array();
      for (const auto& c : columns) {
        std::string cell = "—";
        for (const auto& v : ind.values) {
          if (v.year != c.year || v.kind != c.kind || v.segment != s.id) continue;
          if (!v.text.empty()) cell = v.text;
          else if (v.value) {
            std::ostringstream os;
            os << *v.value;
            cell = os.str() + ind.unit;
          }
          if (!v.qualifier.empty() && v.text.empty()) cell += v.qualifier;
        }
        cells.push_back(json{{"text", cell}});
      }
      rows.push_back(json{{"label", s.label}, {"note", s.note}, {"cells", cells}});
    }
    return json{{"id", ind.id}, {"name", ind.name}, {"type", ind.type}, {"unit", ind.unit}, {"definition", ind.definition},
                {"head", head}, {"rows", rows}, {"commentary", ind.commentary}, {"notes", listing(notes_json(ind.notes, nullptr))}};
  }

  json plan_context(const model::Plan& p) const {
    const std::string page = plan_page(p.id);
    json ctx = plan_summary(p, page);
    ctx["title"] = p.title;
    ctx["description"] = p.summary.empty() ? p.municipality + "「" + p.title + "」の内容と取組項目の一覧です。" : p.summary;
    ctx["department"] = p.department;
    ctx["source_note"] = p.source_note;
    json inferred = json::array();
    for (const auto& [k, v] : p.inferred) inferred.push_back(json{{"label", inferred_label(k)}, {"reason", v}});
    ctx["inferred"] = listing(inferred);
    ctx["refs"] = listing(links_json(in_.links.outgoing(p.id), false, page, &p));
    ctx["backlinks"] = listing(links_json(in_.links.incoming(p.id), true, page, &p));
    ctx["notes"] = listing(notes_json(p.notes, &p));
    json sections = json::array();
    for (const auto& s : p.sections) {
      json inds = json::array();
      for (const auto& ind : p.indicators)
        if (ind.section == s.id) inds.push_back(indicator_json(ind));
      sections.push_back(json{{"id", s.id}, {"number", s.number}, {"title", s.title},
                              {"html", markdown_to_html(s.markdown, resolver(p.id, page), 1)}, {"indicators", inds},
                              {"backlinks", listing(links_json(in_.links.incoming(p.id + "#" + s.id), true, page, &p))}});
    }
    ctx["sections"] = sections;
    json loose = json::array();
    for (const auto& ind : p.indicators)
      if (ind.section.empty()) loose.push_back(indicator_json(ind));
    ctx["indicators"] = listing(loose);
    ctx["categories"] = listing(category_tree(p, p.categories, 0, page));
    // The items table: the plan's own columns, with a group row where the category changes.
    json columns = json::array();
    for (const auto& key : p.presentation.columns)
      if (const auto* f = p.field(key)) columns.push_back(json{{"key", key}, {"label", f->label}});
    ctx["columns"] = columns;
    ctx["column_count"] = columns.size() + 2;
    json rows = json::array();
    std::string current;
    for (const auto& i : p.items) {
      if (i.category != current && !i.category.empty()) {
        std::string label;
        for (const auto& c : category_path(p, i.category, page)) {
          const std::string t = c["number"].get<std::string>().empty() ? c["title"].get<std::string>()
                                                                       : c["number"].get<std::string>() + " " + c["title"].get<std::string>();
          label += (label.empty() ? "" : " ＞ ") + t;
        }
        rows.push_back(json{{"group", true}, {"label", label}, {"href", "#cat-" + i.category}});
      }
      current = i.category;
      json cells = json::array();
      for (const auto& key : p.presentation.columns) {
        auto it = i.fields.find(key);
        const auto* def = p.field(key);
        cells.push_back(json{{"html", it == i.fields.end() || !def ? "" : field_html(it->second, *def, p, page)}});
      }
      rows.push_back(json{{"group", false}, {"number", i.number}, {"name", i.name},
                          {"href", "items/" + i.id + ".html"}, {"cells", cells}});
    }
    ctx["rows"] = rows;
    ctx["cards"] = p.presentation.items == "cards";
    ctx["breadcrumbs"] = listing(json::array({json{{"title", "ホーム"}, {"href", root_prefix(page) + "index.html"}}}));
    return ctx;
  }

  json item_context(const model::Plan& p, std::size_t index, const std::string& page) const {
    const auto& i = p.items[index];
    json ctx;
    ctx["title"] = entry_title(i);
    ctx["description"] = p.display_title() + "の取組項目「" + i.name + "」";
    ctx["plan"] = plan_summary(p, page);
    ctx["number"] = i.number;
    ctx["name"] = i.name;
    ctx["fields"] = fields_json(i, p, page);
    json subs = json::array();
    for (std::size_t k = 0; k < i.sub_items.size(); ++k) {
      const auto& s = i.sub_items[k];
      json refs = json::array();
      for (const auto& l : links_json(in_.links.outgoing(p.id + "#" + i.id), false, page, &p))
        if (l.value("from_sub_item", 0) == static_cast<int>(k + 1)) refs.push_back(l);
      subs.push_back(json{{"anchor", "sub-" + std::to_string(k + 1)}, {"number", s.number}, {"name", s.name},
                          {"fields", fields_json(s, p, page)}, {"refs", listing(refs)}, {"notes", listing(notes_json(s.notes, &p))}});
    }
    ctx["sub_items"] = listing(subs);
    json refs = json::array();
    for (const auto& l : links_json(in_.links.outgoing(p.id + "#" + i.id), false, page, &p))
      if (!l.contains("from_sub_item")) refs.push_back(l);
    ctx["refs"] = listing(refs);
    ctx["backlinks"] = listing(links_json(in_.links.incoming(p.id + "#" + i.id), true, page, &p));
    ctx["notes"] = listing(notes_json(i.notes, &p));
    ctx["category_path"] = category_path(p, i.category, page);
    json crumbs = json::array({json{{"title", "ホーム"}, {"href", root_prefix(page) + "index.html"}},
                               json{{"title", p.display_title()}, {"href", root_prefix(page) + plan_page(p.id)}}});
    ctx["breadcrumbs"] = listing(crumbs);
    if (index > 0) ctx["prev"] = json{{"title", entry_title(p.items[index - 1]), }, {"href", p.items[index - 1].id + ".html"}};
    if (index + 1 < p.items.size()) ctx["next"] = json{{"title", entry_title(p.items[index + 1])}, {"href", p.items[index + 1].id + ".html"}};
    return ctx;
  }

  json documents_context() const {
    const std::string page = documents_page();
    json docs = json::array();
    for (const auto& d : m_.documents) {
      json j{{"id", d.id}, {"title", d.title}, {"municipality", d.municipality}, {"note", d.note}};
      if (d.date) j["date"] = d.date->label;
      if (d.period) j["period"] = period_wareki(*d.period);
      j["backlinks"] = listing(links_json(in_.links.incoming(d.id), true, page, nullptr));
      docs.push_back(j);
    }
    json crumbs = json::array({json{{"title", "ホーム"}, {"href", "index.html"}}});
    return json{{"title", "関連文書（本サイト未掲載）"}, {"documents", docs}, {"breadcrumbs", listing(crumbs)},
                {"description", "計画の中で名前が挙げられている、本サイトには掲載していない文書の一覧です。"}};
  }

  const SiteInput& in_;
  const model::Model& m_;
};

}  // namespace

void render_site(const SiteInput& in, io::OutputTree& out) { PageBuilder(in).build(out); }

std::string render_page(const SiteInput& in, const std::string& path, const std::string& template_name, json ctx) {
  const auto& site = in.model.site;
  ctx["root"] = root_prefix(path);
  ctx["site"] = json{{"title", site.title}, {"organisation", site.organisation}, {"description", site.description}};
  if (!ctx.contains("description") || !ctx["description"].is_string() || ctx["description"].get<std::string>().empty())
    ctx["description"] = site.description;
  null_empty_strings(ctx);
  return in.templates.render(template_name, ctx);
}

}  // namespace planpress::site
