#pragma once
/// Internal: Mustache source → node tree.
#include <vector>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "template/node.hpp"

namespace planpress::tmpl::detail {

/// Parses `source` into a node tree, reporting every syntax problem as a `template-syntax` error in
/// `diags`. Recovers where it can (stray closing tags are dropped, unclosed sections end at the end of the
/// file), so the tree is always usable, if not always meaningful.
std::vector<Node> parse_template(const base::SourcePtr& source, base::Diagnostics& diags);

}  // namespace planpress::tmpl::detail
