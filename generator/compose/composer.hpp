#pragma once
// Internal to the compose module: the composer of one plan's PDF, one class whose parts live by concern in
// compose.cpp (the document: body, cover, table of contents, running header and footer), glyphs.cpp (every
// character checked against the fonts), cover.cpp, contents.cpp (table of contents, header and footer),
// overview.cpp, sections.cpp (sections and indicators), items.cpp (the item table and categories),
// cards.cpp (item cards), fields.cpp (field values, schedules, notes) and links.cpp (link targets,
// 参照・関連 lines, the table of links between plans).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "compose/compose.hpp"
#include "compose/style.hpp"
#include "layout/flow.hpp"
#include "layout/markdown_flow.hpp"

namespace planpress::compose {

using layout::Box;
using layout::Face;
using layout::Paginator;
using layout::Span;

/// Where a character stands, for messages: its parts from the plan inward ("plan 'a', item '20', field …").
using Place = std::vector<base::Message>;

class PlanComposer {
 public:
  PlanComposer(const PlanInput& in, base::Diagnostics& diags);
  layout::Document compose();

 private:
  // glyphs.cpp
  void check(std::string_view text, const base::Location& where, const Place& what);
  void check_markdown_file(const model::Section& s);
  void check_entry(const model::Entry& e, const Place& what);
  void check_content();

  // links.cpp
  std::string site_link(const std::string& path) const;
  layout::ResolvedTarget target_of(const xref::Endpoint& e) const;
  layout::TargetResolver resolver() const;
  std::vector<Span> reference_spans(const std::string& key, int sub) const;
  void cross_plan_links(Paginator& pg);

  // fields.cpp
  std::vector<Box> notes_boxes(const std::vector<model::Note>& notes, double width, const TextStyle& st) const;
  std::vector<Box> field_boxes(const model::FieldValue& v, const model::FieldDef& def, double width, const TableStyles& ts,
                               bool compact);
  std::vector<Box> schedule_boxes(const model::FieldValue& v, double width, const TableStyles& ts);

  // cover.cpp
  std::vector<std::string> title_lines(const std::string& title, double width, double size) const;
  void cover(Paginator& pg);

  // contents.cpp
  std::vector<layout::Page> table_of_contents(const std::vector<layout::Page>& body,
                                              const std::map<std::string, std::size_t>& page_of, std::size_t first_body_page);
  void decorate(layout::Document& doc) const;

  // overview.cpp
  void overview(Paginator& pg);

  // sections.cpp
  void sections(Paginator& pg);
  void chapter_break(Paginator& pg, bool force);
  void add_reference_line(Paginator& pg, std::vector<Span> spans, double w);
  void indicator(Paginator& pg, const model::Indicator& ind, int level);
  void loose_indicators(Paginator& pg);

  // items.cpp
  std::vector<const model::Category*> path_of(const std::string& id) const;
  std::vector<Span> legend_spans() const;
  /// The items: for a table plan the item table, for a cards plan the cards under their categories'
  /// headings. `placed`: inside the section that places them (no chapter heading of its own, its
  /// categories' headings from `top_level`); otherwise the chapter 取組項目 after the sections.
  void items(Paginator& pg, bool placed = false, int top_level = 1);
  /// The items table a section places in a cards plan (number, name and the presentation's columns).
  void summary_table(Paginator& pg);
  /// Every category's blocks under its title (a section that places the blocks).
  void placed_blocks(Paginator& pg);
  /// Whether a section places the categories' blocks (then the table and the cards leave them out).
  bool blocks_placed() const;
  double default_weight(const model::FieldDef& def) const;
  void item_table(Paginator& pg, bool landscape, bool summary = false);
  std::vector<Box> under_row(const model::Item& item, double full, const TableStyles& ts);
  void category_rows(layout::Table& t, const model::Category& c, int depth, double w, const TableStyles& ts, double pad,
                     int span_all, bool summary = false);
  std::vector<Box> category_content(const model::Category& c, double w, const TableStyles& ts, bool with_blocks = true);

  // cards.cpp
  void item_cards(Paginator& pg, int top_level);
  layout::Table card(const model::Item& item, int outline_level, double w, double pad);

  // comparison.cpp
  /// The 新旧対照表 from the previous edition of the series (none for a first edition).
  void comparison(Paginator& pg);

  // compose.cpp
  std::string period_text() const;

  const PlanInput& in_;
  const layout::Measurer& m_;
  const model::Plan& plan_;
  const model::PdfSettings& pdf_;
  const StyleSheet& css_;
  base::Diagnostics& diags_;
  layout::PageGeometry portrait_, landscape_;
  std::set<std::string> reported_;
};

/// A span in the body face and colour (Mincho, text colour) or another.
Span plain(std::string text, Face f = Face::mincho, layout::Color c = layout::style::kText);

/// The anchors of this PDF that are not a section, category, indicator or item (present/urls.hpp has those).
inline constexpr const char* kCoverAnchor = "cover";
inline constexpr const char* kTocAnchor = "toc";
inline constexpr const char* kOverviewAnchor = "overview";
inline constexpr const char* kItemsAnchor = "items";
inline constexpr const char* kIndicatorsAnchor = "indicators";
inline constexpr const char* kLinksAnchor = "links";
inline constexpr const char* kComparisonAnchor = "comparison";

}  // namespace planpress::compose
