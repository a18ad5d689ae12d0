#pragma once
/// Internal: templates that include themselves without end, found when compiling.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "template/node.hpp"

namespace planpress::tmpl::detail {

/// Reports `template-recursion` for every cycle of partials and parents that rendering would follow
/// whatever the data: tags outside sections, inverted sections and blocks (a section can end a recursion,
/// as in a tree rendered by a partial that includes itself for the children; a block can be replaced).
/// Each cycle is reported once, at the tag in the first template of `order` that starts it.
/// Precondition: the templates are parsed and linked (Node::target set).
void check_recursion(const std::vector<std::string>& order,
                     const std::map<std::string, std::unique_ptr<Template>, std::less<>>& templates,
                     base::Diagnostics& diags);

}  // namespace planpress::tmpl::detail
