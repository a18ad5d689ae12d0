// plan.json: the plan's metadata, how it is presented, and the ids its parts share.
#include <set>

#include "base/suggest.hpp"
#include "validate/plan_reader.hpp"

namespace planpress::validate {

Plan PlanReader::run() {
  Plan p;
  p.dir = raw_.dir;
  auto root = r_.root(msg<Msg::subject_plan>());
  // Name the plan by its id in messages when it has a usable one.
  if (root.json->is_object() && root.json->contains("id") && (*root.json)["id"].is_string() &&
      base::is_safe_slug((*root.json)["id"].get<std::string>()))
    root.what = msg<Msg::subject_plan_id>(arg<"id">((*root.json)["id"].get<std::string>()));
  p.location = r_.at("");
  if (!r_.expect_object(root, keys::plan)) return p;
  p.id = r_.slug(root, "id");
  if (auto id = r_.member(root, "id")) p.location = r_.at(id.pointer);
  // A plan's export is data/<id>.json beside the site's data/catalog.json.
  if (p.id == "catalog") diags_.error(p.location, msg<Msg::unsafe_id_catalog>(), {msg<Msg::unsafe_id_catalog_hint>()});
  root.what = msg<Msg::subject_plan_id>(arg<"id">(p.id));
  p.title = r_.text(root, "title");
  p.short_title = r_.text(root, "short_title");
  p.municipality = r_.text(root, "municipality");
  p.organisation = r_.text(root, "organisation");
  if (r_.member(root, "numbering")) p.numbering_per_category = r_.keyword(root, "numbering", {"plan", "category"}) == "category";
  if (auto c = r_.member(root, "contact")) p.contact = read_contact(r_, c, keys::plan_contact);
  p.kind = plan_kind_from(r_.keyword(root, "kind", plan_kind_keywords())).value_or(PlanKind::action_plan);
  read_series(root, p);
  p.period = period(root, "period");
  p.published = date(root, "published");
  p.department = r_.text(root, "department");
  p.summary = r_.paragraphs(root, "summary");
  if (auto inf = r_.member(root, "inferred"); r_.expect_object(inf, keys::plan_inferred)) {
    for (const auto& key : keys::plan_inferred.allowed())
      if (r_.member(inf, key)) p.inferred[key] = r_.paragraphs(inf, key);
  }
  if (auto src = r_.member(root, "source"); r_.expect_object(src, keys::plan_source)) {
    p.source_file = r_.text(src, "file", false);
    p.source_note = r_.paragraphs(src, "note", false);
  }
  p.refs = refs(root);
  p.notes = notes(root);
  read_vocabularies(root, p);
  read_fields(root, p);
  read_next_year(root, p);
  read_presentation(root, p);
  read_sections(root, p);
  read_categories(r_.member(root, "categories"), p.categories, 0);
  read_items(root, p);
  check_directions(p);
  read_indicators(root, p);
  for (const auto& d : r_.array(root, "external_documents", Msg::term_external_document))
    documents_.push_back(external_document(d, p.id));
  check_anchor_ids(p);
  return p;
}

void PlanReader::read_presentation(const JsonRef& root, Plan& p) {
  auto v = r_.member(root, "presentation");
  if (!r_.expect_object(v, keys::presentation)) {
    default_columns(p);
    return;
  }
  if (r_.member(v, "items")) p.presentation.items = r_.keyword(v, "items", {"table", "cards"});
  if (r_.member(v, "orientation")) p.presentation.orientation = r_.keyword(v, "orientation", {"portrait", "landscape"});
  if (r_.member(v, "sub_items")) p.presentation.sub_items_label = r_.text(v, "sub_items");
  if (r_.member(v, "number_label")) p.presentation.number_label = r_.text(v, "number_label");
  if (r_.member(v, "name_label")) p.presentation.name_label = r_.text(v, "name_label");
  for (const auto& c : r_.array(v, "columns", Msg::term_column)) {
    if (!c.json->is_string()) {
      r_.wrong_type(c, Msg::term_expect_field_key);
      continue;
    }
    const std::string key = c.json->get<std::string>();
    if (!p.field(key)) unknown_field_key(key, r_.at(c.pointer), p, Msg::term_column);
    else p.presentation.columns.push_back(key);
  }
  if (!r_.member(v, "columns")) default_columns(p);
  auto widths = r_.member(v, "widths");
  if (widths && widths.json->is_object()) {
    for (auto it = widths.json->begin(); it != widths.json->end(); ++it) {
      const std::string ptr = content::pointer_append(widths.pointer, it.key());
      if (!p.field(it.key()) && it.key() != "number" && it.key() != "name")
        unknown_field_key(it.key(), r_.document().key_at(ptr), p, Msg::term_width);
      if (!it.value().is_number() || it.value().get<double>() <= 0)
        r_.wrong_type(JsonRef{&it.value(), ptr, msg<Msg::subject_width_of>(arg<"key">(it.key()))}, Msg::term_expect_positive_number);
      else p.presentation.widths[it.key()] = it.value().get<double>();
    }
  } else if (widths) {
    r_.wrong_type(widths, Msg::term_expect_widths);
  }
}

void PlanReader::default_columns(Plan& p) {
  for (const auto& f : p.fields)
    if (f.kind != FieldKind::markdown && f.kind != FieldKind::list && f.kind != FieldKind::schedule)
      p.presentation.columns.push_back(f.key);
}

void PlanReader::unknown_field_key(const std::string& key, base::Location where, const Plan& p, Msg what) {
  std::vector<std::string> keys;
  for (const auto& f : p.fields) keys.push_back(f.key);
  std::vector<base::Message> hints;
  if (auto m = base::closest_match(key, keys)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*m)));
  hints.push_back(msg<Msg::unknown_field_declared_hint>(arg<"plan">(p.id), arg<"list">(keys)));
  diags_.error(where, msg<Msg::unknown_field_field_key>(arg<"what">(term(what)), arg<"key">(key), arg<"plan">(p.id)), hints);
}

// Items, categories and sections share one namespace per plan (all can be link targets);
// indicators have their own.
void PlanReader::check_anchor_ids(const Plan& p) {
  std::map<std::string, std::pair<Msg, base::Location>> seen;  // id → (what, where)
  auto claim = [&](const std::string& id, Msg what, const base::Location& where) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, std::make_pair(what, where));
    if (!inserted) {
      const auto first = it->second.second.file->locate(it->second.second.offset);
      diags_.error(where,
                   msg<Msg::duplicate_id_anchor>(arg<"what">(term(what)), arg<"id">(id), arg<"plan">(p.id),
                                                 arg<"first">(term(it->second.first)), arg<"line">(first.line)),
                   {msg<Msg::duplicate_id_anchor_hint>()});
    }
  };
  for_each_category(p.categories, [&](const Category& c, int) { claim(c.id, Msg::term_category, c.id_location); });
  for (const auto& s : p.sections) claim(s.id, Msg::term_section, s.id_location);
  for (const auto& i : p.items) claim(i.id, Msg::term_item, i.id_location);
  std::set<std::string> indicators;
  for (const auto& i : p.indicators)
    if (!indicators.insert(i.id).second)
      diags_.error(i.location, msg<Msg::duplicate_id_indicator>(arg<"id">(i.id), arg<"plan">(p.id)));
}


}  // namespace planpress::validate
