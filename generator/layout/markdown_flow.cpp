#include "layout/markdown_flow.hpp"

#include <algorithm>

#include "base/utf8.hpp"
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
    auto add = [&](std::string text, Face f, const std::string& a, const std::string& u, Color c) {
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
      if (!out.empty() && out.back().face == f && out.back().anchor == a && out.back().uri == u && out.back().color == c)
        out.back().text += text;
      else
        out.push_back(Span{std::move(text), f, c, a, u});
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
        if (t) add(text, face, t->anchor, t->uri, style::kLink);
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

  // Tables use the width they are given (not indented inside list items).
  void table(const Node& n, double width, std::vector<Block>& out) {
    // Column widths from the widest content of each column, capped, filling the width.
    std::size_t cols = 0;
    for (const auto& r : n.children) cols = std::max(cols, r.children.size());
    if (cols == 0) return;
    const double size = opt_.size >= style::kBody ? style::kTable : opt_.size;
    const double pad = 3;
    std::vector<double> natural(cols, 2 * size);
    for (const auto& r : n.children)
      for (std::size_t c = 0; c < r.children.size(); ++c) {
        double w = 0;
        for (const auto& s : inline_of(r.children[c])) w += m_.width(s.face, s.text) * size;
        natural[c] = std::max(natural[c], std::min(w, width * 0.55) + 2 * pad);
      }
    const std::vector<double> widths = scale_widths(natural, width);
    Table t;
    t.widths = widths;
    t.pad_x = pad;
    t.pad_y = 2;
    for (const auto& r : n.children) {
      Row row;
      for (std::size_t c = 0; c < cols; ++c) {
        ParagraphStyle cs = make_body_style(size);
        cs.align = Align::left;
        std::vector<Box> boxes;
        if (c < r.children.size()) {
          const auto& cell = r.children[c];
          cs.align = cell.align == 'c' ? Align::center : cell.align == 'r' ? Align::right : Align::left;
          boxes = layout_paragraph(inline_of(cell, r.header ? Face::gothic : Face::mincho), cs, widths[c] - 2 * pad, m_);
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
