#include <algorithm>
#include <functional>
#include <set>

#include "present/chart.hpp"
#include "present/titles.hpp"
#include "present/urls.hpp"
#include "present/values.hpp"
#include "site/charts.hpp"
#include "site/page_builder.hpp"
#include "text/wareki.hpp"

namespace planpress::site {

using namespace present;

std::string PageBuilder::departments_html(const std::vector<std::string>& printed, const model::Plan& p,
                                         const std::string& from_page) const {
  // Each entry as printed, linked to its department's page; an entry naming several departments
  // (「総務局人事課、労務課」) is followed by a link to each.
  std::string html = "<ul class=\"departments\">";
  for (const auto& entry : printed) {
    const auto units = a_.departments_of(p.municipality, entry);
    html += "<li>";
    if (units.size() == 1) {
      html += "<a href=\"" + escape_html(relative_link(from_page, units[0]->page)) + "\">" + escape_html(entry) + "</a>";
    } else {
      html += escape_html(entry);
      if (!units.empty()) {
        html += " <span class=\"aside\">（";
        for (std::size_t i = 0; i < units.size(); ++i)
          html += std::string(i ? "、" : "") + "<a href=\"" + escape_html(relative_link(from_page, units[i]->page)) + "\">" +
                  escape_html(units[i]->unit.name) + "</a>";
        html += "）</span>";
      }
    }
    html += "</li>";
  }
  return html + "</ul>";
}

std::string PageBuilder::field_html(const model::FieldValue& v, const model::FieldDef& def, const model::Plan& p,
                                    const std::string& from_page, bool link_departments) const {
  switch (v.kind) {
    case model::FieldKind::text: return text_to_html(v.text);
    case model::FieldKind::markdown: return markdown_to_html(v.markdown, resolver(p.id, from_page), 2, def.label);
    case model::FieldKind::status:
    case model::FieldKind::rating: {
      const auto& label = vocabulary_label(p, def, v.text);
      std::string html = "<span class=\"mark mark-" + std::string(model::to_string(v.kind)) + "\">" + escape_html(v.text) + "</span>";
      if (!label.empty()) html += "<span class=\"mark-label\">" + escape_html(label) + "</span>";
      return html;
    }
    case model::FieldKind::tags: {
      std::string html = "<ul class=\"tags\">";
      for (const auto& t : v.values) html += "<li>" + escape_html(t) + "</li>";
      return html + "</ul>";
    }
    case model::FieldKind::departments: {
      if (link_departments) return departments_html(v.values, p, from_page);
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
      // The field label above already names the table on screen; the caption names it for screen readers.
      std::string html = "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" + escape_html(def.label) +
                         "\"><table class=\"schedule\"><caption class=\"visually-hidden\">" + escape_html(def.label) +
                         "</caption><thead><tr><th scope=\"col\">時期</th><th scope=\"col\">内容</th></tr></thead><tbody>";
      std::string group;
      for (const auto& r : v.schedule) {
        if (r.group != group && !r.group.empty())
          html += "<tr class=\"group\"><th scope=\"colgroup\" colspan=\"2\">" + escape_html(r.group) + "</th></tr>";
        group = r.group;
        const auto w = schedule_when(r);
        std::string when = escape_html(w.label);
        if (!w.span.empty()) when += w.label.empty() ? escape_html(w.span) : " <span class=\"aside\">（" + escape_html(w.span) + "）</span>";
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
    if (p.is_pending(def, e)) {
      out.push_back(json{{"key", def.key}, {"label", field_label(e, def)}, {"kind", model::to_string(def.kind)}, {"html", pending_html()}});
      continue;
    }
    if (it == e.fields.end()) continue;
    out.push_back(json{{"key", def.key}, {"label", field_label(e, def)}, {"kind", model::to_string(def.kind)},
                       {"html", field_html(it->second, def, p, from_page, /*link_departments=*/true)}});
  }
  return out;
}

json PageBuilder::category_path(const model::Plan& p, const std::string& id, const std::string& from_page) const {
  json path = json::array();
  std::function<bool(const std::vector<model::Category>&)> walk = [&](const std::vector<model::Category>& cats) {
    for (const auto& c : cats) {
      path.push_back(json{{"id", c.id}, {"title", category_title(c)},
                          {"href", short_link(from_page, with_anchor(plan_page(p.id), category_anchor(c.id)))}});
      if (c.id == id || walk(c.children)) return true;
      path.erase(path.size() - 1);
    }
    return false;
  };
  walk(p.categories);
  return path;
}

json PageBuilder::blocks_json(const model::Plan& p, const model::Category& c, const std::string& page) const {
  json blocks = json::array();
  for (const auto& b : c.blocks)
    blocks.push_back(json{{"label", b.label}, {"html", markdown_to_html(b.markdown, resolver(p.id, page), 3, b.label.empty() ? c.title : b.label)}});
  return blocks;
}

json PageBuilder::category_tree(const model::Plan& p, const std::vector<model::Category>& cats, int depth,
                                const std::string& page, int top_level, bool with_blocks) const {
  json out = json::array();
  for (const auto& c : cats) {
    json items = json::array();
    const auto& by_category = a_.rollups(p).items_by_category;
    if (auto it = by_category.find(c.id); it != by_category.end())
      for (const auto* i : it->second) items.push_back(json{{"title", entry_title(*i)}, {"href", short_link(page, item_page(p.id, i->id))}});
    const std::string key = p.id + "#" + c.id;
    out.push_back(json{{"id", c.id}, {"anchor", category_anchor(c.id)}, {"title", category_title(c)}, {"kind", c.kind},
                       {"heading_level", std::min(depth + top_level, 6)},
                       {"blocks", with_blocks ? blocks_json(p, c, page) : json::array()}, {"items", listing(items)},
                       {"refs", listing(links_json(in_.links.outgoing(key), false, page, &p))},
                       {"backlinks", listing(links_json(in_.links.incoming(key), true, page, &p))},
                       {"notes", listing(notes_json(c.notes, &p))},
                       {"children", category_tree(p, c.children, depth + 1, page, top_level, with_blocks)}});
  }
  return out;
}

json PageBuilder::placed_blocks(const model::Plan& p, const std::string& page) const {
  json out = json::array();
  model::for_each_category(p.categories, [&](const model::Category& c, int) {
    if (c.blocks.empty()) return;
    // The path names the category as the tree does (（１） ＞ ①　人員配置…), linked to it.
    std::string label;
    for (const auto& part : category_path(p, c.id, page)) label += (label.empty() ? "" : " ＞ ") + part["title"].get<std::string>();
    out.push_back(json{{"title", label}, {"href", short_link(page, with_anchor(page, category_anchor(c.id)))},
                       {"anchor", "blocks-" + c.id}, {"blocks", blocks_json(p, c, page)}});
  });
  return listing(out);
}

json PageBuilder::section_json(const model::Plan& p, const model::Section& s, const std::string& page) const {
  json inds = json::array();
  for (const auto& ind : p.indicators)
    if (ind.section == s.id) inds.push_back(indicator_json(ind));
  const bool titled = !s.title.empty();
  json j{{"id", s.id}, {"anchor", section_anchor(s.id)}, {"title", titled ? section_title(s) : std::string()},
         {"html", markdown_to_html(s.markdown, resolver(p.id, page), 1, s.title)}, {"indicators", inds},
         {"backlinks", listing(links_json(in_.links.incoming(p.id + "#" + s.id), true, page, &p))}};
  // What the section places after its text (docs/content-format.md, "sections"): under its heading, or
  // as chapters of their own when it has none (大崎市's Ⅱ and Ⅲ).
  using model::SectionInclude;
  const bool blocks_placed = p.placing(SectionInclude::blocks) != nullptr;
  j["categories"] = s.include == SectionInclude::categories
                        ? listing(category_tree(p, p.categories, 0, page, titled ? 3 : 2, !blocks_placed))
                        : json(nullptr);
  j["items_here"] = s.include == SectionInclude::items;
  j["blocks_here"] = s.include == SectionInclude::blocks ? placed_blocks(p, page) : json(nullptr);
  return j;
}

json PageBuilder::indicator_json(const model::Indicator& ind) const {
  const auto table = indicator_table(ind);
  json head = json::array();
  for (const auto& c : table.columns) head.push_back(json{{"label", c.year_label}, {"kind", c.kind_label}});
  json rows = json::array();
  for (const auto& r : table.rows) {
    json cells = json::array();
    for (const auto& cell : r.cells) cells.push_back(json{{"text", cell.text}, {"note", cell.note}});
    rows.push_back(json{{"label", r.label}, {"note", r.note}, {"cells", cells}});
  }
  const auto summary = summarize_indicator(ind);
  const auto* chart = a_.chart(ind);
  return json{{"id", ind.id}, {"anchor", indicator_anchor(ind.id)}, {"name", ind.name}, {"type", ind.type}, {"unit", ind.unit},
              {"definition", ind.definition},
              {"chart", chart ? render_chart_svg(*chart, summary, "chart-" + ind.id) : std::string()},
              {"summary", listing(json(summary))}, {"has_values", !ind.values.empty()},
              {"head", head}, {"rows", rows}, {"commentary", ind.commentary},
              {"notes", listing(notes_json(ind.notes, nullptr))}};
}

json PageBuilder::rollups_json(const model::Plan& p, const std::string& page) const {
  const auto& rollups = a_.rollups(p);
  json tables = json::array();
  // One table per status / rating / tags field: each vocabulary value, its count and its items.
  for (const auto& f : rollups.fields) {
    json rows = json::array();
    for (const auto& v : f.values) {
      json items = json::array();
      for (const auto* i : v.items)
        items.push_back(json{{"number", i->number.empty() ? i->name : i->number}, {"title", entry_title(*i)},
                             {"href", short_link(page, item_page(p.id, i->id))}});
      rows.push_back(json{{"value", v.value->value}, {"label", v.value->label}, {"count", v.items.size()}, {"items", items}});
    }
    tables.push_back(json{{"id", "rollup-" + f.field->key}, {"label", f.field->label}, {"rows", rows},
                          {"without", f.without ? json(f.without) : json(nullptr)},
                          {"kind", model::to_string(f.field->kind)}});
  }
  // Departments of this plan, normalised across plans, with links to the department pages.
  json depts = json::array();
  for (const auto& d : rollups.departments)
    depts.push_back(json{{"name", d.department->unit.name}, {"count", d.items}, {"href", relative_link(page, d.department->page)},
                         {"generic", d.department->unit.generic}});
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
  json j{{"based_on", pick(false, model::RefType::based_on)},
         {"built_on", pick(true, model::RefType::based_on)},
         {"reports_on", pick(false, model::RefType::progress_of)},
         {"reported_by", pick(true, model::RefType::progress_of)},
         {"predecessor", pick(false, model::RefType::predecessor)},
         {"successor", pick(true, model::RefType::predecessor)}};
  // Null when the plan has none of these, so that no empty box is drawn.
  for (const auto& [k, v] : j.items())
    if (!v.is_null()) return j;
  return nullptr;
}

json PageBuilder::plan_context(const model::Plan& p) const {
  const std::string page = plan_page(p.id);
  json ctx = plan_summary(p, page);
  ctx["title"] = p.title;
  ctx["page_title"] = title_with_municipality(p, /*full=*/true);
  ctx["description"] = p.summary.empty() ? p.municipality + "「" + p.title + "」の内容と取組項目の一覧です。" : p.summary;
  ctx["department"] = p.department;
  ctx["edition"] = present::edition_label(p);
  ctx["series"] = series_links(p, page);
  ctx["stage_notice"] = present::stage_notice(p);
  // Review builds only (the published edition has no source): the extracted text the content was made from.
  ctx["source"] = p.source_note + (p.source_file.empty() ? "" : (p.source_note.empty() ? "" : "　") + p.source_file);
  json inferred = json::array();
  for (const auto& [k, v] : p.inferred) inferred.push_back(json{{"label", metadata_label(k)}, {"reason", v}});
  ctx["inferred"] = listing(inferred);
  ctx["relations"] = relations_json(p, page);
  ctx["refs"] = listing(links_json(in_.links.outgoing(p.id), false, page, &p));
  ctx["backlinks"] = listing(links_json(in_.links.incoming(p.id), true, page, &p));
  ctx["notes"] = listing(notes_json(p.notes, &p));
  json sections = json::array();
  json toc = json::array();
  for (const auto& s : p.sections) {
    sections.push_back(section_json(p, s, page));
    if (!s.title.empty()) toc.push_back(json{{"href", "#" + section_anchor(s.id)}, {"title", section_title(s)}});
    else if (s.include == model::SectionInclude::categories)
      for (const auto& c : p.categories) toc.push_back(json{{"href", "#" + category_anchor(c.id)}, {"title", category_title(c)}});
  }
  ctx["toc"] = toc;
  ctx["sections"] = sections;
  json loose = json::array();
  for (const auto& ind : p.indicators)
    if (ind.section.empty()) loose.push_back(indicator_json(ind));
  ctx["indicators"] = listing(loose);
  // The category tree and the items table follow the sections unless a section places them.
  const bool blocks_placed = p.placing(model::SectionInclude::blocks) != nullptr;
  ctx["categories"] = p.placing(model::SectionInclude::categories)
                          ? json(nullptr)
                          : listing(category_tree(p, p.categories, 0, page, 3, !blocks_placed));
  ctx["items_table"] = p.placing(model::SectionInclude::items) == nullptr;
  ctx["items_caption"] = p.title + "の取組項目（" + std::to_string(p.items.size()) + "件）";
  ctx["rollups"] = rollups_json(p, page);
  // The items table: the plan's own columns, with a group row where the category changes.
  json columns = json::array();
  for (const auto& key : p.presentation.columns)
    if (const auto* f = p.field(key)) columns.push_back(json{{"key", key}, {"label", f->label}});
  ctx["columns"] = columns;
  ctx["column_count"] = columns.size() + 2;
  ctx["number_label"] = number_label(p);
  ctx["name_label"] = name_label(p);
  json rows = json::array();
  std::string current;
  for (const auto& i : p.items) {
    if (i.category != current && !i.category.empty()) {
      std::string label;
      for (const auto& c : category_path(p, i.category, page)) label += (label.empty() ? "" : " ＞ ") + c["title"].get<std::string>();
      rows.push_back(json{{"group", true}, {"label", label}, {"href", short_link(page, with_anchor(page, category_anchor(i.category)))}});
    }
    current = i.category;
    json cells = json::array();
    for (const auto& key : p.presentation.columns) {
      auto it = i.fields.find(key);
      const auto* def = p.field(key);
      cells.push_back(json{{"html", def && p.is_pending(*def, i) ? pending_html()
                                    : it == i.fields.end() || !def ? "" : field_html(it->second, *def, p, page)}});
    }
    rows.push_back(json{{"group", false}, {"number", i.number}, {"name", i.name}, {"href", short_link(page, item_page(p.id, i.id))},
                        {"cells", cells}});
  }
  ctx["rows"] = rows;
  ctx["breadcrumbs"] = crumbs(page);
  ctx["publisher"] = publisher_json(organisation_of(p), contact_of(p, m_.site));
  return ctx;
}

json PageBuilder::item_context(const model::Plan& p, std::size_t index, const std::string& page) const {
  const auto& i = p.items[index];
  json ctx;
  ctx["title"] = entry_title(i);
  ctx["description"] = p.display_title() + "の取組項目「" + i.name + "」";
  ctx["plan"] = plan_summary(p, page);
  // Back to the items table where the plan page has it: in the section that places it, else on its own.
  const auto* placing = p.placing(model::SectionInclude::items);
  ctx["items_href"] = relative_link(page, with_anchor(plan_page(p.id), placing ? section_anchor(placing->id) : "items-title"));
  ctx["fields"] = fields_json(i, p, page);
  ctx["history"] = item_history(p, i, page);
  const auto outgoing = links_json(in_.links.outgoing(p.id + "#" + i.id), false, page, &p);
  json subs = json::array();
  for (std::size_t k = 0; k < i.sub_items.size(); ++k) {
    const auto& s = i.sub_items[k];
    json refs = json::array();
    for (const auto& l : outgoing)
      if (l.value("from_sub_item", 0) == static_cast<int>(k + 1)) refs.push_back(l);
    subs.push_back(json{{"anchor", sub_item_anchor(static_cast<int>(k + 1))}, {"title", entry_title(s)},
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
  if (i.source_lines)  // review builds only
    ctx["source_lines"] = (p.source_file.empty() ? std::string() : p.source_file + " ") + "l." + std::to_string(i.source_lines->first) +
                          (i.source_lines->second != i.source_lines->first ? "–" + std::to_string(i.source_lines->second) : "");
  // What the item's category says about the items in it (a progress report's 進捗状況 of its 取組区分,
  // the background and goals of a 実現への取組み): shown on the item's page too.
  if (const auto* c = i.category.empty() ? nullptr : p.find_category(i.category); c && !c->blocks.empty())
    ctx["category_blocks"] = json{{"title", category_title(*c)}, {"kind", c->kind},
                                  {"href", short_link(page, with_anchor(plan_page(p.id), category_anchor(c->id)))},
                                  {"blocks", blocks_json(p, *c, page)}};
  ctx["breadcrumbs"] = crumbs(page);
  ctx["publisher"] = publisher_json(organisation_of(p), contact_of(p, m_.site));
  const auto& nav = a_.navigation_of(page);
  if (nav.prev) ctx["prev"] = nav_link(*nav.prev, page);
  if (nav.next) ctx["next"] = nav_link(*nav.next, page);
  return ctx;
}

}  // namespace planpress::site
