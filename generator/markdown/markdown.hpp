#pragma once
/// Markdown (CommonMark + GFM tables, strikethrough, autolinks) parsed by cmark-gfm into planpress's own
/// AST. cmark-gfm is used only here.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"

namespace planpress::markdown {

enum class NodeKind {
  document, paragraph, heading, blockquote, list, item, code_block, thematic_break,
  table, table_row, table_cell,
  text, softbreak, linebreak, code, emph, strong, strike, link, wikilink
};

/// Text that is not the document's own words, marked by how a paragraph (or a block quote) starts
/// (docs/content-format.md, "Remarks in Markdown"). The marker is removed from the text; writers print a
/// label of their own (present::remark_label).
enum class Remark {
  none,
  editorial,  ///< ［編集注］: for the people who maintain the content; only review builds show it
  publisher,  ///< ［掲載注］: the publisher's word to readers (「原文の表は判読できないため掲載していません」)
};

/// The markers, as written at the start of a paragraph.
inline constexpr const char* kEditorialMarker = "［編集注］";
inline constexpr const char* kPublisherMarker = "［掲載注］";

/// One node. Fields not meaningful for a kind are left empty.
struct Node {
  NodeKind kind = NodeKind::document;
  std::string text;        ///< text, code, code block literal; wikilink label
  std::string url;         ///< link destination; wikilink target ("plan#item")
  std::string title;       ///< link title
  int level = 0;           ///< heading level (as written)
  bool ordered = false;    ///< list
  int start = 1;           ///< ordered list start
  bool header = false;     ///< table row is the header row
  char align = 0;          ///< table cell: 'l', 'c', 'r' or 0
  std::size_t offset = 0;  ///< byte offset of the node in the Markdown text
  std::vector<Node> children;
  std::size_t end = 0;     ///< block nodes: byte offset just past the node in the Markdown text
  /// Paragraphs and block quotes: a remark, not the document's words. A block quote whose first paragraph
  /// starts with a marker is a remark as a whole (so a table or list can be part of it).
  Remark remark = Remark::none;
};

/// A `[[target]]` or `[[target|label]]` link found in the text.
struct WikiLink {
  std::string target;
  std::string label;
  std::size_t offset = 0;  ///< byte offset in the Markdown text
};

/// A parsed Markdown text.
struct Document {
  Node root;
  std::vector<WikiLink> wikilinks;
  bool empty() const { return root.children.empty(); }
};

/// Maps a byte offset in the Markdown text to a source location (a .md file, or a string inside JSON).
using LocationMapper = std::function<base::Location(std::size_t offset)>;

struct ParseOptions {
  /// Smallest heading level allowed (2 in section files, whose title is the level above).
  int min_heading_level = 2;
  /// Maximum nesting of block containers (block quotes, lists); deeper input is refused before parsing
  /// because cmark-gfm 0.29's worst cases grow quadratically with it.
  int max_nesting = 16;
  /// Maximum nesting of inline containers (emphasis, strong, strikethrough, links): every phase walks the
  /// tree recursively, and 30,000 levels of `*` would overflow the stack.
  int max_inline_nesting = 16;
  /// Bounds on constructs that cmark-gfm 0.29.0.gfm.6 handles in quadratic time (fixed upstream later):
  /// '[' per paragraph (`![[]()` repeated), '@' per paragraph (the autolink extension's e-mail scan),
  /// '|' per line (table columns), rows per table; and table cells ('|') in the whole text, which cost
  /// cmark-gfm about 2 µs each.
  int max_brackets_per_paragraph = 300;
  int max_at_signs_per_paragraph = 100;
  int max_table_columns = 64;
  int max_table_rows = 5000;
  int max_table_cells = 20000;
};

/// Parses `text`. Raw HTML (markdown-raw-html), javascript:/data:/vbscript:/file: links
/// (markdown-unsafe-link), images (markdown-image), headings above `min_heading_level`
/// (markdown-heading), excessive block nesting (markdown-too-deep) and input beyond the bounds above
/// (markdown-too-complex, at the character that crosses the bound) are reported, never passed through.
Document parse(std::string_view text, const LocationMapper& where, base::Diagnostics& diags,
               const ParseOptions& options = {});

/// The plain text of a node and its descendants (for titles, search and PDF).
std::string plain_text(const Node& node);

/// Removes every editorial remark (paragraphs and block quotes marked ［編集注］) from `doc`, with the
/// [[links]] inside them; when `text` is the Markdown `doc` was parsed from, cuts them from it too (with the
/// line breaks after them). Returns how many were removed.
std::size_t remove_editorial(Document& doc, std::string* text = nullptr);

}  // namespace planpress::markdown
