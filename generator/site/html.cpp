#include "site/html.hpp"

#include <algorithm>

#include "present/titles.hpp"

namespace planpress::site {

std::string pending_html() { return std::string("<span class=\"pending\">") + present::kPendingLabel + "</span>"; }

std::string escape_html(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string text_to_html(const std::string& text) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const auto nl = text.find('\n', pos);
    const std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (!line.empty()) out += "<p>" + escape_html(line) + "</p>";
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return out;
}

namespace {

// The class and label of a remark (not the document's words): editorial remarks reach only review builds.
std::string remark_class(markdown::Remark r) {
  return r == markdown::Remark::editorial ? "remark editorial" : "remark publisher";
}

std::string remark_label_html(markdown::Remark r) {
  return "<span class=\"remark-label\">" + escape_html(present::remark_label(r)) + "</span>";
}

class Renderer {
 public:
  Renderer(const WikiLinkResolver& resolve, int shift, std::string caption)
      : resolve_(resolve), shift_(shift), last_heading_(std::move(caption)) {}

  void node(const markdown::Node& n) {
    using K = markdown::NodeKind;
    switch (n.kind) {
      case K::document: children(n); break;
      case K::paragraph:
        // A remark (［編集注］, ［掲載注］) is not the document's words: set apart, with its label.
        if (n.remark != markdown::Remark::none) out_ += "<p class=\"" + remark_class(n.remark) + "\">" + remark_label_html(n.remark);
        else out_ += "<p>";
        children(n);
        out_ += "</p>\n";
        break;
      case K::heading: {
        const int level = std::clamp(n.level + shift_, 1, 6);
        const std::string tag = "h" + std::to_string(level);
        out_ += "<" + tag + ">";
        children(n);
        out_ += "</" + tag + ">\n";
        last_heading_ = markdown::plain_text(n);
        break;
      }
      case K::blockquote:
        if (n.remark != markdown::Remark::none) {
          // A remark with its table or list: one note, its label before the first paragraph.
          out_ += "<div class=\"" + remark_class(n.remark) + "\" role=\"note\">\n<p>" + remark_label_html(n.remark);
          for (std::size_t i = 0; i < n.children.size(); ++i) {
            if (i == 0 && n.children[0].kind == K::paragraph) {
              children(n.children[0]);
              out_ += "</p>\n";
            } else {
              if (i == 0) out_ += "</p>\n";
              node(n.children[i]);
            }
          }
          out_ += "</div>\n";
        } else {
          out_ += "<blockquote>\n";
          children(n);
          out_ += "</blockquote>\n";
        }
        break;
      case K::list:
        if (n.ordered) out_ += n.start != 1 ? "<ol start=\"" + std::to_string(n.start) + "\">\n" : "<ol>\n";
        else out_ += "<ul>\n";
        for (const auto& item : n.children) {
          out_ += "<li>";
          // Tight list items: render paragraph contents inline.
          for (const auto& c : item.children) {
            if (c.kind == K::paragraph && item.children.size() == 1) children(c);
            else node(c);
          }
          out_ += "</li>\n";
        }
        out_ += n.ordered ? "</ol>\n" : "</ul>\n";
        break;
      case K::item: children(n); break;
      case K::code_block: out_ += "<pre><code>" + escape_html(n.text) + "</code></pre>\n"; break;
      case K::thematic_break: out_ += "<hr>\n"; break;
      case K::table: table(n); break;
      case K::table_row:
      case K::table_cell: children(n); break;
      case K::text: out_ += escape_html(n.text); break;
      case K::softbreak: out_ += "\n"; break;
      case K::linebreak: out_ += "<br>\n"; break;
      case K::code: out_ += "<code>" + escape_html(n.text) + "</code>"; break;
      case K::emph: out_ += "<em>"; children(n); out_ += "</em>"; break;
      case K::strong: out_ += "<strong>"; children(n); out_ += "</strong>"; break;
      case K::strike: out_ += "<del>"; children(n); out_ += "</del>"; break;
      case K::link:
        if (n.url.empty()) {
          children(n);  // unsafe destination was reported and removed
        } else {
          out_ += "<a href=\"" + escape_html(n.url) + "\"" + (n.title.empty() ? "" : " title=\"" + escape_html(n.title) + "\"") + ">";
          children(n);
          out_ += "</a>";
        }
        break;
      case K::wikilink: {
        auto link = resolve_ ? resolve_(n.url) : std::nullopt;
        const std::string text = n.text.empty() ? (link ? link->text : n.url) : n.text;
        if (link) out_ += "<a href=\"" + escape_html(link->href) + "\">" + escape_html(text) + "</a>";
        else out_ += escape_html(text);
        break;
      }
    }
  }

  std::string take() { return std::move(out_); }

 private:
  void children(const markdown::Node& n) {
    for (const auto& c : n.children) node(c);
  }

  void table(const markdown::Node& n) {
    // Wide tables scroll inside a focusable region (keyboard users can scroll it too).
    const std::string caption = last_heading_.empty() ? "表" : last_heading_;
    out_ += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" + escape_html(caption) + "\">\n<table>\n";
    if (!last_heading_.empty()) out_ += "<caption>" + escape_html(caption) + "</caption>\n";
    bool in_body = false;
    for (const auto& row : n.children) {
      if (row.header) out_ += "<thead>\n";
      else if (!in_body) {
        out_ += "<tbody>\n";
        in_body = true;
      }
      out_ += "<tr>";
      for (const auto& cell : row.children) {
        const std::string tag = row.header ? "th" : "td";
        std::string attrs = row.header ? " scope=\"col\"" : "";
        if (cell.align == 'r') attrs += " class=\"num\"";
        else if (cell.align == 'c') attrs += " class=\"center\"";
        out_ += "<" + tag + attrs + ">";
        children(cell);
        out_ += "</" + tag + ">";
      }
      out_ += "</tr>\n";
      if (row.header) out_ += "</thead>\n";
    }
    if (in_body) out_ += "</tbody>\n";
    out_ += "</table>\n</div>\n";
  }

  const WikiLinkResolver& resolve_;
  int shift_;
  std::string last_heading_;
  std::string out_;
};

}  // namespace

std::string markdown_to_html(const markdown::Document& doc, const WikiLinkResolver& resolve, int heading_shift,
                             const std::string& default_caption) {
  Renderer r(resolve, heading_shift, default_caption);
  r.node(doc.root);
  return r.take();
}

}  // namespace planpress::site
