// plan.json: the series a plan is an edition of, its stage (計画 / 実績), what next year's edition does
// with each item (次年度方向性), and the checks across the editions of one series.
#include <map>
#include <set>

#include "base/suggest.hpp"
#include "validate/plan_reader.hpp"
#include "validate/validate.hpp"

namespace planpress::validate {

void PlanReader::read_series(const JsonRef& root, Plan& p) {
  if (auto s = r_.member(root, "series"); r_.expect_object(s, keys::series)) {
    Series series;
    series.location = r_.at(s.pointer);
    series.id = r_.slug(s, "id");
    if (auto id = r_.member(s, "id")) series.id_location = r_.at(id.pointer);
    series.title = r_.text(s, "title");
    series.fiscal_year = r_.integer(s, "fiscal_year", kMinYear, kMaxYear).value_or(0);
    if (auto y = r_.member(s, "fiscal_year")) series.year_location = r_.at(y.pointer);
    p.series = std::move(series);
  }
  if (auto st = r_.member(root, "stage")) {
    p.stage = r_.keyword(root, "stage", {"plan", "results"}) == "plan" ? Stage::plan : Stage::results;
    p.stage_location = r_.at(st.pointer);
  }
}

// After the fields: the declared meaning of the direction field's values.
void PlanReader::read_next_year(const JsonRef& root, Plan& p) {
  auto v = r_.member(root, "next_year");
  if (!r_.expect_object(v, keys::next_year)) return;
  NextYear next;
  next.location = r_.at(v.pointer);
  next.field = r_.text(v, "field");
  if (!next.field.empty() && !p.field(next.field))
    unknown_field_key(next.field, r_.at(r_.member(v, "field").pointer), p, "direction field");
  std::map<std::string, std::string> seen;  // value → list it is in
  for (const auto& [list, direction] : {std::pair{"carry", Direction::carry}, std::pair{"revise", Direction::revise},
                                         std::pair{"drop", Direction::drop}}) {
    for (const auto& e : r_.array(v, list, "value")) {
      if (!e.json->is_string()) {
        r_.wrong_type(e, "a value of the direction field as printed");
        continue;
      }
      const std::string value = r_.checked(e, Lines::many);
      auto [it, inserted] = seen.emplace(value, list);
      if (!inserted) {
        diags_.error(base::Code::duplicate_id, r_.at(e.pointer),
                     "direction value '" + value + "' is listed twice in 'next_year' (in '" + it->second + "' and '" + list + "')",
                     {"each printed value means one thing for next year's edition: carry, revise or drop"});
        continue;
      }
      next.values.emplace_back(value, direction);
    }
  }
  p.next_year = std::move(next);
}

// After the items: every item's direction must be one the plan declares, or new-edition cannot decide.
void PlanReader::check_directions(const Plan& p) {
  if (!p.next_year || p.next_year->field.empty()) return;
  const FieldDef* def = p.field(p.next_year->field);
  if (!def) return;
  std::vector<std::string> values;
  std::string list;
  for (const auto& [v, d] : p.next_year->values) {
    values.push_back(v);
    list += (list.empty() ? "" : ", ") + ("'" + v + "' (" + to_string(d) + ")");
  }
  for (const auto& item : p.items) {
    auto it = item.fields.find(def->key);
    if (it == item.fields.end() || it->second.malformed || model::is_empty(it->second)) continue;
    if (p.next_year->direction_of(it->second.text)) continue;
    std::vector<std::string> hints;
    if (auto m = base::closest_match(it->second.text, values)) hints.push_back("did you mean '" + *m + "'?");
    hints.push_back("add the value to \"carry\", \"revise\" or \"drop\" of \"next_year\"" +
                    (list.empty() ? std::string() : "; declared: " + list));
    diags_.error(base::Code::unknown_value, it->second.location,
                 "item '" + item.id + "' prints '" + it->second.text + "' in '" + def->key + "' (" + def->label +
                     "), which 'next_year' of plan '" + p.id + "' does not declare",
                 hints);
  }
}

void check_series(const Model& model, base::Diagnostics& diags) {
  // Editions of one series: one per fiscal year, and every item that continues another names an item of
  // the previous edition.
  std::map<std::string, std::map<int, const Plan*>> series;
  for (const auto& p : model.plans) {
    if (!p.series || p.series->id.empty() || p.series->fiscal_year == 0) continue;
    auto [it, inserted] = series[p.series->id].emplace(p.series->fiscal_year, &p);
    if (!inserted)
      diags.error(base::Code::duplicate_id, p.series->year_location,
                  "plan '" + p.id + "' is the edition of fiscal year " + std::to_string(p.series->fiscal_year) + " of series '" +
                      p.series->id + "', which plan '" + it->second->id + "' already is",
                  {"a series has one edition per fiscal year; check \"fiscal_year\" or the series id"});
  }
  for (const auto& p : model.plans) {
    const Plan* previous = nullptr;
    if (p.series && series.count(p.series->id)) {
      const auto& editions = series.at(p.series->id);
      auto at = editions.find(p.series->fiscal_year);
      if (at != editions.end() && at->second == &p && at != editions.begin()) previous = std::prev(at)->second;
    }
    for (const auto& item : p.items) {
      if (item.continues.empty()) continue;
      if (!previous) {
        diags.error(base::Code::xref_unresolved, item.continues_location,
                    "item '" + item.id + "' continues item '" + item.continues + "', but plan '" + p.id +
                        "' has no previous edition in its series",
                    {"\"continues\" names an item of the previous fiscal year's edition of the same \"series\""});
        continue;
      }
      if (previous->find_item(item.continues)) continue;
      std::vector<std::string> ids;
      for (const auto& i : previous->items) ids.push_back(i.id);
      std::vector<std::string> hints;
      if (auto m = base::closest_match(item.continues, ids)) hints.push_back("did you mean '" + *m + "'?");
      diags.error(base::Code::xref_unresolved, item.continues_location,
                  "item '" + item.id + "' continues item '" + item.continues + "', which the previous edition '" + previous->id +
                      "' does not have",
                  hints);
    }
  }
}

}  // namespace planpress::validate
