#include "template/parser.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

// How a template becomes a tree, in four passes over a flat token list:
//  1. lex:    tags and text (text split so that each line terminator is a token of its own), following
//             delimiter changes as they come;
//  2. match:  pair opening and closing tags, recording for every token its innermost enclosing opening tag;
//  3. lines:  decide which lines are standalone (their whitespace and line terminator are dropped);
//  4. build:  the node tree, removing the intrinsic indentation of block bodies.
// Standalone detection needs the pairing (pass 2) because of the inheritance rule that a parent's tags and
// the block tags directly inside it may share a standalone line ("{{<layout}}{{$body}}").

namespace planpress::tmpl::detail {
namespace {

using base::arg;
using base::msg;
using base::Msg;

enum class TokKind : std::uint8_t { text, newline, tag };
enum class TagKind : std::uint8_t { variable, raw, section, inverted, close, comment, partial, parent, block, delimiters };

struct Token {
  TokKind kind = TokKind::text;
  TagKind tag = TagKind::variable;
  std::size_t begin = 0;  // whole token, delimiters included
  std::size_t end = 0;
  std::string_view name;  // tags: trimmed content
  std::string_view otag;  // tags: delimiters in effect, for messages
  std::string_view ctag;
  // Pass 2. Opening tag: index of its closing tag (the token count if unclosed). Closing tag: index of its
  // opening tag, or -1 if it matches nothing and is dropped.
  int partner = -1;
  int container = -1;  // innermost enclosing opening tag, -1 at top level
  // Pass 3.
  int line = 0;
  bool line_first = false;  // first token of its line
  bool removed = false;     // text or line terminator of a standalone line
  bool standalone = false;  // tag on a standalone line
};

struct Line {
  std::string_view indent;  // leading spaces and tabs
  bool blank = true;        // nothing but spaces and tabs: no tags, no other text
};

Token make_token(TokKind kind, std::size_t begin, std::size_t end) {
  Token t;
  t.kind = kind;
  t.begin = begin;
  t.end = end;
  return t;
}

bool is_blank_char(char c) { return c == ' ' || c == '\t'; }
bool is_space_char(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space_char(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space_char(s.back())) s.remove_suffix(1);
  return s;
}

bool all_blank(std::string_view s) { return std::all_of(s.begin(), s.end(), is_blank_char); }

// `s` without the longest prefix it shares with `indent`.
std::string_view strip_indent(std::string_view s, std::string_view indent) {
  std::size_t k = 0;
  while (k < s.size() && k < indent.size() && s[k] == indent[k]) ++k;
  return s.substr(k);
}

bool is_opening(TagKind k) {
  return k == TagKind::section || k == TagKind::inverted || k == TagKind::parent || k == TagKind::block;
}

base::Message kind_word(TagKind k) {
  switch (k) {
    case TagKind::inverted: return base::Message{Msg::term_tag_inverted_section, {}};
    case TagKind::parent: return base::Message{Msg::term_parent, {}};
    case TagKind::block: return base::Message{Msg::term_tag_block, {}};
    default: return base::Message{Msg::term_tag_section, {}};
  }
}

std::vector<std::string> split_path(std::string_view name) {
  std::vector<std::string> parts;
  if (name == ".") return parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = name.find('.', start);
    parts.emplace_back(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts;
}

class Parser {
 public:
  Parser(const base::SourcePtr& source, base::Diagnostics& diags)
      : source_(source), text_(source->text()), diags_(diags) {}

  std::vector<Node> run() {
    lex();
    match();
    split_lines();
    std::vector<Node> nodes;
    build(0, token_count(), {}, nodes);
    return nodes;
  }

 private:
  int token_count() const { return static_cast<int>(tokens_.size()); }
  std::string_view slice(std::size_t begin, std::size_t end) const { return text_.substr(begin, end - begin); }
  std::string_view slice(const Token& t) const { return slice(t.begin, t.end); }

  void error(std::size_t offset, base::CodedMessage message, std::vector<base::Message> hints = {}) {
    diags_.error(base::Location::in(source_, offset), std::move(message), std::move(hints));
  }

  base::Message where(std::size_t offset) const {
    const auto lc = source_->locate(offset);
    return msg<Msg::common_line_column>(arg<"line">(lc.line), arg<"column">(lc.column));
  }

  // ---- pass 1: lexing -------------------------------------------------------------------------------

  void push_text(std::size_t begin, std::size_t end) {
    std::size_t start = begin;
    for (std::size_t i = begin; i < end; ++i) {
      if (text_[i] != '\n') continue;
      // "\r\n" is one line terminator, so that standalone lines work with Windows line endings.
      const std::size_t nl = (i > start && text_[i - 1] == '\r') ? i - 1 : i;
      if (nl > start) tokens_.push_back(make_token(TokKind::text, start, nl));
      tokens_.push_back(make_token(TokKind::newline, nl, i + 1));
      start = i + 1;
    }
    if (end > start) tokens_.push_back(make_token(TokKind::text, start, end));
  }

  // The start of an unclosed tag, for messages: up to the end of its line, at most ~40 bytes.
  std::string tag_start_excerpt(std::size_t open) const {
    std::size_t end = text_.find('\n', open);
    if (end == std::string_view::npos) end = text_.size();
    end = std::min(end, open + 40);
    while (end < text_.size() && end > open && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) --end;
    std::string_view s = slice(open, end);
    while (!s.empty() && is_space_char(s.back())) s.remove_suffix(1);
    return std::string(s);
  }

  void report_unclosed_tag(std::size_t open, const std::string& closer) {
    error(open, msg<Msg::template_syntax_unclosed_tag>(arg<"tag">(tag_start_excerpt(open)), arg<"closer">(closer)));
  }

  void lex() {
    std::string_view otag = "{{";
    std::string_view ctag = "}}";
    const std::size_t n = text_.size();
    std::size_t pos = 0;
    while (pos < n) {
      const std::size_t open = text_.find(otag, pos);
      if (open == std::string_view::npos) {
        push_text(pos, n);
        break;
      }
      push_text(pos, open);
      Token t = make_token(TokKind::tag, open, open);
      t.otag = otag;
      t.ctag = ctag;
      std::size_t content = open + otag.size();
      std::string closer(ctag);
      const char sigil = content < n ? text_[content] : '\0';
      switch (sigil) {
        case '{': t.tag = TagKind::raw; closer = "}" + closer; break;
        case '&': t.tag = TagKind::raw; break;
        case '#': t.tag = TagKind::section; break;
        case '^': t.tag = TagKind::inverted; break;
        case '/': t.tag = TagKind::close; break;
        case '!': t.tag = TagKind::comment; break;
        case '>': t.tag = TagKind::partial; break;
        case '<': t.tag = TagKind::parent; break;
        case '$': t.tag = TagKind::block; break;
        case '=': t.tag = TagKind::delimiters; closer = "=" + closer; break;
        default: t.tag = TagKind::variable; break;
      }
      if (t.tag != TagKind::variable) ++content;
      std::size_t close = text_.find(closer, content);
      if (t.tag == TagKind::delimiters) {
        // A delimiter change ends at the first closing delimiter, which must follow an '='; looking for
        // "=}}" alone would run on to a later delimiter change after "{{=<% %>}}".
        const std::size_t plain = text_.find(ctag, content);
        if (plain != std::string_view::npos && (close == std::string_view::npos || plain != close + 1)) {
          t.end = plain + ctag.size();
          error(open, msg<Msg::template_syntax_delimiter_equals>(arg<"tag">(slice(t)), arg<"closer">(ctag)),
                {msg<Msg::template_syntax_delimiter_hint>(arg<"example">(std::string(otag) + "=<% %>=" + std::string(ctag)))});
          t.tag = TagKind::comment;  // dropped; the delimiters stay as they were
          tokens_.push_back(t);
          pos = t.end;
          continue;
        }
      }
      if (close == std::string_view::npos) {
        report_unclosed_tag(open, closer);
        push_text(open, n);
        break;
      }
      const std::string_view body = slice(content, close);
      if (t.tag != TagKind::comment && t.tag != TagKind::delimiters) {
        // An opening delimiter inside a tag almost always means this tag was never closed and the closing
        // delimiter found belongs to a later tag: report that, and lex again from the later tag.
        const std::size_t inner = body.find(otag);
        if (inner != std::string_view::npos) {
          report_unclosed_tag(open, closer);
          push_text(open, content + inner);
          pos = content + inner;
          continue;
        }
      }
      t.end = close + closer.size();
      if (t.tag == TagKind::delimiters) {
        const std::string_view spec = trim(body);
        std::size_t gap = 0;
        while (gap < spec.size() && !is_space_char(spec[gap])) ++gap;
        const std::string_view first = spec.substr(0, gap);
        const std::string_view second = trim(spec.substr(gap));
        if (first.empty() || second.empty() ||
            std::any_of(second.begin(), second.end(), is_space_char)) {
          error(open, msg<Msg::template_syntax_delimiter_pair>(arg<"tag">(slice(t))),
                {msg<Msg::template_syntax_delimiter_hint>(arg<"example">(std::string(otag) + "=<% %>=" + std::string(ctag)))});
        } else {
          otag = first;
          ctag = second;
        }
      } else if (t.tag != TagKind::comment) {
        t.name = trim(body);
        check_name(t);
      }
      tokens_.push_back(t);
      pos = t.end;
    }
  }

  void check_name(const Token& t) {
    const std::string_view name = t.name;
    if (name.empty()) {
      error(t.begin, msg<Msg::template_syntax_empty_name>(arg<"tag">(slice(t))));
      return;
    }
    if (std::any_of(name.begin(), name.end(), is_space_char)) {
      error(t.begin, msg<Msg::template_syntax_name_space>(arg<"name">(name)));
      return;
    }
    const bool dotted = t.tag == TagKind::variable || t.tag == TagKind::raw || t.tag == TagKind::section ||
                        t.tag == TagKind::inverted;
    if (dotted && name != "." &&
        (name.front() == '.' || name.back() == '.' || name.find("..") != std::string_view::npos)) {
      error(t.begin, msg<Msg::template_syntax_name_dots>(arg<"name">(name)), {msg<Msg::template_syntax_name_dots_hint>()});
    }
  }

  // ---- pass 2: pairing -----------------------------------------------------------------------------

  bool closed_later(int from, std::string_view name) const {
    for (int j = from + 1; j < token_count(); ++j) {
      const Token& t = tokens_[static_cast<std::size_t>(j)];
      if (t.kind == TokKind::tag && t.tag == TagKind::close && t.name == name) return true;
    }
    return false;
  }

  std::string close_tag_for(const Token& open, const Token& delimiters_from) const {
    return std::string(delimiters_from.otag) + "/" + std::string(open.name) + std::string(delimiters_from.ctag);
  }

  void match() {
    std::vector<int> stack;
    for (int i = 0; i < token_count(); ++i) {
      Token& t = tokens_[static_cast<std::size_t>(i)];
      t.container = stack.empty() ? -1 : stack.back();
      if (t.kind != TokKind::tag) continue;
      if (is_opening(t.tag)) {
        stack.push_back(i);
        continue;
      }
      if (t.tag != TagKind::close) continue;
      if (stack.empty()) {
        error(t.begin, msg<Msg::template_syntax_stray_close>(arg<"tag">(slice(t))));
        continue;
      }
      int k = static_cast<int>(stack.size()) - 1;
      while (k >= 0 && tokens_[static_cast<std::size_t>(stack[static_cast<std::size_t>(k)])].name != t.name) --k;
      const int top = static_cast<int>(stack.size()) - 1;
      if (k != top) {
        const Token& open = tokens_[static_cast<std::size_t>(stack.back())];
        error(t.begin, msg<Msg::template_syntax_mismatched_close>(arg<"tag">(slice(t)), arg<"expected">(close_tag_for(open, t))),
              {msg<Msg::template_syntax_opened_at_hint>(arg<"tag">(slice(open)), arg<"where">(where(open.begin)))});
        if (k < 0) {
          // Either a stray closing tag (the open section is closed later: drop this one) or a misspelt one
          // (it is not: take it as the closing tag of the open section), whichever reports less noise.
          if (closed_later(i, open.name)) continue;
          k = top;
        }
        // Sections opened inside the matched one end here too.
        for (int j = k + 1; j <= top; ++j) tokens_[static_cast<std::size_t>(stack[static_cast<std::size_t>(j)])].partner = i;
      }
      const int opener = stack[static_cast<std::size_t>(k)];
      tokens_[static_cast<std::size_t>(opener)].partner = i;
      t.partner = opener;
      t.container = tokens_[static_cast<std::size_t>(opener)].container;
      stack.resize(static_cast<std::size_t>(k));
    }
    for (const int open_index : stack) {
      Token& open = tokens_[static_cast<std::size_t>(open_index)];
      open.partner = token_count();
      error(open.begin, msg<Msg::template_syntax_unclosed_section>(arg<"kind">(kind_word(open.tag)), arg<"tag">(slice(open)),
                                                                   arg<"closer">(close_tag_for(open, open))));
    }
  }

  // ---- pass 3: standalone lines --------------------------------------------------------------------

  // Tags that may share a standalone line with each other: a parent's own tags and, directly inside a
  // parent, block tags, comments and delimiter changes (everything else there is ignored anyway).
  bool argument_level(int i) const {
    const Token& t = tokens_[static_cast<std::size_t>(i)];
    auto in_parent = [&](const Token& x) {
      return x.container >= 0 && tokens_[static_cast<std::size_t>(x.container)].tag == TagKind::parent;
    };
    switch (t.tag) {
      case TagKind::parent: return true;
      case TagKind::block:
      case TagKind::comment:
      case TagKind::delimiters: return in_parent(t);
      case TagKind::close: {
        if (t.partner < 0) return false;
        const Token& open = tokens_[static_cast<std::size_t>(t.partner)];
        return open.tag == TagKind::parent || (open.tag == TagKind::block && in_parent(open));
      }
      default: return false;
    }
  }

  void split_lines() {
    int first = 0;
    for (int i = 0; i < token_count(); ++i) {
      Token& t = tokens_[static_cast<std::size_t>(i)];
      t.line = static_cast<int>(lines_.size());
      t.line_first = i == first;
      if (t.kind == TokKind::newline || i + 1 == token_count()) {
        finish_line(first, i + 1);
        first = i + 1;
      }
    }
  }

  void finish_line(int first, int end) {
    Line line;
    const Token& head = tokens_[static_cast<std::size_t>(first)];
    if (head.kind == TokKind::text) {
      const std::string_view s = slice(head);
      std::size_t k = 0;
      while (k < s.size() && is_blank_char(s[k])) ++k;
      line.indent = s.substr(0, k);
    }
    int tags = 0;
    bool blank_text = true;
    bool silent = true;  // no interpolation: interpolation tags are never standalone
    bool arguments_only = true;
    for (int i = first; i < end; ++i) {
      const Token& t = tokens_[static_cast<std::size_t>(i)];
      if (t.kind == TokKind::text) {
        if (!all_blank(slice(t))) blank_text = false;
      } else if (t.kind == TokKind::tag) {
        ++tags;
        if (t.tag == TagKind::variable || t.tag == TagKind::raw) silent = false;
        if (!argument_level(i)) arguments_only = false;
      }
    }
    line.blank = tags == 0 && blank_text;
    if (blank_text && silent && tags >= 1 && (tags == 1 || arguments_only)) {
      for (int i = first; i < end; ++i) {
        Token& t = tokens_[static_cast<std::size_t>(i)];
        if (t.kind == TokKind::tag) t.standalone = true;
        else t.removed = true;
      }
    }
    lines_.push_back(line);
  }

  // ---- pass 4: the tree ----------------------------------------------------------------------------

  // The intrinsic indentation of a block: with the opening tag on a line of its own, that of the first
  // non-blank line of its body ("Intrinsic indentation" in the spec); otherwise that of the tag's line.
  std::string_view block_indent(int i) const {
    const Token& t = tokens_[static_cast<std::size_t>(i)];
    if (!t.standalone) return lines_[static_cast<std::size_t>(t.line)].indent;
    const int last_line = t.partner < token_count() ? tokens_[static_cast<std::size_t>(t.partner)].line
                                                    : static_cast<int>(lines_.size()) - 1;
    for (int l = t.line + 1; l <= last_line; ++l) {
      if (!lines_[static_cast<std::size_t>(l)].blank) return lines_[static_cast<std::size_t>(l)].indent;
    }
    return {};
  }

  Node tag_node(NodeKind kind, const Token& t) const {
    Node node;
    node.kind = kind;
    node.text = std::string(t.name);
    node.offset = t.begin;
    node.standalone = t.standalone;
    return node;
  }

  // A block (at `i`) with its body; `strip` is the indentation removed from the lines around it.
  Node block_node(int i, int end, std::string_view strip) {
    const Token& t = tokens_[static_cast<std::size_t>(i)];
    const std::string_view own = block_indent(i);
    Node node = tag_node(NodeKind::block, t);
    node.indent = std::string(strip_indent(own, strip));
    build(i + 1, std::min(t.partner, end), own, node.children);
    return node;
  }

  // Builds the nodes of tokens [begin, end); text at the start of a line loses the prefix it shares with
  // `strip` (the intrinsic indentation of the innermost enclosing block, if any).
  void build(int begin, int end, std::string_view strip, std::vector<Node>& out) {
    std::string pending;
    std::size_t pending_offset = 0;
    auto flush = [&] {
      if (pending.empty()) return;
      Node node;
      node.kind = NodeKind::text;
      node.ends_line = pending.back() == '\n';
      node.bare_newline = pending == "\n" || pending == "\r\n";
      node.offset = pending_offset;
      node.text = std::move(pending);
      out.push_back(std::move(node));
      pending.clear();
    };
    int i = begin;
    while (i < end) {
      const Token& t = tokens_[static_cast<std::size_t>(i)];
      if (t.kind != TokKind::tag) {
        if (!t.removed) {
          std::string_view s = slice(t);
          if (t.kind == TokKind::text && t.line_first) s = strip_indent(s, strip);
          if (pending.empty()) pending_offset = t.begin;
          pending += s;
          // One line per text node: the renderer indents at node starts only.
          if (t.kind == TokKind::newline) flush();
        }
        ++i;
        continue;
      }
      switch (t.tag) {
        case TagKind::comment:
        case TagKind::delimiters:
        case TagKind::close:  // a dropped one: matched closing tags are skipped with their opening tag
          ++i;
          break;
        case TagKind::variable:
        case TagKind::raw: {
          flush();
          Node node = tag_node(t.tag == TagKind::raw ? NodeKind::raw : NodeKind::variable, t);
          node.path = split_path(t.name);
          out.push_back(std::move(node));
          ++i;
          break;
        }
        case TagKind::section:
        case TagKind::inverted: {
          flush();
          Node node = tag_node(t.tag == TagKind::section ? NodeKind::section : NodeKind::inverted, t);
          node.path = split_path(t.name);
          build(i + 1, std::min(t.partner, end), strip, node.children);
          out.push_back(std::move(node));
          i = t.partner + 1;
          break;
        }
        case TagKind::partial: {
          flush();
          Node node = tag_node(NodeKind::partial, t);
          if (t.standalone) node.indent = std::string(strip_indent(lines_[static_cast<std::size_t>(t.line)].indent, strip));
          out.push_back(std::move(node));
          ++i;
          break;
        }
        case TagKind::parent: {
          flush();
          Node node = tag_node(NodeKind::parent, t);
          if (t.standalone) node.indent = std::string(strip_indent(lines_[static_cast<std::size_t>(t.line)].indent, strip));
          // Only the blocks directly inside a parent count; any other content there is ignored.
          const int stop = std::min(t.partner, end);
          for (int j = i + 1; j < stop;) {
            const Token& a = tokens_[static_cast<std::size_t>(j)];
            if (a.kind == TokKind::tag && a.tag == TagKind::block) {
              node.children.push_back(block_node(j, stop, {}));
              j = a.partner + 1;
            } else if (a.kind == TokKind::tag && is_opening(a.tag)) {
              j = a.partner + 1;
            } else {
              ++j;
            }
          }
          out.push_back(std::move(node));
          i = t.partner + 1;
          break;
        }
        case TagKind::block:
          flush();
          out.push_back(block_node(i, end, strip));
          i = t.partner + 1;
          break;
      }
    }
    flush();
  }

  base::SourcePtr source_;
  std::string_view text_;
  base::Diagnostics& diags_;
  std::vector<Token> tokens_;
  std::vector<Line> lines_;
};

}  // namespace

std::vector<Node> parse_template(const base::SourcePtr& source, base::Diagnostics& diags) {
  // The passes find problems out of order (an unclosed section only at the end): report in source order.
  base::Diagnostics found;
  std::vector<Node> nodes = Parser(source, found).run();
  std::vector<base::Diagnostic> sorted = found.all();
  std::stable_sort(sorted.begin(), sorted.end(), [](const base::Diagnostic& a, const base::Diagnostic& b) {
    return a.location.offset < b.location.offset;
  });
  for (auto& d : sorted) diags.add(std::move(d));
  return nodes;
}

}  // namespace planpress::tmpl::detail
