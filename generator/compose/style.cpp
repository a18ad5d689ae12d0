#include "compose/style.hpp"

namespace planpress::compose {

namespace {

using layout::Align;
using layout::Color;
using layout::Face;
namespace st = layout::style;

struct Spec {
  double size;
  double line_height;
  Align align;
  Face face = Face::mincho;
  Color color = st::kText;
  double indent = 0, first_indent = 0, before = 0, after = 0;
};

TextStyle make(const Spec& s) {
  TextStyle t;
  t.paragraph.size = s.size;
  t.paragraph.line_height = s.line_height;
  t.paragraph.align = s.align;
  t.paragraph.indent = s.indent;
  t.paragraph.first_indent = s.first_indent;
  t.paragraph.space_before = s.before;
  t.paragraph.space_after = s.after;
  t.face = s.face;
  t.color = s.color;
  return t;
}

// The styles of one table size. Text of 10 pt and more has a 1.7 line pitch, smaller text 1.45.
TableStyles table_styles(double size) {
  const double pitch = size >= 10 ? 1.7 : 1.45;
  const double aside = size * 0.9, category = size + 1, subcategory = size + 0.5;
  TableStyles t;
  t.header = make({size, pitch, Align::center, Face::gothic});
  t.header.paragraph.phrases = true;  // 評価 never breaks into 評／価 (the columns are at least that wide)
  t.cell = make({size, pitch, Align::justify});
  t.centred = make({size, pitch, Align::center, Face::gothic});
  t.label = make({size, pitch, Align::left, Face::gothic});
  t.label.paragraph.phrases = true;
  t.heading = make({size, pitch, Align::justify, Face::gothic});
  t.aside = make({aside, aside >= 10 ? 1.7 : 1.45, Align::justify, Face::gothic, st::kMuted});
  t.category = make({category, category >= 10 ? 1.7 : 1.45, Align::left, Face::gothic});
  t.subcategory = make({subcategory, subcategory >= 10 ? 1.7 : 1.45, Align::left, Face::gothic});
  t.links = make({size, pitch, Align::left});
  t.department = t.links;
  t.department.paragraph.phrases = true;
  t.note = make({size, pitch, Align::justify, Face::mincho, st::kMuted, size, -size});
  return t;
}

StyleSheet make_sheet() {
  StyleSheet s;
  s.cover_municipality = make({16, 1.45, Align::center, Face::gothic, st::kText, 0, 0, 0, 18});
  s.cover_title = make({24, 1.45, Align::center, Face::gothic});
  s.cover_title_min = 17;
  s.cover_title_after = 14;
  s.cover_inferred = make({9, 1.45, Align::center, Face::mincho, st::kMuted, 0, 0, 0, 10});
  s.cover_short_title = make({13, 1.45, Align::center, Face::gothic, st::kMuted, 0, 0, 0, 6});
  s.cover_kind = make({13, 1.45, Align::center, Face::gothic, st::kMuted, 0, 0, 0, 30});
  s.cover_meta = make({12, 1.45, Align::center, Face::mincho, st::kText, 0, 0, 0, 8});
  s.cover_organisation = make({13, 1.45, Align::center, Face::gothic, st::kText, 0, 0, 0, 8});
  s.cover_web_note = make({9, 1.5, Align::center, Face::mincho, st::kMuted});
  s.toc_chapter = make({10.5, 1.55, Align::left, Face::gothic, st::kText, 0, 0, 5});
  s.toc_section = make({10, 1.55, Align::left, Face::mincho, st::kText, 15});
  s.running_header = make({7.5, 1.45, Align::left, Face::gothic, st::kMuted});
  s.page_number = make({9, 1.45, Align::center, Face::mincho});
  s.body = make({st::kBody, 1.7, Align::justify});
  s.commentary = make({st::kBody, 1.7, Align::justify, Face::mincho, st::kText, 0, 0, 4});
  s.reference_line = make({st::kSmall, 1.45, Align::left, Face::mincho, st::kText, 0, 0, 2, 4});
  s.indicator_meta = make({st::kSmall, 1.45, Align::justify, Face::mincho, st::kMuted, 0, 0, 0, 4});
  s.indicator_note = make({st::kSmall, 1.45, Align::justify, Face::mincho, st::kMuted});
  s.note = make({st::kSmall, 1.45, Align::justify, Face::mincho, st::kMuted, st::kSmall, -st::kSmall});
  s.legend = make({st::kSmall, 1.45, Align::left, Face::mincho, st::kText, 0, 0, 0, 6});
  s.intro = make({st::kSmall, 1.45, Align::justify, Face::mincho, st::kMuted, 0, 0, 0, 6});
  s.card_title = make({10, 1.7, Align::left, Face::gothic});
  s.empty_card = make({st::kTable, 1.45, Align::left, Face::mincho, st::kMuted});
  s.table = table_styles(st::kTable);
  s.wide_table = table_styles(st::kTableWide);
  s.blocks = table_styles(st::kBody * 0.95);
  return s;
}

}  // namespace

layout::Span TextStyle::span(std::string text) const { return layout::Span{std::move(text), face, color, {}, {}}; }

std::vector<layout::Box> TextStyle::typeset(const std::string& text, double width, const layout::Measurer& m) const {
  return layout::typeset_text(text, paragraph, width, m, face, color);
}

const StyleSheet& style_sheet() {
  static const StyleSheet sheet = make_sheet();
  return sheet;
}

}  // namespace planpress::compose
