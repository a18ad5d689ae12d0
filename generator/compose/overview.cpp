// 計画の概要: the plan's metadata as a two-column table (inferred values marked), its web version and data,
// the plans and documents it relates to, its source, and its notes.
#include "compose/composer.hpp"
#include "present/titles.hpp"
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
  if (plan_.published) row(present::kUpdatedLabel, with({plain(present::published_text(*plan_.published))}, inferred("published")));
  if (!plan_.department.empty()) row("担当", with({plain(plan_.department)}, inferred("department")));
  row("発行", {plain(present::organisation_of(plan_))});
  {
    // お問い合わせ先: only what the content gives.
    const auto& c = present::contact_of(plan_, in_.model.site);
    std::vector<Span> contact;
    auto part = [&](const std::string& label, const std::string& value, const std::string& uri) {
      if (value.empty()) return;
      if (!contact.empty()) contact.push_back(plain("　"));
      if (!label.empty()) contact.push_back(plain(label + "：", Face::gothic, style::kMuted));
      contact.push_back(uri.empty() ? plain(value) : Span{value, Face::mincho, style::kLink, {}, uri});
    };
    part("", c.department, "");
    part("電話", c.phone, "");
    part("メール", c.email, c.email.empty() ? "" : "mailto:" + c.email);
    part("フォーム", c.form_url, c.form_url);
    row("お問い合わせ", contact);
  }
  if (!plan_.summary.empty()) row("概要", {plain(plan_.summary)});
  row("項目数", {plain(std::to_string(plan_.items.size()) + "項目")});
  {
    const std::string page = site_link(present::plan_page(plan_.id)), data = site_link(present::plan_data_json(plan_.id));
    if (!page.empty())
      row("Web 版・データ", {Span{page, Face::mincho, style::kLink, {}, page}, plain("　"), Span{data, Face::mincho, style::kLink, {}, data},
                           plain("　（この PDF のアクセシブル版は Web 版です）", Face::mincho, style::kMuted)});
  }
  auto refs = reference_spans(plan_.id, 0);
  row("関連する計画・文書", refs);
  if (!plan_.source_note.empty() || !plan_.source_file.empty()) row("出典（編集注記）", {plain(plan_.source_note + (plan_.source_file.empty() ? "" : "（" + plan_.source_file + "）"), Face::mincho, style::kMuted)});
  pg.add_table(t);
  if (!plan_.notes.empty()) {
    pg.add(make_space(8));
    pg.add(typeset_heading(present::kEditorialLabel, 2, w, m_));
    pg.add(notes_boxes(plan_.notes, w, css_.note));
  }
}

}  // namespace planpress::compose
