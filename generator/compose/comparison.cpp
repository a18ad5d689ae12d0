// The 新旧対照表 of a newer edition (assemble::Comparison): a chapter of its PDF with the items changed
// field by field — 新 on the left, 旧 on the right, the changed characters underlined, as Japanese
// 新旧対照表 print them — then the items added and removed.
#include "compose/composer.hpp"
#include "present/titles.hpp"
#include "text/wareki.hpp"

namespace planpress::compose {

using namespace layout;

namespace {
std::vector<Span> diff_spans(const std::vector<assemble::DiffSpan>& spans) {
  std::vector<Span> out;
  for (const auto& s : spans) {
    Span sp = plain(s.text);
    sp.underline = s.changed;
    out.push_back(std::move(sp));
  }
  if (out.empty()) out.push_back(plain("（なし）", Face::gothic, style::kMuted));
  return out;
}
}  // namespace

void PlanComposer::comparison(Paginator& pg) {
  const assemble::Comparison* c = in_.assembly.comparison_into(plan_);
  if (!c) return;
  const std::string before = text::wareki_fiscal_year(c->before->series->fiscal_year);
  const std::string after = text::wareki_fiscal_year(plan_.series->fiscal_year);
  chapter_break(pg, false);
  const double w = pg.width();
  pg.add(typeset_heading("新旧対照表（" + before + "→" + after + "）", 0, w, m_, kComparisonAnchor, 0));
  pg.add(css_.intro.typeset("前年度版「" + c->before->title + "」からの変更です。追加 " + std::to_string(c->added.size()) + "項目・削除 " +
                                std::to_string(c->removed.size()) + "項目・変更 " + std::to_string(c->changed.size()) +
                                "項目（変更のない項目 " + std::to_string(c->unchanged) +
                                "）。変更箇所に下線を引いています。実績・自己評価など年度末に記入する欄は比較していません。",
                            w, m_));
  const auto& ts = css_.table;
  const double pad = 3;
  const ParagraphStyle& st = ts.cell.paragraph;
  auto item_row = [&](layout::Table& t, const model::Item& item, const std::string& prefix) {
    Row r;
    r.cells.push_back(make_cell(ts.label.typeset(prefix + present::entry_title(item), w - 2 * pad, m_), style::kSubFill, 3));
    r.keep_with_next = true;
    t.rows.push_back(std::move(r));
  };
  if (!c->changed.empty()) {
    Table t;
    t.widths = scale_widths({1.2, 4.4, 4.4}, w);
    t.pad_x = pad;
    t.pad_y = 2;
    Row head;
    for (const std::string& h : {std::string("欄"), "新（" + after + "）", "旧（" + before + "）"})
      head.cells.push_back(make_cell(ts.header.typeset(h, t.widths[head.cells.size()] - 2 * pad, m_), style::kHeadFill));
    t.header.push_back(std::move(head));
    for (const auto& ch : c->changed) {
      item_row(t, *ch.after, "");
      for (const auto& f : ch.fields) {
        Row r;
        r.cells.push_back(make_cell(ts.label.typeset(f.label, t.widths[0] - 2 * pad, m_)));
        r.cells.push_back(make_cell(layout_paragraph(diff_spans(f.diff.after), st, t.widths[1] - 2 * pad, m_)));
        r.cells.push_back(make_cell(layout_paragraph(diff_spans(f.diff.before), st, t.widths[2] - 2 * pad, m_)));
        t.rows.push_back(std::move(r));
      }
    }
    pg.add(typeset_heading("変更した項目", 1, w, m_, "", 1));
    pg.add_table(t);
  }
  auto list = [&](const char* heading, const std::vector<const model::Item*>& items) {
    if (items.empty()) return;
    pg.add(typeset_heading(heading, 1, w, m_, "", 1));
    for (const auto* i : items) pg.add(css_.body.typeset(present::entry_title(*i), w, m_));
  };
  list("追加した項目", c->added);
  list("削除した項目（この版に掲載していない項目）", c->removed);
}

}  // namespace planpress::compose
