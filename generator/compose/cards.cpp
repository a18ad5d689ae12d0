// Items as cards (plans that say "items": "cards"): each item a small two-column table kept on one page —
// its number and name, every field, its sub-items, 参照・関連 and notes — under the headings of its
// categories.
#include <algorithm>

#include "compose/composer.hpp"
#include "present/titles.hpp"
#include "present/urls.hpp"

namespace planpress::compose {

using namespace layout;

// `top_level`: the heading level of the top categories (0 when they are chapters of their own, as
// 大崎市's Ⅱ and Ⅲ placed by a section without a title).
void PlanComposer::item_cards(Paginator& pg, int top_level) {
  const double w = pg.width();
  const double pad = 3;
  std::vector<const model::Category*> current;
  std::set<std::string> shown;
  auto category = [&](const model::Category& c, int depth) {
    if (depth == 0 && top_level == 0 && !shown.empty()) chapter_break(pg, false);  // items() began the first
    pg.add(typeset_heading(present::category_title(c), std::min(3, depth + top_level), w, m_, present::category_anchor(c.id), depth + top_level));
    auto content = category_content(c, w, css_.blocks, !blocks_placed());
    if (!content.empty()) {
      pg.add(std::move(content));
      pg.add(make_space(6));
    }
    shown.insert(c.id);
  };
  for (const auto& item : plan_.items) {
    const auto path = path_of(item.category);
    std::size_t same = 0;
    while (same < path.size() && same < current.size() && path[same] == current[same]) ++same;
    for (std::size_t d = same; d < path.size(); ++d) category(*path[d], static_cast<int>(d));
    current = path;
    pg.add_table(card(item, static_cast<int>(path.size()) + top_level, w, pad));
    pg.add(make_space(9));
  }
  // Categories no item belongs to still carry their blocks.
  model::for_each_category(plan_.categories, [&](const model::Category& c, int depth) {
    if (!shown.count(c.id)) category(c, depth);
  });
}

Table PlanComposer::card(const model::Item& item, int outline_level, double w, double pad) {
  const TableStyles& ts = css_.table;
  const double size = ts.cell.paragraph.size;
  Table t;
  t.keep_together = true;
  const double label_w = std::max(size * 6 + 2 * pad, w * 0.15);
  t.widths = {label_w, w - label_w};
  t.pad_x = pad;
  t.pad_y = 2.5;
  const double vw = t.widths[1] - 2 * pad, lw = t.widths[0] - 2 * pad;
  {
    Row head;
    const auto& st = css_.card_title;
    std::vector<Span> title;
    if (!item.number.empty()) title.push_back(st.span(item.number + present::kNumberSeparator));
    title.push_back(Span{item.name, st.face, st.color, {}, site_link(present::item_page(plan_.id, item.id))});
    head.cells.push_back(make_cell(layout_paragraph(title, st.paragraph, w - 2 * pad, m_), style::kHeadFill, 2));
    const std::string anchor = present::item_anchor(item.id);
    head.anchors.push_back(Anchor{anchor, 0});
    head.outline.push_back(OutlineMark{present::entry_title(item), outline_level, anchor});
    t.header.push_back(std::move(head));
  }
  auto field_rows = [&](const model::Entry& e) {
    for (const auto& def : plan_.fields) {
      auto it = e.fields.find(def.key);
      const bool pending = plan_.is_pending(def, e);
      if (it == e.fields.end() && !pending) continue;
      const std::string& label = present::field_label(e, def);
      Row r;
      r.cells.push_back(make_cell(ts.label.typeset(label, lw, m_), style::kSubFill));
      r.cells.push_back(make_cell(pending ? ts.aside.typeset(present::kPendingLabel, vw, m_) : field_boxes(it->second, def, vw, ts, false)));
      t.rows.push_back(std::move(r));
    }
  };
  auto extra_rows = [&](const std::string& key, int sub, const std::vector<model::Note>& notes) {
    auto refs = reference_spans(key, sub);
    if (!refs.empty()) {
      Row r;
      r.cells.push_back(make_cell(ts.label.typeset("参照・関連", lw, m_), style::kSubFill));
      r.cells.push_back(make_cell(layout_paragraph(refs, ts.links.paragraph, vw, m_)));
      t.rows.push_back(std::move(r));
    }
    if (!notes.empty()) {
      Row r;
      r.cells.push_back(make_cell(ts.label.typeset("注記", lw, m_), style::kSubFill));
      r.cells.push_back(make_cell(notes_boxes(notes, vw, css_.note)));
      t.rows.push_back(std::move(r));
    }
  };
  field_rows(item);
  const std::string key = plan_.id + "#" + item.id;
  for (std::size_t k = 0; k < item.sub_items.size(); ++k) {
    const auto& s = item.sub_items[k];
    Row r;
    r.cells.push_back(make_cell(ts.subcategory.typeset(present::entry_title(s), w - 2 * pad, m_), style::kGroupFill, 2));
    r.keep_with_next = true;
    t.rows.push_back(std::move(r));
    field_rows(s);
    extra_rows(key, static_cast<int>(k + 1), s.notes);
  }
  extra_rows(key, 0, item.notes);
  if (t.rows.empty()) {
    Row r;
    r.cells.push_back(make_cell(css_.empty_card.typeset("（記載なし）", w - 2 * pad, m_), std::nullopt, 2));
    t.rows.push_back(std::move(r));
  }
  return t;
}

}  // namespace planpress::compose
