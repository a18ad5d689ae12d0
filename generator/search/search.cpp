#include "search/search.hpp"

#include "search/corpus.hpp"
#include "search/files.hpp"

namespace planpress::search {

const std::vector<std::string>& required_templates() {
  static const std::vector<std::string> names = {"search", "search-box"};
  return names;
}

void render_search(const site::SiteInput& in, io::OutputTree& out, base::Diagnostics& diags, const IndexOptions& options) {
  const Corpus corpus = collect(in.model, in.symbols);
  const Index index = build_index(corpus, options);
  for (auto& [path, bytes] : render_index_files(corpus, index)) out[path] = std::move(bytes);
  nlohmann::json ctx{{"title", "サイト内検索"},
                     {"description", "すべての計画の項目・本文・体系・指標をまとめて検索します。"},
                     {"search_page", true}};
  out[kSearchPage] = site::render_page(in, kSearchPage, "search", std::move(ctx), diags);
}

}  // namespace planpress::search
