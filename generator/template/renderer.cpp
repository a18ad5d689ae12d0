#include "template/renderer.hpp"

#include <charconv>
#include <cstdint>
#include <vector>


namespace planpress::tmpl::detail {
namespace {

using nlohmann::json;

// Partials and parents nested deeper than this are taken to be infinite recursion.
constexpr std::size_t kMaxDepth = 256;

// The block arguments of one parent tag being expanded, linked to those of the enclosing expansions.
// Lives on the C++ stack of the renderer.
struct Frame {
  const Node* parent;
  const Frame* outer;
  const Template* written_in;  // the template holding the parent tag and so its arguments
};

// The Mustache notion of falsey for JSON: false, null and the empty list. Everything else, the empty
// string and 0 included, is truthy, as in the spec's reference implementation.
bool truthy(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
    case json::value_t::discarded: return false;
    case json::value_t::boolean: return v.get<bool>();
    case json::value_t::array: return !v.empty();
    default: return true;
  }
}

class Renderer {
 public:
  Renderer(std::string& out, const json& root, const Template& tmpl, base::Diagnostics& diags)
      : out_(out), diags_(diags), template_(&tmpl) {
    stack_.reserve(16);
    stack_.push_back(&root);
  }

  // `indent` is added before every non-empty line that template text (not data) starts; `frames` are the
  // block arguments in force.
  void render(const std::vector<Node>& nodes, const std::string& indent, const Frame* frames) {
    for (const Node& node : nodes) {
      if (stopped_) return;
      switch (node.kind) {
        case NodeKind::text:
          if (line_start_ && !indent.empty() && !node.bare_newline) out_ += indent;
          out_ += node.text;
          line_start_ = node.ends_line;
          break;
        case NodeKind::variable:
        case NodeKind::raw:
          if (const json* v = lookup(node)) emit(*v, node.kind == NodeKind::variable, indent);
          break;
        case NodeKind::section:
          render_section(node, indent, frames);
          break;
        case NodeKind::inverted: {
          const json* v = lookup(node);
          if (v == nullptr || !truthy(*v)) render(node.children, indent, frames);
          break;
        }
        case NodeKind::partial:
          // A partial is a parent without arguments: the block arguments in force stay in force.
          if (node.target != nullptr) expand(node, *node.target, indent, frames);
          break;
        case NodeKind::parent:
          if (node.target != nullptr) {
            const Frame frame{&node, frames, template_};
            expand(node, *node.target, indent, &frame);
          }
          break;
        case NodeKind::block:
          render_block(node, indent, frames);
          break;
      }
    }
  }

 private:
  // {{#name}}: once per element of a list, once for any other truthy value (pushed as the context).
  void render_section(const Node& node, const std::string& indent, const Frame* frames) {
    const json* v = lookup(node.path);
    if (v == nullptr) return;
    if (v->is_array()) {
      for (const json& item : *v) {
        stack_.push_back(&item);
        render(node.children, indent, frames);
        stack_.pop_back();
      }
    } else if (truthy(*v)) {
      stack_.push_back(v);
      render(node.children, indent, frames);
      stack_.pop_back();
    }
  }

  // {{$name}}: the argument of that name passed by an enclosing parent tag, else the block's own content.
  void render_block(const Node& node, const std::string& indent, const Frame* frames) {
    // The outermost argument wins ("top-level substitutions take precedence").
    const Node* argument = nullptr;
    const Frame* defined_in = nullptr;
    for (const Frame* f = frames; f != nullptr; f = f->outer) {
      for (const Node& candidate : f->parent->children) {
        if (candidate.text == node.text) {
          argument = &candidate;
          defined_in = f;
          break;
        }
      }
    }
    if (node.standalone) line_start_ = true;
    const std::string* sub_indent = &indent;
    std::string joined;
    if (!node.indent.empty()) {
      joined = indent + node.indent;
      sub_indent = &joined;
    }
    // An argument sees the arguments in force where it was written (outside the parent tag that passes
    // it), not those of the expansion site: a block may thus reuse its own name in a nested parent tag
    // without recursing forever.
    if (argument != nullptr) {
      const Template* outer = template_;
      template_ = defined_in->written_in;
      render(argument->children, *sub_indent, defined_in->outer);
      template_ = outer;
    } else {
      render(node.children, *sub_indent, frames);
    }
  }

  void expand(const Node& tag, const Template& target, const std::string& indent, const Frame* frames) {
    if (expansions_.size() >= kMaxDepth) {
      report_recursion(tag);
      return;
    }
    expansions_.push_back({template_, &tag});
    const Template* outer = template_;
    template_ = &target;
    // A standalone partial is indented as a whole, its first line included, wherever output stands.
    if (tag.standalone) line_start_ = true;
    if (tag.indent.empty()) {
      render(target.nodes, indent, frames);
    } else {
      render(target.nodes, indent + tag.indent, frames);
    }
    template_ = outer;
    expansions_.pop_back();
  }

  // Compiling rejects templates that include themselves outside any section; a recursion this deep is one
  // the data never ends (a section on a value that is found again at every level). It is reported at the
  // innermost partial tag (the parents of layouts repeat along with it, but the partial is what recurses),
  // and nothing more is rendered.
  void report_recursion(const Node& cut_at) {
    Expansion where{template_, &cut_at};
    for (auto it = expansions_.rbegin(); it != expansions_.rend(); ++it) {
      if (it->tag->kind != NodeKind::partial) continue;
      where = *it;
      break;
    }
    diags_.error(base::Location::in(where.in->source, where.tag->offset),
                 base::msg<base::Msg::template_recursion_depth>(base::arg<"limit">(kMaxDepth), base::arg<"tag">(where.tag->text)),
                 {base::msg<base::Msg::template_recursion_depth_hint>()});
    stopped_ = true;
  }

  // Looks the tag's name up and records whether it was found (TemplateSet::unresolved_names).
  const json* lookup(const Node& node) const {
    const json* v = lookup(node.path);
    node.lookups.note(v != nullptr);
    return v;
  }

  // Context stack lookup: the first part of a dotted name is searched from the top of the stack down, the
  // other parts only in the value found for the part before.
  const json* lookup(const std::vector<std::string>& path) const {
    if (path.empty()) return stack_.back();
    const json* found = nullptr;
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      const json& ctx = **it;
      if (!ctx.is_object()) continue;
      const auto f = ctx.find(path.front());
      if (f != ctx.end()) {
        found = &*f;
        break;
      }
    }
    for (std::size_t k = 1; found != nullptr && k < path.size(); ++k) {
      if (!found->is_object()) return nullptr;
      const auto f = found->find(path[k]);
      found = f == found->end() ? nullptr : &*f;
    }
    return found;
  }

  void emit(const json& v, bool escape, const std::string& indent) {
    char buffer[24];
    std::string_view text;
    std::string dumped;
    switch (v.type()) {
      case json::value_t::string: text = v.get_ref<const std::string&>(); break;
      case json::value_t::number_integer: {
        const auto r = std::to_chars(buffer, buffer + sizeof buffer, v.get<std::int64_t>());
        text = std::string_view(buffer, static_cast<std::size_t>(r.ptr - buffer));
        break;
      }
      case json::value_t::number_unsigned: {
        const auto r = std::to_chars(buffer, buffer + sizeof buffer, v.get<std::uint64_t>());
        text = std::string_view(buffer, static_cast<std::size_t>(r.ptr - buffer));
        break;
      }
      case json::value_t::boolean: text = v.get<bool>() ? "true" : "false"; break;
      case json::value_t::null:
      case json::value_t::discarded: return;
      default:  // floats print as JSON prints them (1.21, 1.0, 1e+30); lists and objects as JSON text
        // (invalid UTF-8 in a nested string is replaced rather than thrown)
        dumped = v.dump(-1, ' ', false, json::error_handler_t::replace);
        text = dumped;
        break;
    }
    if (text.empty()) return;
    if (line_start_ && !indent.empty()) out_ += indent;
    line_start_ = false;
    if (escape) append_html_escaped(out_, text);
    else out_ += text;
  }

  std::string& out_;
  base::Diagnostics& diags_;
  const Template* template_;  // the template whose nodes are being rendered, for diagnostics
  std::vector<const json*> stack_;
  bool line_start_ = true;
  struct Expansion {
    const Template* in;  // the template holding the tag
    const Node* tag;
  };
  std::vector<Expansion> expansions_;  // partials and parents being expanded, outermost first
  bool stopped_ = false;  // a recursion was cut off: render nothing more
};

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      default: continue;
    }
    out.append(text, start, i - start);
    out += entity;
    start = i + 1;
  }
  out.append(text, start, text.size() - start);
}

void render_template(const Template& tmpl, const nlohmann::json& context, std::string& out, base::Diagnostics& diags) {
  Renderer(out, context, tmpl, diags).render(tmpl.nodes, std::string(), nullptr);
}

}  // namespace planpress::tmpl::detail
