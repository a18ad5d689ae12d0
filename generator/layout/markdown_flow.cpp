#include "layout/markdown_flow.hpp"

#include <algorithm>

#include "base/utf8.hpp"
#include "layout/columns.hpp"
#include "present/titles.hpp"

namespace planpress::layout {

namespace {

using markdown::Node;
using K = markdown::NodeKind;

bool wide(char32_t cp) { return cp >= 0x1100; }

class Builder {
 public:
  Builder(const Measurer& m, const TargetResolver& resolve, const MarkdownOptions& opt)
      : m_(m), resolve_(resolve), opt_(opt) {}

  void blocks(const Node& parent, double indent, double width, std::vector<Block>& out) {
    for (const auto& n : parent.children) block(n, indent, width, out);
  }

 private:
  // Inline content → spans. A soft line break between two Japanese characters disappears (the source was
  // wrapped for editing); elsewhere it is a space.
  void spans(const Node& n, Face face, const std::string& anchor, const std::string& uri, std::vector<Span>& out) {
    auto add = [&](std::string text, Face f, const std::string& a, const std::string& u, Color c, const std::string& file = {}) {
      if (text.empty()) return;
      if (soft_pending_) {
        soft_pending_ = false;
        std::size_t i = 0;
        const char32_t next = base::decode_utf8(text, i);
        if (!(wide(last_) && wide(next))) text = " " + text;
      }
      std::size_t i = 0;
      char32_t cp = 0;
      while (i < text.size()) cp = base::decode_utf8(text, i);
      last_ = cp;
      if (!out.empty() && out.back().face == f && out.back().anchor == a && out.back().uri == u && out.back().file == file &&
          out.back().color == c)
        out.back().text += text;
      else
        out.push_back(Span{std::move(text), f, c, a, u, file});
    };
    const Color color = (anchor.empty() && uri.empty()) ? style::kText : style::kLink;
    switch (n.kind) {
      case K::text: add(n.text, face, anchor, uri, color); return;
      case K::code: add(n.text, Face::gothic, anchor, uri, color); return;
      case K::softbreak: soft_pending_ = true; return;
      case K::linebreak: add("\n", face, anchor, uri, color); return;
      case K::emph:
      case K::strong:
        // Japanese documents emphasise with a Gothic face rather than italics.
        for (const auto& c : n.children) spans(c, Face::gothic, anchor, uri, out);
        return;
      case K::link: {
        const std::string u = n.url;
        for (const auto& c : n.children) spans(c, face, anchor, u, out);
        return;
      }
      case K::wikilink: {
        auto t = resolve_ ? resolve_(n.url) : std::nullopt;
        const std::string text = !n.text.empty() ? n.text : t ? t->text : n.url;
        const bool leads = t && (!t->anchor.empty() || !t->uri.empty() || !t->file.empty());
        if (leads) add(text, face, t->anchor, t->uri, style::kLink, t->file);
        else add(text, face, anchor, uri, color);
        return;
      }
      default:
        for (const auto& c : n.children) spans(c, face, anchor, uri, out);
    }
  }

  std::vector<Span> inline_of(const Node& n, Face face = Face::mincho) {
    std::vector<Span> out;
    soft_pending_ = false;
    last_ = 0;
    for (const auto& c : n.children) spans(c, face, {}, {}, out);
    return out;
  }

  static void push(std::vector<Block>& out, std::vector<Box> boxes, double indent) {
    for (auto& b : boxes) {
      if (indent > 0) {
        Content shifted;
        shifted.append(b.content, indent, 0);
        b.content = std::move(shifted);
      }
      out.push_back(std::move(b));
    }
  }

  void block(const Node& n, double indent, double width, std::vector<Block>& out) {
    const double w = width - indent;
    ParagraphStyle st = make_body_style(opt_.size);
    st.space_after = opt_.size * 0.5;
    switch (n.kind) {
      case K::paragraph: {
        auto sp = inline_of(n);
        // A remark (［編集注］, ［掲載注］) is not the document's words: its label goes first.
        if (n.remark != markdown::Remark::none)
          sp.insert(sp.begin(), Span{std::string("［") + present::remark_label(n.remark) + "］", Face::gothic, style::kMuted, {}, {}});
        push(out, layout_paragraph(sp, st, w, m_), indent);
        break;
      }
      case K::heading: {
        std::string text;
        for (const auto& s : inline_of(n, Face::gothic)) text += s.text;
        if (opt_.in_cell) {
          ParagraphStyle hs = st;
          hs.align = Align::left;
          auto boxes = layout_paragraph({Span{text, Face::gothic, style::kText, {}, {}}}, hs, w, m_);
          for (auto& b : boxes) b.keep_with_next = true;
          push(out, std::move(boxes), indent);
        } else {
          const int depth = std::max(0, n.level - 2);
          const std::string anchor = opt_.anchor_prefix.empty() ? std::string() : opt_.anchor_prefix + "-h" + std::to_string(++headings_);
          const int outline = opt_.outline_level < 0 || anchor.empty() ? -1 : opt_.outline_level + depth;
          push(out, typeset_heading(text, opt_.top_heading_level + depth, w, m_, anchor, outline), indent);
        }
        break;
      }
      case K::blockquote: {
        std::vector<Block> inner;
        if (n.remark != markdown::Remark::none && !n.children.empty()) {
          Node labelled = n;  // a remark with its table or list: the label before its first paragraph
          labelled.children[0].remark = n.remark;
          blocks(labelled, 0, w - opt_.size, inner);
        } else {
          blocks(n, 0, w - opt_.size, inner);
        }
        auto flat = flatten(std::move(inner));
        while (!flat.empty() && flat.back().space) flat.pop_back();
        for (auto& b : flat) {
          Box box;
          box.height = b.height;
          box.keep_with_next = b.keep_with_next;
          // The space between quoted paragraphs carries the bar, so it is drawn like a line.
          box.space = false;
          box.content.append(b.content, indent + opt_.size, 0);
          // One continuous bar beside the quotation, through the space between its paragraphs.
          {
            Path bar;
            bar.points = {{indent + 2, 0}, {indent + 2, b.height}};
            bar.stroke = style::kRule;
            bar.line_width = 1.5;
            box.content.paths.push_back(std::move(bar));
          }
          out.push_back(std::move(box));
        }
        out.push_back(make_space(opt_.size * 0.5));
        break;
      }
      case K::list: {
        int number = n.start;
        for (const auto& item : n.children) {
          const std::string label = n.ordered ? std::to_string(number++) + ". " : "・";
          const double label_w = m_.width(Face::mincho, label) * opt_.size;
          bool first = true;
          for (const auto& c : item.children) {
            if (first && c.kind == K::paragraph) {
              auto sp = inline_of(c);
              sp.insert(sp.begin(), Span{label, Face::mincho, style::kText, {}, {}});
              ParagraphStyle ls = st;
              ls.indent = label_w;
              ls.first_indent = -label_w;
              ls.space_after = opt_.size * 0.2;
              push(out, layout_paragraph(sp, ls, w, m_), indent);
            } else {
              block(c, indent + label_w, width, out);
            }
            first = false;
          }
        }
        if (!out.empty()) out.push_back(make_space(opt_.size * 0.4));
        break;
      }
      case K::code_block: {
        ParagraphStyle cs = make_body_style(opt_.size * 0.9);
        cs.align = Align::left;
        push(out, typeset_text(n.text, cs, w, m_, Face::gothic), indent);
        out.push_back(make_space(opt_.size * 0.5));
        break;
      }
      case K::thematic_break: out.push_back(make_rule(width, 6, 6)); break;
      case K::table: table(n, w, out); break;
      default: blocks(n, indent, width, out); break;
    }
  }

  // The lines of a table cell: its spans split at hard line breaks into paragraphs; one that starts with a
  // bullet (● ■ ◆ ・, which the parser put on lines of their own) hangs after it, and a ・ item under a ●
  // item is indented by one more em, as the documents print these lists.
  std::vector<Box> cell_boxes(const std::vector<Span>& spans, const ParagraphStyle& base, double width) const {
    std::vector<std::vector<Span>> paragraphs(1);
    for (const auto& s : spans) {
      std::size_t start = 0;
      for (;;) {
        const std::size_t nl = s.text.find('\n', start);
        Span piece = s;
        piece.text = s.text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (!piece.text.empty()) paragraphs.back().push_back(std::move(piece));
        if (nl == std::string::npos) break;
        paragraphs.emplace_back();
        start = nl + 1;
      }
    }
    std::vector<Box> out;
    bool under_major = false;  // a ● ■ ◆ item came before in this cell
    for (const auto& p : paragraphs) {
      ParagraphStyle st = base;
      if (!p.empty()) {
        std::size_t i = 0;
        const char32_t first = base::decode_utf8(p.front().text, i);
        const bool major = first == U'●' || first == U'■' || first == U'◆';
        if (major || first == U'・') {
          const double hang = m_.advance(p.front().face, first) * base.size;
          const double extra = !major && under_major ? base.size : 0.0;
          st.indent = base.indent + extra + hang;
          st.first_indent = -hang;
          if (st.align == Align::center) st.align = Align::left;
        }
        under_major = under_major || major;
      }
      for (auto& b : layout_paragraph(p.empty() ? std::vector<Span>{Span{}} : p, st, width, m_)) out.push_back(std::move(b));
    }
    return out;
  }

  // Tables use the width they are given (not indented inside list items). Column widths come from the
  // content (layout/columns.hpp): headers never break inside a word, short columns stay narrow.
  void table(const Node& n, double width, std::vector<Block>& out) {
    std::size_t cols = 0;
    for (const auto& r : n.children) cols = std::max(cols, r.children.size());
    if (cols == 0) return;
    const double size = opt_.size >= style::kBody ? style::kTable : opt_.size;
    const double pad = 3;
    const ParagraphStyle body = make_body_style(size);
    // Every cell's spans, by row and column.
    std::vector<std::vector<std::vector<Span>>> spans;
    for (const auto& r : n.children) {
      spans.emplace_back();
      for (std::size_t c = 0; c < cols; ++c)
        spans.back().push_back(c < r.children.size() ? inline_of(r.children[c], r.header ? Face::gothic : Face::mincho) : std::vector<Span>{});
    }
    auto text_of = [](const std::vector<Span>& sp) {
      std::string t;
      for (const auto& s : sp) t += s.text;
      return t;
    };
    std::vector<ColumnNeed> needs;
    // A column of short labels (no paragraph over 24 characters: 区分, 施策, names) breaks between phrases
    // like its header; a column of sentences breaks like body text.
    std::vector<bool> labels(cols, true);
    for (std::size_t c = 0; c < cols; ++c) {
      std::string header;
      std::vector<std::vector<std::string>> cells;
      for (std::size_t r = 0; r < n.children.size(); ++r) {
        const std::string t = text_of(spans[r][c]);
        if (n.children[r].header) {
          header += (header.empty() ? "" : "\n") + t;
          continue;
        }
        std::vector<std::string> paragraphs;
        std::size_t start = 0;
        for (;;) {
          const std::size_t nl = t.find('\n', start);
          paragraphs.push_back(t.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
          labels[c] = labels[c] && base::count_code_points(paragraphs.back()) <= 24;
          if (nl == std::string::npos) break;
          start = nl + 1;
        }
        cells.push_back(std::move(paragraphs));
      }
      needs.push_back(measure_column(header, Face::gothic, size, cells,
                                     CellText{Face::mincho, size, size * body.line_height, labels[c]}, 2 * pad,
                                     labels[c] ? size * 8 : width * 0.25, m_));
    }
    const std::vector<double> widths = fit_columns(needs, width);
    Table t;
    t.widths = widths;
    t.pad_x = pad;
    t.pad_y = 2;
    for (std::size_t ri = 0; ri < n.children.size(); ++ri) {
      const auto& r = n.children[ri];
      Row row;
      for (std::size_t c = 0; c < cols; ++c) {
        ParagraphStyle cs = body;
        cs.align = Align::left;
        cs.phrases = r.header || labels[c];
        std::vector<Box> boxes;
        if (c < r.children.size()) {
          const auto& cell = r.children[c];
          cs.align = cell.align == 'c' ? Align::center : cell.align == 'r' ? Align::right : Align::left;
          boxes = cell_boxes(spans[ri][c], cs, widths[c] - 2 * pad);
        }
        row.cells.push_back(make_cell(std::move(boxes), r.header ? std::optional<Color>(style::kHeadFill) : std::nullopt));
      }
      (r.header ? t.header : t.rows).push_back(std::move(row));
    }
    out.push_back(std::move(t));
    out.push_back(make_space(opt_.size * 0.6));
  }

  const Measurer& m_;
  const TargetResolver& resolve_;
  const MarkdownOptions& opt_;
  bool soft_pending_ = false;
  char32_t last_ = 0;
  int headings_ = 0;
};

}  // namespace

std::vector<Block> typeset_markdown(const markdown::Node& root, double width, const Measurer& m, const TargetResolver& resolve,
                                   const MarkdownOptions& options) {
  std::vector<Block> out;
  Builder(m, resolve, options).blocks(root, 0, width, out);
  return out;
}

}  // namespace planpress::layout
