#pragma once
/// Site search, part of the render phase: the model's texts (corpus) → bigram index → script files, and
/// the search page. Runs in the browser with no server, also from file:// (docs/search.md).
#include <string>
#include <vector>

#include "io/publish.hpp"
#include "search/index.hpp"
#include "site/site.hpp"

namespace planpress::search {

/// Path of the search page below the site root.
inline constexpr const char* kSearchPage = "search.html";

/// Template names search needs (the page and the search box every page includes).
const std::vector<std::string>& required_templates();

/// Builds the corpus and index from `in.model` and adds search.html and search/*.js to `out`; template
/// problems found while rendering the page go to `diags`.
void render_search(const site::SiteInput& in, io::OutputTree& out, base::Diagnostics& diags,
                   const IndexOptions& options = {});

}  // namespace planpress::search
