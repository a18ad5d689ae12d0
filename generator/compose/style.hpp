#pragma once
/// The style sheet of a plan's PDF: every text style the composer uses, by name, as data — size, line
/// pitch, alignment, indents and spacing, face and colour (docs/architecture.md, "PDF style sheet"). The
/// composer never builds a style from a literal size; a change of look is a change here.
#include <string>
#include <vector>

#include "layout/blocks.hpp"
#include "layout/paragraph.hpp"

namespace planpress::compose {

/// One named text style: a paragraph style with its face and colour.
struct TextStyle {
  layout::ParagraphStyle paragraph;
  layout::Face face = layout::Face::mincho;
  layout::Color color = layout::style::kText;

  /// A span of `text` in this style's face and colour.
  layout::Span span(std::string text) const;
  /// `text` (line feeds separate paragraphs) laid out `width` wide.
  std::vector<layout::Box> typeset(const std::string& text, double width, const layout::Measurer& m) const;
};

/// The styles of one size of table text: portrait tables and cards (8.5 pt), landscape item tables (8 pt),
/// and the blocks of a category under a heading (9.5 pt).
struct TableStyles {
  TextStyle header;       ///< column headers: Gothic, centred, broken between phrases only
  TextStyle cell;         ///< values: Mincho, justified
  TextStyle centred;      ///< marks and numbers in narrow columns: Gothic, centred
  TextStyle label;        ///< names, row labels, block labels: Gothic, left, broken between phrases only
  TextStyle department;   ///< a 担当課 entry: left, broken between phrases only (総務局人事課・｜職員研修所)
  TextStyle heading;      ///< a sub-item's title and its field labels under a row: Gothic, justified
  TextStyle aside;        ///< another label the item prints, 「（続き）」: Gothic, muted, 90 %
  TextStyle category;     ///< a top-level category row: Gothic, left, 1 pt larger
  TextStyle subcategory;  ///< a deeper category row, a sub-item row of a card: Gothic, left, ½ pt larger
  TextStyle links;        ///< a 参照・関連 line: left
  TextStyle note;         ///< a note (label hanging by one em): muted
};

/// Every style of a plan's PDF.
struct StyleSheet {
  // The cover: centred, 1.45 line pitch.
  TextStyle cover_municipality;  ///< 16 pt Gothic
  TextStyle cover_title;         ///< 24 pt Gothic; shrunk to fit one line down to `cover_title_min`
  double cover_title_min = 17;
  double cover_title_after = 14;  ///< space under the title
  TextStyle cover_inferred;      ///< 9 pt, muted: which metadata is inferred
  TextStyle cover_short_title;   ///< 13 pt Gothic, muted
  TextStyle cover_kind;          ///< 13 pt Gothic, muted
  TextStyle cover_meta;          ///< 12 pt: period, publication, department
  TextStyle cover_organisation;  ///< 13 pt Gothic
  TextStyle cover_web_note;      ///< 9 pt, muted: the address of the web version
  // The table of contents and the running header and footer.
  TextStyle toc_chapter;         ///< 10.5 pt Gothic
  TextStyle toc_section;         ///< 10 pt, indented 1.5 em
  TextStyle running_header;      ///< 7.5 pt Gothic, muted: the plan's title and municipality
  TextStyle page_number;         ///< 9 pt
  // Body text.
  TextStyle body;                ///< 10 pt, justified
  TextStyle commentary;          ///< an indicator's commentary: body with 4 pt above
  TextStyle reference_line;      ///< a 参照・関連 line under a section: 8.5 pt, left
  TextStyle indicator_meta;      ///< an indicator's type and definition: 8.5 pt, muted
  TextStyle indicator_note;      ///< notes of an indicator's segments and values: 8.5 pt, muted
  TextStyle note;                ///< 注記: 8.5 pt, muted, the label hanging
  TextStyle legend;              ///< 凡例 of the item table's marks: 8.5 pt, left
  TextStyle intro;               ///< the sentence introducing the links table: 8.5 pt, muted
  TextStyle card_title;          ///< an item card's title: 10 pt Gothic, left
  TextStyle empty_card;          ///< 「（記載なし）」: muted, left
  // Tables.
  TableStyles table;             ///< 8.5 pt: overview, cards, links, portrait item tables
  TableStyles wide_table;        ///< 8 pt: landscape item tables
  TableStyles blocks;            ///< 9.5 pt: a category's blocks under its heading (card layout)
};

/// The style sheet of every plan's PDF.
const StyleSheet& style_sheet();

}  // namespace planpress::compose
