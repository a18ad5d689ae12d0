#include "search/search.hpp"

#include "search/corpus.hpp"
#include "search/files.hpp"

namespace planpress::search {

void render_search(const model::Model& model, const xref::SymbolTable& symbols, const assemble::Assembly& assembly,
                   io::OutputSink& out, const IndexOptions& options) {
  const Corpus corpus = collect(model, symbols, assembly);
  const Index index = build_index(corpus, options);
  render_index_files(corpus, index, [&out](std::string path, std::string bytes) { out.add(path, std::move(bytes)); });
}

void render_search(const model::Model& model, const xref::SymbolTable& symbols, const assemble::Assembly& assembly,
                   io::OutputTree& out, const IndexOptions& options) {
  io::TreeSink sink(out);
  render_search(model, symbols, assembly, sink, options);
}

}  // namespace planpress::search
