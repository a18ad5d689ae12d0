#include "search/search.hpp"

#include "search/corpus.hpp"
#include "search/files.hpp"

namespace planpress::search {

void render_search(const model::Model& model, const xref::SymbolTable& symbols, const assemble::Assembly& assembly,
                   io::OutputTree& out, const IndexOptions& options) {
  const Corpus corpus = collect(model, symbols, assembly);
  const Index index = build_index(corpus, options);
  for (auto& [path, bytes] : render_index_files(corpus, index)) out[path] = std::move(bytes);
}

}  // namespace planpress::search
