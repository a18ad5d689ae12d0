#include <algorithm>
#include <functional>
#include <set>

#include "site/charts.hpp"
#include "site/describe.hpp"
#include "site/page_builder.hpp"
#include "site/urls.hpp"
#include "text/wareki.hpp"

namespace planpress::site {

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

const char* value_kind_label(const std::string& kind) {
  if (kind == "target") return "目標";
  if (kind == "baseline") return "基準";
  return "実績";
}

}  // namespace

std::string PageBuilder::field_html(const model::FieldValue& v, const model::FieldDef& def, const model::Plan& p,
                                    const std::string& from_page) const {
  switch (v.kind) {
    case model::FieldKind::text: return text_to_html(v.text);
    case model::FieldKind::markdown: return markdown_to_html(v.markdown, resolver(p.id, from_page), 2, def.label);
    case model::FieldKind::status:
    case model::FieldKind::rating: {
      const auto* voc = p.vocabulary(def.vocabulary);
      const auto* val = voc ? voc->find(v.text) : nullptr;
      std::string html = "<span class=\"mark mark-" + std::string(model::to_string(v.kind)) + "\">" + escape_html(v.text) + "</span>";
      if (val && !val->label.empty()) html += "<span class=\"mark-label\">" + escape_html(val->label) + "</span>";
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

json PageBuilder::fields_json(const model::Entry& e, const model::Plan& p, const std::string& from_page) const {
  json out = json::array();
  for (const auto& def : p.fields) {
    auto it = e.fields.find(def.key);
    if (it == e.fields.end()) continue;
    const auto label = e.labels.count(def.key) ? e.labels.at(def.key) : def.label;
    out.push_back(json{{"key", def.key}, {"label", label}, {"kind", model::to_string(def.kind)},
                       {"html", field_html(it->second, def, p, from_page)}});
  }
  return out;
}

json PageBuilder::category_path(const model::Plan& p, const std::string& id, const std::string& from_page) const {
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

json PageBuilder::category_tree(const model::Plan& p, const std::vector<model::Category>& cats, int depth,
                                const std::string& page) const {
  json out = json::array();
  for (const auto& c : cats) {
    json blocks = json::array();
    for (const auto& b : c.blocks)
      blocks.push_back(json{{"label", b.label}, {"html", markdown_to_html(b.markdown, resolver(p.id, page), 3, b.label.empty() ? c.title : b.label)}});
    json items = json::array();
    for (const auto& i : p.items)
      if (i.category == c.id) items.push_back(json{{"title", entry_title(i)}, {"href", "items/" + i.id + ".html"}});
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

json PageBuilder::indicator_json(const model::Indicator& ind) const {
  // The data table: one row per segment, one column per (fiscal year, kind) that has a value.
  struct Column {
    std::optional<int> year;
    std::string kind;
  };
  std::vector<Column> columns;
  for (const auto& v : ind.values) {
    bool found = false;
    for (const auto& c : columns) found = found || (c.year == v.year && c.kind == v.kind);
    if (!found) columns.push_back(Column{v.year, v.kind});
  }
  std::stable_sort(columns.begin(), columns.end(), [](const Column& a, const Column& b) {
    return a.year.value_or(9999) < b.year.value_or(9999);
  });
  json head = json::array();
  for (const auto& c : columns)
    head.push_back(json{{"label", (c.year ? text::wareki_fiscal_year(*c.year) : std::string("年度なし"))},
                        {"kind", value_kind_label(c.kind)}});
  std::vector<model::Segment> segments = ind.segments;
  if (segments.empty()) segments.push_back(model::Segment{"", "値", ""});
  json rows = json::array();
  for (const auto& s : segments) {
    json cells = json::array();
    bool any = false;
    for (const auto& c : columns) {
      std::string cell = "—";
      std::string note;
      for (const auto& v : ind.values) {
        if (v.year != c.year || v.kind != c.kind || v.segment != s.id) continue;
        cell = display_value(v, ind.unit);
        note = v.note;
        any = true;
      }
      cells.push_back(json{{"text", cell}, {"note", note}});
    }
    if (any || ind.segments.empty()) rows.push_back(json{{"label", s.label}, {"note", s.note}, {"cells", cells}});
  }
  const bool chart = has_chart(ind);
  return json{{"id", ind.id}, {"name", ind.name}, {"type", ind.type}, {"unit", ind.unit}, {"definition", ind.definition},
              {"chart", chart ? render_chart_svg(ind, "chart-" + ind.id) : std::string()},
              {"summary", listing(json(summarize_indicator(ind)))}, {"has_values", !ind.values.empty()},
              {"head", head}, {"rows", rows}, {"commentary", ind.commentary},
              {"notes", listing(notes_json(ind.notes, nullptr))}};
}

json PageBuilder::rollups_json(const model::Plan& p, const std::string& page) const {
  json tables = json::array();
  // One table per status / rating / tags field: each vocabulary value, its count and its items.
  for (const auto& def : p.fields) {
    if (def.kind != model::FieldKind::status && def.kind != model::FieldKind::rating && def.kind != model::FieldKind::tags) continue;
    const auto* voc = p.vocabulary(def.vocabulary);
    if (!voc) continue;
    json rows = json::array();
    std::size_t without = 0;
    for (const auto& val : voc->values) {
      json items = json::array();
      for (const auto& i : p.items) {
        auto it = i.fields.find(def.key);
        if (it == i.fields.end()) continue;
        const auto& fv = it->second;
        const bool has = def.kind == model::FieldKind::tags ? std::count(fv.values.begin(), fv.values.end(), val.value) > 0
                                                            : fv.text == val.value;
        if (has) items.push_back(json{{"number", i.number.empty() ? i.name : i.number}, {"title", entry_title(i)},
                                      {"href", "items/" + i.id + ".html"}});
      }
      rows.push_back(json{{"value", val.value}, {"label", val.label}, {"count", items.size()}, {"items", items}});
    }
    for (const auto& i : p.items)
      if (!i.fields.count(def.key)) ++without;
    tables.push_back(json{{"id", "rollup-" + def.key}, {"label", def.label}, {"rows", rows},
                          {"without", without ? json(without) : json(nullptr)},
                          {"kind", model::to_string(def.kind)}});
  }
  // Departments of this plan, normalised across plans, with links to the department pages.
  json depts = json::array();
  for (const auto& d : departments_) {
    std::set<std::string> items;
    for (const auto& a : d.assignments)
      if (a.plan == &p) items.insert(a.item->id);
    if (!items.empty())
      depts.push_back(json{{"name", d.unit.name}, {"count", items.size()}, {"href", root_prefix(page) + department_page(d)},
                           {"generic", d.unit.generic}});
  }
  return json{{"tables", listing(tables)}, {"departments", listing(depts)}};
}

json PageBuilder::relations_json(const model::Plan& p, const std::string& page) const {
  // The plan's place among the documents: what it is based on, what builds on it, what reports on it.
  auto pick = [&](bool incoming, model::RefType type) {
    std::vector<const xref::Link*> chosen;
    for (const auto* l : incoming ? in_.links.incoming(p.id) : in_.links.outgoing(p.id))
      if (l->type == type) chosen.push_back(l);
    return listing(links_json(chosen, incoming, page, &p));
  };
  return json{{"based_on", pick(false, model::RefType::based_on)},
              {"built_on", pick(true, model::RefType::based_on)},
              {"reports_on", pick(false, model::RefType::progress_of)},
              {"reported_by", pick(true, model::RefType::progress_of)},
              {"predecessor", pick(false, model::RefType::predecessor)},
              {"successor", pick(true, model::RefType::predecessor)}};
}

json PageBuilder::plan_context(const model::Plan& p) const {
  const std::string page = plan_page(p.id);
  json ctx = plan_summary(p, page);
  ctx["title"] = p.title;
  ctx["description"] = p.summary.empty() ? p.municipality + "「" + p.title + "」の内容と取組項目の一覧です。" : p.summary;
  ctx["department"] = p.department;
  ctx["source_note"] = p.source_note;
  json inferred = json::array();
  for (const auto& [k, v] : p.inferred) inferred.push_back(json{{"label", inferred_label(k)}, {"reason", v}});
  ctx["inferred"] = listing(inferred);
  ctx["relations"] = relations_json(p, page);
  ctx["refs"] = listing(links_json(in_.links.outgoing(p.id), false, page, &p));
  ctx["backlinks"] = listing(links_json(in_.links.incoming(p.id), true, page, &p));
  ctx["notes"] = listing(notes_json(p.notes, &p));
  json sections = json::array();
  for (const auto& s : p.sections) {
    json inds = json::array();
    for (const auto& ind : p.indicators)
      if (ind.section == s.id) inds.push_back(indicator_json(ind));
    sections.push_back(json{{"id", s.id}, {"number", s.number}, {"title", s.title},
                            {"html", markdown_to_html(s.markdown, resolver(p.id, page), 1, s.title)}, {"indicators", inds},
                            {"backlinks", listing(links_json(in_.links.incoming(p.id + "#" + s.id), true, page, &p))}});
  }
  ctx["sections"] = sections;
  json loose = json::array();
  for (const auto& ind : p.indicators)
    if (ind.section.empty()) loose.push_back(indicator_json(ind));
  ctx["indicators"] = listing(loose);
  ctx["categories"] = listing(category_tree(p, p.categories, 0, page));
  ctx["rollups"] = rollups_json(p, page);
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
        const auto number = c["number"].get<std::string>();
        label += (label.empty() ? "" : " ＞ ") + (number.empty() ? "" : number + " ") + c["title"].get<std::string>();
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
    rows.push_back(json{{"group", false}, {"number", i.number}, {"name", i.name}, {"href", "items/" + i.id + ".html"},
                        {"cells", cells}});
  }
  ctx["rows"] = rows;
  ctx["breadcrumbs"] = crumbs(page, {});
  return ctx;
}

json PageBuilder::item_context(const model::Plan& p, std::size_t index, const std::string& page) const {
  const auto& i = p.items[index];
  json ctx;
  ctx["title"] = entry_title(i);
  ctx["description"] = p.display_title() + "の取組項目「" + i.name + "」";
  ctx["plan"] = plan_summary(p, page);
  ctx["number"] = i.number;
  ctx["name"] = i.name;
  ctx["fields"] = fields_json(i, p, page);
  const auto outgoing = links_json(in_.links.outgoing(p.id + "#" + i.id), false, page, &p);
  json subs = json::array();
  for (std::size_t k = 0; k < i.sub_items.size(); ++k) {
    const auto& s = i.sub_items[k];
    json refs = json::array();
    for (const auto& l : outgoing)
      if (l.value("from_sub_item", 0) == static_cast<int>(k + 1)) refs.push_back(l);
    subs.push_back(json{{"anchor", "sub-" + std::to_string(k + 1)}, {"number", s.number}, {"name", s.name},
                        {"fields", fields_json(s, p, page)}, {"refs", listing(refs)}, {"notes", listing(notes_json(s.notes, &p))}});
  }
  ctx["sub_items"] = listing(subs);
  ctx["sub_items_title"] = p.presentation.sub_items_label;
  json refs = json::array();
  for (const auto& l : outgoing)
    if (!l.contains("from_sub_item")) refs.push_back(l);
  ctx["refs"] = listing(refs);
  ctx["backlinks"] = listing(links_json(in_.links.incoming(p.id + "#" + i.id), true, page, &p));
  ctx["notes"] = listing(notes_json(i.notes, &p));
  ctx["category_path"] = category_path(p, i.category, page);
  ctx["breadcrumbs"] = crumbs(page, {{p.display_title(), plan_page(p.id)}});
  if (index > 0) ctx["prev"] = json{{"title", entry_title(p.items[index - 1])}, {"href", p.items[index - 1].id + ".html"}};
  if (index + 1 < p.items.size())
    ctx["next"] = json{{"title", entry_title(p.items[index + 1])}, {"href", p.items[index + 1].id + ".html"}};
  return ctx;
}

}  // namespace planpress::site
