#include "markdown/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>

namespace planpress::markdown {

namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

// A line ends with LF, CRLF or a lone CR, as in CommonMark (and so in cmark's line numbers).
bool is_line_end(std::string_view text, std::size_t i) {
  return text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
}

std::vector<std::size_t> line_starts_of(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (is_line_end(text, i)) starts.push_back(i + 1);
  return starts;
}

std::string lower_ascii(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// A destination is unsafe if, after removing whitespace and control characters that browsers ignore,
// its scheme is one that runs code or embeds content.
bool is_unsafe_url(const std::string& url) {
  std::string compact;
  for (char c : url)
    if (static_cast<unsigned char>(c) > 0x20) compact += c;
  compact = lower_ascii(compact);
  for (const char* scheme : {"javascript:", "vbscript:", "data:", "file:"})
    if (compact.rfind(scheme, 0) == 0) return true;
  return false;
}

// Nesting of block containers at the start of each line: '>' markers, bullet and ordered list markers and
// list-item indentation. Returns the offset of the first line nested deeper than `limit`, if any.
std::optional<std::size_t> too_deep_line(std::string_view text, int limit) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t line_start = i;
    int depth = 0;
    int spaces = 0;
    while (i < text.size() && !is_line_end(text, i)) {
      const char c = text[i];
      if (c == '>') { ++depth; spaces = 0; }
      else if (c == ' ') { ++spaces; }
      else if (c == '\t') { spaces += 4; }
      else if ((c == '-' || c == '*' || c == '+') && i + 1 < text.size() && text[i + 1] == ' ') { ++depth; spaces = 0; }
      else if (c >= '0' && c <= '9') {
        // An ordered list marker: up to nine digits, then '.' or ')' and a space ("1. 1. 1. x" nests too).
        std::size_t k = i;
        while (k < text.size() && k - i < 10 && text[k] >= '0' && text[k] <= '9') ++k;
        if (k - i > 9 || k + 1 >= text.size() || (text[k] != '.' && text[k] != ')') || text[k + 1] != ' ') break;
        ++depth;
        spaces = 0;
        i = k;
      }
      else break;
      ++i;
    }
    if (depth + spaces / 4 > limit) return line_start;
    while (i < text.size() && !is_line_end(text, i)) ++i;
    ++i;
  }
  return std::nullopt;
}

struct Complexity {
  std::size_t offset;
  base::Message message;  // what crosses the bound, for the message of markdown-too-complex
};

// Constructs that cmark-gfm 0.29.0.gfm.6 handles in quadratic time, counted before parsing (over-counting
// a little: a backslash-escaped character is skipped, code spans are not). Real plans stay far below the
// bounds (at most 22 '[' in a paragraph, 6 '|' in a line, 136 table rows, no '@').
std::optional<Complexity> too_complex(std::string_view text, const ParseOptions& o) {
  int brackets = 0, at_signs = 0, pipes = 0, table_rows = 0, cells = 0;
  bool blank = true;       // the current line has only spaces so far
  bool line_pipe = false;  // the current line has a '|'
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_line_end(text, i)) {
      if (blank) brackets = at_signs = table_rows = 0;  // a blank line ends the paragraph (and the table)
      else table_rows = line_pipe ? table_rows : 0;
      blank = true;
      line_pipe = false;
      pipes = 0;
      continue;
    }
    if (c != ' ' && c != '\t' && c != '\r') blank = false;
    if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\r') {
      ++i;
      continue;
    }
    if (c == '[' && ++brackets > o.max_brackets_per_paragraph)
      return Complexity{i, base::msg<base::Msg::markdown_too_complex_brackets>(base::arg<"limit">(o.max_brackets_per_paragraph))};
    if (c == '@' && ++at_signs > o.max_at_signs_per_paragraph)
      return Complexity{i, base::msg<base::Msg::markdown_too_complex_at_signs>(base::arg<"limit">(o.max_at_signs_per_paragraph))};
    if (c == '|') {
      if (!line_pipe && ++table_rows > o.max_table_rows)
        return Complexity{i, base::msg<base::Msg::markdown_too_complex_table_rows>(base::arg<"limit">(o.max_table_rows))};
      line_pipe = true;
      if (++cells > o.max_table_cells)
        return Complexity{i, base::msg<base::Msg::markdown_too_complex_table_cells>(base::arg<"limit">(o.max_table_cells))};
      if (++pipes > o.max_table_columns + 1)
        return Complexity{i, base::msg<base::Msg::markdown_too_complex_table_columns>(base::arg<"limit">(o.max_table_columns))};
    }
  }
  return std::nullopt;
}

class Converter {
 public:
  Converter(std::string_view text, const LocationMapper& where, base::Diagnostics& diags, const ParseOptions& options)
      : text_(text), lines_(line_starts_of(text)), where_(where), diags_(diags), options_(options) {}

  Node convert(cmark_node* n) {
    Node out;
    out.offset = offset_of(n);
    out.end = end_of(n);
    const std::string type = cmark_node_get_type_string(n);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_DOCUMENT: out.kind = NodeKind::document; break;
      case CMARK_NODE_PARAGRAPH: out.kind = NodeKind::paragraph; break;
      case CMARK_NODE_HEADING:
        out.kind = NodeKind::heading;
        out.level = cmark_node_get_heading_level(n);
        if (out.level < options_.min_heading_level) {
          diags_.error(where_(out.offset),
                       base::msg<base::Msg::markdown_heading_level>(base::arg<"level">(out.level),
                                                                    base::arg<"allowed">(options_.min_heading_level)),
                       {base::msg<base::Msg::markdown_heading_hint>(
                           base::arg<"marks">(std::string(static_cast<std::size_t>(options_.min_heading_level), '#')))});
        }
        break;
      case CMARK_NODE_BLOCK_QUOTE: out.kind = NodeKind::blockquote; break;
      case CMARK_NODE_LIST:
        out.kind = NodeKind::list;
        out.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        out.start = cmark_node_get_list_start(n);
        break;
      case CMARK_NODE_ITEM: out.kind = NodeKind::item; break;
      case CMARK_NODE_CODE_BLOCK:
        out.kind = NodeKind::code_block;
        out.text = cmark_node_get_literal(n);
        return out;
      case CMARK_NODE_THEMATIC_BREAK: out.kind = NodeKind::thematic_break; return out;
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE: {
        std::string html = cmark_node_get_literal(n);
        if (const auto nl = html.find('\n'); nl != std::string::npos) html = html.substr(0, nl) + "…";
        if (html.size() > 60) html = html.substr(0, 57) + "...";
        diags_.error(where_(out.offset), base::msg<base::Msg::markdown_raw_html_html>(base::arg<"html">(html)),
                     {base::msg<base::Msg::markdown_raw_html_hint>()});
        out.kind = NodeKind::text;  // dropped below
        out.offset = static_cast<std::size_t>(-1);
        return out;
      }
      case CMARK_NODE_TEXT: out.kind = NodeKind::text; out.text = cmark_node_get_literal(n); return out;
      case CMARK_NODE_SOFTBREAK: out.kind = NodeKind::softbreak; return out;
      case CMARK_NODE_LINEBREAK: out.kind = NodeKind::linebreak; return out;
      case CMARK_NODE_CODE: out.kind = NodeKind::code; out.text = cmark_node_get_literal(n); return out;
      case CMARK_NODE_EMPH: out.kind = NodeKind::emph; break;
      case CMARK_NODE_STRONG: out.kind = NodeKind::strong; break;
      case CMARK_NODE_LINK:
        out.kind = NodeKind::link;
        out.url = cmark_node_get_url(n);
        out.title = cmark_node_get_title(n);
        if (is_unsafe_url(out.url)) {
          diags_.error(where_(out.offset), base::msg<base::Msg::markdown_unsafe_link_link>(base::arg<"url">(out.url)),
                       {base::msg<base::Msg::markdown_unsafe_link_hint>()});
          out.url.clear();
        }
        break;
      case CMARK_NODE_IMAGE:
        diags_.error(where_(out.offset), base::msg<base::Msg::markdown_image_image>(base::arg<"url">(cmark_node_get_url(n))),
                     {base::msg<base::Msg::markdown_image_hint>()});
        out.kind = NodeKind::text;
        out.offset = static_cast<std::size_t>(-1);
        return out;
      default:
        if (type == "table") {
          out.kind = NodeKind::table;
          const uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
          const uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
          for (uint16_t i = 0; i < columns && aligns; ++i) out.text += static_cast<char>(aligns[i] ? aligns[i] : '-');
        } else if (type == "table_header" || type == "table_row") {
          out.kind = NodeKind::table_row;
          out.header = type == "table_header";
        } else if (type == "table_cell") {
          out.kind = NodeKind::table_cell;
        } else if (type == "strikethrough") {
          out.kind = NodeKind::strike;
        } else {
          // Footnotes and other extensions are not enabled; keep their text.
          out.kind = NodeKind::paragraph;
        }
    }
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
      Node child = convert(c);
      if (child.kind == NodeKind::text && child.offset == static_cast<std::size_t>(-1)) continue;  // dropped
      // Merge adjacent text nodes so that [[...]] split by cmark is seen whole.
      if (child.kind == NodeKind::text && !out.children.empty() && out.children.back().kind == NodeKind::text) {
        out.children.back().text += child.text;
        continue;
      }
      out.children.push_back(std::move(child));
    }
    if (out.kind == NodeKind::table_cell) break_before_bullets(out);
    if (out.kind == NodeKind::table) {
      // Spread column alignments onto the cells.
      for (auto& row : out.children)
        for (std::size_t i = 0; i < row.children.size() && i < out.text.size(); ++i)
          row.children[i].align = out.text[i] == '-' ? 0 : out.text[i];
      out.text.clear();
    }
    split_wikilinks(out);
    return out;
  }

  std::vector<WikiLink> wikilinks;

 private:
  // Just past the node's last character (cmark's end column is that of the last byte).
  std::size_t end_of(cmark_node* n) const {
    const int line = cmark_node_get_end_line(n);
    const int col = cmark_node_get_end_column(n);
    if (line < 1 || static_cast<std::size_t>(line) > lines_.size()) return text_.size();
    return std::min(text_.size(), lines_[static_cast<std::size_t>(line) - 1] + static_cast<std::size_t>(std::max(col, 0)));
  }

  std::size_t offset_of(cmark_node* n) const {
    const int line = cmark_node_get_start_line(n);
    const int col = cmark_node_get_start_column(n);
    if (line < 1 || static_cast<std::size_t>(line) > lines_.size()) return 0;
    return std::min(text_.size(), lines_[static_cast<std::size_t>(line) - 1] + static_cast<std::size_t>(std::max(col, 1) - 1));
  }

  // A GFM table cell is one line of source, but the documents print lists in their cells (●定員管理計画に
  // 基づき… ●年齢別職員数の…, with ・ items under a ●): a bullet ● ■ ◆ or ・ that follows a space starts a
  // new line — the spaces before it become a hard line break. Text inside emphasis or links is left as is.
  static void break_before_bullets(Node& cell) {
    auto bullet_at = [](const std::string& s, std::size_t i) {
      for (const char* b : {"●", "■", "◆", "・"})
        if (s.compare(i, std::char_traits<char>::length(b), b) == 0) return true;
      return false;
    };
    std::vector<Node> result;
    for (auto& child : cell.children) {
      if (child.kind != NodeKind::text) {
        result.push_back(std::move(child));
        continue;
      }
      const std::string& s = child.text;
      std::size_t from = 0;
      for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != ' ' && s.compare(i, 3, "\u3000") != 0) continue;
        // A run of spaces followed by a bullet.
        std::size_t j = i;
        while (j < s.size() && (s[j] == ' ' || s.compare(j, 3, "\u3000") == 0)) j += s[j] == ' ' ? 1 : 3;
        if (j >= s.size() || !bullet_at(s, j)) {
          i = j - 1;
          continue;
        }
        if (i > from) result.push_back(Node{NodeKind::text, s.substr(from, i - from), {}, {}, 0, false, 1, false, 0, child.offset + from, {}});
        if (i > from || !result.empty()) result.push_back(Node{NodeKind::linebreak, {}, {}, {}, 0, false, 1, false, 0, child.offset + i, {}});
        from = j;
        i = j - 1;
      }
      result.push_back(Node{NodeKind::text, s.substr(from), {}, {}, 0, false, 1, false, 0, child.offset + from, {}});
    }
    cell.children = std::move(result);
  }

  // Splits text children at [[target]] / [[target|label]] into wikilink nodes.
  void split_wikilinks(Node& parent) {
    std::vector<Node> result;
    for (auto& child : parent.children) {
      if (child.kind != NodeKind::text || child.text.find("[[") == std::string::npos) {
        result.push_back(std::move(child));
        continue;
      }
      const std::string& s = child.text;
      std::size_t pos = 0;
      while (pos < s.size()) {
        const auto open = s.find("[[", pos);
        const auto close = open == std::string::npos ? std::string::npos : s.find("]]", open + 2);
        if (open == std::string::npos || close == std::string::npos) {
          result.push_back(Node{NodeKind::text, s.substr(pos), {}, {}, 0, false, 1, false, 0, child.offset + pos, {}, 0, Remark::none});
          break;
        }
        if (open > pos) result.push_back(Node{NodeKind::text, s.substr(pos, open - pos), {}, {}, 0, false, 1, false, 0, child.offset + pos, {}, 0, Remark::none});
        const std::string inner = s.substr(open + 2, close - open - 2);
        const auto bar = inner.find('|');
        Node link;
        link.kind = NodeKind::wikilink;
        link.url = inner.substr(0, bar);
        link.text = bar == std::string::npos ? std::string() : inner.substr(bar + 1);
        link.offset = locate_in_source(child.offset, "[[" + inner);
        wikilinks.push_back(WikiLink{link.url, link.text, link.offset});
        result.push_back(std::move(link));
        pos = close + 2;
      }
    }
    parent.children = std::move(result);
  }

  // The literal may differ from the source (escapes, entities); find the marker in the source near the
  // node so the diagnostic points at it.
  std::size_t locate_in_source(std::size_t node_offset, const std::string& needle) const {
    const auto found = text_.find(needle, node_offset);
    return found == std::string_view::npos ? node_offset : found;
  }

  std::string_view text_;
  std::vector<std::size_t> lines_;
  const LocationMapper& where_;
  base::Diagnostics& diags_;
  const ParseOptions& options_;
};

// Link reference definitions ("[label]: url", footnote-like "[^1]: text" too) defined again: cmark keeps
// the first one silently, so the second text or address is lost. Lines are scanned as CommonMark reads
// them: a definition starts a block (after a blank line, at the start or after another definition) and
// never inside a fenced code block. Labels match case-insensitively with white space collapsed.
struct Redefinition {
  std::size_t offset, first;
  std::string label;
};

std::vector<Redefinition> redefinitions(std::string_view text) {
  std::vector<Redefinition> out;
  std::map<std::string, std::size_t> seen;
  bool block_start = true, in_fence = false;
  char fence = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = i;
    while (end < text.size() && !is_line_end(text, end)) ++end;
    const std::string_view line = text.substr(i, end - i);
    std::size_t k = 0;
    while (k < line.size() && k < 3 && line[k] == ' ') ++k;
    const std::string_view rest = line.substr(k);
    bool definition = false;
    if (rest.size() >= 3 && (rest.substr(0, 3) == "```" || rest.substr(0, 3) == "~~~") && (!in_fence || rest[0] == fence)) {
      in_fence = !in_fence;
      fence = rest[0];
    } else if (!in_fence && block_start && !rest.empty() && rest[0] == '[') {
      std::size_t j = 1;
      std::string label;
      while (j < rest.size() && rest[j] != ']') {
        if (rest[j] == '\\' && j + 1 < rest.size()) label += rest[j++];
        label += rest[j++];
      }
      if (j + 1 < rest.size() && rest[j] == ']' && rest[j + 1] == ':') {
        std::string key;
        for (char c : label) {
          const bool space = c == ' ' || c == '\t';
          if (space && (key.empty() || key.back() == ' ')) continue;
          key += space ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        while (!key.empty() && key.back() == ' ') key.pop_back();
        if (!key.empty()) {
          definition = true;
          auto [it, fresh] = seen.emplace(key, i + k);
          if (!fresh) out.push_back({i + k, it->second, label});
        }
      }
    }
    const bool blank = rest.find_first_not_of(" \t") == std::string_view::npos;
    block_start = !in_fence && (blank || definition);
    i = end < text.size() ? end + 1 : end;
  }
  return out;
}

// The deepest inline nesting, walked without recursion (cmark's iterator): the first node nested deeper
// than `limit`, if any.
cmark_node* too_deep_inline(cmark_node* root, int limit) {
  std::unique_ptr<cmark_iter, void (*)(cmark_iter*)> iter(cmark_iter_new(root), cmark_iter_free);
  int depth = 0;
  for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(iter.get());
    const auto type = cmark_node_get_type(n);
    const bool inline_container = type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG || type == CMARK_NODE_LINK ||
                                  type == CMARK_NODE_IMAGE || std::strcmp(cmark_node_get_type_string(n), "strikethrough") == 0;
    if (!inline_container) continue;
    if (ev == CMARK_EVENT_ENTER && ++depth > limit) return n;
    if (ev == CMARK_EVENT_EXIT) --depth;
  }
  return nullptr;
}

std::size_t node_offset(std::string_view text, cmark_node* n) {
  const auto lines = line_starts_of(text);
  const int line = cmark_node_get_start_line(n);
  const int col = cmark_node_get_start_column(n);
  if (line < 1 || static_cast<std::size_t>(line) > lines.size()) return 0;
  return std::min(text.size(), lines[static_cast<std::size_t>(line) - 1] + static_cast<std::size_t>(std::max(col, 1) - 1));
}

// The remark a paragraph starts with (its first text begins with a marker), the marker and the spaces
// after it removed from the text.
Remark take_marker(Node& paragraph) {
  if (paragraph.children.empty() || paragraph.children[0].kind != NodeKind::text) return Remark::none;
  std::string& t = paragraph.children[0].text;
  for (auto [marker, remark] : {std::pair{kEditorialMarker, Remark::editorial}, std::pair{kPublisherMarker, Remark::publisher}}) {
    const std::string m = marker;
    if (t.rfind(m, 0) != 0) continue;
    std::size_t cut = m.size();
    while (cut < t.size() && t[cut] == ' ') ++cut;
    if (t.compare(cut, 3, "\xE3\x80\x80") == 0) cut += 3;  // an ideographic space after the marker
    t.erase(0, cut);
    if (t.empty()) paragraph.children.erase(paragraph.children.begin());
    return remark;
  }
  return Remark::none;
}

void mark_remarks(Node& n) {
  for (auto& c : n.children) {
    if (c.kind == NodeKind::paragraph) {
      c.remark = take_marker(c);
    } else if (c.kind == NodeKind::blockquote && !c.children.empty() && c.children[0].kind == NodeKind::paragraph) {
      c.remark = take_marker(c.children[0]);
      mark_remarks(c);
      if (c.remark != Remark::none) c.children[0].remark = Remark::none;  // the quote carries it
    } else {
      mark_remarks(c);
    }
  }
}

void collect_wikilink_offsets(const Node& n, std::vector<std::size_t>& out) {
  if (n.kind == NodeKind::wikilink) out.push_back(n.offset);
  for (const auto& c : n.children) collect_wikilink_offsets(c, out);
}

void remove_editorial_nodes(Node& n, std::vector<std::size_t>& removed_links,
                            std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
  std::vector<Node> kept;
  for (auto& c : n.children) {
    if (c.remark == Remark::editorial) {
      collect_wikilink_offsets(c, removed_links);
      ranges.emplace_back(c.offset, std::max(c.offset, c.end));
      continue;
    }
    remove_editorial_nodes(c, removed_links, ranges);
    kept.push_back(std::move(c));
  }
  n.children = std::move(kept);
}

}  // namespace

std::size_t remove_editorial(Document& doc, std::string* text) {
  std::vector<std::size_t> links;
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  remove_editorial_nodes(doc.root, links, ranges);
  if (!links.empty()) {
    std::vector<WikiLink> kept;
    for (auto& w : doc.wikilinks)
      if (std::find(links.begin(), links.end(), w.offset) == links.end()) kept.push_back(std::move(w));
    doc.wikilinks = std::move(kept);
  }
  if (text && !ranges.empty()) {
    // Cut each remark with the line breaks after it, from the end so earlier offsets stay valid.
    std::sort(ranges.begin(), ranges.end());
    for (auto it = ranges.rbegin(); it != ranges.rend(); ++it) {
      const std::size_t from = std::min(it->first, text->size());
      std::size_t to = std::min(it->second, text->size());
      while (to < text->size() && ((*text)[to] == '\n' || (*text)[to] == '\r')) ++to;
      text->erase(from, to - from);
    }
  }
  return ranges.size();
}

Document parse(std::string_view text, const LocationMapper& where, base::Diagnostics& diags, const ParseOptions& options) {
  Document doc;
  if (auto line = too_deep_line(text, options.max_nesting)) {
    diags.error(where(*line), base::msg<base::Msg::markdown_too_deep_nesting>(base::arg<"limit">(options.max_nesting)));
    return doc;
  }
  if (auto c = too_complex(text, options)) {
    diags.error(where(c->offset), base::msg<base::Msg::markdown_too_complex_limit>(base::arg<"what">(c->message)),
                {base::msg<base::Msg::markdown_too_complex_limit_hint>()});
    return doc;
  }
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* ext : {"table", "strikethrough", "autolink"}) {
    if (auto* e = cmark_find_syntax_extension(ext)) cmark_parser_attach_syntax_extension(parser.get(), e);
  }
  // cmark-gfm turns each NUL into U+FFFD (three bytes), so the text it returns is longer than the source
  // and offsets measured in it (a [[link]] after a NUL) would point past the file's end (found by fuzzing).
  // A NUL is reported as invalid-character anyway; here it becomes a one-byte space so offsets stay true.
  std::string without_nul;
  if (text.find('\0') != std::string_view::npos) {
    without_nul.assign(text);
    std::replace(without_nul.begin(), without_nul.end(), '\0', ' ');
    text = without_nul;
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));
  for (const auto& r : redefinitions(text)) {
    const bool footnote = !r.label.empty() && r.label[0] == '^';
    const auto first = where(r.first);
    const base::Message first_at = first.known() ? base::msg<base::Msg::common_line_n>(base::arg<"line">(first.file->locate(first.offset).line))
                                                 : base::msg<base::Msg::term_earlier>();
    diags.error(where(r.offset),
                footnote ? base::msg<base::Msg::markdown_duplicate_definition_footnote>(base::arg<"label">(r.label), base::arg<"first">(first_at))
                         : base::msg<base::Msg::markdown_duplicate_definition_link>(base::arg<"label">(r.label), base::arg<"first">(first_at)),
                {base::msg<base::Msg::markdown_duplicate_definition_hint>()});
  }
  if (cmark_node* deep = too_deep_inline(root.get(), options.max_inline_nesting)) {
    diags.error(where(node_offset(text, deep)),
                base::msg<base::Msg::markdown_too_complex_inline_nesting>(base::arg<"limit">(options.max_inline_nesting)),
                {base::msg<base::Msg::markdown_too_complex_inline_nesting_hint>()});
    return doc;
  }
  Converter converter(text, where, diags, options);
  doc.root = converter.convert(root.get());
  doc.wikilinks = std::move(converter.wikilinks);
  mark_remarks(doc.root);
  return doc;
}

std::string plain_text(const Node& node) {
  switch (node.kind) {
    case NodeKind::text:
    case NodeKind::code:
    case NodeKind::code_block: return node.text;
    case NodeKind::wikilink: return node.text.empty() ? node.url : node.text;
    case NodeKind::softbreak:
    case NodeKind::linebreak: return "\n";
    default: break;
  }
  std::string out;
  for (const auto& c : node.children) {
    std::string part = plain_text(c);
    const bool block = c.kind == NodeKind::paragraph || c.kind == NodeKind::heading || c.kind == NodeKind::item ||
                       c.kind == NodeKind::table_row || c.kind == NodeKind::list || c.kind == NodeKind::blockquote;
    if (block && !out.empty() && out.back() != '\n') out += '\n';
    if (c.kind == NodeKind::table_cell && !out.empty() && out.back() != '\n') out += '\t';
    out += part;
  }
  return out;
}

}  // namespace planpress::markdown
