// plan.json: indicators, their segments and values.
#include <set>

#include "base/suggest.hpp"
#include "validate/plan_reader.hpp"

namespace planpress::validate {

void PlanReader::read_indicators(const JsonRef& root, Plan& p) {
  for (const auto& v : r_.array(root, "indicators", Msg::term_indicator)) {
    if (!r_.expect_object(v, keys::indicator)) continue;
    Indicator ind;
    ind.id = r_.slug(v, "id");
    ind.name = r_.text(v, "name");
    ind.category = r_.text(v, "category");
    ind.section = r_.text(v, "section");
    ind.type = r_.text(v, "type");
    ind.unit = r_.text(v, "unit", false);
    ind.definition = r_.paragraphs(v, "definition", false);
    if (r_.member(v, "chart")) ind.chart = r_.keyword(v, "chart", {"line", "bar"});
    ind.location = r_.at(v.pointer);
    ind.notes = notes(v);
    if (!ind.category.empty() && !p.find_category(ind.category))
      diags_.error(r_.at(r_.member(v, "category").pointer),
                   msg<Msg::xref_unresolved_indicator_category>(arg<"indicator">(ind.id), arg<"category">(ind.category), arg<"plan">(p.id)));
    if (!ind.section.empty()) {
      bool found = false;
      for (const auto& s : p.sections) found = found || s.id == ind.section;
      if (!found)
        diags_.error(r_.at(r_.member(v, "section").pointer),
                     msg<Msg::xref_unresolved_indicator_section>(arg<"indicator">(ind.id), arg<"section">(ind.section), arg<"plan">(p.id)));
    }
    read_indicator_values(v, ind);
    for (const auto& c : r_.array(v, "commentary", Msg::term_commentary_paragraph)) {
      if (!c.json->is_string()) r_.wrong_type(c, Msg::term_expect_string);
      else ind.commentary.push_back(r_.checked(c, Lines::many));
    }
    p.indicators.push_back(std::move(ind));
  }
}

void PlanReader::read_indicator_values(const JsonRef& v, Indicator& ind) {
  std::set<std::string> segment_ids;
  for (const auto& s : r_.array(v, "segments", Msg::term_segment)) {
    if (!r_.expect_object(s, keys::segment)) continue;
    Segment seg{r_.slug(s, "id"), r_.text(s, "label"), r_.paragraphs(s, "note", false)};
    if (!segment_ids.insert(seg.id).second)
      diags_.error(r_.at(r_.member(s, "id").pointer), msg<Msg::duplicate_id_segment>(arg<"id">(seg.id)));
    ind.segments.push_back(std::move(seg));
  }
  for (const auto& e : r_.array(v, "values", Msg::term_value)) {
    if (!r_.expect_object(e, keys::indicator_value)) continue;
    IndicatorValue val;
    val.year = r_.year(e, "year");
    val.label = r_.text(e, "label", false);
    val.segment = r_.text(e, "segment");
    val.value = r_.number_or_null(e, "value");
    if (val.value) val.value_text = r_.document().raw_text(r_.member(e, "value").pointer);
    val.text = r_.text(e, "text", false);
    val.kind = r_.keyword(e, "kind", {"actual", "baseline", "target"});
    val.qualifier = r_.text(e, "qualifier", false);
    val.note = r_.paragraphs(e, "note", false);
    if (!val.segment.empty() && !segment_ids.count(val.segment)) {
      std::vector<std::string> ids(segment_ids.begin(), segment_ids.end());
      std::vector<base::Message> hints;
      if (auto m = base::closest_match(val.segment, ids)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*m)));
      diags_.error(r_.at(r_.member(e, "segment").pointer),
                   msg<Msg::xref_unresolved_segment>(arg<"segment">(val.segment), arg<"indicator">(ind.id)), hints);
    }
    ind.values.push_back(std::move(val));
  }
}

}  // namespace planpress::validate
