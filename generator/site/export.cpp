#include "site/export.hpp"

#include "present/describe.hpp"
#include "present/titles.hpp"
#include "present/urls.hpp"
#include "present/values.hpp"
#include "text/wareki.hpp"

namespace planpress::site {

using namespace present;

using ojson = nlohmann::ordered_json;

namespace {

ojson notes_json(const std::vector<model::Note>& notes) {
  ojson out = ojson::array();
  for (const auto& n : notes) {
    ojson j;
    j["type"] = n.type;
    j["type_label"] = model::note_type_label(n.type);
    if (!n.field.empty()) j["field"] = n.field;
    j["text"] = n.text;
    if (!n.where.empty()) j["where"] = n.where;
    out.push_back(j);
  }
  return out;
}

ojson period_json(const std::optional<model::Period>& p) {
  if (!p) return nullptr;
  ojson j;
  j["from"] = p->from;
  j["to"] = p->open_end ? ojson(nullptr) : ojson(p->to.value_or(p->from));
  if (!p->label.empty()) j["label"] = p->label;
  j["wareki"] = period_wareki(*p);
  return j;
}

ojson date_json(const std::optional<model::DateInfo>& d) {
  if (!d) return nullptr;
  ojson j;
  if (!d->label.empty()) j["label"] = d->label;
  if (!d->iso.empty()) j["iso"] = d->iso;
  return j;
}

ojson links_json(const model::Model& model, const std::vector<const xref::Link*>& links, bool incoming) {
  ojson out = ojson::array();
  for (const auto* l : links) out.push_back(link_json(model, *l, incoming));
  return out;
}

ojson entry_fields_json(const model::Plan& plan, const model::Entry& e) {
  ojson fields = ojson::object();
  for (const auto& def : plan.fields) {
    auto it = e.fields.find(def.key);
    if (it != e.fields.end()) fields[def.key] = field_value_json(it->second);
  }
  return fields;
}

ojson labels_json(const std::map<std::string, std::string>& labels) {
  ojson j = ojson::object();
  for (const auto& [k, v] : labels) j[k] = v;
  return j;
}

ojson category_json(const model::Model& model, const xref::LinkGraph& links, const model::Plan& plan, const model::Category& c) {
  ojson j;
  j["id"] = c.id;
  if (!c.number.empty()) j["number"] = c.number;
  j["title"] = c.title;
  if (!c.kind.empty()) j["kind"] = c.kind;
  j["url"] = with_anchor(plan_page(plan.id), category_anchor(c.id));
  ojson blocks = ojson::array();
  for (const auto& b : c.blocks) {
    ojson bj;
    if (!b.label.empty()) bj["label"] = b.label;
    bj["text"] = b.text;
    blocks.push_back(bj);
  }
  j["blocks"] = blocks;
  const std::string key = plan.id + "#" + c.id;
  j["refs"] = links_json(model, links.outgoing(key), false);
  j["backlinks"] = links_json(model, links.incoming(key), true);
  if (!c.notes.empty()) j["notes"] = notes_json(c.notes);  // editorial: review builds only
  ojson children = ojson::array();
  for (const auto& ch : c.children) children.push_back(category_json(model, links, plan, ch));
  j["children"] = children;
  return j;
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else if (c == '\n') out += "\r\n";  // Excel keeps CRLF inside quoted cells
    else out += c;
  }
  return out + "\"";
}

}  // namespace

ojson field_value_json(const model::FieldValue& v) {
  switch (v.kind) {
    case model::FieldKind::text:
    case model::FieldKind::markdown:
    case model::FieldKind::status:
    case model::FieldKind::rating: return v.text;
    case model::FieldKind::tags:
    case model::FieldKind::departments: return v.values;
    case model::FieldKind::list: {
      ojson out = ojson::array();
      for (const auto& e : v.list) {
        if (e.label.empty()) out.push_back(e.text);
        else out.push_back(ojson{{"label", e.label}, {"text", e.text}});
      }
      return out;
    }
    case model::FieldKind::schedule: {
      ojson out = ojson::array();
      for (const auto& r : v.schedule) {
        ojson row;
        if (!r.label.empty()) row["label"] = r.label;
        if (r.from) row["from"] = *r.from;
        if (r.to) row["to"] = *r.to;
        else if (r.open_end) row["to"] = nullptr;
        row["text"] = r.text;
        if (!r.group.empty()) row["group"] = r.group;
        out.push_back(row);
      }
      return out;
    }
  }
  return nullptr;
}

ojson link_json(const model::Model& model, const xref::Link& link, bool incoming) {
  const xref::Endpoint& other = incoming ? link.from : link.to;
  ojson j;
  j["type"] = model::to_string(link.type);
  j["type_label"] = link_label(link.type, incoming);
  const char* kinds[] = {"plan", "document", "item", "category", "section"};
  j["kind"] = kinds[static_cast<int>(other.kind)];
  if (other.kind == xref::TargetKind::document) j["document"] = other.plan;
  else j["plan"] = other.plan;
  if (other.kind == xref::TargetKind::item) j["item"] = other.id;
  if (other.kind == xref::TargetKind::category) j["category"] = other.id;
  if (other.kind == xref::TargetKind::section) j["section"] = other.id;
  if (other.sub_item > 0) j["sub_item"] = other.sub_item;
  j["url"] = endpoint_path(other);
  const auto info = describe(model, other);
  j["title"] = info.title;
  if (!info.plan_title.empty()) j["plan_title"] = info.plan_title;
  // Which sub-item of this side a link starts at (outgoing links from sub-items).
  if (!incoming && link.from.sub_item > 0) j["from_sub_item"] = link.from.sub_item;
  if (!link.field.empty()) j["field"] = link.field;
  if (!link.evidence.empty()) j["evidence"] = link.evidence;
  if (!link.label.empty()) j["label"] = link.label;
  j["confidence"] = link.medium_confidence ? "medium" : "high";
  if (link.from_markdown) j["in_text"] = true;
  return j;
}

std::string export_catalog(const model::Model& model, bool with_pdf) {
  ojson plans = ojson::array();
  for (const auto& p : model.plans) {
    ojson j;
    j["id"] = p.id;
    j["title"] = p.title;
    j["municipality"] = p.municipality;
    j["kind"] = model::to_string(p.kind);
    j["period"] = period_json(p.period);
    j["url"] = plan_page(p.id);
    j["pdf"] = with_pdf ? ojson(plan_pdf(p.id)) : ojson(nullptr);
    j["data"] = plan_data_json(p.id);
    plans.push_back(j);
  }
  ojson root;
  root["plans"] = plans;
  return root.dump(2) + "\n";
}

std::string export_plan_json(const model::Model& model, const xref::LinkGraph& links, const model::Plan& p, bool with_pdf) {
  ojson j;
  j["id"] = p.id;
  j["title"] = p.title;
  if (!p.short_title.empty()) j["short_title"] = p.short_title;
  j["municipality"] = p.municipality;
  j["kind"] = model::to_string(p.kind);
  j["kind_label"] = model::label_of(p.kind);
  j["period"] = period_json(p.period);
  j["published"] = date_json(p.published);
  if (p.series) {
    ojson s;
    s["id"] = p.series->id;
    if (!p.series->title.empty()) s["title"] = p.series->title;
    s["fiscal_year"] = p.series->fiscal_year;
    j["series"] = s;
  }
  if (p.series || p.stage == model::Stage::plan) j["stage"] = model::to_string(p.stage);
  if (!p.department.empty()) j["department"] = p.department;
  if (!p.summary.empty()) j["summary"] = p.summary;
  // Editorial (review builds only; the published edition has none): inferred metadata, source, notes.
  if (!p.inferred.empty()) {
    ojson inferred = ojson::object();
    for (const auto& [k, v] : p.inferred) inferred[k] = v;
    j["inferred"] = inferred;
  }
  if (!p.source_file.empty() || !p.source_note.empty()) {
    ojson src;
    if (!p.source_file.empty()) src["file"] = p.source_file;
    if (!p.source_note.empty()) src["note"] = p.source_note;
    j["source"] = src;
  }
  j["url"] = plan_page(p.id);
  j["pdf"] = with_pdf ? ojson(plan_pdf(p.id)) : ojson(nullptr);
  j["csv"] = plan_data_csv(p.id);
  j["refs"] = links_json(model, links.outgoing(p.id), false);
  j["backlinks"] = links_json(model, links.incoming(p.id), true);
  ojson fields = ojson::array();
  for (const auto& f : p.fields) {
    ojson fj;
    fj["key"] = f.key;
    fj["label"] = f.label;
    fj["kind"] = model::to_string(f.kind);
    if (!f.vocabulary.empty()) fj["vocabulary"] = f.vocabulary;
    fj["required"] = f.required;
    if (f.cycle != model::FieldDef::Cycle::carried) fj["cycle"] = model::to_string(f.cycle);
    if (!f.description.empty()) fj["description"] = f.description;
    fields.push_back(fj);
  }
  j["fields"] = fields;
  ojson vocabs = ojson::object();
  for (const auto& v : p.vocabularies) {
    ojson vj;
    if (!v.label.empty()) vj["label"] = v.label;
    ojson values = ojson::array();
    for (const auto& x : v.values) {
      ojson xj;
      xj["value"] = x.value;
      if (!x.label.empty()) xj["label"] = x.label;
      if (!x.description.empty()) xj["description"] = x.description;
      values.push_back(xj);
    }
    vj["values"] = values;
    vocabs[v.name] = vj;
  }
  j["vocabularies"] = vocabs;
  ojson sections = ojson::array();
  for (const auto& s : p.sections) {
    ojson sj;
    sj["id"] = s.id;
    if (!s.number.empty()) sj["number"] = s.number;
    sj["title"] = s.title;
    sj["url"] = with_anchor(plan_page(p.id), section_anchor(s.id));
    sj["text"] = s.text;
    sj["refs"] = links_json(model, links.outgoing(p.id + "#" + s.id), false);
    sj["backlinks"] = links_json(model, links.incoming(p.id + "#" + s.id), true);
    sections.push_back(sj);
  }
  j["sections"] = sections;
  ojson categories = ojson::array();
  for (const auto& c : p.categories) categories.push_back(category_json(model, links, p, c));
  j["categories"] = categories;
  ojson items = ojson::array();
  for (const auto& i : p.items) {
    ojson ij;
    ij["id"] = i.id;
    if (!i.continues.empty()) ij["continues"] = i.continues;
    ij["number"] = i.number.empty() ? ojson(nullptr) : ojson(i.number);
    ij["name"] = i.name;
    ij["url"] = item_page(p.id, i.id);
    ij["category"] = i.category.empty() ? ojson(nullptr) : ojson(i.category);
    ij["fields"] = entry_fields_json(p, i);
    if (!i.labels.empty()) ij["labels"] = labels_json(i.labels);
    ojson subs = ojson::array();
    for (std::size_t k = 0; k < i.sub_items.size(); ++k) {
      const auto& s = i.sub_items[k];
      ojson sj;
      sj["index"] = k + 1;
      if (!s.number.empty()) sj["number"] = s.number;
      sj["name"] = s.name;
      sj["url"] = with_anchor(item_page(p.id, i.id), sub_item_anchor(static_cast<int>(k + 1)));
      sj["fields"] = entry_fields_json(p, s);
      if (!s.labels.empty()) sj["labels"] = labels_json(s.labels);
      if (!s.notes.empty()) sj["notes"] = notes_json(s.notes);
      if (s.source_lines) sj["source_lines"] = {s.source_lines->first, s.source_lines->second};
      subs.push_back(sj);
    }
    ij["sub_items"] = subs;
    // Outgoing links of the item and of its sub-items (from_sub_item tells which).
    ij["refs"] = links_json(model, links.outgoing(p.id + "#" + i.id), false);
    ij["backlinks"] = links_json(model, links.incoming(p.id + "#" + i.id), true);
    if (!i.notes.empty()) ij["notes"] = notes_json(i.notes);
    if (i.source_lines) ij["source_lines"] = {i.source_lines->first, i.source_lines->second};
    items.push_back(ij);
  }
  j["items"] = items;
  ojson indicators = ojson::array();
  for (const auto& ind : p.indicators) {
    ojson ij;
    ij["id"] = ind.id;
    ij["name"] = ind.name;
    if (!ind.category.empty()) ij["category"] = ind.category;
    if (!ind.section.empty()) ij["section"] = ind.section;
    if (!ind.type.empty()) ij["type"] = ind.type;
    if (!ind.unit.empty()) ij["unit"] = ind.unit;
    if (!ind.definition.empty()) ij["definition"] = ind.definition;
    ij["chart"] = ind.chart;
    ojson segs = ojson::array();
    for (const auto& s : ind.segments) {
      ojson sj;
      sj["id"] = s.id;
      sj["label"] = s.label;
      if (!s.note.empty()) sj["note"] = s.note;
      segs.push_back(sj);
    }
    ij["segments"] = segs;
    ojson values = ojson::array();
    for (const auto& v : ind.values) {
      ojson vj;
      vj["year"] = v.year ? ojson(*v.year) : ojson(nullptr);
      if (v.year) vj["year_wareki"] = text::wareki_fiscal_year(*v.year);
      if (!v.label.empty()) vj["label"] = v.label;
      if (!v.segment.empty()) vj["segment"] = v.segment;
      vj["value"] = v.value ? ojson(*v.value) : ojson(nullptr);
      if (!v.text.empty()) vj["text"] = v.text;
      vj["kind"] = v.kind;
      if (!v.qualifier.empty()) vj["qualifier"] = v.qualifier;
      if (!v.note.empty()) vj["note"] = v.note;
      values.push_back(vj);
    }
    ij["values"] = values;
    ij["commentary"] = ind.commentary;
    if (!ind.notes.empty()) ij["notes"] = notes_json(ind.notes);
    indicators.push_back(ij);
  }
  j["indicators"] = indicators;
  if (!p.notes.empty()) j["notes"] = notes_json(p.notes);
  return j.dump(2) + "\n";
}

std::string export_plan_csv(const model::Model& model, const xref::LinkGraph& links, const model::Plan& p) {
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel opens UTF-8 correctly only with it
  std::vector<std::string> header = {"ID", number_label(p), name_label(p), "区分"};
  for (const auto& f : p.fields) header.push_back(f.label);
  header.insert(header.end(), {"参照・関連", "被参照", "URL"});
  auto row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
    out += "\r\n";
  };
  row(header);
  for (const auto& i : p.items) {
    std::vector<std::string> cells = {i.id, i.number, i.name};
    const auto* c = i.category.empty() ? nullptr : p.find_category(i.category);
    cells.push_back(c ? category_title(*c) : "");
    for (const auto& f : p.fields) {
      auto it = i.fields.find(f.key);
      std::string v = it == i.fields.end() ? "" : field_plain_text(it->second);
      // Sub-items' values follow the item's, each under its name.
      for (const auto& s : i.sub_items) {
        auto st = s.fields.find(f.key);
        if (st == s.fields.end()) continue;
        v += (v.empty() ? "" : "\n") + ("【" + s.name + "】") + field_plain_text(st->second);
      }
      cells.push_back(v);
    }
    auto join_links = [&](const std::vector<const xref::Link*>& ls, bool incoming) {
      std::string s;
      for (const auto* l : ls) {
        const auto info = describe(model, incoming ? l->from : l->to);
        s += (s.empty() ? "" : "\n") + std::string(link_label(l->type, incoming)) +
             ": " + (info.plan_title.empty() ? "" : info.plan_title + " ") + info.title;
      }
      return s;
    };
    cells.push_back(join_links(links.outgoing(p.id + "#" + i.id), false));
    cells.push_back(join_links(links.incoming(p.id + "#" + i.id), true));
    cells.push_back(item_page(p.id, i.id));
    row(cells);
  }
  return out;
}

}  // namespace planpress::site
