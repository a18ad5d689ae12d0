#pragma once
/// The index as classic script files (they load from file://, where fetch, ES modules and WASM fail):
///   search/index.js       planpressSearch.setIndex({...})  normalisation tables, shard layouts, plans,
///                         facet values and per-document facet data; loaded with search.html
///   search/k….js          planpressSearch.addLists("kb3", {key: document list [+ positions], ...})
///   search/t<n>.js        planpressSearch.addTexts(n, [[title, url, [[class, label, text, anchor?], ...]], ...])
#include <functional>
#include <map>
#include <string>

#include "search/corpus.hpp"
#include "search/index.hpp"

namespace planpress::search {

/// Directory of the index files below the site root.
inline constexpr const char* kIndexDir = "search/";

/// A JavaScript (and JSON) string literal for UTF-8 text: quotes, backslashes, controls, U+2028/2029 escaped.
std::string quote_js(const std::string& utf8);

/// Every index file, by root-relative path.
std::map<std::string, std::string> render_index_files(const Corpus& corpus, const Index& index);

/// Every index file, each handed to `emit` (root-relative path, bytes) as soon as it is made, so the files
/// are never all in memory at once.
void render_index_files(const Corpus& corpus, const Index& index,
                        const std::function<void(std::string path, std::string bytes)>& emit);

}  // namespace planpress::search
