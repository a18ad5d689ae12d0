// Field values, schedules and notes typeset for a table cell or a card, in the styles of one table size.
#include <algorithm>

#include "compose/composer.hpp"
#include "present/titles.hpp"
#include "present/values.hpp"

namespace planpress::compose {

using namespace layout;

std::vector<Box> PlanComposer::notes_boxes(const std::vector<model::Note>& notes, double width, const TextStyle& st) const {
  std::vector<Box> out;
  for (const auto& n : notes) {
    // Only a review build has notes; they are marked as the editors', never the document's words.
    std::string label = std::string("［編集注記・") + model::note_type_label(n.type);
    if (!n.field.empty())
      if (const auto* f = plan_.field(n.field)) label += "・" + f->label;
    label += "］";
    std::string text = n.text;
    if (!n.where.empty()) text += "（" + n.where + "）";
    // Continuation lines hang by one em under the label (a long label would leave a narrow column).
    for (auto& b : layout_paragraph({plain(label, Face::gothic, st.color), plain(text, st.face, st.color)}, st.paragraph, width, m_))
      out.push_back(std::move(b));
  }
  return out;
}

// A field value typeset for a cell `width` wide; `compact` for narrow table columns (marks only).
std::vector<Box> PlanComposer::field_boxes(const model::FieldValue& v, const model::FieldDef& def, double width, const TableStyles& ts,
                                           bool compact) {
  std::vector<Box> out;
  auto append = [&](std::vector<Box> b) {
    for (auto& x : b) out.push_back(std::move(x));
  };
  switch (v.kind) {
    case model::FieldKind::text: append(ts.cell.typeset(v.text, width, m_)); break;
    case model::FieldKind::markdown: {
      MarkdownOptions o;
      o.size = ts.cell.paragraph.size;
      o.in_cell = true;
      append(flatten(typeset_markdown(v.markdown.root, width, m_, resolver(), o)));
      break;
    }
    case model::FieldKind::status:
    case model::FieldKind::rating: {
      const auto& label = present::vocabulary_label(plan_, def, v.text);
      if (compact) {
        append(layout_paragraph({ts.centred.span(v.text)}, ts.centred.paragraph, width, m_));
      } else {
        std::vector<Span> sp = {plain(v.text, Face::gothic)};
        if (!label.empty() && label != v.text) sp.push_back(plain("（" + label + "）", Face::mincho, style::kMuted));
        append(layout_paragraph(sp, ts.links.paragraph, width, m_));
      }
      break;
    }
    case model::FieldKind::tags: {
      std::string joined;
      for (const auto& t : v.values) joined += (joined.empty() ? "" : "、") + t;
      append(typeset_text(joined, (compact ? ts.centred : ts.links).paragraph, width, m_));
      break;
    }
    case model::FieldKind::departments:
      for (const auto& d : v.values) append(ts.department.typeset(d, width, m_));
      break;
    case model::FieldKind::list:
      for (const auto& e : v.list) {
        ParagraphStyle ls = ts.cell.paragraph;
        const double lw = e.label.empty() ? 0.0 : std::min(m_.width(Face::mincho, e.label) * ls.size, width * 0.3);
        ls.indent = lw;
        ls.first_indent = -lw;
        // Each printed paragraph of an entry; the label hangs before the first.
        std::size_t start = 0;
        bool first = true;
        for (;;) {
          const std::size_t nl = e.text.find('\n', start);
          const std::string para = e.text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
          std::vector<Span> sp;
          if (first && !e.label.empty()) sp.push_back(plain(e.label));
          sp.push_back(plain(para));
          ParagraphStyle ps = ls;
          if (!first) ps.first_indent = 0;
          append(layout_paragraph(sp, ps, width, m_));
          first = false;
          if (nl == std::string::npos) break;
          start = nl + 1;
        }
      }
      break;
    case model::FieldKind::schedule: append(schedule_boxes(v, width, ts)); break;
  }
  return out;
}

// A schedule (工程) as a small table: 時期 | 内容, group rows spanning both.
std::vector<Box> PlanComposer::schedule_boxes(const model::FieldValue& v, double width, const TableStyles& ts) {
  const double pad = 2;
  bool any_when = false;
  for (const auto& r : v.schedule) any_when = any_when || !r.label.empty() || r.from;
  const TextStyle& st = ts.links;
  if (!any_when) {
    std::vector<Box> out;
    for (const auto& r : v.schedule)
      for (auto& b : st.typeset(r.text, width, m_)) out.push_back(std::move(b));
    return out;
  }
  const std::vector<double> widths = scale_widths({1, 3}, width);
  std::vector<std::vector<std::vector<Box>>> cells;
  std::vector<bool> head;
  cells.push_back({ts.header.typeset("時期", widths[0] - 2 * pad, m_), ts.header.typeset("内容", widths[1] - 2 * pad, m_)});
  head.push_back(true);
  std::string group;
  for (const auto& r : v.schedule) {
    if (!r.group.empty() && r.group != group) {
      // A group heading (・ため池等) across both columns.
      cells.push_back({ts.label.typeset(r.group, widths[0] + widths[1] - 2 * pad, m_)});
      head.push_back(false);
    }
    group = r.group;
    const auto w = present::schedule_when(r);
    std::string when = w.label;
    if (!w.span.empty()) when = when.empty() ? w.span : when + "\n（" + w.span + "）";
    // A row without a time (毎年度、…着実に実施していきます。) runs across both columns.
    if (when.empty()) cells.push_back({st.typeset(r.text, widths[0] + widths[1] - 2 * pad, m_)});
    else cells.push_back({st.typeset(when, widths[0] - 2 * pad, m_), st.typeset(r.text, widths[1] - 2 * pad, m_)});
    head.push_back(false);
  }
  return typeset_grid(widths, cells, head, pad);
}

}  // namespace planpress::compose
