// plan.json: items, sub-items and the value of every field they carry.
#include <cstdio>
#include <map>

#include "base/suggest.hpp"
#include "base/utf8.hpp"
#include "text/normalize.hpp"
#include "validate/plan_reader.hpp"

namespace planpress::validate {

namespace {

// Marks that look alike but are different characters: staff type 〇 (kanji zero) for ○, ✕ for ×.
// Folding them finds the vocabulary value that was meant.
std::string fold_lookalikes(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = base::decode_utf8(s, i);
    switch (cp) {
      case U'〇': case U'◯': case U'⚪': case U'○': cp = U'○'; break;
      case U'✕': case U'✖': case U'☓': case U'x': case U'X': case U'ｘ': case U'Ｘ': cp = U'×'; break;
      case U'⦾': case U'◉': cp = U'◎'; break;
      case U'▵': case U'⊿': cp = U'△'; break;
      default: break;
    }
    base::append_utf8(out, cp);
  }
  return text::nfkc(out);
}

// "U+3007" for each character of a short value, to tell look-alikes apart in messages.
std::string code_points(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(base::decode_utf8(s, i)));
    out += (out.empty() ? "" : " ") + std::string(buf);
  }
  return out;
}

}  // namespace

void PlanReader::read_items(const JsonRef& root, Plan& p) {
  // Printed numbers seen so far: by scope (the plan, or the category when numbering restarts in each) and
  // the number as compared (NFKC, without spaces: "５" and "5" are one number), the item that printed it.
  std::map<std::pair<std::string, std::string>, std::pair<std::string, int>> numbers;
  for (const auto& v : r_.array(root, "items", Msg::term_item)) {
    if (!r_.expect_object(v, keys::item)) continue;
    Item item;
    item.id = r_.slug(v, "id");
    item.id_location = r_.at(r_.member(v, "id").pointer);
    JsonRef named = v;
    named.what = msg<Msg::subject_element_id>(arg<"kind">(term(Msg::term_item)), arg<"id">(item.id));
    read_entry(named, item, p, named.what);
    item.category = r_.text(v, "category");
    if (auto c = r_.member(v, "continues")) {
      item.continues = r_.slug(v, "continues");
      item.continues_location = r_.at(c.pointer);
    }
    if (!item.number.empty()) {
      std::string key;
      for (char c : text::nfkc(item.number))
        if (c != ' ') key += c;
      const auto where = r_.at(r_.member(v, "number").pointer);
      const std::string scope = p.numbering_per_category ? item.category : std::string();
      auto [it, inserted] = numbers.emplace(std::make_pair(scope, key), std::make_pair(item.id, where.known() ? where.file->locate(where.offset).line : 0));
      if (!inserted)
      {
        const int line = it->second.second;
        if (p.numbering_per_category)
          diags_.error(where,
                       msg<Msg::duplicate_number_category>(arg<"item">(item.id), arg<"number">(item.number), arg<"other">(it->second.first),
                                                           arg<"line">(line), arg<"category">(item.category)),
                       {msg<Msg::duplicate_number_category_hint>()});
        else
          diags_.error(where,
                       msg<Msg::duplicate_number_plan>(arg<"item">(item.id), arg<"number">(item.number), arg<"other">(it->second.first),
                                                       arg<"line">(line), arg<"plan">(p.id)),
                       {msg<Msg::duplicate_number_plan_hint>()});
      }
    }
    if (!item.category.empty() && !p.find_category(item.category)) {
      std::vector<std::string> ids;
      for_each_category(p.categories, [&](const Category& c, int) { ids.push_back(c.id); });
      std::vector<base::Message> hints;
      if (auto m = base::closest_match(item.category, ids)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*m)));
      diags_.error(r_.at(r_.member(v, "category").pointer),
                   msg<Msg::xref_unresolved_item_category>(arg<"item">(item.id), arg<"category">(item.category), arg<"plan">(p.id)),
                   hints);
    }
    for (const auto& f : p.fields) {
      // A plan-stage edition is published before its results exist (「実績は年度末に掲載」).
      if (!f.required || (p.stage == Stage::plan && f.cycle == FieldDef::Cycle::results)) continue;
      auto it = item.fields.find(f.key);
      // A field filled at year end, missing in a results edition: maybe the edition is published at plan time.
      const base::Message stage_hint = msg<Msg::common_results_stage_hint>(arg<"plan">(p.id));
      const bool results_field = f.cycle == FieldDef::Cycle::results;
      if (it == item.fields.end()) {
        diags_.error(r_.at(v.pointer),
                     msg<Msg::missing_field_required>(arg<"item">(item.id), arg<"key">(f.key), arg<"label">(f.label), arg<"plan">(p.id)),
                     results_field ? std::vector<base::Message>{stage_hint} : std::vector<base::Message>{});
      } else if (!it->second.malformed && is_empty(it->second)) {  // a wrong type was reported already
        diags_.error(it->second.location,
                     msg<Msg::empty_value_required>(arg<"item">(item.id), arg<"key">(f.key), arg<"label">(f.label), arg<"plan">(p.id)),
                     {results_field ? stage_hint : base::Message(msg<Msg::empty_value_required_hint>())});
      }
    }
    std::size_t index = 0;
    for (const auto& s : r_.array(v, "sub_items", Msg::term_sub_item)) {
      ++index;
      if (!r_.expect_object(s, keys::sub_item)) continue;
      Entry sub;
      JsonRef named_sub = s;
      named_sub.what = msg<Msg::subject_sub_item>(arg<"n">(index), arg<"item">(item.id));
      read_entry(named_sub, sub, p, named_sub.what);
      item.sub_items.push_back(std::move(sub));
    }
    p.items.push_back(std::move(item));
  }
}

void PlanReader::read_entry(const JsonRef& v, Entry& e, const Plan& p, const base::Message& owner) {
  e.number = r_.text(v, "number");
  e.name = r_.text(v, "name");
  e.location = r_.at(v.pointer);
  e.refs = refs(v);
  e.notes = notes(v);
  if (auto labels = r_.member(v, "labels"); labels) {
    if (!labels.json->is_object()) r_.wrong_type(labels, Msg::term_expect_labels);
    else
      for (auto it = labels.json->begin(); it != labels.json->end(); ++it) {
        const std::string ptr = content::pointer_append(labels.pointer, it.key());
        if (!p.field(it.key())) unknown_field_key(it.key(), r_.document().key_at(ptr), p, Msg::term_label_of_field);
        if (!it.value().is_string() || it.value().get<std::string>().empty())
          r_.wrong_type(JsonRef{&it.value(), ptr, msg<Msg::subject_label_of>(arg<"key">(it.key()))}, Msg::term_expect_nonempty_string);
        else e.labels[it.key()] = r_.checked(JsonRef{&it.value(), ptr, msg<Msg::subject_label_of>(arg<"key">(it.key()))}, Lines::one);
      }
  }
  if (auto src = r_.member(v, "source"); r_.expect_object(src, keys::entry_source)) {
    auto lines = r_.array(src, "lines", Msg::term_line);
    if (lines.size() == 2 && lines[0].json->is_number_integer() && lines[1].json->is_number_integer())
      e.source_lines = std::make_pair(lines[0].json->get<int>(), lines[1].json->get<int>());
    else if (r_.member(src, "lines"))
      r_.wrong_type(r_.member(src, "lines"), Msg::term_expect_line_pair);
    e.source_page = r_.text(src, "page");
  }
  read_field_values(r_.member(v, "fields"), e, p, owner);
}

void PlanReader::read_field_values(const JsonRef& fields, Entry& e, const Plan& p, const base::Message& owner) {
  if (fields) {
    if (!fields.json->is_object()) {
      r_.wrong_type(fields, Msg::term_expect_field_values);
      return;
    }
    for (auto it = fields.json->begin(); it != fields.json->end(); ++it) {
      JsonRef v{&it.value(), content::pointer_append(fields.pointer, it.key()),
                msg<Msg::subject_field_of>(arg<"key">(it.key()), arg<"owner">(owner))};
      const FieldDef* def = p.field(it.key());
      if (!def) {
        unknown_field_key(it.key(), r_.document().key_at(v.pointer), p, Msg::term_field);
        continue;
      }
      e.fields.emplace(def->key, field_value(v, *def, p));
    }
  }
}

void PlanReader::check_vocabulary(const std::string& value, const std::string& pointer, const FieldDef& def, const Plan& p) {
  const Vocabulary* voc = p.vocabulary(def.vocabulary);
  if (!voc || voc->find(value)) return;
  std::vector<base::Message> list;
  std::vector<std::string> values;
  for (const auto& x : voc->values) {
    values.push_back(x.value);
    list.push_back(x.label.empty() ? base::verbatim(x.value)
                                   : msg<Msg::common_value_with_label>(arg<"value">(x.value), arg<"label">(x.label)));
  }
  std::vector<base::Message> hints;
  bool lookalike = false;
  for (const auto& x : values) {
    if (fold_lookalikes(x) != fold_lookalikes(value)) continue;
    hints.push_back(msg<Msg::unknown_value_lookalike_hint>(arg<"value">(value), arg<"value_code">(code_points(value)),
                                                           arg<"allowed">(x), arg<"allowed_code">(code_points(x))));
    lookalike = true;
    break;
  }
  if (auto m = base::closest_match(value, values); !lookalike && m && value.size() > 3)
    hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*m)));
  hints.push_back(msg<Msg::unknown_value_vocabulary_hint>(arg<"vocabulary">(voc->name), arg<"list">(std::move(list))));
  diags_.error(r_.at(pointer),
               msg<Msg::unknown_value_vocabulary>(arg<"value">(value), arg<"vocabulary">(voc->name), arg<"plan">(p.id), arg<"key">(def.key)),
               hints);
}

FieldValue PlanReader::field_value(const JsonRef& v, const FieldDef& def, const Plan& p) {
  FieldValue fv;
  fv.kind = def.kind;
  fv.location = r_.at(v.pointer);
  // Every kind but text has one JSON shape; anything else is reported once and marks the value malformed.
  auto shape = [&](bool ok, Msg expected) {
    if (!ok) {
      r_.wrong_type(v, expected);
      fv.malformed = true;
    }
    return ok;
  };
  const auto& j = *v.json;
  switch (def.kind) {
    case FieldKind::text:
    case FieldKind::markdown:
    case FieldKind::status:
    case FieldKind::rating:
      if (!shape(j.is_string(), Msg::term_expect_string)) break;
      // Text and Markdown hold paragraphs; a status or rating is one line. Markdown keeps its line
      // breaks as written (its parser takes CR LF, and its offsets are those of the value).
      if (def.kind == FieldKind::markdown) {
        r_.checked(v, Lines::many);
        fv.text = j.get<std::string>();
        fv.markdown = markdown_in_string(v, 3);
      } else {
        fv.text = r_.checked(v, def.kind == FieldKind::text ? Lines::many : Lines::one);
      }
      if ((def.kind == FieldKind::status || def.kind == FieldKind::rating) && !fv.text.empty())
        check_vocabulary(fv.text, v.pointer, def, p);
      break;
    case FieldKind::tags:
    case FieldKind::departments:
      if (!shape(j.is_array(), Msg::term_expect_string_array)) break;
      for (const auto& e : r_.elements(v, Msg::term_entry)) {
        if (!e.json->is_string()) {
          r_.wrong_type(e, Msg::term_expect_string);
          continue;
        }
        fv.values.push_back(r_.checked(e, Lines::one));
        if (def.kind == FieldKind::tags) check_vocabulary(fv.values.back(), e.pointer, def, p);
      }
      break;
    case FieldKind::list:
      if (!shape(j.is_array(), Msg::term_expect_list)) break;
      for (const auto& e : r_.elements(v, Msg::term_entry)) {
        if (e.json->is_string()) {
          fv.list.push_back(ListEntry{"", r_.checked(e, Lines::many)});
        } else if (r_.expect_object(e, keys::list_entry)) {
          fv.list.push_back(ListEntry{r_.text(e, "label", false), r_.paragraphs(e, "text")});
        }
      }
      break;
    case FieldKind::schedule:
      if (!shape(j.is_array(), Msg::term_expect_schedule)) break;
      for (const auto& e : r_.elements(v, Msg::term_row))
        if (auto row = schedule_row(e)) fv.schedule.push_back(std::move(*row));
      break;
  }
  return fv;
}

std::optional<ScheduleRow> PlanReader::schedule_row(const JsonRef& e) {
  if (!r_.expect_object(e, keys::schedule_row)) return std::nullopt;
  ScheduleRow row;
  row.label = r_.text(e, "label", false);
  row.from = r_.year(e, "from");
  bool was_null = false;
  row.to = r_.year_or_null(e, "to", was_null);
  row.open_end = was_null;
  row.text = r_.paragraphs(e, "text", false);
  row.group = r_.text(e, "group", false);
  return row;
}

bool PlanReader::is_empty(const FieldValue& v) { return model::is_empty(v); }

}  // namespace planpress::validate
