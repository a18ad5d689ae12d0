#include "layout/columns.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "base/utf8.hpp"
#include "text/line_break.hpp"

namespace planpress::layout {

namespace {

constexpr double kEpsilon = 1e-6;

bool trailing_space(char32_t cp) { return cp == U' ' || cp == U'\u3000' || cp == U'\t'; }

// The widest stretch between two break opportunities (trailing spaces excluded), in em.
double longest_unbreakable(const std::string& text, const std::vector<text::BreakOpportunity>& breaks, Face face,
                           const Measurer& m) {
  double widest = 0;
  std::size_t start = 0;
  for (const auto& b : breaks) {
    double w = 0, pending = 0;
    for (std::size_t i = start; i < b.offset && i < text.size();) {
      const char32_t cp = base::decode_utf8(text, i);
      if (cp == U'\n' || cp == U'\r') continue;
      const double a = m.advance(face, cp);
      if (trailing_space(cp)) {
        pending += a;
      } else {
        w += pending + a;
        pending = 0;
      }
    }
    widest = std::max(widest, w);
    start = b.offset;
  }
  return widest;
}

// Lines of a cell `width` points wide (text width `width - pad`).
double lines_of(const std::vector<double>& paragraphs, double width, double pad) {
  const double avail = std::max(1.0, width - pad);
  double n = 0;
  for (double p : paragraphs) n += std::max(1.0, std::ceil(p / avail - kEpsilon));
  return n;
}

}  // namespace

ColumnNeed measure_column(const std::string& header, Face header_face, double header_size,
                          const std::vector<std::vector<std::string>>& cells, const CellText& as, double pad, double longest_run,
                          const Measurer& m) {
  ColumnNeed c;
  c.pad = pad;
  c.line = as.line;
  double min_text = 0, max_text = 0;
  // The header: its longest phrase, and all of it on one line.
  std::size_t start = 0;
  for (;;) {
    const std::size_t nl = header.find('\n', start);
    const std::string line = header.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    min_text = std::max(min_text, longest_unbreakable(line, text::find_phrase_breaks(line), header_face, m) * header_size);
    max_text = std::max(max_text, m.width(header_face, line) * header_size);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  for (const auto& paragraphs : cells) {
    std::vector<double> widths;
    for (const auto& p : paragraphs) {
      const double w = m.width(as.face, p) * as.size;
      widths.push_back(w);
      max_text = std::max(max_text, w);
      const auto breaks = as.phrases ? text::find_phrase_breaks(p) : text::find_line_breaks(p);
      min_text = std::max(min_text, std::min(longest_run, longest_unbreakable(p, breaks, as.face, m) * as.size));
    }
    c.cells.push_back(std::move(widths));
  }
  // A little beyond the text, so that a line that exactly fits is not broken by rounding.
  c.min = min_text + pad + 0.5;
  c.max = std::max(c.min, max_text + pad + 0.5);
  return c;
}

std::vector<double> fit_columns(const std::vector<ColumnNeed>& cols, double total) {
  const std::size_t n = cols.size();
  std::vector<double> w(n);
  if (n == 0) return w;
  double sum_min = 0, sum_max = 0;
  for (const auto& c : cols) {
    sum_min += c.min;
    sum_max += std::max(c.min, c.max);
  }
  if (sum_min >= total - kEpsilon) {
    for (std::size_t i = 0; i < n; ++i) w[i] = sum_min > 0 ? cols[i].min / sum_min * total : total / static_cast<double>(n);
    return w;
  }
  if (sum_max <= total + kEpsilon) {
    for (std::size_t i = 0; i < n; ++i) w[i] = std::max(cols[i].min, cols[i].max) / sum_max * total;
    return w;
  }
  // Start from the minimums plus a share of the rest in proportion to each column's text, capped at its max
  // (what a capped column does not take goes to the others).
  std::vector<double> cap(n), text(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    cap[i] = std::max(cols[i].min, cols[i].max);
    w[i] = cols[i].min;
    for (const auto& cell : cols[i].cells) text[i] += std::accumulate(cell.begin(), cell.end(), 0.0);
    text[i] = std::max(text[i], 1e-3);
  }
  double rest = total - sum_min;
  for (int round = 0; round < 64 && rest > kEpsilon; ++round) {
    double weight = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (w[i] < cap[i] - kEpsilon) weight += text[i];
    if (weight <= 0) break;
    double given = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (w[i] >= cap[i] - kEpsilon) continue;
      const double add = std::min(cap[i] - w[i], rest * text[i] / weight);
      w[i] += add;
      given += add;
    }
    rest -= given;
  }
  // Then move width from column to column while the table gets shorter: its height is the sum over the rows
  // of the tallest cell. `lines[r][i]` caches the height of row r's cell in column i.
  std::size_t rows = 0;
  for (const auto& c : cols) rows = std::max(rows, c.cells.size());
  auto cell_h = [&](std::size_t i, std::size_t r, double width) {
    return r < cols[i].cells.size() ? lines_of(cols[i].cells[r], width, cols[i].pad) * cols[i].line : 0.0;
  };
  std::vector<std::vector<double>> h(rows, std::vector<double>(n, 0.0));
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t i = 0; i < n; ++i) h[r][i] = cell_h(i, r, w[i]);
  // The cost of the widths if column a were `wa` wide and column b `wb`: the height of the table, plus half
  // the height of all cells — a short label broken over four lines beside a tall cell costs no table
  // height, but it reads badly, and width that gives it one line is well spent.
  auto height_with = [&](std::size_t a, double wa, std::size_t b, double wb) {
    double sum = 0;
    for (std::size_t r = 0; r < rows; ++r) {
      double tallest = 0, all = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const double hi = i == a ? cell_h(a, r, wa) : i == b ? cell_h(b, r, wb) : h[r][i];
        tallest = std::max(tallest, hi);
        all += hi;
      }
      sum += tallest + 0.3 * all;
    }
    return sum;
  };
  double current = height_with(n, 0, n, 0);
  double step = total / 50;
  for (int iteration = 0; iteration < 2000 && step > total / 2000; ++iteration) {
    double best = current;
    std::size_t best_a = n, best_b = n;
    double best_wa = 0, best_wb = 0;
    for (std::size_t a = 0; a < n; ++a) {
      const double give = std::min(step, w[a] - cols[a].min);
      if (give <= kEpsilon) continue;
      for (std::size_t b = 0; b < n; ++b) {
        if (b == a) continue;
        const double moved = std::min(give, cap[b] - w[b]);
        if (moved <= kEpsilon) continue;
        const double hh = height_with(a, w[a] - moved, b, w[b] + moved);
        if (hh < best - kEpsilon) {
          best = hh;
          best_a = a;
          best_b = b;
          best_wa = w[a] - moved;
          best_wb = w[b] + moved;
        }
      }
    }
    if (best_a == n) {
      step /= 2;
      continue;
    }
    w[best_a] = best_wa;
    w[best_b] = best_wb;
    for (std::size_t r = 0; r < rows; ++r) {
      h[r][best_a] = cell_h(best_a, r, best_wa);
      h[r][best_b] = cell_h(best_b, r, best_wb);
    }
    current = best;
  }
  return w;
}

}  // namespace planpress::layout
