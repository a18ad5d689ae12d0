#include "site/describe.hpp"

#include "text/wareki.hpp"

namespace planpress::site {

std::string entry_title(const model::Entry& e) { return e.number.empty() ? e.name : e.number + " " + e.name; }

TargetInfo describe(const model::Model& model, const xref::Endpoint& e) {
  TargetInfo info;
  info.kind_label = xref::label_of(e.kind);
  if (e.kind == xref::TargetKind::document) {
    if (const auto* d = model.find_document(e.plan)) info.title = d->title;
    return info;
  }
  const auto* p = model.find_plan(e.plan);
  if (!p) return info;
  // A link to a plan names the plan once; links into a plan name the plan and the item.
  if (e.kind != xref::TargetKind::plan) info.plan_title = p->display_title();
  switch (e.kind) {
    case xref::TargetKind::plan: info.title = p->title; break;
    case xref::TargetKind::item:
      if (const auto* i = p->find_item(e.id)) {
        info.title = entry_title(*i);
        if (e.sub_item > 0 && static_cast<std::size_t>(e.sub_item) <= i->sub_items.size())
          info.title += "（" + i->sub_items[static_cast<std::size_t>(e.sub_item) - 1].name + "）";
      }
      break;
    case xref::TargetKind::category:
      if (const auto* c = p->find_category(e.id)) info.title = c->number.empty() ? c->title : c->number + " " + c->title;
      break;
    case xref::TargetKind::section:
      for (const auto& s : p->sections)
        if (s.id == e.id) info.title = s.number.empty() ? s.title : s.number + " " + s.title;
      break;
    case xref::TargetKind::document: break;
  }
  return info;
}

std::string field_plain_text(const model::FieldValue& v) {
  std::string out;
  auto line = [&](const std::string& s) {
    if (!out.empty()) out += "\n";
    out += s;
  };
  switch (v.kind) {
    case model::FieldKind::text:
    case model::FieldKind::markdown:
    case model::FieldKind::status:
    case model::FieldKind::rating: return v.text;
    case model::FieldKind::tags:
    case model::FieldKind::departments:
      for (const auto& s : v.values) line(s);
      break;
    case model::FieldKind::list:
      for (const auto& e : v.list) line(e.label + e.text);
      break;
    case model::FieldKind::schedule:
      for (const auto& r : v.schedule) {
        std::string s;
        if (!r.group.empty()) s += r.group + " ";
        if (!r.label.empty()) s += r.label + " ";
        line(s + r.text);
      }
      break;
  }
  return out;
}

std::string period_wareki(const model::Period& p) {
  if (!p.from) return {};
  return text::wareki_fiscal_span(p.from, p.open_end ? std::nullopt : (p.to ? p.to : std::optional<int>(p.from)));
}

std::string period_western(const model::Period& p) {
  if (!p.from) return {};
  return text::western_fiscal_span(p.from, p.open_end ? std::nullopt : (p.to ? p.to : std::optional<int>(p.from)));
}

}  // namespace planpress::site
