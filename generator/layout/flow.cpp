#include "layout/flow.hpp"

#include <algorithm>

namespace planpress::layout {

namespace {
constexpr double kEpsilon = 1e-6;
}

Paginator::Paginator(PageGeometry portrait, PageGeometry landscape) : portrait_(portrait), landscape_(landscape) {}

void Paginator::start_page() {
  Page p;
  p.width = geometry().width;
  p.height = geometry().height;
  pages_.push_back(std::move(p));
  y_ = geometry().margin_top;
  has_content_ = false;
}

void Paginator::new_page(Orientation o) {
  flush();
  orientation_ = o;
  start_page();
}

void Paginator::add(Box box) {
  const bool keep = box.keep_with_next;
  pending_.push_back(std::move(box));
  if (!keep) flush();
}

void Paginator::add(std::vector<Box> boxes) {
  for (auto& b : boxes) add(std::move(b));
}

void Paginator::place(const Box& box) {
  if (pages_.empty()) start_page();
  if (box.space) {
    // Space is dropped at the top of a page and where it would push past the bottom.
    if (at_top()) return;
    if (box.height > remaining()) {
      y_ = bottom();
      return;
    }
    y_ += box.height;
    return;
  }
  if (box.height > remaining() + kEpsilon && !at_top()) start_page();
  pages_.back().content.append(box.content, geometry().margin_left, y_);
  y_ += box.height;
  has_content_ = true;
}

void Paginator::flush(double extra_need) {
  if (pending_.empty()) return;
  if (pages_.empty()) start_page();
  double h = 0;
  for (const auto& b : pending_) h += b.height;
  // A kept-together group that does not fit here but fits on an empty page moves to the next page.
  if (h + extra_need > remaining() + kEpsilon && !at_top() && h + extra_need <= geometry().content_height() + kEpsilon)
    start_page();
  for (const auto& b : pending_) place(b);
  pending_.clear();
}

double Paginator::row_height(const Table& t, const Row& r) const {
  double h = 0;
  for (const auto& c : r.cells) {
    double ch = 0;
    for (const auto& b : c.boxes) ch += b.height;
    h = std::max(h, ch);
  }
  return h + 2 * t.pad_y;
}

double Paginator::min_start(const Table& t, const Row& r) const {
  // What must fit for a row to start on a page: two lines of its tallest cell (or all of it).
  double h = 0;
  for (const auto& c : r.cells) {
    double ch = 0;
    int lines = 0;
    for (const auto& b : c.boxes) {
      if (b.space) continue;
      ch += b.height;
      if (++lines == 2) break;
    }
    h = std::max(h, ch);
  }
  return std::min(row_height(t, r), h + 2 * t.pad_y);
}

void Paginator::draw_cells(const Table& t, const Row& r, const std::vector<std::vector<const Box*>>& content,
                           double content_h, bool with_marks, bool top_rule) {
  Page& page = pages_.back();
  const double x0 = geometry().margin_left;
  const double h = content_h + 2 * t.pad_y;
  if (with_marks) {
    for (auto a : r.anchors) {
      a.y = y_;
      page.content.anchors.push_back(std::move(a));
    }
    page.content.outline.insert(page.content.outline.end(), r.outline.begin(), r.outline.end());
  }
  auto line = [&](double ax, double ay, double bx, double by) {
    Path p;
    p.points = {{ax, ay}, {bx, by}};
    p.stroke = t.rule;
    p.line_width = t.rule_width;
    page.content.paths.push_back(std::move(p));
  };
  std::size_t col = 0;
  double x = x0;
  std::vector<double> edges = {x0};
  for (std::size_t ci = 0; ci < r.cells.size(); ++ci) {
    const Cell& c = r.cells[ci];
    double w = 0;
    for (int s = 0; s < c.span && col < t.widths.size(); ++s) w += t.widths[col++];
    if (c.fill) {
      Rect fill;
      fill.x = x;
      fill.y = y_;
      fill.w = w;
      fill.h = h;
      fill.fill = c.fill;
      page.content.rects.push_back(fill);
    }
    double cy = y_ + t.pad_y;
    if (ci < content.size())
      for (const Box* b : content[ci]) {
        page.content.append(b->content, x + t.pad_x, cy);
        cy += b->height;
      }
    x += w;
    edges.push_back(x);
  }
  // Rules: across the row at its bottom (and top, unless the row continues the one above), and one
  // vertical line per cell edge.
  if (top_rule) line(x0, y_, x, y_);
  line(x0, y_ + h, x, y_ + h);
  for (double e : edges) line(e, y_, e, y_ + h);
  y_ += h;
  has_content_ = true;
}

void Paginator::draw_row_full(const Table& t, const Row& r) {
  std::vector<std::vector<const Box*>> content(r.cells.size());
  double ch = 0;
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    double h = 0;
    for (const auto& b : r.cells[i].boxes) {
      content[i].push_back(&b);
      h += b.height;
    }
    ch = std::max(ch, h);
  }
  draw_cells(t, r, content, ch, true, r.top_rule);
}

void Paginator::draw_header(const Table& t, bool with_marks) {
  for (const auto& h : t.header) {
    std::vector<std::vector<const Box*>> content(h.cells.size());
    double ch = 0;
    for (std::size_t i = 0; i < h.cells.size(); ++i) {
      double hh = 0;
      for (const auto& b : h.cells[i].boxes) {
        content[i].push_back(&b);
        hh += b.height;
      }
      ch = std::max(ch, hh);
    }
    draw_cells(t, h, content, ch, with_marks, h.top_rule);
  }
}

void Paginator::add_table(const Table& t) {
  double header_h = 0;
  for (const auto& h : t.header) header_h += row_height(t, h);
  double first_need = header_h + (t.rows.empty() ? 0.0 : min_start(t, t.rows.front()));
  if (pages_.empty()) start_page();
  if (t.keep_together) {
    double total = header_h, pending = 0;
    for (const auto& r : t.rows) total += row_height(t, r);
    for (const auto& b : pending_) pending += b.height;
    if (pending + total > remaining() + kEpsilon && pending + total <= geometry().content_height() &&
        remaining() < 0.5 * geometry().content_height())
      first_need = total;
  }
  // What is pending (a heading kept with the table) goes with the header and the first lines.
  flush(first_need);
  if (first_need > remaining() + kEpsilon && !at_top()) start_page();
  auto fresh_page = [&] {
    start_page();
    draw_header(t, false);
  };
  draw_header(t, true);
  bool table_top = true;  // nothing but the header on this page yet
  const double fresh_avail = geometry().content_height() - header_h;
  for (std::size_t k = 0; k < t.rows.size(); ++k) {
    const Row& row = t.rows[k];
    const double full = row_height(t, row);
    double need = full;
    if (row.keep_with_next && k + 1 < t.rows.size()) need += min_start(t, t.rows[k + 1]);
    if (need <= remaining() + kEpsilon) {
      draw_row_full(t, row);
      table_top = false;
      continue;
    }
    if (!table_top) {
      // Move to the next page what is small (a category row and the start of its first item; a short row):
      // a big row is split instead, so pages stay full, as with Word's "allow row to break across pages".
      const bool small = full <= fresh_avail + kEpsilon && (full <= 0.3 * fresh_avail || remaining() < min_start(t, row) + kEpsilon);
      const bool keep_moves = row.keep_with_next && need <= fresh_avail + kEpsilon && (small || need <= 0.3 * fresh_avail);
      if (keep_moves || (full > remaining() + kEpsilon && small)) {
        fresh_page();
        draw_row_full(t, row);
        table_top = false;
        continue;
      }
      if (full <= remaining() + kEpsilon) {
        draw_row_full(t, row);
        table_top = false;
        continue;
      }
    }
    // Split the row: every cell continues where it stopped, on as many pages as it takes.
    if (!table_top && remaining() < min_start(t, row) + kEpsilon) {
      fresh_page();
      table_top = true;
    }
    std::vector<std::size_t> next(row.cells.size(), 0);
    bool first_slice = true;
    for (;;) {
      const double avail = remaining() - 2 * t.pad_y;
      std::vector<std::vector<const Box*>> content(row.cells.size());
      double slice_h = 0;
      bool took = false;
      for (std::size_t ci = 0; ci < row.cells.size(); ++ci) {
        const auto& boxes = row.cells[ci].boxes;
        double h = 0;
        if (!first_slice && ci == row.continued_cell) {
          for (const auto& b : row.continued) {
            content[ci].push_back(&b);
            h += b.height;
          }
        }
        // Space boxes are dropped at the top of a continuation.
        while (!first_slice && next[ci] < boxes.size() && boxes[next[ci]].space) ++next[ci];
        while (next[ci] < boxes.size() && h + boxes[next[ci]].height <= avail + kEpsilon) {
          content[ci].push_back(&boxes[next[ci]]);
          h += boxes[next[ci]].height;
          ++next[ci];
          took = true;
        }
        slice_h = std::max(slice_h, h);
      }
      if (!took && !table_top) {
        fresh_page();
        table_top = true;
        continue;
      }
      if (!took) {
        // A single box taller than a whole page: place it anyway (cannot happen with lines of text).
        for (std::size_t ci = 0; ci < row.cells.size(); ++ci)
          if (next[ci] < row.cells[ci].boxes.size()) {
            content[ci].push_back(&row.cells[ci].boxes[next[ci]]);
            slice_h = std::max(slice_h, row.cells[ci].boxes[next[ci]].height);
            ++next[ci];
          }
      }
      draw_cells(t, row, content, slice_h, first_slice, first_slice ? row.top_rule : true);
      first_slice = false;
      table_top = false;
      bool done = true;
      for (std::size_t ci = 0; ci < row.cells.size(); ++ci) done = done && next[ci] >= row.cells[ci].boxes.size();
      if (done) break;
      fresh_page();
      table_top = true;
    }
  }
}

std::vector<Page> Paginator::finish() {
  flush();
  return std::move(pages_);
}

}  // namespace planpress::layout
