#include "template/renderer.hpp"

#include <charconv>
#include <cstdint>
#include <vector>

#include "template/mustache.hpp"

namespace planpress::tmpl::detail {
namespace {

using nlohmann::json;

// Partials and parents nested deeper than this are taken to be infinite recursion.
constexpr int kMaxDepth = 256;

// The block arguments of one parent tag being expanded, linked to those of the enclosing expansions.
// Lives on the C++ stack of the renderer.
struct Frame {
  const Node* parent;
  const Frame* outer;
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
  Renderer(std::string& out, const json& root) : out_(out) {
    stack_.reserve(16);
    stack_.push_back(&root);
  }

  // `indent` is added before every non-empty line that template text (not data) starts; `frames` are the
  // block arguments in force.
  void render(const std::vector<Node>& nodes, const std::string& indent, const Frame* frames) {
    for (const Node& node : nodes) {
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
        case NodeKind::section: {
          const json* v = lookup(node);
          if (v == nullptr) break;
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
          break;
        }
        case NodeKind::inverted: {
          const json* v = lookup(node);
          if (v == nullptr || !truthy(*v)) render(node.children, indent, frames);
          break;
        }
        case NodeKind::partial:
          // A partial is a parent without arguments: the block arguments in force stay in force.
          if (node.target != nullptr) expand(node, node.target->nodes, indent, frames);
          break;
        case NodeKind::parent:
          if (node.target != nullptr) {
            const Frame frame{&node, frames};
            expand(node, node.target->nodes, indent, &frame);
          }
          break;
        case NodeKind::block: {
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
          // An argument sees the arguments in force where it was written (outside the parent tag that
          // passes it), not those of the expansion site: a block may thus reuse its own name in a nested
          // parent tag without recursing forever.
          if (argument != nullptr) render(argument->children, *sub_indent, defined_in->outer);
          else render(node.children, *sub_indent, frames);
          break;
        }
      }
    }
  }

 private:
  void expand(const Node& tag, const std::vector<Node>& body, const std::string& indent, const Frame* frames) {
    if (depth_ >= kMaxDepth) {
      throw RenderError("template partials nested more than " + std::to_string(kMaxDepth) +
                        " deep (infinite recursion?) at '" + tag.text + "'");
    }
    ++depth_;
    // A standalone partial is indented as a whole, its first line included, wherever output stands.
    if (tag.standalone) line_start_ = true;
    if (tag.indent.empty()) {
      render(body, indent, frames);
    } else {
      render(body, indent + tag.indent, frames);
    }
    --depth_;
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
        dumped = v.dump();
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
  std::vector<const json*> stack_;
  bool line_start_ = true;
  int depth_ = 0;
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

void render_template(const Template& tmpl, const nlohmann::json& context, std::string& out) {
  Renderer(out, context).render(tmpl.nodes, std::string(), nullptr);
}

}  // namespace planpress::tmpl::detail
