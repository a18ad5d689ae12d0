// The items of a plan: the chapter's heading and legend, then either the item table (the plan's fields as
// columns, category rows where the category changes, the 参照・関連 line, sub-items and notes under each
// row) or cards (cards.cpp); categories no item belongs to close the table with their blocks.
#include <algorithm>
#include <functional>

#include "base/utf8.hpp"
#include "compose/composer.hpp"
#include "layout/columns.hpp"
#include "present/values.hpp"
#include "present/titles.hpp"
#include "present/urls.hpp"
#include "present/values.hpp"

namespace planpress::compose {

using namespace layout;

// The category path of an item, outermost first.
std::vector<const model::Category*> PlanComposer::path_of(const std::string& id) const {
  return model::category_path(plan_, id);
}

std::vector<Span> PlanComposer::legend_spans() const {
  std::vector<Span> out;
  for (const auto& def : plan_.fields) {
    if (def.kind != model::FieldKind::rating && def.kind != model::FieldKind::status) continue;
    const auto* voc = def.vocabulary.empty() ? nullptr : plan_.vocabulary(def.vocabulary);
    if (!voc) continue;
    bool labelled = false;
    for (const auto& v : voc->values) labelled = labelled || !v.label.empty();
    if (!labelled) continue;
    if (!out.empty()) out.push_back(plain("　　"));
    out.push_back(plain(def.label + "　", Face::gothic));
    for (const auto& v : voc->values) {
      out.push_back(plain(v.value, Face::gothic));
      out.push_back(plain((v.label.empty() ? "" : "：" + v.label) + "　"));
    }
  }
  return out;
}

void PlanComposer::items(Paginator& pg, bool placed, int top_level) {
  const bool cards = plan_.presentation.items == "cards";
  const bool landscape = !cards && plan_.presentation.orientation == "landscape";
  if (!placed || landscape) pg.new_page(landscape ? Orientation::landscape : Orientation::portrait);
  else if (top_level == 0) chapter_break(pg, false);  // the categories are chapters: the first one starts here
  const double w = pg.width();
  if (!placed) pg.add(typeset_heading("取組項目（" + std::to_string(plan_.items.size()) + "項目）", 0, w, m_, kItemsAnchor, 0));
  auto legend = legend_spans();
  if (!legend.empty()) {
    legend.insert(legend.begin(), plain("凡例　", Face::gothic, style::kMuted));
    auto boxes = layout_paragraph(legend, css_.legend.paragraph, w, m_);
    for (auto& b : boxes) b.keep_with_next = true;
    pg.add(std::move(boxes));
  }
  if (cards) item_cards(pg, top_level);
  else item_table(pg, landscape);
}

void PlanComposer::summary_table(Paginator& pg) { item_table(pg, /*landscape=*/false, /*summary=*/true); }

double PlanComposer::default_weight(const model::FieldDef& def) const {
  switch (def.kind) {
    case model::FieldKind::status:
    case model::FieldKind::rating: return 1.2;
    case model::FieldKind::tags:
    case model::FieldKind::departments: return 2.5;
    case model::FieldKind::list:
    case model::FieldKind::markdown: return 5;
    case model::FieldKind::schedule: return 4;
    case model::FieldKind::text: break;
  }
  // Text columns: wider for longer values (average over the items).
  const double avg = present::average_length(plan_, def.key);
  return avg <= 6 ? 1.5 : avg <= 30 ? 3 : 5;
}

// `summary`: the items table a section places in a cards plan — number, name and the presentation's
// columns, category rows without their blocks, nothing under the rows (the cards follow elsewhere).
void PlanComposer::item_table(Paginator& pg, bool landscape, bool summary) {
  const double w = pg.width();
  const TableStyles& ts = landscape ? css_.wide_table : css_.table;
  const double size = ts.cell.paragraph.size, pad = 2.5;
  bool numbered = false;
  for (const auto& i : plan_.items) numbered = numbered || !i.number.empty();
  struct Column {
    std::string label;
    const model::FieldDef* def = nullptr;  // null: number or name
    bool number = false;
    double weight = 1;
  };
  std::vector<Column> cols;
  const auto& widths = plan_.presentation.widths;
  auto weight = [&](const std::string& key, double fallback) {
    auto it = widths.find(key);
    return it != widths.end() && it->second > 0 ? it->second : fallback;
  };
  if (numbered) cols.push_back(Column{present::number_label(plan_), nullptr, true, weight("number", 0.9)});
  cols.push_back(Column{present::name_label(plan_), nullptr, false, weight("name", 3)});
  if (summary) {
    for (const auto& key : plan_.presentation.columns)
      if (const auto* def = plan_.field(key)) cols.push_back(Column{def->label, def, false, weight(key, default_weight(*def))});
  } else {
    for (const auto& def : plan_.fields) cols.push_back(Column{def.label, &def, false, weight(def.key, default_weight(def))});
  }
  // What each column needs, from its header and the items' values (docs/content-format.md, presentation).
  std::vector<ColumnNeed> needs;
  for (const auto& c : cols) {
    std::vector<std::vector<std::string>> cells;
    const TextStyle* st = &ts.cell;
    for (const auto& item : plan_.items) {
      std::string text;
      if (!c.def) {
        text = c.number ? item.number : item.name;
        st = c.number ? &ts.centred : &ts.label;
      } else if (plan_.is_pending(*c.def, item)) {
        // Pending cells are joined into one across the row (below): they need no width of their own.
      } else if (auto it = item.fields.find(c.def->key); it != item.fields.end()) {
        text = present::field_plain_text(it->second);
        // Tags are printed in one line, joined by 、 (field_boxes).
        if (it->second.kind == model::FieldKind::tags) std::replace(text.begin(), text.end(), '\n', ' ');
        if (it->second.kind == model::FieldKind::status || it->second.kind == model::FieldKind::rating) st = &ts.centred;
        if (it->second.kind == model::FieldKind::departments) st = &ts.department;
      }
      std::vector<std::string> paragraphs;
      std::size_t start = 0;
      while (!text.empty()) {
        const std::size_t nl = text.find('\n', start);
        paragraphs.push_back(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
      cells.push_back(std::move(paragraphs));
    }
    const CellText as{st->face, size, size * ts.cell.paragraph.line_height, st->paragraph.phrases};
    // A name or a department may widen its column to ten characters for its longest phrase, no more.
    needs.push_back(measure_column(c.label, ts.header.face, ts.header.paragraph.size, cells, as, 2 * pad, as.phrases ? size * 10 : w * 0.2, m_));
  }
  Table t;
  if (widths.empty()) {
    t.widths = fit_columns(needs, w);
  } else {
    // The plan's own relative widths, but no column narrower than it needs (its header's longest phrase):
    // the room is taken from the widest column.
    std::vector<double> ws;
    for (const auto& c : cols) ws.push_back(c.weight);
    t.widths = scale_widths(ws, w);
    for (std::size_t c = 0; c < cols.size(); ++c)
      if (t.widths[c] < needs[c].min) {
        auto widest = std::max_element(t.widths.begin(), t.widths.end());
        *widest -= needs[c].min - t.widths[c];
        t.widths[c] = needs[c].min;
      }
  }
  t.pad_x = pad;
  t.pad_y = 2;
  Row head;
  for (std::size_t c = 0; c < cols.size(); ++c)
    head.cells.push_back(make_cell(ts.header.typeset(cols[c].label, t.widths[c] - 2 * pad, m_), style::kHeadFill));
  t.header.push_back(std::move(head));
  const int span_all = static_cast<int>(cols.size());
  std::vector<const model::Category*> current;
  std::set<std::string> shown;
  for (const auto& item : plan_.items) {
    // Category rows where the category changes, one per level that changed.
    const auto path = path_of(item.category);
    std::size_t same = 0;
    while (same < path.size() && same < current.size() && path[same] == current[same]) ++same;
    for (std::size_t d = same; d < path.size(); ++d) {
      category_rows(t, *path[d], static_cast<int>(d), w, ts, pad, span_all, summary);
      shown.insert(path[d]->id);
    }
    current = path;

    Row row;
    const std::string anchor = present::item_anchor(item.id);
    if (!summary) {
      row.anchors.push_back(Anchor{anchor, 0});
      row.outline.push_back(OutlineMark{present::entry_title(item), static_cast<int>(path.size()) + 1, anchor});
    }
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const double cw = t.widths[c] - 2 * pad;
      std::vector<Box> boxes;
      if (!cols[c].def && cols[c].number) {
        boxes = ts.centred.typeset(item.number, cw, m_);
      } else if (!cols[c].def) {
        // In the summary the name leads to the item's card in this PDF; in the table to its web page.
        boxes = summary ? layout_paragraph({Span{item.name, ts.label.face, style::kLink, anchor, {}}}, ts.label.paragraph, cw, m_)
                        : layout_paragraph({Span{item.name, ts.label.face, ts.label.color, {}, site_link(present::item_page(plan_.id, item.id))}},
                                           ts.label.paragraph, cw, m_);
      } else if (plan_.is_pending(*cols[c].def, item)) {
        // A plan-stage edition: the results are published at year end, not left blank. Neighbouring
        // pending columns (実績, 自己評価, 評価理由 …) share one cell that says so once.
        std::size_t end = c + 1;
        double span_width = t.widths[c];
        while (end < cols.size() && cols[end].def && plan_.is_pending(*cols[end].def, item)) span_width += t.widths[end++];
        row.cells.push_back(make_cell(ts.centred.typeset(present::kPendingLabel, span_width - 2 * pad, m_), std::nullopt,
                                      static_cast<int>(end - c)));
        c = end - 1;
        continue;
      } else if (auto it = item.fields.find(cols[c].def->key); it != item.fields.end()) {
        const bool compact = it->second.kind == model::FieldKind::status || it->second.kind == model::FieldKind::rating;
        boxes = field_boxes(it->second, *cols[c].def, cw, ts, compact);
        if (const auto& label = present::field_label(item, *cols[c].def); label != cols[c].def->label) {
          // This item prints another label for the field (担当課 / 主担当課): say so in the cell.
          auto note = ts.aside.typeset("（" + label + "）", cw, m_);
          boxes.insert(boxes.begin(), note.begin(), note.end());
        }
      }
      row.cells.push_back(make_cell(std::move(boxes)));
    }
    // Where a row continues on the next page, its name column says whose row it is.
    row.continued_cell = numbered ? 1 : 0;
    row.continued = ts.aside.typeset(item.name + "（続き）", t.widths[row.continued_cell] - 2 * pad, m_);
    auto sub = summary ? std::vector<Box>{} : under_row(item, w - 2 * pad, ts);
    row.keep_with_next = !sub.empty();
    t.rows.push_back(std::move(row));
    if (!sub.empty()) {
      Row r;
      r.cells.push_back(make_cell(std::move(sub), style::kSubFill, span_all));
      r.top_rule = false;
      t.rows.push_back(std::move(r));
    }
  }
  // Categories no item belongs to still carry their blocks: they close the table.
  if (!summary)
    model::for_each_category(plan_.categories, [&](const model::Category& c, int depth) {
      if (!shown.count(c.id)) category_rows(t, c, depth, w, ts, pad, span_all);
    });
  pg.add_table(t);
}

// What stands under an item's row, across all columns: its 参照・関連 line, its sub-items (title, fields,
// references, notes) and its notes.
std::vector<Box> PlanComposer::under_row(const model::Item& item, double full, const TableStyles& ts) {
  std::vector<Box> sub;
  const std::string key = plan_.id + "#" + item.id;
  auto refs = reference_spans(key, 0);
  if (!refs.empty()) {
    refs.insert(refs.begin(), plain("参照・関連　", Face::gothic, style::kMuted));
    for (auto& b : layout_paragraph(refs, ts.links.paragraph, full, m_)) sub.push_back(std::move(b));
  }
  for (std::size_t k = 0; k < item.sub_items.size(); ++k) {
    const auto& s = item.sub_items[k];
    for (auto& b : ts.heading.typeset(present::entry_title(s), full, m_)) sub.push_back(std::move(b));
    for (const auto& def : plan_.fields)
      if (auto it = s.fields.find(def.key); it != s.fields.end()) {
        const double lw = std::min(full * 0.2, ts.cell.paragraph.size * 8);
        std::vector<std::vector<std::vector<Box>>> cells = {{ts.heading.typeset(def.label, lw - 4, m_),
                                                             field_boxes(it->second, def, full - lw - 4, ts, false)}};
        for (auto& b : typeset_grid({lw, full - lw}, cells, {false}, 2)) sub.push_back(std::move(b));
      }
    auto srefs = reference_spans(key, static_cast<int>(k + 1));
    if (!srefs.empty()) {
      srefs.insert(srefs.begin(), plain("参照・関連　", Face::gothic, style::kMuted));
      for (auto& b : layout_paragraph(srefs, ts.cell.paragraph, full, m_)) sub.push_back(std::move(b));
    }
    for (auto& b : notes_boxes(s.notes, full, ts.note)) sub.push_back(std::move(b));
  }
  for (auto& b : notes_boxes(item.notes, full, ts.note)) sub.push_back(std::move(b));
  return sub;
}

void PlanComposer::category_rows(Table& t, const model::Category& c, int depth, double w, const TableStyles& ts, double pad,
                                 int span_all, bool summary) {
  Row r;
  const std::string title = present::category_title(c), anchor = present::category_anchor(c.id);
  r.cells.push_back(make_cell((depth == 0 ? ts.category : ts.subcategory).typeset(title, w - 2 * pad, m_),
                              depth == 0 ? style::kHeadFill : style::kGroupFill, span_all));
  if (!summary) {  // the summary's category rows are a list; the headings with their anchors are elsewhere
    r.anchors.push_back(Anchor{anchor, 0});
    r.outline.push_back(OutlineMark{title, 1 + depth, anchor});
  }
  r.keep_with_next = true;
  t.rows.push_back(std::move(r));
  if (summary) return;
  auto content = category_content(c, w - 2 * pad, ts, !blocks_placed());
  if (!content.empty()) {
    Row b;
    b.cells.push_back(make_cell(std::move(content), std::nullopt, span_all));
    b.keep_with_next = true;
    t.rows.push_back(std::move(b));
  }
}

// A category's blocks (背景, 目標, 進捗状況 …) unless a section places them, links and notes.
std::vector<Box> PlanComposer::category_content(const model::Category& c, double w, const TableStyles& ts, bool with_blocks) {
  std::vector<Box> out;
  static const std::vector<model::Block> none;
  for (const auto& b : with_blocks ? c.blocks : none) {
    if (!b.label.empty()) {
      auto lb = ts.label.typeset(b.label, w, m_);
      for (auto& x : lb) x.keep_with_next = true;
      for (auto& x : lb) out.push_back(std::move(x));
    }
    MarkdownOptions o;
    o.size = ts.cell.paragraph.size;
    o.in_cell = true;
    for (auto& x : flatten(typeset_markdown(b.markdown.root, w, m_, resolver(), o))) out.push_back(std::move(x));
  }
  auto refs = reference_spans(plan_.id + "#" + c.id, 0);
  if (!refs.empty()) {
    refs.insert(refs.begin(), plain("参照・関連　", Face::gothic, style::kMuted));
    for (auto& b : layout_paragraph(refs, css_.table.links.paragraph, w, m_)) out.push_back(std::move(b));
  }
  for (auto& b : notes_boxes(c.notes, w, css_.note)) out.push_back(std::move(b));
  return out;
}

}  // namespace planpress::compose
