// The data-quality report as a page of a review build (review/report.html): the findings `check --report`
// prints, for the staff who check the returns before publishing — each at its file:line:col with the
// source line, in Japanese, and linked to the item or indicator it is about. A published build has no
// such page (pages.cpp renders it only for a review edition).
#include <map>

#include "base/codes.hpp"
#include "present/titles.hpp"
#include "present/urls.hpp"
#include "site/page_builder.hpp"

namespace planpress::site {

using namespace present;

json PageBuilder::quality_report_context() const {
  const std::string page = quality_report_page();
  const auto& findings = *in_.quality;
  // How many of each kind, in the order of the catalogue (docs/diagnostics.md).
  std::map<base::Code, std::size_t> counts;
  for (const auto& f : findings) ++counts[f.diagnostic.code];
  json kinds = json::array();
  for (const auto& [code, n] : counts)
    kinds.push_back(json{{"code", std::string(base::name_of(code))},
                             {"summary", std::string(base::in_lang(base::info(code).summary, base::Lang::ja))},
                             {"count", n}});
  json plans = json::array();
  for (const auto& p : m_.plans) {
    json rows = json::array();
    for (const auto& f : findings) {
      if (f.plan != p.id) continue;
      const auto& d = f.diagnostic;
      json row{{"code", std::string(base::name_of(d.code))}, {"message", base::render(d.message, base::Lang::ja)}};
      json hints = json::array();
      for (const auto& h : d.hints) hints.push_back(base::render(h, base::Lang::ja));
      row["hints"] = listing(hints);
      if (d.location.known()) {
        const auto lc = d.location.file->locate(d.location.offset);
        row["place"] = d.location.file->path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
        row["source"] = std::string(d.location.file->line_text(lc.line));
      }
      if (const model::Item* item = f.item.empty() ? nullptr : p.find_item(f.item))
        row["about"] = json{{"title", entry_title(*item)}, {"href", relative_link(page, item_page(p.id, item->id))}};
      else if (!f.indicator.empty())
        row["about"] = json{{"title", "指標「" + f.indicator + "」"},
                            {"href", relative_link(page, with_anchor(plan_page(p.id), indicator_anchor(f.indicator)))}};
      rows.push_back(std::move(row));
    }
    if (rows.empty()) continue;
    plans.push_back(json{{"title", p.title}, {"href", relative_link(page, plan_page(p.id))}, {"count", rows.size()}, {"findings", rows}});
  }
  return json{{"title", "データ品質の確認"},
              {"description", "公表前に、担当課の回答と計画のデータを確かめるための一覧です（確認用の版にだけ載ります）。"},
              {"count", findings.size()},
              {"kinds", listing(kinds)},
              {"plans", listing(plans)}};
}

}  // namespace planpress::site
