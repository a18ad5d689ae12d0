// 計画の概要: the plan's metadata as a two-column table (inferred values marked), its web version and data,
// the plans and documents it relates to, its source, and its notes.
#include "compose/composer.hpp"
#include "present/urls.hpp"
#include "present/values.hpp"

namespace planpress::compose {

using namespace layout;

void PlanComposer::overview(Paginator& pg) {
  const double w = pg.width();
  pg.add(typeset_heading("計画の概要", 0, w, m_, kOverviewAnchor, 0));
  // A two-column table of the plan's metadata.
  const auto& ts = css_.table;
  const double pad = 3;
  Table t;
  t.widths = scale_widths({1, 4}, w);
  t.pad_x = pad;
  t.pad_y = 3;
  auto row = [&](const std::string& label, std::vector<Span> value) {
    if (value.empty()) return;
    Row r;
    r.cells.push_back(make_cell(ts.label.typeset(label, t.widths[0] - 2 * pad, m_), style::kSubFill));
    r.cells.push_back(make_cell(layout_paragraph(value, ts.cell.paragraph, t.widths[1] - 2 * pad, m_)));
    t.rows.push_back(std::move(r));
  };
  auto inferred = [&](const char* key) -> std::vector<Span> {
    auto it = plan_.inferred.find(key);
    if (it == plan_.inferred.end()) return {};
    return {plain("［推定］", Face::gothic, style::kMuted), plain(it->second, Face::mincho, style::kMuted)};
  };
  auto with = [](std::vector<Span> a, std::vector<Span> b) {
    for (auto& s : b) a.push_back(std::move(s));
    return a;
  };
  row("名称", with({plain(plan_.title)}, inferred("title")));
  row("自治体", with({plain(plan_.municipality)}, inferred("municipality")));
  row("種別", with({plain(model::label_of(plan_.kind))}, inferred("kind")));
  if (plan_.period) {
    std::string p = period_text() + "（" + present::period_western(*plan_.period) + "）";
    if (!plan_.period->label.empty() && !present::same_text(plan_.period->label, period_text())) p += "　原文の表記：" + plan_.period->label;
    row("計画期間", with({plain(p)}, inferred("period")));
  }
  if (plan_.published) row("策定・公表", with({plain(present::published_text(*plan_.published))}, inferred("published")));
  if (!plan_.department.empty()) row("担当", with({plain(plan_.department)}, inferred("department")));
  if (!plan_.summary.empty()) row("概要", {plain(plan_.summary)});
  row("項目数", {plain(std::to_string(plan_.items.size()) + "項目")});
  {
    const std::string page = present::plan_page(plan_.id), data = present::plan_data_json(plan_.id);
    row("Web 版・データ", {Span{page, Face::mincho, style::kLink, {}, site_link(page)}, plain("　"),
                           Span{data, Face::mincho, style::kLink, {}, site_link(data)},
                           plain("　（この PDF のアクセシブル版は Web 版です）", Face::mincho, style::kMuted)});
  }
  auto refs = reference_spans(plan_.id, 0);
  row("関連する計画・文書", refs);
  if (!plan_.source_note.empty() || !plan_.source_file.empty()) row("出典", {plain(plan_.source_note + (plan_.source_file.empty() ? "" : "（" + plan_.source_file + "）"), Face::mincho, style::kMuted)});
  pg.add_table(t);
  if (!plan_.notes.empty()) {
    pg.add(make_space(8));
    pg.add(typeset_heading("注記", 2, w, m_));
    pg.add(notes_boxes(plan_.notes, w, css_.note));
  }
}

}  // namespace planpress::compose
