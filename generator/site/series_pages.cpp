// The yearly cycle on the site: a series page listing the editions, the 新旧対照表 page between each pair
// of consecutive editions, and the history of an item across the editions (its item page).
#include "present/titles.hpp"
#include "present/urls.hpp"
#include "present/values.hpp"
#include "site/page_builder.hpp"
#include "text/wareki.hpp"

namespace planpress::site {

using namespace present;

namespace {

std::string year_of(const model::Plan& p) { return p.series ? text::wareki_fiscal_year(p.series->fiscal_year) : std::string(); }

// A line of the 新旧対照表: the changed characters marked as Japanese 新旧対照表 do (underlined), as
// deletions on the old side and insertions on the new side for assistive technology.
std::string diff_html(const std::vector<assemble::DiffSpan>& spans, const char* tag) {
  std::string html;
  for (const auto& s : spans) {
    if (s.changed) html += std::string("<") + tag + " class=\"changed\">" + escape_html(s.text) + "</" + tag + ">";
    else html += escape_html(s.text);
  }
  return html;
}

}  // namespace

json PageBuilder::series_links(const model::Plan& p, const std::string& page) const {
  const assemble::Series* s = a_.series_of(p);
  if (!s) return nullptr;
  json ctx{{"title", s->title}, {"href", short_link(page, series_page(s->id))}, {"count", s->editions.size()}};
  if (const auto* c = a_.comparison_into(p))
    ctx["comparison"] = json{{"href", short_link(page, comparison_page(p.id))},
                             {"title", "新旧対照表（" + year_of(*c->before) + "→" + year_of(p) + "）"}};
  for (std::size_t i = 0; i < s->editions.size(); ++i) {
    if (s->editions[i] != &p) continue;
    if (i > 0) ctx["previous"] = json{{"href", short_link(page, plan_page(s->editions[i - 1]->id))}, {"title", edition_label(*s->editions[i - 1])}};
    if (i + 1 < s->editions.size())
      ctx["next"] = json{{"href", short_link(page, plan_page(s->editions[i + 1]->id))}, {"title", edition_label(*s->editions[i + 1])}};
  }
  return ctx;
}

json PageBuilder::item_history(const model::Plan& p, const model::Item& item, const std::string& page) const {
  const assemble::Series* s = a_.series_of(p);
  if (!s || s->editions.size() < 2) return nullptr;
  const auto history = assemble::item_history(*s, p, item);
  if (history.size() < 2) return nullptr;  // new in this edition, or left out of the next: nothing to follow
  json rows = json::array();
  json labels = json::array();
  std::vector<std::string> keys;
  for (const auto& f : p.fields)
    if (f.kind == model::FieldKind::rating || f.kind == model::FieldKind::status || (p.next_year && p.next_year->field == f.key)) {
      labels.push_back(f.label);
      keys.push_back(f.key);
    }
  for (const auto& e : history) {
    json values = json::array();
    // The columns of this edition's item page (自己評価, the status fields, 次年度方向性), by key in each edition.
    for (const auto& key : keys) {
      const model::FieldDef* f = e.plan->field(key);
      auto it = e.item->fields.find(key);
      std::string html = f && e.plan->is_pending(*f, *e.item) ? pending_html()
                         : !f || it == e.item->fields.end()    ? std::string()
                                                               : field_html(it->second, *f, *e.plan, page);
      values.push_back(json{{"html", html}});
    }
    rows.push_back(json{{"year", year_of(*e.plan)}, {"stage", model::label_of(e.plan->stage)}, {"title", entry_title(*e.item)},
                        {"href", short_link(page, item_page(e.plan->id, e.item->id))}, {"current", e.item == &item},
                        {"values", values}});
  }
  json out{{"rows", rows}, {"labels", labels}, {"series", s->title}, {"series_href", short_link(page, series_page(s->id))}};
  if (history.size() < s->editions.size())
    out["note"] = "この項目は、" + s->title + "の" + std::to_string(s->editions.size()) + "版のうち" + std::to_string(history.size()) +
                  "版に掲載されています。";
  return out;
}

json PageBuilder::series_context(const assemble::Series& s) const {
  const std::string page = series_page(s.id);
  json ctx;
  ctx["title"] = s.title;
  ctx["page_title"] = s.title;
  ctx["description"] = s.title + "の各年度版（" + std::to_string(s.editions.size()) + "版）と新旧対照表の一覧です。";
  json rows = json::array();
  for (std::size_t i = 0; i < s.editions.size(); ++i) {
    const auto& p = *s.editions[i];
    json row{{"year", year_of(p)}, {"stage", model::label_of(p.stage)}, {"title", p.title}, {"href", short_link(page, plan_page(p.id))},
             {"items", p.items.size()}};
    if (i > 0) {
      const auto& c = s.comparisons[i - 1];
      row["comparison"] = json{{"href", short_link(page, comparison_page(p.id))},
                               {"summary", "追加" + std::to_string(c.added.size()) + "・削除" + std::to_string(c.removed.size()) + "・変更" +
                                               std::to_string(c.changed.size())}};
    }
    rows.push_back(row);
  }
  ctx["rows"] = rows;
  ctx["breadcrumbs"] = crumbs(page);
  return ctx;
}

json PageBuilder::comparison_context(const assemble::Series& s, const assemble::Comparison& c) const {
  const std::string page = comparison_page(c.after->id);
  const std::string before = year_of(*c.before), after = year_of(*c.after);
  json ctx;
  ctx["title"] = "新旧対照表（" + before + "→" + after + "）";
  ctx["page_title"] = s.title + "　新旧対照表（" + before + "→" + after + "）";
  ctx["description"] = s.title + "の" + before + "版と" + after + "版の新旧対照表です。";
  ctx["series"] = json{{"title", s.title}, {"href", short_link(page, series_page(s.id))}};
  ctx["before"] = json{{"year", before}, {"title", c.before->title}, {"href", short_link(page, plan_page(c.before->id))}};
  ctx["after"] = json{{"year", after}, {"title", c.after->title}, {"href", short_link(page, plan_page(c.after->id))}};
  ctx["counts"] = json{{"added", c.added.size()}, {"removed", c.removed.size()}, {"changed", c.changed.size()}, {"unchanged", c.unchanged}};
  auto item_link = [&](const model::Plan& p, const model::Item& i) {
    return json{{"title", entry_title(i)}, {"href", short_link(page, item_page(p.id, i.id))}};
  };
  json changed = json::array();
  for (const auto& ch : c.changed) {
    json fields = json::array();
    for (const auto& f : ch.fields)
      fields.push_back(json{{"label", f.label}, {"before", json{{"html", diff_html(f.diff.before, "del")}}},
                            {"after", json{{"html", diff_html(f.diff.after, "ins")}}}});
    json row = item_link(*c.after, *ch.after);
    row["before"] = item_link(*c.before, *ch.before);
    row["fields"] = fields;
    row["rowspan"] = fields.size();
    changed.push_back(row);
  }
  ctx["changed"] = listing(changed);
  json added = json::array();
  for (const auto* i : c.added) added.push_back(item_link(*c.after, *i));
  ctx["added"] = listing(added);
  json removed = json::array();
  for (const auto* i : c.removed) removed.push_back(item_link(*c.before, *i));
  ctx["removed"] = listing(removed);
  ctx["breadcrumbs"] = crumbs(page);
  return ctx;
}

}  // namespace planpress::site
