#include "pipeline/new_edition.hpp"

#include <set>

#include "base/suggest.hpp"
#include "canonical/layout.hpp"
#include "content/loader.hpp"
#include "present/titles.hpp"
#include "text/wareki.hpp"
#include "validate/validate.hpp"
#include "xref/xref.hpp"

namespace planpress::pipeline {

namespace {

using canonical::Value;
using base::arg;
using base::msg;
using base::Msg;

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty() || from == to) return;
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

// 令和7年度 with its digits in full width, as documents often print them (令和７年度).
std::string full_width_digits(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out += std::string("\xEF\xBC") + static_cast<char>('\x90' + (c - '0'));
    else out += c;
  }
  return out;
}

// A title or label names its edition's year: 「（令和7年度）」 becomes 「（令和8年度）」.
std::string with_year(std::string s, int from, int to) {
  const std::string a = text::wareki_fiscal_year(from), b = text::wareki_fiscal_year(to);
  replace_all(s, a, b);
  replace_all(s, full_width_digits(a), full_width_digits(b));
  return s;
}

bool in(const std::set<std::string>& set, const std::string& key) { return set.count(key) > 0; }

std::string text_of(const Value& obj, std::string_view key) {
  const Value* v = obj.find(key);
  return v ? v->text() : std::string();
}

// Removes the members of an entry's "fields" or "labels" that are cleared (and the object when empty).
void clear_members(Value& entry, const char* key, const std::set<std::string>& cleared) {
  Value* v = entry.find(key);
  if (!v || !v->is_object()) return;
  for (const auto& k : cleared) v->erase(k);
  if (v->members.empty()) entry.erase(key);
}

// Keeps the elements of the array member `key` for which `keep` holds (and removes the member when none do).
template <typename Keep>
void filter(Value& obj, const char* key, Keep keep) {
  Value* v = obj.find(key);
  if (!v || !v->is_array()) return;
  std::vector<Value> kept;
  for (auto& e : v->elements)
    if (keep(e)) kept.push_back(std::move(e));
  v->elements = std::move(kept);
  if (v->elements.empty()) obj.erase(key);
}

// A reference's target in the same plan ("#15" or "<old-id>#15"): the item id, else "".
std::string same_plan_target(const std::string& to, const std::string& old_id) {
  if (to.rfind("#", 0) == 0) return to.substr(1);
  if (to.rfind(old_id + "#", 0) == 0) return to.substr(old_id.size() + 1);
  return {};
}

}  // namespace

std::string next_edition_id(const model::Plan& plan, int fiscal_year) {
  const int old_year = plan.series ? plan.series->fiscal_year : 0;
  const std::string& id = plan.id;
  // "-r7" (令和7年度) at the end, or the Western year anywhere.
  if (old_year >= 2019) {
    const std::string r = "-r" + std::to_string(old_year - 2018);
    if (id.size() > r.size() && id.compare(id.size() - r.size(), r.size(), r) == 0)
      return id.substr(0, id.size() - r.size()) + "-r" + std::to_string(fiscal_year - 2018);
  }
  if (old_year > 0)
    if (auto at = id.find(std::to_string(old_year)); at != std::string::npos)
      return id.substr(0, at) + std::to_string(fiscal_year) + id.substr(at + 4);
  return (plan.series ? plan.series->id : plan.id) + "-" + std::to_string(fiscal_year);
}

std::string next_edition_json(const content::JsonDocument& old_doc, const model::Plan& plan, const std::string& new_id, int fiscal_year,
                              NewEditionResult& result) {
  Value root = canonical::from_document(old_doc);
  const int old_year = plan.series->fiscal_year;
  const int shift = fiscal_year - old_year;
  // Fields filled at year end (実績, 自己評価 …) and those true of one edition only (新規・拡充) start empty.
  std::set<std::string> cleared;
  for (const auto& f : plan.fields)
    if (f.cycle != model::FieldDef::Cycle::carried) {
      cleared.insert(f.key);
      result.cleared.push_back(f.label);
    }

  root.set("id", Value::string(new_id));
  for (const char* key : {"title", "short_title"})
    if (Value* v = root.find(key); v && v->is_string()) *v = Value::string(with_year(v->text(), old_year, fiscal_year));
  if (Value* series = root.find("series")) series->set("fiscal_year", Value::number(std::to_string(fiscal_year)));
  root.set("stage", Value::string("plan"));
  if (Value* p = root.find("period"); p && p->is_object()) {
    for (const char* key : {"from", "to"})
      if (Value* y = p->find(key); y && y->is_number()) *y = Value::number(std::to_string(static_cast<int>(y->number_value()) + shift));
    if (Value* l = p->find("label"); l && l->is_string()) *l = Value::string(with_year(l->text(), old_year, fiscal_year));
  }
  // What described the old edition, not the new one.
  auto drop = [&](const char* key, base::Message why) {
    if (root.find(key)) {
      root.erase(key);
      result.removed.push_back(std::move(why));
    }
  };
  drop("published", msg<Msg::cli_edition_drops_published>());
  drop("summary", msg<Msg::cli_edition_drops_summary>());
  drop("inferred", msg<Msg::cli_edition_drops_inferred>());
  drop("source", msg<Msg::cli_edition_drops_source>());
  drop("notes", msg<Msg::cli_edition_drops_notes>());
  drop("external_documents", msg<Msg::cli_edition_drops_documents>(arg<"plan">(plan.id)));

  std::set<std::string> dropped_ids;
  if (Value* items = root.find("items"); items && items->is_array()) {
    std::vector<Value> kept;
    for (auto& item : items->elements) {
      const std::string id = text_of(item, "id");
      const model::Item* mi = plan.find_item(id);
      if (!mi) continue;
      std::string direction;
      if (plan.next_year)
        if (auto it = mi->fields.find(plan.next_year->field); it != mi->fields.end()) direction = it->second.text;
      // An item without a direction (an optional field left blank) is carried as it is.
      const model::Direction d =
          plan.next_year ? plan.next_year->direction_of(direction).value_or(model::Direction::carry) : model::Direction::carry;
      EditionItem listed{id, present::entry_title(*mi), direction};
      if (d == model::Direction::drop) {
        dropped_ids.insert(id);
        result.dropped.push_back(listed);
        continue;
      }
      (d == model::Direction::revise ? result.revised : result.carried).push_back(listed);
      clear_members(item, "fields", cleared);
      clear_members(item, "labels", cleared);
      item.erase("source");
      item.erase("continues");  // the item keeps its id: identity by id
      if (Value* subs = item.find("sub_items"); subs && subs->is_array())
        for (auto& s : subs->elements) {
          clear_members(s, "fields", cleared);
          clear_members(s, "labels", cleared);
          s.erase("source");
        }
      // Notes on a cleared field were about last year's value.
      filter(item, "notes", [&](const Value& n) { return !in(cleared, text_of(n, "field")); });
      if (d == model::Direction::revise) {
        // The direction said the item changes: say so to the editors until its content is revised.
        Value note = Value::object();
        note.set("type", Value::string("doubt"));
        note.set("text", Value::string(text::wareki_fiscal_year(old_year) + "の次年度方向性は「" + direction +
                                       "」。内容・対象・時期を見直し、改めた内容を記載すること。"));
        if (!item.find("notes")) item.set("notes", Value::array());
        item.find("notes")->elements.push_back(std::move(note));
      }
      kept.push_back(std::move(item));
    }
    items->elements = std::move(kept);
    // References from results fields go with their text; references to items left out would not resolve.
    for (auto& item : items->elements)
      filter(item, "refs", [&](const Value& r) {
        const std::string to = text_of(r, "to");
        if (in(cleared, text_of(r, "field"))) return false;
        if (const std::string target = same_plan_target(to, plan.id); !target.empty() && in(dropped_ids, target)) {
          result.removed.push_back(msg<Msg::cli_edition_drops_reference>(arg<"item">(text_of(item, "id")), arg<"to">(to)));
          return false;
        }
        return true;
      });
  }
  return canonical::canonical_text(std::move(root), canonical::FileKind::plan);
}

NewEditionResult new_edition(io::FileSystem& fs, const NewEditionOptions& options) {
  NewEditionResult result;
  auto& diags = result.diagnostics;
  // The whole content must be valid: the new edition is made from what the site publishes.
  auto raw = content::load_content(fs, options.content_dir, diags);
  model::Model model;
  if (!diags.has_errors()) model = validate::validate(raw, diags);
  if (!diags.has_errors()) {
    xref::SymbolTable symbols(model);
    xref::link(model, symbols, diags);
  }
  if (diags.has_errors()) {
    result.outcome = Outcome::content_errors;
    result.failed_phase = "check";
    return result;
  }
  const model::Plan* plan = model.find_plan(options.plan_id);
  const content::RawPlan* raw_plan = nullptr;
  for (const auto& rp : raw.plans)
    if (plan && rp.dir == plan->dir) raw_plan = &rp;
  auto refuse = [&](base::Location where, base::CodedMessage message, std::vector<base::Message> hints = {}) {
    diags.error(where, std::move(message), std::move(hints));
    result.outcome = Outcome::content_errors;
    result.failed_phase = "new-edition";
    return result;
  };
  const auto content_at = base::Location::in(std::make_shared<base::SourceFile>(options.content_dir, ""), 0);
  if (!plan || !raw_plan) {
    std::vector<std::string> ids;
    for (const auto& p : model.plans) ids.push_back(p.id);
    std::vector<base::Message> hints;
    if (auto m = base::closest_match(options.plan_id, ids)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*m)));
    return refuse(content_at, msg<Msg::xref_unresolved_edition_plan>(arg<"plan">(options.plan_id), arg<"dir">(options.content_dir)),
                  std::move(hints));
  }
  if (!plan->series)
    return refuse(plan->location, msg<Msg::missing_field_edition_series>(arg<"plan">(plan->id)), {msg<Msg::missing_field_edition_series_hint>()});
  if (!plan->next_year)
    return refuse(plan->location, msg<Msg::missing_field_edition_next_year>(arg<"plan">(plan->id)),
                  {msg<Msg::missing_field_edition_next_year_hint>()});
  if (plan->stage != model::Stage::results)
    return refuse(plan->stage_location, msg<Msg::unknown_value_edition_stage>(arg<"plan">(plan->id)),
                  {msg<Msg::unknown_value_edition_stage_hint>()});
  if (options.fiscal_year <= plan->series->fiscal_year)
    return refuse(plan->series->year_location,
                  msg<Msg::out_of_range_edition_year>(arg<"year">(options.fiscal_year), arg<"from">(plan->series->fiscal_year),
                                                      arg<"plan">(plan->id)));
  for (const auto& p : model.plans)
    if (p.series && p.series->id == plan->series->id && p.series->fiscal_year == options.fiscal_year)
      return refuse(p.series->year_location,
                    msg<Msg::duplicate_id_edition_year>(arg<"series">(plan->series->id), arg<"year">(options.fiscal_year), arg<"plan">(p.id)));
  result.from_id = plan->id;
  result.series_id = plan->series->id;
  result.fiscal_year = options.fiscal_year;
  result.fiscal_year_label = text::wareki_fiscal_year(options.fiscal_year);
  result.new_id = options.new_id.empty() ? next_edition_id(*plan, options.fiscal_year) : options.new_id;
  if (!base::is_safe_slug(result.new_id))
    return refuse(content_at, msg<Msg::unsafe_id_edition_id>(arg<"id">(result.new_id)), {msg<Msg::unsafe_id_id_hint>()});
  if (model.find_plan(result.new_id) || model.find_document(result.new_id))
    return refuse(content_at, msg<Msg::duplicate_id_edition_id>(arg<"id">(result.new_id)), {msg<Msg::duplicate_id_edition_id_hint>()});
  result.dir = io::join_path(io::join_path(options.content_dir, "plans"), result.new_id);
  if (fs.exists(result.dir))
    return refuse(content_at, msg<Msg::duplicate_id_edition_dir>(arg<"dir">(result.dir)));

  const std::string json = next_edition_json(*raw_plan->plan, *plan, result.new_id, options.fiscal_year, result);
  std::vector<std::pair<std::string, std::string>> files{{io::join_path(result.dir, "plan.json"), json}};
  for (const auto& s : plan->sections) {
    if (s.file.empty()) continue;
    auto it = raw_plan->markdown.find(s.file);
    if (it != raw_plan->markdown.end()) files.emplace_back(io::join_path(result.dir, s.file), it->second->text());
  }
  if (files.size() > 1) result.removed.push_back(msg<Msg::cli_edition_sections_copied>());
  for (const auto& [path, bytes] : files) {
    if (auto err = fs.write_file(path, bytes)) {
      diags.error(base::Location::in(std::make_shared<base::SourceFile>(path, ""), 0),
                  msg<Msg::io_error_write_path>(arg<"path">(path), arg<"reason">(*err)));
      fs.remove_all(result.dir);  // nothing half-written stays behind
      result.outcome = Outcome::io_error;
      result.failed_phase = "new-edition";
      return result;
    }
    result.written.push_back(path);
  }
  return result;
}

}  // namespace planpress::pipeline
