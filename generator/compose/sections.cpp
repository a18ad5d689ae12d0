// The plan's sections (Markdown, with their outline), the 参照・関連 line under each, and the indicators: a
// heading, type and definition, the chart drawn from the indicator's chart specification, the table of its
// numbers, notes and commentary. Indicators of no section follow in a chapter of their own.
#include <algorithm>

#include "compose/composer.hpp"
#include "layout/chart.hpp"
#include "present/chart.hpp"
#include "present/titles.hpp"
#include "present/urls.hpp"
#include "text/wareki.hpp"

namespace planpress::compose {

using namespace layout;

namespace {

void add_blocks(Paginator& pg, std::vector<Block> blocks) {
  for (auto& b : blocks) {
    if (auto* box = std::get_if<Box>(&b)) pg.add(std::move(*box));
    else pg.add_table(std::get<Table>(b));
  }
}

}  // namespace

void PlanComposer::sections(Paginator& pg) {
  using model::SectionInclude;
  const bool cards = plan_.presentation.items == "cards";
  bool first = true, table_done = false;
  for (const auto& s : plan_.sections) {
    const bool titled = !s.title.empty();
    if (titled || !s.markdown.empty()) {
      chapter_break(pg, first);
      first = false;
    }
    const double w = pg.width();
    if (titled) pg.add(typeset_heading(present::section_title(s), 0, w, m_, present::section_anchor(s.id), 0));
    MarkdownOptions o;
    o.anchor_prefix = present::section_anchor(s.id);
    o.outline_level = 1;
    add_blocks(pg, typeset_markdown(s.markdown.root, w, m_, resolver(), o));
    auto back = reference_spans(plan_.id + "#" + s.id, 0);
    if (!back.empty()) add_reference_line(pg, back, w);
    for (const auto& ind : plan_.indicators)
      if (ind.section == s.id) indicator(pg, ind, 1);
    // What the section places (docs/content-format.md, "sections"), in the order the original prints it.
    if (s.include == SectionInclude::categories || (!cards && s.include == SectionInclude::items)) {
      if (!table_done) items(pg, /*placed=*/true, titled ? 1 : 0);
      table_done = !cards || table_done;
      first = false;
    } else if (s.include == SectionInclude::items) {
      summary_table(pg);
    } else if (s.include == SectionInclude::blocks) {
      placed_blocks(pg);
    }
  }
}

bool PlanComposer::blocks_placed() const { return plan_.placing(model::SectionInclude::blocks) != nullptr; }

void PlanComposer::placed_blocks(Paginator& pg) {
  const double w = pg.width();
  model::for_each_category(plan_.categories, [&](const model::Category& c, int) {
    if (c.blocks.empty()) return;
    std::string title;
    for (const auto* part : path_of(c.id)) title += (title.empty() ? "" : "　") + present::category_title(*part);
    pg.add(typeset_heading(title, 2, w, m_));
    for (const auto& b : c.blocks) {
      if (!b.label.empty()) {
        auto lb = css_.blocks.label.typeset(b.label, w, m_);
        for (auto& x : lb) x.keep_with_next = true;
        pg.add(std::move(lb));
      }
      MarkdownOptions o;
      add_blocks(pg, typeset_markdown(b.markdown.root, w, m_, resolver(), o));
    }
    pg.add(make_space(6));
  });
}

// Chapters start on a new page when `force`, when the page is landscape, or when less than 25% of the
// page is left; otherwise after a gap on the same page.
void PlanComposer::chapter_break(Paginator& pg, bool force) {
  if (force || pg.orientation() != Orientation::portrait || pg.remaining_height() < 0.25 * pg.page_content_height()) {
    pg.new_page(Orientation::portrait);
  } else {
    Box gap = make_space(28);
    pg.add(std::move(gap));
  }
}

void PlanComposer::add_reference_line(Paginator& pg, std::vector<Span> spans, double w) {
  spans.insert(spans.begin(), plain("参照・関連　", Face::gothic, style::kMuted));
  pg.add(layout_paragraph(spans, css_.reference_line.paragraph, w, m_));
}

void PlanComposer::indicator(Paginator& pg, const model::Indicator& ind, int level) {
  const double w = pg.width();
  pg.add(typeset_heading(ind.name, level + 1, w, m_, present::indicator_anchor(ind.id), level));
  std::vector<Span> meta;
  const auto& ms = css_.indicator_meta;
  if (!ind.type.empty()) meta.push_back(plain(ind.type + "　", Face::gothic, ms.color));
  if (!ind.definition.empty()) meta.push_back(ms.span(ind.definition));
  if (!meta.empty()) {
    auto boxes = layout_paragraph(meta, ms.paragraph, w, m_);
    for (auto& b : boxes) b.keep_with_next = true;
    pg.add(std::move(boxes));
  }
  if (const auto* spec = in_.assembly.chart(ind)) {
    Box chart = draw_indicator_chart(*spec, w, m_);
    chart.keep_with_next = true;
    pg.add(std::move(chart));
  }
  pg.add_table(make_indicator_table(present::indicator_table(ind), w, m_));
  std::vector<Box> after;
  for (const auto& s : ind.segments)
    if (!s.note.empty())
      for (auto& b : css_.indicator_note.typeset(s.note, w, m_)) after.push_back(std::move(b));
  for (const auto& v : ind.values)
    if (!v.note.empty()) {
      const std::string when = v.year ? text::wareki_fiscal_year(*v.year) : v.label;
      for (auto& b : css_.indicator_note.typeset("※ " + when + "：" + v.note, w, m_)) after.push_back(std::move(b));
    }
  if (!after.empty()) {
    pg.add(make_space(3));
    pg.add(std::move(after));
  }
  for (const auto& c : ind.commentary) pg.add(css_.commentary.typeset(c, w, m_));
  if (!ind.notes.empty()) pg.add(notes_boxes(ind.notes, w, css_.note));
  pg.add(make_space(10));
}

void PlanComposer::loose_indicators(Paginator& pg) {
  bool any = false;
  for (const auto& ind : plan_.indicators) any = any || plan_.sections.end() == std::find_if(plan_.sections.begin(), plan_.sections.end(), [&](const model::Section& s) { return s.id == ind.section; });
  if (!any) return;
  chapter_break(pg, false);
  pg.add(typeset_heading("指標", 0, pg.width(), m_, kIndicatorsAnchor, 0));
  for (const auto& ind : plan_.indicators)
    if (plan_.sections.end() == std::find_if(plan_.sections.begin(), plan_.sections.end(), [&](const model::Section& s) { return s.id == ind.section; }))
      indicator(pg, ind, 1);
}

}  // namespace planpress::compose
