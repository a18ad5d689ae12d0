// TemplateSet::lint_html: where in the HTML each interpolation of a template lands, checked at compile
// time. Escaping makes a value safe as element text and inside a quoted attribute value, nowhere else.
#include <algorithm>
#include <cctype>

#include "template/mustache.hpp"
#include "template/node.hpp"

namespace planpress::tmpl {

using base::arg;
using base::msg;
using base::Msg;

namespace {

// A small HTML tokenizer, enough to know the context of a position: element text, a tag (outside any
// attribute value), an attribute value (quoted or not, and of which attribute), the text of a <script>
// or <style> element, or a comment. Template tags are opaque to it.
class HtmlContext {
 public:
  enum class State { text, tag_name, in_tag, attr_name, after_attr_name, before_value, value_dq, value_sq, value_unquoted, raw_text, comment };

  void feed(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) step(s, i);
  }

  /// An interpolation stands here: it is some text, so an attribute value it starts has begun.
  void interpolated() {
    if (state_ == State::before_value) state_ = State::value_unquoted;
  }

  State state() const { return state_; }
  const std::string& attribute() const { return attr_; }
  const std::string& raw_element() const { return raw_element_; }

 private:
  static bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
  static char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

  void step(std::string_view s, std::size_t& i) {
    const char c = s[i];
    switch (state_) {
      case State::text:
        if (c == '<' && s.substr(i, 4) == "<!--") {
          state_ = State::comment;
          i += 3;
        } else if (c == '<' && i + 1 < s.size() && (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/')) {
          state_ = State::tag_name;
          tag_.clear();
          closing_ = s[i + 1] == '/';
          if (closing_) ++i;
        }
        break;
      case State::tag_name:
        if (space(c)) state_ = State::in_tag;
        else if (c == '>') end_tag();
        else if (c != '/') tag_ += lower(c);
        break;
      case State::in_tag:
        if (c == '>') end_tag();
        else if (!space(c) && c != '/') {
          state_ = State::attr_name;
          attr_.assign(1, lower(c));
        }
        break;
      case State::attr_name:
        if (c == '=') state_ = State::before_value;
        else if (c == '>') end_tag();
        else if (space(c)) state_ = State::after_attr_name;
        else attr_ += lower(c);
        break;
      case State::after_attr_name:
        if (c == '=') state_ = State::before_value;
        else if (c == '>') end_tag();
        else if (!space(c)) {
          state_ = State::attr_name;
          attr_.assign(1, lower(c));
        }
        break;
      case State::before_value:
        if (c == '"') state_ = State::value_dq;
        else if (c == '\'') state_ = State::value_sq;
        else if (c == '>') end_tag();
        else if (!space(c)) state_ = State::value_unquoted;
        break;
      case State::value_dq:
        if (c == '"') state_ = State::in_tag;
        break;
      case State::value_sq:
        if (c == '\'') state_ = State::in_tag;
        break;
      case State::value_unquoted:
        if (space(c)) state_ = State::in_tag;
        else if (c == '>') end_tag();
        break;
      case State::raw_text:
        if (c == '<' && s.size() > i + 1 && s[i + 1] == '/') {
          std::string name;
          for (std::size_t k = i + 2; k < s.size() && std::isalpha(static_cast<unsigned char>(s[k])); ++k) name += lower(s[k]);
          if (name == raw_element_) {
            state_ = State::tag_name;
            tag_.clear();
            closing_ = true;
            ++i;
          }
        }
        break;
      case State::comment:
        if (s.substr(i, 3) == "-->") {
          state_ = State::text;
          i += 2;
        }
        break;
    }
  }

  void end_tag() {
    if (!closing_ && (tag_ == "script" || tag_ == "style")) {
      state_ = State::raw_text;
      raw_element_ = tag_;
    } else {
      state_ = State::text;
    }
  }

  State state_ = State::text;
  std::string tag_, attr_, raw_element_;
  bool closing_ = false;
};

std::string dotted(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& p : path) out += (out.empty() ? "" : ".") + p;
  return out.empty() ? "." : out;
}

class Linter {
 public:
  Linter(const detail::Template& tmpl, const std::vector<std::string>& trusted, base::Diagnostics& diags)
      : tmpl_(tmpl), trusted_(trusted), diags_(diags) {}

  void lint(const std::vector<detail::Node>& nodes) {
    for (const detail::Node& node : nodes) {
      switch (node.kind) {
        case detail::NodeKind::text: html_.feed(node.text); break;
        case detail::NodeKind::variable:
        case detail::NodeKind::raw:
          check(node);
          html_.interpolated();
          break;
        default: lint(node.children); break;  // sections, blocks and parent arguments continue the HTML
      }
    }
  }

 private:
  void check(const detail::Node& node) {
    using State = HtmlContext::State;
    const std::string tag = node.kind == detail::NodeKind::raw ? "{{{" + dotted(node.path) + "}}}" : "{{" + dotted(node.path) + "}}";
    const bool raw = node.kind == detail::NodeKind::raw;
    const std::string& attr = html_.attribute();
    if (std::find(trusted_.begin(), trusted_.end(), dotted(node.path)) != trusted_.end()) return;
    switch (html_.state()) {
      case State::text:
        if (raw)
          report(node, msg<Msg::template_unsafe_raw>(arg<"tag">(tag), arg<"name">(dotted(node.path))),
                 msg<Msg::template_unsafe_raw_hint>(arg<"name">(dotted(node.path)), arg<"trusted">(trusted_list())));
        return;
      case State::comment: return;
      case State::value_dq:
      case State::value_sq:
        if (attr.rfind("on", 0) == 0)
          report(node, msg<Msg::template_unsafe_event_handler>(arg<"tag">(tag), arg<"attr">(attr)), msg<Msg::template_unsafe_event_handler_hint>());
        else if (attr == "style")
          report(node, msg<Msg::template_unsafe_style>(arg<"tag">(tag)), msg<Msg::template_unsafe_style_hint>());
        else if (raw)
          report(node, msg<Msg::template_unsafe_raw_attribute>(arg<"tag">(tag), arg<"attr">(attr)),
                 msg<Msg::template_unsafe_escape_hint>(arg<"name">(dotted(node.path))));
        return;
      case State::before_value:
      case State::value_unquoted:
        report(node, msg<Msg::template_unsafe_unquoted>(arg<"tag">(tag), arg<"attr">(attr)),
               msg<Msg::template_unsafe_unquoted_hint>(arg<"attr">(attr), arg<"tag">(tag)));
        return;
      case State::tag_name:
      case State::in_tag:
      case State::attr_name:
      case State::after_attr_name:
        report(node, msg<Msg::template_unsafe_in_tag>(arg<"tag">(tag)), msg<Msg::template_unsafe_in_tag_hint>());
        return;
      case State::raw_text:
        report(node,
               html_.raw_element() == "script" ? msg<Msg::template_unsafe_script>(arg<"tag">(tag), arg<"element">(html_.raw_element()))
                                               : msg<Msg::template_unsafe_css>(arg<"tag">(tag), arg<"element">(html_.raw_element())),
               msg<Msg::template_unsafe_raw_text_hint>());
        return;
    }
  }

  std::string trusted_list() const {
    std::string out;
    for (const auto& t : trusted_) out += (out.empty() ? "" : ", ") + t;
    return out.empty() ? "none" : out;
  }

  void report(const detail::Node& node, base::CodedMessage message, base::Message hint) {
    diags_.error(base::Location::in(tmpl_.source, node.offset), std::move(message), {std::move(hint)});
  }

  const detail::Template& tmpl_;
  const std::vector<std::string>& trusted_;
  base::Diagnostics& diags_;
  HtmlContext html_;
};

}  // namespace

bool TemplateSet::lint_html(const std::vector<std::string>& trusted, base::Diagnostics& diags) const {
  const std::size_t before = diags.error_count();
  for (const std::string& name : order_) {
    const detail::Template& tmpl = *templates_.at(name);
    Linter(tmpl, trusted, diags).lint(tmpl.nodes);
  }
  return diags.error_count() == before;
}

}  // namespace planpress::tmpl
