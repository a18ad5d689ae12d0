// plan.json: the plan's metadata, how it is presented, and the ids its parts share.
#include <set>

#include "base/suggest.hpp"
#include "validate/plan_reader.hpp"

namespace planpress::validate {

Plan PlanReader::run() {
  Plan p;
  p.dir = raw_.dir;
  auto root = r_.root("plan");
  // Name the plan by its id in messages when it has a usable one.
  if (root.json->is_object() && root.json->contains("id") && (*root.json)["id"].is_string() &&
      base::is_safe_slug((*root.json)["id"].get<std::string>()))
    root.what = "plan '" + (*root.json)["id"].get<std::string>() + "'";
  p.location = r_.at("");
  if (!r_.expect_object(root, keys::plan)) return p;
  p.id = r_.slug(root, "id");
  if (auto id = r_.member(root, "id")) p.location = r_.at(id.pointer);
  // A plan's export is data/<id>.json beside the site's data/catalog.json.
  if (p.id == "catalog")
    diags_.error(base::Code::unsafe_id, p.location, "plan id 'catalog' is reserved: the plan's export data/catalog.json would replace the site's catalogue",
                 {"choose another plan id"});
  root.what = "plan '" + p.id + "'";
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
  for (const auto& d : r_.array(root, "external_documents", "external document"))
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
  for (const auto& c : r_.array(v, "columns", "column")) {
    if (!c.json->is_string()) {
      r_.wrong_type(c, "a field key");
      continue;
    }
    const std::string key = c.json->get<std::string>();
    if (!p.field(key)) unknown_field_key(key, r_.at(c.pointer), p, "column");
    else p.presentation.columns.push_back(key);
  }
  if (!r_.member(v, "columns")) default_columns(p);
  auto widths = r_.member(v, "widths");
  if (widths && widths.json->is_object()) {
    for (auto it = widths.json->begin(); it != widths.json->end(); ++it) {
      const std::string ptr = content::pointer_append(widths.pointer, it.key());
      if (!p.field(it.key()) && it.key() != "number" && it.key() != "name")
        unknown_field_key(it.key(), r_.document().key_at(ptr), p, "width");
      if (!it.value().is_number() || it.value().get<double>() <= 0)
        r_.wrong_type(JsonRef{&it.value(), ptr, "width of '" + it.key() + "'"}, "a positive number");
      else p.presentation.widths[it.key()] = it.value().get<double>();
    }
  } else if (widths) {
    r_.wrong_type(widths, "an object (field key → relative width)");
  }
}

void PlanReader::default_columns(Plan& p) {
  for (const auto& f : p.fields)
    if (f.kind != FieldKind::markdown && f.kind != FieldKind::list && f.kind != FieldKind::schedule)
      p.presentation.columns.push_back(f.key);
}

void PlanReader::unknown_field_key(const std::string& key, base::Location where, const Plan& p, const std::string& what) {
  std::vector<std::string> keys;
  for (const auto& f : p.fields) keys.push_back(f.key);
  std::vector<std::string> hints;
  if (auto m = base::closest_match(key, keys)) hints.push_back("did you mean '" + *m + "'?");
  std::string list;
  for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
  hints.push_back("plan '" + p.id + "' declares: " + list);
  diags_.error(base::Code::unknown_field, where, what + " '" + key + "' is not a field of plan '" + p.id + "'", hints);
}

// Items, categories and sections share one namespace per plan (all can be link targets);
// indicators have their own.
void PlanReader::check_anchor_ids(const Plan& p) {
  std::map<std::string, std::pair<std::string, base::Location>> seen;  // id → (what, where)
  auto claim = [&](const std::string& id, const std::string& what, const base::Location& where) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, std::make_pair(what, where));
    if (!inserted) {
      const auto first = it->second.second.file->locate(it->second.second.offset);
      diags_.error(base::Code::duplicate_id, where,
                   what + " id '" + id + "' is already used in plan '" + p.id + "' (by the " + it->second.first + " at line " +
                       std::to_string(first.line) + ")",
                   {"ids of items, categories and sections must be unique within a plan"});
    }
  };
  for_each_category(p.categories, [&](const Category& c, int) { claim(c.id, "category", c.id_location); });
  for (const auto& s : p.sections) claim(s.id, "section", s.id_location);
  for (const auto& i : p.items) claim(i.id, "item", i.id_location);
  std::set<std::string> indicators;
  for (const auto& i : p.indicators)
    if (!indicators.insert(i.id).second)
      diags_.error(base::Code::duplicate_id, i.location, "indicator id '" + i.id + "' is used twice in plan '" + p.id + "'");
}


}  // namespace planpress::validate
