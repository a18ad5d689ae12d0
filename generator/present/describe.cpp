#include "present/describe.hpp"

#include "present/titles.hpp"

namespace planpress::present {

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
      if (const auto* c = p->find_category(e.id)) info.title = category_title(*c);
      break;
    case xref::TargetKind::section:
      for (const auto& s : p->sections)
        if (s.id == e.id) info.title = section_title(s);
      break;
    case xref::TargetKind::document: break;
  }
  return info;
}

}  // namespace planpress::present
