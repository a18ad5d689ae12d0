#include "layout/paragraph.hpp"

#include <algorithm>
#include <cmath>

#include "base/utf8.hpp"
#include "text/line_break.hpp"

namespace planpress::layout {

namespace {

constexpr double kEpsilon = 1e-6;

bool trimmable(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t next_char(const std::string& s, std::size_t i) {
  ++i;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}

std::size_t prev_char(const std::string& s, std::size_t i) {
  if (i == 0) return 0;
  --i;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

char32_t char_at(const std::string& s, std::size_t i) { return base::decode_utf8(s, i); }

// A character that belongs to a Latin word or number, in half or full width: justification never opens
// gaps between two of them.
bool word_char(char32_t cp) {
  if (cp > ' ' && cp < 0x1100) return true;
  // Full-width ASCII (！ to ～ minus the ideographic brackets and punctuation Japanese text uses as its
  // own): letters, digits and the signs inside numbers and abbreviations (．，％＆＋－／：).
  if (cp >= 0xFF10 && cp <= 0xFF19) return true;  // ０–９
  if (cp >= 0xFF21 && cp <= 0xFF3A) return true;  // Ａ–Ｚ
  if (cp >= 0xFF41 && cp <= 0xFF5A) return true;  // ａ–ｚ
  switch (cp) {
    case U'．': case U'％': case U'＆': case U'＋': case U'－': case U'＿': case U'＠': case U'＃':
      return true;
    default:
      return false;
  }
}

}  // namespace

bool justification_gap(char32_t a, char32_t b) { return !(word_char(a) && word_char(b)); }

std::vector<LineRange> break_lines(const std::string& text, const std::vector<double>& adv, double first_width,
                                   double rest_width, bool phrases) {
  std::vector<LineRange> lines;
  const std::size_t n = text.size();
  std::vector<double> prefix(n + 1, 0.0);
  for (std::size_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] + (i < adv.size() ? adv[i] : 0.0);
  auto trim_end = [&](std::size_t a, std::size_t e) {
    while (e > a && trimmable(text[e - 1])) --e;
    return e;
  };
  auto emit = [&](std::size_t a, std::size_t e, bool last) {
    const std::size_t t = trim_end(a, e);
    lines.push_back(LineRange{a, t, prefix[t] - prefix[a], last});
  };
  if (n == 0) {
    lines.push_back(LineRange{0, 0, 0, true});
    return lines;
  }
  auto breaks = text::find_line_breaks(text);
  if (phrases) {
    // Between phrases only; but a phrase wider than a line (a long compound in a narrow column) breaks
    // where ordinary text would rather than be cut anywhere.
    const auto all = std::move(breaks);
    breaks.clear();
    std::size_t from = 0, k = 0;
    for (const auto& p : text::find_phrase_breaks(text)) {
      const double phrase_w = prefix[p.offset] - prefix[from];
      for (; k < all.size() && all[k].offset < p.offset; ++k)
        if (phrase_w > std::min(first_width, rest_width) + kEpsilon) breaks.push_back(all[k]);
      breaks.push_back(p);
      from = p.offset;
    }
  }
  std::size_t start = 0;
  bool first = true;
  std::size_t last_fit = 0;
  bool have_fit = false;
  auto skip_spaces = [&](std::size_t i) {
    while (i < n && (text[i] == ' ' || text[i] == '\t')) ++i;
    return i;
  };
  for (const auto& br : breaks) {
    const std::size_t b = br.offset;
    if (b <= start) continue;
    for (;;) {
      const double avail = first ? first_width : rest_width;
      const std::size_t e = trim_end(start, b);
      const double w = prefix[e] - prefix[start];
      if (w <= avail + kEpsilon) {
        if (br.mandatory || b >= n) {
          emit(start, b, true);
          start = b;
          first = false;
          have_fit = false;
        } else {
          last_fit = b;
          have_fit = true;
        }
        break;
      }
      if (have_fit && last_fit > start) {
        emit(start, last_fit, false);
        start = skip_spaces(last_fit);
        first = false;
        have_fit = false;
        if (start >= b) break;
        continue;
      }
      // An unbreakable run wider than the line (a long number, URL or a run of forbidden characters):
      // break it at the last character that fits rather than overflow, avoiding a forbidden line start.
      std::size_t cut = next_char(text, start);
      for (std::size_t c = cut; c < e; c = next_char(text, c)) {
        const std::size_t after = next_char(text, c);
        if (prefix[after] - prefix[start] > avail + kEpsilon) break;
        cut = after;
      }
      // Prefer the last position that leaves no forbidden character at either side of the break; when
      // there is none (a run of opening brackets), cut where the line is full.
      // The characters that show at the break count, not the spaces dropped there ("（ （" must not end a line
      // with "（" just because a space follows it).
      for (std::size_t c = cut; c > start; c = prev_char(text, c)) {
        const std::size_t shown_start = skip_spaces(c);
        const std::size_t shown_end = trim_end(start, c);
        const bool bad_start = shown_start < n && text::forbidden_at_line_start(char_at(text, shown_start));
        const bool bad_end = shown_end > start && text::forbidden_at_line_end(char_at(text, prev_char(text, shown_end)));
        if (!bad_start && !bad_end) {
          cut = c;
          break;
        }
      }
      emit(start, cut, false);
      start = skip_spaces(cut);
      first = false;
      have_fit = false;
      if (start >= b) break;
    }
  }
  if (start < n) emit(start, n, true);
  if (!lines.empty()) lines.back().last = true;
  return lines;
}

std::vector<std::string> break_plain(const std::string& text, double width_pt, double size, const Measurer& m, Face face) {
  std::vector<double> adv(text.size(), 0.0);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    adv[at] = m.advance(face, base::decode_utf8(text, i)) * size;
  }
  std::vector<std::string> out;
  for (const auto& l : break_lines(text, adv, width_pt, width_pt)) out.push_back(text.substr(l.begin, l.end - l.begin));
  return out;
}

Box make_space(double height) {
  Box b;
  b.height = height;
  b.space = true;
  return b;
}

std::vector<Box> layout_paragraph(const std::vector<Span>& spans, const ParagraphStyle& style, double width,
                                  const Measurer& m) {
  std::string text;
  std::vector<std::size_t> span_start;  // byte offset where each span starts
  for (const auto& s : spans) {
    span_start.push_back(text.size());
    text += s.text;
  }
  const std::size_t n = text.size();
  std::vector<double> adv(n, 0.0);
  std::vector<unsigned short> span_of(n, 0);
  {
    std::size_t si = 0;
    for (std::size_t i = 0; i < n;) {
      while (si + 1 < spans.size() && span_start[si + 1] <= i) ++si;
      const std::size_t at = i;
      const char32_t cp = base::decode_utf8(text, i);
      for (std::size_t k = at; k < i; ++k) span_of[k] = static_cast<unsigned short>(si);
      adv[at] = (cp == '\n' || cp == '\r') ? 0.0 : m.advance(spans[si].face, cp == '\t' ? U' ' : cp) * style.size;
    }
  }
  const double first_avail = width - style.indent - style.first_indent;
  const double rest_avail = width - style.indent;
  const auto ranges = break_lines(text, adv, first_avail, rest_avail, style.phrases);

  std::vector<Box> boxes;
  if (style.space_before > 0) {
    Box sb = make_space(style.space_before);
    sb.keep_with_next = true;
    boxes.push_back(std::move(sb));
  }
  const double line_h = style.size * style.line_height;
  const double asc = m.ascent(Face::mincho) * style.size, desc = m.descent(Face::mincho) * style.size;
  const double baseline = (line_h - (asc + desc)) / 2 + asc;
  for (std::size_t li = 0; li < ranges.size(); ++li) {
    const auto& r = ranges[li];
    Box box;
    box.height = line_h;
    const double avail = li == 0 ? first_avail : rest_avail;
    double x = style.indent + (li == 0 ? style.first_indent : 0.0);
    // Characters of the line with their span and spacing after them.
    struct Ch {
      std::size_t at, len;
      char32_t cp;
      double adv;
      unsigned short span;
    };
    std::vector<Ch> chars;
    for (std::size_t i = r.begin; i < r.end;) {
      const std::size_t at = i;
      const char32_t cp = base::decode_utf8(text, i);
      if (cp == '\n' || cp == '\r') continue;
      chars.push_back(Ch{at, i - at, cp == '\t' ? U' ' : cp, adv[at], span_of[at]});
    }
    double delta = 0;
    std::vector<bool> gap(chars.size(), false);
    if (!chars.empty()) {
      const double extra = avail - r.width;
      switch (style.align) {
        case Align::left: break;
        case Align::center: x += std::max(0.0, extra / 2); break;
        case Align::right: x += std::max(0.0, extra); break;
        case Align::justify:
          if (!r.last && extra > kEpsilon) {
            std::size_t gaps = 0;
            for (std::size_t i = 0; i + 1 < chars.size(); ++i)
              if (justification_gap(chars[i].cp, chars[i + 1].cp)) {
                gap[i] = true;
                ++gaps;
              }
            // A line cut short before a long unbreakable word (a number, a Latin word) would open wide gaps
            // between its characters: beyond a quarter em it is left ragged instead.
            if (gaps > 0 && extra / static_cast<double>(gaps) <= 0.25 * style.size) delta = extra / static_cast<double>(gaps);
          }
          break;
      }
    }
    // Runs: same span, and the same spacing after every character but the last.
    std::size_t i = 0;
    while (i < chars.size()) {
      const double run_spacing = gap[i] ? delta : 0.0;
      std::size_t j = i + 1;
      while (j < chars.size() && chars[j].span == chars[i].span && (gap[j - 1] ? delta : 0.0) == run_spacing) ++j;
      TextRun run;
      run.x = x;
      run.y = baseline;
      run.face = spans[chars[i].span].face;
      run.size = style.size;
      run.char_spacing = run_spacing;
      run.color = spans[chars[i].span].color;
      const std::size_t from = chars[i].at, to = chars[j - 1].at + chars[j - 1].len;
      run.text = text.substr(from, to - from);
      double run_w = 0;
      for (std::size_t k = i; k < j; ++k) run_w += chars[k].adv + (k + 1 < j ? run_spacing : 0.0);
      const auto& sp = spans[chars[i].span];
      // Leading/trailing spaces are not drawn (they only move the pen).
      bool blank = true;
      for (std::size_t k = i; k < j; ++k) blank = blank && chars[k].cp == ' ';
      if (!blank && sp.underline) {
        // Under the baseline, clear of the descenders of Latin text, in the text's colour.
        Rect rule;
        rule.x = x;
        rule.y = baseline + 0.14 * style.size;
        rule.w = run_w;
        rule.h = std::max(0.5, 0.06 * style.size);
        rule.fill = run.color;
        rule.stroke = std::nullopt;
        box.content.rects.push_back(rule);
      }
      if (!blank) box.content.texts.push_back(std::move(run));
      if (!sp.anchor.empty() || !sp.uri.empty() || !sp.file.empty()) {
        // Extend the previous link rectangle when this run continues the same link.
        auto& links = box.content.links;
        const double gap_after_prev = 0.5;
        if (!links.empty() && links.back().anchor == sp.anchor && links.back().uri == sp.uri && links.back().file == sp.file &&
            std::abs(links.back().x + links.back().w - x) < delta + gap_after_prev + 1e-3) {
          links.back().w = x + run_w - links.back().x;
        } else {
          links.push_back(Link{x, 0, run_w, line_h, sp.anchor, sp.uri, sp.file});
        }
      }
      x += run_w + (gap[j - 1] ? delta : 0.0);
      i = j;
    }
    boxes.push_back(std::move(box));
  }
  // Orphans and widows: keep the first two and the last two lines of a paragraph together.
  const std::size_t first_line = style.space_before > 0 ? 1 : 0;
  const std::size_t lines = ranges.size();
  if (lines >= 2) {
    boxes[first_line].keep_with_next = true;
    boxes[first_line + lines - 2].keep_with_next = true;
  }
  if (style.space_after > 0) boxes.push_back(make_space(style.space_after));
  return boxes;
}

}  // namespace planpress::layout
