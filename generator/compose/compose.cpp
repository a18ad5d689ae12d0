#include "compose/compose.hpp"

#include "compose/composer.hpp"
#include "present/titles.hpp"
#include "present/values.hpp"

namespace planpress::compose {

namespace {
constexpr double kMm = 72.0 / 25.4;
}  // namespace

Span plain(std::string text, Face f, layout::Color c) { return Span{std::move(text), f, c, {}, {}}; }

PlanComposer::PlanComposer(const PlanInput& in, base::Diagnostics& diags)
    : in_(in), m_(in.measurer), plan_(in.plan), pdf_(in.model.site.pdf), css_(style_sheet()), diags_(diags) {
  portrait_.width = layout::kA4Short;
  portrait_.height = layout::kA4Long;
  portrait_.margin_top = pdf_.margin_top * kMm;
  portrait_.margin_bottom = pdf_.margin_bottom * kMm;
  portrait_.margin_left = pdf_.margin_left * kMm;
  portrait_.margin_right = pdf_.margin_right * kMm;
  landscape_ = portrait_;
  landscape_.width = layout::kA4Long;
  landscape_.height = layout::kA4Short;
}

std::string PlanComposer::period_text() const {
  if (!plan_.period) return {};
  return present::period_wareki(*plan_.period);
}

layout::Document PlanComposer::compose() {
  check_content();
  Paginator body(portrait_, landscape_);
  body.new_page(layout::Orientation::portrait);
  overview(body);
  sections(body);
  // The items follow the sections unless a section places them (a table plan's table stands where the
  // categories or the items are placed; a cards plan's cards where the categories are).
  const bool cards = plan_.presentation.items == "cards";
  const bool placed = plan_.placing(model::SectionInclude::categories) || (!cards && plan_.placing(model::SectionInclude::items));
  if (!placed) items(body);
  loose_indicators(body);
  comparison(body);
  cross_plan_links(body);
  auto body_pages = body.finish();

  Paginator cover_pg(portrait_, landscape_);
  cover(cover_pg);
  auto cover_pages = cover_pg.finish();

  // The table of contents is laid out again until the page numbers it prints are stable (its own length
  // shifts the body's page numbers).
  std::map<std::string, std::size_t> body_page_of;
  for (std::size_t i = 0; i < body_pages.size(); ++i)
    for (const auto& a : body_pages[i].content.anchors) body_page_of.emplace(a.name, i);
  std::size_t toc_count = 1;
  std::vector<layout::Page> toc_pages;
  for (int round = 0; round < 8; ++round) {
    toc_pages = table_of_contents(body_pages, body_page_of, cover_pages.size() + toc_count);
    if (toc_pages.size() == toc_count) break;
    toc_count = toc_pages.size();
  }

  layout::Document doc;
  for (auto* part : {&cover_pages, &toc_pages, &body_pages})
    for (auto& p : *part) doc.pages.push_back(std::move(p));
  decorate(doc);
  doc.info.title = plan_.title;
  doc.info.author = present::organisation_of(plan_);
  doc.info.subject = plan_.municipality + " " + model::label_of(plan_.kind) + (period_text().empty() ? "" : "（" + period_text() + "）");
  doc.info.keywords = plan_.municipality + ", " + model::label_of(plan_.kind) + ", " + plan_.display_title() + ", " + plan_.id;
  doc.info.epoch = in_.epoch;
  return doc;
}

layout::Document compose_plan(const PlanInput& in, base::Diagnostics& diags) { return PlanComposer(in, diags).compose(); }

}  // namespace planpress::compose
