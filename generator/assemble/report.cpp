#include "assemble/report.hpp"

#include <set>

#include "base/utf8.hpp"
#include "present/titles.hpp"
#include "text/wareki.hpp"

namespace planpress::assemble {

namespace {

using base::arg;
using base::msg;
using base::Msg;

// Whitespace between 「評価は」 and the mark: spaces and the ideographic space.
std::size_t skip_spaces(const std::string& s, std::size_t at) {
  while (at < s.size()) {
    if (s[at] == ' ') ++at;
    else if (s.compare(at, 3, "\xE3\x80\x80") == 0) at += 3;
    else break;
  }
  return at;
}

// The marks of `vocabulary` that a text names as the rating: 「自己評価は○」, 「評価は☆」.
std::set<std::string> ratings_named(const std::string& text, const model::Vocabulary& vocabulary) {
  std::set<std::string> out;
  const std::string lead = "評価は";
  for (std::size_t at = text.find(lead); at != std::string::npos; at = text.find(lead, at + lead.size())) {
    const std::size_t v = skip_spaces(text, at + lead.size());
    for (const auto& value : vocabulary.values)
      if (!value.value.empty() && text.compare(v, value.value.size(), value.value) == 0) out.insert(value.value);
  }
  return out;
}

void rating_reasons(const model::Plan& p, base::Diagnostics& diags) {
  for (const auto& def : p.fields) {
    if (def.kind != model::FieldKind::rating) continue;
    const model::Vocabulary* voc = p.vocabulary(def.vocabulary);
    if (!voc) continue;
    for (const auto& item : p.items) {
      auto rating = item.fields.find(def.key);
      if (rating == item.fields.end() || rating->second.text.empty()) continue;
      for (const auto& other : p.fields) {
        if (other.kind != model::FieldKind::text && other.kind != model::FieldKind::markdown) continue;
        auto it = item.fields.find(other.key);
        if (it == item.fields.end()) continue;
        const auto named = ratings_named(it->second.text, *voc);
        if (named.empty() || named.count(rating->second.text)) continue;
        std::string says;
        for (const auto& n : named) says += (says.empty() ? "" : "・") + n;
        diags.warning(rating->second.location,
                      msg<Msg::report_rating_reason_contradicts>(arg<"item">(item.id), arg<"plan">(p.id), arg<"rating">(rating->second.text),
                                                                 arg<"key">(def.key), arg<"label">(def.label), arg<"reason_key">(other.key),
                                                                 arg<"reason_label">(other.label), arg<"says">(says)),
                      {msg<Msg::report_rating_reason_hint>(arg<"label">(def.label), arg<"reason_label">(other.label))});
      }
    }
  }
}

void unchanged_revisions(const Assembly& a, base::Diagnostics& diags) {
  for (const auto& s : a.series)
    for (const auto& c : s.comparisons) {
      if (!c.before->next_year) continue;
      std::set<const model::Item*> changed;
      for (const auto& ch : c.changed) changed.insert(ch.before);
      for (const auto& item : c.after->items) {
        const model::Item* old = c.before_of(item);
        if (!old || changed.count(old)) continue;
        auto d = old->fields.find(c.before->next_year->field);
        if (d == old->fields.end() || c.before->next_year->direction_of(d->second.text) != model::Direction::revise) continue;
        const model::FieldDef* def = c.before->field(c.before->next_year->field);
        diags.warning(item.location,
                      msg<Msg::report_revise_unchanged_item>(arg<"item">(item.id), arg<"plan">(c.after->id),
                                                             arg<"year">(text::wareki_fiscal_year(c.before->series->fiscal_year)),
                                                             arg<"label">(def ? def->label : c.before->next_year->field),
                                                             arg<"direction">(d->second.text)),
                      {msg<Msg::report_revise_unchanged_hint>(arg<"before">(c.before->id))});
      }
    }
}

void indicator_targets(const model::Plan& p, base::Diagnostics& diags) {
  for (const auto& ind : p.indicators) {
    for (const auto& v : ind.values) {
      if (v.kind != "target") continue;
      if (!v.year) {
        // A target kept every year (毎年度, 維持) or by the end of the plan's period needs no year of its own.
        if (!v.label.empty() || v.qualifier == "維持" || (p.period && p.period->to)) continue;
        diags.warning(ind.location,
                      msg<Msg::report_indicator_target_no_year>(arg<"indicator">(ind.id), arg<"plan">(p.id),
                                                                arg<"target">(v.text.empty() ? v.value_text : v.text)),
                      {msg<Msg::report_indicator_target_no_year_hint>()});
        continue;
      }
      // Actual values reported after the target year, but none for it: the year's result is missing.
      int latest = 0;
      bool at_target = false;
      for (const auto& x : ind.values) {
        if (x.kind != "actual" || !x.year || x.segment != v.segment) continue;
        latest = std::max(latest, *x.year);
        at_target = at_target || *x.year == *v.year;
      }
      if (latest > *v.year && !at_target)
        diags.warning(ind.location,
                      v.segment.empty()
                          ? msg<Msg::report_indicator_target_no_actual>(arg<"indicator">(ind.id), arg<"plan">(p.id),
                                                                        arg<"latest">(text::wareki_fiscal_year(latest)),
                                                                        arg<"year">(text::wareki_fiscal_year(*v.year)))
                          : msg<Msg::report_indicator_target_no_actual_segment>(
                                arg<"indicator">(ind.id), arg<"plan">(p.id), arg<"latest">(text::wareki_fiscal_year(latest)),
                                arg<"year">(text::wareki_fiscal_year(*v.year)), arg<"segment">(v.segment)),
                      {msg<Msg::report_indicator_target_no_actual_hint>()});
    }
  }
}

// A category whose title is an organisation (「ア　水道局」) names the department of its items.
bool names_department(const std::string& title) {
  for (const char* end : {"局", "課", "室", "部", "所", "病院", "委員会", "担当"}) {
    const std::string e(end);
    if (title.size() >= e.size() && title.compare(title.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

void missing_departments(const model::Plan& p, base::Diagnostics& diags) {
  for (const auto& def : p.fields) {
    if (def.kind != model::FieldKind::departments) continue;
    std::size_t with = 0;
    for (const auto& item : p.items)
      if (auto it = item.fields.find(def.key); it != item.fields.end() && !model::is_empty(it->second)) ++with;
    if (with == 0) continue;  // the plan does not name departments per item
    for (const auto& item : p.items) {
      if (auto it = item.fields.find(def.key); it != item.fields.end() && !model::is_empty(it->second)) continue;
      const model::Category* c = item.category.empty() ? nullptr : p.find_category(item.category);
      if (c && names_department(c->title)) continue;
      diags.warning(item.location,
                    msg<Msg::report_no_department_item>(arg<"item">(item.id), arg<"plan">(p.id), arg<"key">(def.key), arg<"label">(def.label),
                                                        arg<"with">(with), arg<"items">(p.items.size())),
                    {msg<Msg::report_no_department_hint>(arg<"label">(def.label))});
    }
  }
}

}  // namespace

void quality_report(const model::Model& model, const Assembly& assembly, base::Diagnostics& diags) {
  for (const auto& p : model.plans) {
    rating_reasons(p, diags);
    indicator_targets(p, diags);
    missing_departments(p, diags);
  }
  unchanged_revisions(assembly, diags);
}

}  // namespace planpress::assemble
