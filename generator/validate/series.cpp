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
    unknown_field_key(next.field, r_.at(r_.member(v, "field").pointer), p, Msg::term_direction_field);
  std::map<std::string, std::string> seen;  // value → list it is in
  for (const auto& [list, direction] : {std::pair{"carry", Direction::carry}, std::pair{"revise", Direction::revise},
                                         std::pair{"drop", Direction::drop}}) {
    for (const auto& e : r_.array(v, list, Msg::term_value)) {
      if (!e.json->is_string()) {
        r_.wrong_type(e, Msg::term_expect_direction_value);
        continue;
      }
      const std::string value = r_.checked(e, Lines::many);
      auto [it, inserted] = seen.emplace(value, list);
      if (!inserted) {
        diags_.error(r_.at(e.pointer), msg<Msg::duplicate_id_direction_twice>(arg<"value">(value), arg<"first">(it->second), arg<"second">(list)),
                     {msg<Msg::duplicate_id_direction_twice_hint>()});
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
  std::vector<base::Message> declared;
  for (const auto& [v, d] : p.next_year->values) {
    values.push_back(v);
    declared.push_back(msg<Msg::common_direction_value>(arg<"value">(v), arg<"direction">(to_string(d))));
  }
  for (const auto& item : p.items) {
    auto it = item.fields.find(def->key);
    if (it == item.fields.end() || it->second.malformed || model::is_empty(it->second)) continue;
    if (p.next_year->direction_of(it->second.text)) continue;
    std::vector<base::Message> hints;
    if (auto m = base::closest_match(it->second.text, values)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*m)));
    hints.push_back(msg<Msg::unknown_value_direction_hint>());
    if (!declared.empty()) hints.push_back(msg<Msg::unknown_value_direction_declared_hint>(arg<"list">(declared)));
    diags_.error(it->second.location,
                 msg<Msg::unknown_value_direction>(arg<"item">(item.id), arg<"value">(it->second.text), arg<"key">(def->key),
                                                   arg<"label">(def->label), arg<"plan">(p.id)),
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
      diags.error(p.series->year_location,
                  msg<Msg::duplicate_id_edition_twice>(arg<"plan">(p.id), arg<"year">(p.series->fiscal_year), arg<"series">(p.series->id),
                                                       arg<"other">(it->second->id)),
                  {msg<Msg::duplicate_id_edition_twice_hint>()});
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
        diags.error(item.continues_location,
                    msg<Msg::xref_unresolved_continues_no_edition>(arg<"item">(item.id), arg<"continues">(item.continues), arg<"plan">(p.id)),
                    {msg<Msg::xref_unresolved_continues_hint>()});
        continue;
      }
      if (previous->find_item(item.continues)) continue;
      std::vector<std::string> ids;
      for (const auto& i : previous->items) ids.push_back(i.id);
      std::vector<base::Message> hints;
      if (auto m = base::closest_match(item.continues, ids)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*m)));
      diags.error(item.continues_location,
                  msg<Msg::xref_unresolved_continues>(arg<"item">(item.id), arg<"continues">(item.continues), arg<"previous">(previous->id)),
                  hints);
    }
  }
}

}  // namespace planpress::validate
