#include "layout/blocks.hpp"

#include <algorithm>

namespace planpress::layout {

ParagraphStyle make_body_style(double size) {
  ParagraphStyle st;
  st.size = size;
  st.line_height = size >= style::kBody ? 1.7 : 1.45;
  return st;
}

std::vector<Box> typeset_text(const std::string& text, const ParagraphStyle& st, double width, const Measurer& m, Face face,
                            Color color) {
  std::vector<Box> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t nl = text.find('\n', start);
    std::string para = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    para.erase(std::remove(para.begin(), para.end(), '\r'), para.end());
    auto boxes = layout_paragraph({Span{para, face, color, {}, {}}}, st, width, m);
    for (auto& b : boxes) out.push_back(std::move(b));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

void mark(std::vector<Box>& boxes, const std::string& anchor, const std::string& outline_title, int outline_level) {
  if (boxes.empty()) boxes.push_back(Box{});
  // Marks go on the first box with content (space boxes can be dropped at a page top).
  Box* target = &boxes.front();
  for (auto& b : boxes)
    if (!b.space) {
      target = &b;
      break;
    }
  if (!anchor.empty()) target->content.anchors.push_back(Anchor{anchor, 0});
  if (outline_level >= 0) target->content.outline.push_back(OutlineMark{outline_title, outline_level, anchor});
}

std::vector<Box> typeset_heading(const std::string& text, int level, double width, const Measurer& m, const std::string& anchor,
                               int outline_level) {
  ParagraphStyle st;
  st.align = Align::left;
  st.line_height = 1.45;
  switch (level) {
    case 0: st.size = 15; st.space_before = 0; st.space_after = 10; break;
    case 1: st.size = 12.5; st.space_before = 14; st.space_after = 6; break;
    case 2: st.size = 11; st.space_before = 10; st.space_after = 4; break;
    default: st.size = 10; st.space_before = 8; st.space_after = 3; break;
  }
  auto boxes = layout_paragraph({Span{text, Face::gothic, style::kText, {}, {}}}, st, width, m);
  if (level == 0 && !boxes.empty()) {
    // A rule under a chapter title, inside the last line's box.
    auto it = boxes.end() - 1;
    if (it->space) --it;
    Path p;
    p.points = {{0, it->height + 2}, {width, it->height + 2}};
    p.stroke = style::kText;
    p.line_width = 1.2;
    it->content.paths.push_back(std::move(p));
  }
  for (auto& b : boxes) b.keep_with_next = true;
  mark(boxes, anchor, text, outline_level);
  return boxes;
}

Box make_rule(double width, double space_above, double space_below, Color color) {
  Box b;
  b.height = space_above + space_below;
  Path p;
  p.points = {{0, space_above}, {width, space_above}};
  p.stroke = color;
  p.line_width = 0.5;
  b.content.paths.push_back(std::move(p));
  return b;
}

Cell make_cell(std::vector<Box> boxes, std::optional<Color> fill, int span) {
  Cell c;
  c.boxes = std::move(boxes);
  c.fill = fill;
  c.span = span;
  return c;
}

std::vector<Box> typeset_grid(const std::vector<double>& widths, const std::vector<std::vector<std::vector<Box>>>& cells,
                            const std::vector<bool>& header_rows, double pad) {
  std::vector<Box> out;
  for (std::size_t r = 0; r < cells.size(); ++r) {
    Box row;
    double h = 0;
    for (const auto& c : cells[r]) {
      double ch = 0;
      for (const auto& b : c) ch += b.height;
      h = std::max(h, ch);
    }
    row.height = h + 2 * pad;
    double x = 0;
    const bool head = r < header_rows.size() && header_rows[r];
    // A row of one cell spans the whole grid (a group heading in a schedule).
    const bool spanning = cells[r].size() == 1 && widths.size() > 1;
    double total_width = 0;
    for (double w : widths) total_width += w;
    for (std::size_t c = 0; c < cells[r].size() && c < widths.size(); ++c) {
      const double cw = spanning ? total_width : widths[c];
      if (head) {
        Rect fill;
        fill.x = x;
        fill.w = cw;
        fill.h = row.height;
        fill.fill = style::kHeadFill;
        row.content.rects.push_back(fill);
      }
      double y = pad;
      for (const auto& b : cells[r][c]) {
        if (b.space && y == pad) continue;
        row.content.append(b.content, x + pad, y);
        y += b.height;
      }
      x += cw;
    }
    // Borders: each row draws its own box and column lines.
    auto line = [&](double ax, double ay, double bx, double by) {
      Path p;
      p.points = {{ax, ay}, {bx, by}};
      p.stroke = style::kRule;
      p.line_width = 0.4;
      row.content.paths.push_back(std::move(p));
    };
    double total = 0;
    for (double w : widths) total += w;
    if (r == 0) line(0, 0, total, 0);
    line(0, row.height, total, row.height);
    double cx = 0;
    line(0, 0, 0, row.height);
    for (double w : widths) {
      cx += w;
      if (!spanning || cx >= total - 1e-6) line(cx, 0, cx, row.height);
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<double> scale_widths(const std::vector<double>& weights, double total) {
  double sum = 0;
  for (double w : weights) sum += w > 0 ? w : 1;
  std::vector<double> out;
  for (double w : weights) out.push_back((w > 0 ? w : 1) / sum * total);
  return out;
}

std::vector<Box> flatten(std::vector<Block> blocks) {
  std::vector<Box> out;
  for (auto& b : blocks) {
    if (auto* box = std::get_if<Box>(&b)) {
      out.push_back(std::move(*box));
      continue;
    }
    auto& t = std::get<Table>(b);
    std::vector<std::vector<std::vector<Box>>> cells;
    std::vector<bool> head;
    for (auto* rows : {&t.header, &t.rows})
      for (auto& r : *rows) {
        std::vector<std::vector<Box>> row;
        for (auto& c : r.cells) row.push_back(std::move(c.boxes));
        cells.push_back(std::move(row));
        head.push_back(rows == &t.header);
      }
    for (auto& b2 : typeset_grid(t.widths, cells, head, t.pad_x)) out.push_back(std::move(b2));
  }
  return out;
}

}  // namespace planpress::layout
