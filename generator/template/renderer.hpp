#pragma once
/// Internal: renders a compiled template tree against a JSON context.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/diagnostic.hpp"
#include "template/node.hpp"

namespace planpress::tmpl::detail {

/// Appends the rendering of `tmpl` with `context` to `out`. When partials nest deeper than the recursion
/// limit, reports template-recursion at the tag into `diags` and stops (`out` is then incomplete).
void render_template(const Template& tmpl, const nlohmann::json& context, std::string& out, base::Diagnostics& diags);

/// Appends `text` to `out` with & < > " ' replaced by HTML character references.
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace planpress::tmpl::detail
