#pragma once
/// Markdown (planpress's own AST, see markdown/markdown.hpp) typeset as blocks: paragraphs, headings,
/// lists with hanging labels, block quotes, code, rules and GFM tables (tables over pages, or small grids
/// inside a table cell). [[…]] links become internal links or links to the web pages.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "layout/blocks.hpp"
#include "markdown/markdown.hpp"

namespace planpress::layout {

/// Where a [[…]] link leads: its text and an anchor of this PDF, a URI, or a named destination (`anchor`) of
/// another PDF (`file`); none of them when it leads nowhere that can be reached from a mailed PDF.
struct ResolvedTarget {
  std::string text;    ///< the target's title, when the link gives none
  std::string anchor;  ///< in this PDF (or in `file`), or
  std::string uri;     ///< an absolute URL, or
  std::string file;    ///< another PDF, by file name relative to this one
};

/// Resolves the target of a [[…]] link; nullopt when it cannot be resolved (shown as plain text).
using TargetResolver = std::function<std::optional<ResolvedTarget>(const std::string& target)>;

/// How Markdown is typeset.
struct MarkdownOptions {
  double size = style::kBody;  ///< body text size, points
  int top_heading_level = 1;  ///< PDF heading level of a `##` heading (see typeset_heading)
  bool in_cell = false;       ///< tables become grids and headings stay small
  std::string anchor_prefix;  ///< headings get anchors <prefix>-h1, -h2 … when set
  int outline_level = -1;     ///< outline level of `##` headings (deeper ones nest below); -1: none
};

/// Typesets a Markdown document `width` wide.
std::vector<Block> typeset_markdown(const markdown::Node& root, double width, const Measurer& m,
                                   const TargetResolver& resolve, const MarkdownOptions& options = {});

}  // namespace planpress::layout
