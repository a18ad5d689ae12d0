#pragma once
/// The search writer, part of the render phase: the model's texts (corpus) → bigram index → script files
/// under search/. The search page itself is a page of the site (site renders search.html from its
/// template); it loads these files and runs in the browser with no server, also from file://
/// (docs/search.md).
#include "assemble/assemble.hpp"
#include "io/publish.hpp"
#include "model/model.hpp"
#include "search/index.hpp"
#include "xref/xref.hpp"

namespace planpress::search {

/// Builds the corpus and index from the model and adds search/*.js to `out`.
void render_search(const model::Model& model, const xref::SymbolTable& symbols, const assemble::Assembly& assembly,
                   io::OutputTree& out, const IndexOptions& options = {});

/// Like render_search into a tree, into any sink (a build's staging directory).
void render_search(const model::Model& model, const xref::SymbolTable& symbols, const assemble::Assembly& assembly,
                   io::OutputSink& out, const IndexOptions& options = {});

}  // namespace planpress::search
