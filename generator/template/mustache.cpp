#include "template/mustache.hpp"

#include "base/suggest.hpp"
#include "template/node.hpp"
#include "template/parser.hpp"
#include "template/recursion.hpp"
#include "template/renderer.hpp"

namespace planpress::tmpl {

TemplateSet::TemplateSet() = default;
TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;

void TemplateSet::add(std::string name, base::SourcePtr source) {
  auto it = templates_.find(name);
  if (it == templates_.end()) {
    order_.push_back(name);
    it = templates_.emplace(name, std::make_unique<detail::Template>()).first;
  }
  it->second->name = std::move(name);
  it->second->source = std::move(source);
  it->second->nodes.clear();
  // Other templates may point into the replaced tree.
  compiled_ = false;
}

bool TemplateSet::contains(const std::string& name) const { return templates_.find(name) != templates_.end(); }

namespace {

// Resolves partial and parent names to templates, reporting unknown ones if asked to.
class Linker {
 public:
  Linker(const std::map<std::string, std::unique_ptr<detail::Template>, std::less<>>& templates,
         const std::vector<std::string>& names, base::Diagnostics& diags, bool strict)
      : templates_(templates), names_(names), diags_(diags), strict_(strict) {}

  void link(detail::Template& tmpl) {
    current_ = &tmpl;
    link(tmpl.nodes);
  }

 private:
  void link(std::vector<detail::Node>& nodes) {
    for (detail::Node& node : nodes) {
      if (node.kind == detail::NodeKind::partial || node.kind == detail::NodeKind::parent) {
        const auto it = templates_.find(node.text);
        node.target = it == templates_.end() ? nullptr : it->second.get();
        if (node.target == nullptr && strict_) report_unknown(node);
      }
      link(node.children);
    }
  }

  void report_unknown(const detail::Node& node) {
    using base::arg, base::msg, base::Msg;
    std::vector<base::Message> hints;
    if (const auto guess = base::closest_match(node.text, names_)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*guess)));
    const Msg what = node.kind == detail::NodeKind::parent ? Msg::term_parent_template : Msg::term_partial;
    diags_.error(base::Location::in(current_->source, node.offset),
                 msg<Msg::template_missing_partial_unknown>(arg<"kind">(base::Message{what, {}}), arg<"name">(node.text)), std::move(hints));
  }

  const std::map<std::string, std::unique_ptr<detail::Template>, std::less<>>& templates_;
  const std::vector<std::string>& names_;
  base::Diagnostics& diags_;
  bool strict_;
  const detail::Template* current_ = nullptr;
};

}  // namespace

bool TemplateSet::compile(base::Diagnostics& diags, bool strict_partials) {
  const std::size_t errors_before = diags.error_count();
  for (const std::string& name : order_) {
    detail::Template& tmpl = *templates_.at(name);
    tmpl.nodes = detail::parse_template(tmpl.source, diags);
  }
  Linker linker(templates_, order_, diags, strict_partials);
  for (const std::string& name : order_) linker.link(*templates_.at(name));
  detail::check_recursion(order_, templates_, diags);
  compiled_ = true;
  return diags.error_count() == errors_before;
}

namespace {

std::string dotted(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& p : path) out += (out.empty() ? "" : ".") + p;
  return out;
}

void report_unknown(const detail::Template& tmpl, const std::vector<detail::Node>& nodes, base::Diagnostics& diags) {
  for (const detail::Node& node : nodes) {
    // Interpolations only: a section on a key that only some contexts have is the Mustache idiom for an
    // optional part ({{#period}}…{{/period}}), but an interpolation is there to print something.
    const bool interpolation = node.kind == detail::NodeKind::variable || node.kind == detail::NodeKind::raw;
    if (interpolation && node.lookups.never_found())
      diags.error(base::Location::in(tmpl.source, node.offset),
                  base::msg<base::Msg::template_unknown_variable_name>(base::arg<"name">(dotted(node.path))),
                  {base::msg<base::Msg::template_unknown_variable_hint>()});
    report_unknown(tmpl, node.children, diags);
  }
}

}  // namespace

void TemplateSet::report_unknown_names(base::Diagnostics& diags) const {
  for (const std::string& name : order_) {
    const detail::Template& tmpl = *templates_.at(name);
    report_unknown(tmpl, tmpl.nodes, diags);
  }
}

std::string TemplateSet::render(const std::string& name, const nlohmann::json& context, base::Diagnostics& diags) const {
  if (!compiled_) throw RenderError("template set rendered before compile()");
  const auto it = templates_.find(name);
  std::string out;
  if (it == templates_.end()) {
    diags.error({}, base::msg<base::Msg::missing_file_template>(base::arg<"name">(name)));
    return out;
  }
  out.reserve(it->second->source ? it->second->source->text().size() * 2 : 256);
  detail::render_template(*it->second, context, out, diags);
  return out;
}

}  // namespace planpress::tmpl
