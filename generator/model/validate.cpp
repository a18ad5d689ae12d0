#include "model/validate.hpp"

#include <cstdio>
#include <set>

#include "base/suggest.hpp"
#include "base/utf8.hpp"
#include "model/json_reader.hpp"
#include "text/normalize.hpp"

namespace planpress::model {

namespace {

constexpr long long kMinYear = 1868;
constexpr long long kMaxYear = 2200;

const std::vector<std::string> kPlanKinds = {"basic_policy", "promotion_plan", "action_plan",
                                             "annual_plan", "reform_plan", "progress_report"};
const std::vector<std::string> kFieldKinds = {"text", "markdown", "list", "status", "rating", "tags", "departments", "schedule"};
const std::vector<std::string> kNoteTypes = {"note", "variant", "doubt", "inferred", "source_error"};
const std::vector<std::string> kInferable = {"title", "short_title", "period", "published", "municipality", "kind", "department"};

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

PlanKind plan_kind_from(const std::string& s) {
  for (std::size_t i = 0; i < kPlanKinds.size(); ++i)
    if (kPlanKinds[i] == s) return static_cast<PlanKind>(i);
  return PlanKind::action_plan;
}

FieldKind field_kind_from(const std::string& s) {
  for (std::size_t i = 0; i < kFieldKinds.size(); ++i)
    if (kFieldKinds[i] == s) return static_cast<FieldKind>(i);
  return FieldKind::text;
}

// Validation of one JSON file (site.json, documents.json or a plan.json).
class Validator {
 public:
  Validator(const content::JsonDocument& doc, base::Diagnostics& diags) : r_(doc, diags), diags_(diags) {}

  std::optional<Period> period(const JsonRef& obj, const std::string& key) {
    auto v = r_.member(obj, key);
    if (!r_.expect_object(v, {"from", "to", "label"}, {"from"})) return std::nullopt;
    Period p;
    p.from = r_.integer(v, "from", kMinYear, kMaxYear).value_or(0);
    bool was_null = false;
    p.to = r_.integer_or_null(v, "to", kMinYear, kMaxYear, was_null);
    p.open_end = was_null || !r_.member(v, "to");
    p.label = r_.text(v, "label");
    if (p.to && p.from && *p.to < p.from)
      diags_.error("out-of-range", r_.at(r_.member(v, "to").pointer),
                   "period ends (" + std::to_string(*p.to) + ") before it starts (" + std::to_string(p.from) + ")");
    return p;
  }

  std::optional<DateInfo> date(const JsonRef& obj, const std::string& key) {
    auto v = r_.member(obj, key);
    if (!r_.expect_object(v, {"label", "iso"}, {})) return std::nullopt;
    DateInfo d{r_.text(v, "label"), r_.text(v, "iso")};
    auto iso = r_.member(v, "iso");
    if (iso && !d.iso.empty()) {
      const auto& s = d.iso;
      auto digit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
      bool ok = (s.size() == 4 || s.size() == 7 || s.size() == 10) && digit(0) && digit(1) && digit(2) && digit(3);
      if (ok && s.size() >= 7) ok = s[4] == '-' && digit(5) && digit(6) && std::stoi(s.substr(5, 2)) >= 1 && std::stoi(s.substr(5, 2)) <= 12;
      if (ok && s.size() == 10) ok = s[7] == '-' && digit(8) && digit(9) && std::stoi(s.substr(8, 2)) >= 1 && std::stoi(s.substr(8, 2)) <= 31;
      if (!ok)
        diags_.error("wrong-type", r_.at(iso.pointer), iso.what + " '" + s + "' is not a date",
                     {"write YYYY, YYYY-MM or YYYY-MM-DD (令和5年2月 is 2023-02)"});
    }
    return d;
  }

  std::vector<Note> notes(const JsonRef& obj) {
    std::vector<Note> out;
    for (const auto& n : r_.array(obj, "notes", "note")) {
      if (!r_.expect_object(n, {"type", "field", "text", "where"}, {"type", "text"})) continue;
      out.push_back(Note{r_.keyword(n, "type", kNoteTypes), r_.text(n, "field", false), r_.text(n, "text"), r_.text(n, "where", false)});
    }
    return out;
  }

  std::vector<Ref> refs(const JsonRef& obj) {
    std::vector<Ref> out;
    for (const auto& v : r_.array(obj, "refs", "reference")) {
      if (!r_.expect_object(v, {"to", "type", "evidence", "field", "confidence"}, {"to", "type"})) continue;
      Ref ref;
      ref.to = r_.text(v, "to");
      ref.location = r_.at(r_.member(v, "to").pointer);
      const std::string type = r_.keyword(v, "type", ref_type_keywords());
      if (auto t = ref_type_from(type)) ref.type = *t;
      ref.evidence = r_.text(v, "evidence", false);
      ref.field = r_.text(v, "field", false);
      ref.medium_confidence = r_.keyword(v, "confidence", {"high", "medium"}) == "medium";
      out.push_back(std::move(ref));
    }
    return out;
  }

  ExternalDocument external_document(const JsonRef& v, const std::string& declared_in) {
    ExternalDocument d;
    r_.expect_object(v, {"id", "title", "municipality", "kind", "date", "period", "note"}, {"id", "title"});
    d.id = r_.slug(v, "id");
    d.title = r_.text(v, "title");
    d.municipality = r_.text(v, "municipality", false);
    d.kind = r_.text(v, "kind", false);
    d.note = r_.text(v, "note", false);
    d.date = date(v, "date");
    d.period = period(v, "period");
    d.declared_in = declared_in;
    d.location = r_.member(v, "id") ? r_.at(r_.member(v, "id").pointer) : r_.at(v.pointer);
    return d;
  }

  markdown::Document markdown_in_string(const JsonRef& v, int min_heading) {
    const std::string text = v.json->get<std::string>();
    const auto& doc = r_.document();
    const std::string pointer = v.pointer;
    markdown::ParseOptions opts;
    opts.min_heading_level = min_heading;
    return markdown::parse(text, [&doc, pointer](std::size_t off) { return doc.in_string(pointer, off); }, diags_, opts);
  }

  JsonReader& reader() { return r_; }

 protected:
  JsonReader r_;
  base::Diagnostics& diags_;
};

class PlanValidator : public Validator {
 public:
  PlanValidator(const content::RawPlan& raw, base::Diagnostics& diags)
      : Validator(*raw.plan, diags), raw_(raw) {}

  Plan run() {
    Plan p;
    p.dir = raw_.dir;
    auto root = r_.root("plan");
    // Name the plan by its id in messages when it has a usable one.
    if (root.json->is_object() && root.json->contains("id") && (*root.json)["id"].is_string() &&
        base::is_safe_slug((*root.json)["id"].get<std::string>()))
      root.what = "plan '" + (*root.json)["id"].get<std::string>() + "'";
    p.location = r_.at("");
    if (!r_.expect_object(root, {"$schema", "id", "title", "short_title", "municipality", "kind", "period", "published",
                                 "department", "summary", "inferred", "source", "refs", "fields", "vocabularies",
                                 "presentation", "sections", "categories", "items", "indicators", "notes",
                                 "external_documents"},
                          {"id", "title", "municipality", "kind", "fields", "items"}))
      return p;
    p.id = r_.slug(root, "id");
    if (auto id = r_.member(root, "id")) p.location = r_.at(id.pointer);
    root.what = "plan '" + p.id + "'";
    p.title = r_.text(root, "title");
    p.short_title = r_.text(root, "short_title");
    p.municipality = r_.text(root, "municipality");
    p.kind = plan_kind_from(r_.keyword(root, "kind", kPlanKinds));
    p.period = period(root, "period");
    p.published = date(root, "published");
    p.department = r_.text(root, "department");
    p.summary = r_.text(root, "summary");
    if (auto inf = r_.member(root, "inferred"); r_.expect_object(inf, kInferable, {})) {
      for (const auto& key : kInferable)
        if (r_.member(inf, key)) p.inferred[key] = r_.text(inf, key);
    }
    if (auto src = r_.member(root, "source"); r_.expect_object(src, {"file", "note"}, {})) {
      p.source_file = r_.text(src, "file", false);
      p.source_note = r_.text(src, "note", false);
    }
    p.refs = refs(root);
    p.notes = notes(root);
    read_vocabularies(root, p);
    read_fields(root, p);
    read_presentation(root, p);
    read_sections(root, p);
    read_categories(r_.member(root, "categories"), p.categories, 0);
    read_items(root, p);
    read_indicators(root, p);
    for (const auto& d : r_.array(root, "external_documents", "external document"))
      documents_.push_back(external_document(d, p.id));
    check_anchor_ids(p);
    return p;
  }

  std::vector<ExternalDocument> documents_;

 private:
  void read_vocabularies(const JsonRef& root, Plan& p) {
    auto vocabs = r_.member(root, "vocabularies");
    if (!vocabs) return;
    if (!vocabs.json->is_object()) {
      r_.wrong_type(vocabs, "an object (vocabulary name → values)");
      return;
    }
    for (auto it = vocabs.json->begin(); it != vocabs.json->end(); ++it) {
      JsonRef v{&it.value(), content::pointer_append(vocabs.pointer, it.key()), "vocabulary '" + it.key() + "'"};
      if (!base::is_safe_slug(it.key()))
        diags_.error("unsafe-id", r_.document().key_at(v.pointer), "vocabulary name '" + it.key() + "' is not a safe id");
      if (!r_.expect_object(v, {"label", "values"}, {"values"})) continue;
      Vocabulary voc;
      voc.name = it.key();
      voc.label = r_.text(v, "label");
      std::set<std::string> seen;
      for (const auto& e : r_.array(v, "values", "value")) {
        if (!r_.expect_object(e, {"value", "label", "description"}, {"value"})) continue;
        VocabValue vv{r_.text(e, "value"), r_.text(e, "label"), r_.text(e, "description", false)};
        if (!seen.insert(vv.value).second)
          diags_.error("duplicate-id", r_.at(r_.member(e, "value").pointer),
                       "value '" + vv.value + "' appears twice in vocabulary '" + voc.name + "'");
        voc.values.push_back(std::move(vv));
      }
      p.vocabularies.push_back(std::move(voc));
    }
  }

  void read_fields(const JsonRef& root, Plan& p) {
    std::set<std::string> seen;
    for (const auto& f : r_.array(root, "fields", "field")) {
      if (!r_.expect_object(f, {"key", "label", "kind", "vocabulary", "required", "description"}, {"key", "label", "kind"}))
        continue;
      FieldDef def;
      def.key = r_.slug(f, "key");
      def.label = r_.text(f, "label");
      def.kind = field_kind_from(r_.keyword(f, "kind", kFieldKinds));
      def.vocabulary = r_.text(f, "vocabulary");
      def.required = r_.boolean(f, "required").value_or(false);
      def.description = r_.text(f, "description", false);
      def.location = r_.at(f.pointer);
      if (!def.key.empty() && !seen.insert(def.key).second)
        diags_.error("duplicate-id", r_.at(r_.member(f, "key").pointer), "field '" + def.key + "' is declared twice");
      const bool needs_vocab = def.kind == FieldKind::status || def.kind == FieldKind::rating || def.kind == FieldKind::tags;
      if (needs_vocab && def.vocabulary.empty() && r_.member(f, "kind"))
        diags_.error("missing-field", r_.at(f.pointer),
                     "field '" + def.key + "' of kind '" + to_string(def.kind) + "' needs a 'vocabulary'");
      if (needs_vocab && !def.vocabulary.empty() && !p.vocabulary(def.vocabulary)) {
        std::vector<std::string> names;
        for (const auto& v : p.vocabularies) names.push_back(v.name);
        std::vector<std::string> hints;
        if (auto m = base::closest_match(def.vocabulary, names)) hints.push_back("did you mean '" + *m + "'?");
        diags_.error("xref-unresolved", r_.at(r_.member(f, "vocabulary").pointer),
                     "field '" + def.key + "' uses vocabulary '" + def.vocabulary + "', which plan '" + p.id + "' does not declare",
                     hints);
      }
      p.fields.push_back(std::move(def));
    }
  }

  void read_presentation(const JsonRef& root, Plan& p) {
    auto v = r_.member(root, "presentation");
    if (!r_.expect_object(v, {"items", "columns", "orientation", "widths", "sub_items"}, {})) {
      default_columns(p);
      return;
    }
    if (r_.member(v, "items")) p.presentation.items = r_.keyword(v, "items", {"table", "cards"});
    if (r_.member(v, "orientation")) p.presentation.orientation = r_.keyword(v, "orientation", {"portrait", "landscape"});
    if (r_.member(v, "sub_items")) p.presentation.sub_items_label = r_.text(v, "sub_items");
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

  void default_columns(Plan& p) {
    for (const auto& f : p.fields)
      if (f.kind != FieldKind::markdown && f.kind != FieldKind::list && f.kind != FieldKind::schedule)
        p.presentation.columns.push_back(f.key);
  }

  void unknown_field_key(const std::string& key, base::Location where, const Plan& p, const std::string& what) {
    std::vector<std::string> keys;
    for (const auto& f : p.fields) keys.push_back(f.key);
    std::vector<std::string> hints;
    if (auto m = base::closest_match(key, keys)) hints.push_back("did you mean '" + *m + "'?");
    std::string list;
    for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
    hints.push_back("plan '" + p.id + "' declares: " + list);
    diags_.error("unknown-field", where, what + " '" + key + "' is not a field of plan '" + p.id + "'", hints);
  }

  void read_sections(const JsonRef& root, Plan& p) {
    std::set<std::string> used;
    for (const auto& s : r_.array(root, "sections", "section")) {
      if (!r_.expect_object(s, {"id", "number", "title", "file"}, {"id", "title", "file"})) continue;
      Section sec;
      sec.id = r_.slug(s, "id");
      sec.id_location = r_.at(r_.member(s, "id").pointer);
      sec.number = r_.text(s, "number");
      sec.title = r_.text(s, "title");
      sec.file = r_.text(s, "file");
      sec.location = r_.at(s.pointer);
      used.insert(sec.file);
      auto it = raw_.markdown.find(sec.file);
      if (!sec.file.empty() && it == raw_.markdown.end()) {
        std::vector<std::string> names;
        for (const auto& [name, src] : raw_.markdown) names.push_back(name);
        std::vector<std::string> hints;
        if (auto m = base::closest_match(sec.file, names)) hints.push_back("did you mean '" + *m + "'?");
        diags_.error("missing-file", r_.at(r_.member(s, "file").pointer),
                     "section '" + sec.id + "' names '" + sec.file + "', which is not in " + raw_.path, hints);
      } else if (it != raw_.markdown.end()) {
        sec.source = it->second;
        const auto src = it->second;
        sec.markdown = markdown::parse(src->text(), [src](std::size_t off) { return base::Location::in(src, off); }, diags_);
      }
      p.sections.push_back(std::move(sec));
    }
    for (const auto& [name, src] : raw_.markdown) {
      if (!used.count(name))
        diags_.warning("unused-file", base::Location::in(src, 0), "no section of plan '" + p.id + "' uses this file",
                       {"list it in plan.json \"sections\" or remove it"});
    }
  }

  void read_categories(const JsonRef& list, std::vector<Category>& out, int depth) {
    for (const auto& c : r_.elements(list, "category")) {
      if (!r_.expect_object(c, {"id", "number", "title", "kind", "blocks", "refs", "notes", "children"}, {"id", "title"}))
        continue;
      Category cat;
      cat.id = r_.slug(c, "id");
      cat.id_location = r_.at(r_.member(c, "id").pointer);
      cat.number = r_.text(c, "number");
      cat.title = r_.text(c, "title");
      cat.kind = r_.text(c, "kind");
      cat.location = r_.at(c.pointer);
      for (const auto& b : r_.array(c, "blocks", "block")) {
        if (!r_.expect_object(b, {"label", "text"}, {"text"})) continue;
        Block block{r_.text(b, "label"), r_.text(b, "text"), {}, r_.at(b.pointer)};
        if (auto t = r_.member(b, "text"); t && t.json->is_string()) block.markdown = markdown_in_string(t, 3);
        cat.blocks.push_back(std::move(block));
      }
      cat.refs = refs(c);
      cat.notes = notes(c);
      if (depth < 8) read_categories(r_.member(c, "children"), cat.children, depth + 1);
      else diags_.error("json-too-deep", r_.at(c.pointer), "categories nested deeper than 8 levels");
      out.push_back(std::move(cat));
    }
  }

  void read_entry(const JsonRef& v, Entry& e, const Plan& p, const std::string& owner) {
    e.number = r_.text(v, "number");
    e.name = r_.text(v, "name");
    e.location = r_.at(v.pointer);
    e.refs = refs(v);
    e.notes = notes(v);
    if (auto labels = r_.member(v, "labels"); labels) {
      if (!labels.json->is_object()) r_.wrong_type(labels, "an object (field key → printed label)");
      else
        for (auto it = labels.json->begin(); it != labels.json->end(); ++it) {
          const std::string ptr = content::pointer_append(labels.pointer, it.key());
          if (!p.field(it.key())) unknown_field_key(it.key(), r_.document().key_at(ptr), p, "label of field");
          if (!it.value().is_string() || it.value().get<std::string>().empty())
            r_.wrong_type(JsonRef{&it.value(), ptr, "label of '" + it.key() + "'"}, "a non-empty string");
          else e.labels[it.key()] = it.value().get<std::string>();
        }
    }
    if (auto src = r_.member(v, "source"); r_.expect_object(src, {"lines"}, {})) {
      auto lines = r_.array(src, "lines", "line");
      if (lines.size() == 2 && lines[0].json->is_number_integer() && lines[1].json->is_number_integer())
        e.source_lines = std::make_pair(lines[0].json->get<int>(), lines[1].json->get<int>());
      else if (r_.member(src, "lines"))
        r_.wrong_type(r_.member(src, "lines"), "two line numbers [first, last]");
    }
    read_field_values(r_.member(v, "fields"), e, p, owner);
  }

  void read_field_values(const JsonRef& fields, Entry& e, const Plan& p, const std::string& owner) {
    if (fields) {
      if (!fields.json->is_object()) {
        r_.wrong_type(fields, "an object (field key → value)");
        return;
      }
      for (auto it = fields.json->begin(); it != fields.json->end(); ++it) {
        JsonRef v{&it.value(), content::pointer_append(fields.pointer, it.key()), "field '" + it.key() + "' of " + owner};
        const FieldDef* def = p.field(it.key());
        if (!def) {
          unknown_field_key(it.key(), r_.document().key_at(v.pointer), p, "field");
          continue;
        }
        e.fields.emplace(def->key, field_value(v, *def, p));
      }
    }
  }

  FieldValue field_value(const JsonRef& v, const FieldDef& def, const Plan& p) {
    FieldValue fv;
    fv.kind = def.kind;
    fv.location = r_.at(v.pointer);
    const auto& j = *v.json;
    auto check_vocab = [&](const std::string& value, const std::string& ptr) {
      const Vocabulary* voc = p.vocabulary(def.vocabulary);
      if (!voc || voc->find(value)) return;
      std::string list;
      std::vector<std::string> values;
      for (const auto& x : voc->values) {
        values.push_back(x.value);
        list += (list.empty() ? "" : ", ") + x.value + (x.label.empty() ? "" : " (" + x.label + ")");
      }
      std::vector<std::string> hints;
      bool lookalike = false;
      for (const auto& x : values) {
        if (fold_lookalikes(x) != fold_lookalikes(value)) continue;
        hints.push_back("'" + value + "' (" + code_points(value) + ") looks like '" + x + "' (" + code_points(x) +
                        ") but is another character; use '" + x + "'");
        lookalike = true;
        break;
      }
      if (auto m = base::closest_match(value, values); !lookalike && m && value.size() > 3)
        hints.push_back("did you mean '" + *m + "'?");
      hints.push_back("vocabulary '" + voc->name + "' allows: " + list);
      diags_.error("unknown-value", r_.at(ptr),
                   "'" + value + "' is not in vocabulary '" + voc->name + "' of plan '" + p.id + "' (field '" + def.key + "')", hints);
    };
    switch (def.kind) {
      case FieldKind::text:
      case FieldKind::markdown:
      case FieldKind::status:
      case FieldKind::rating:
        if (!j.is_string()) {
          r_.wrong_type(v, "a string");
          fv.malformed = true;
          break;
        }
        fv.text = j.get<std::string>();
        if (def.kind == FieldKind::markdown) fv.markdown = markdown_in_string(v, 3);
        if ((def.kind == FieldKind::status || def.kind == FieldKind::rating) && !fv.text.empty()) check_vocab(fv.text, v.pointer);
        break;
      case FieldKind::tags:
      case FieldKind::departments:
        if (!j.is_array()) {
          r_.wrong_type(v, "an array of strings");
          fv.malformed = true;
          break;
        }
        for (const auto& e : r_.elements(v, "entry")) {
          if (!e.json->is_string()) {
            r_.wrong_type(e, "a string");
            continue;
          }
          fv.values.push_back(e.json->get<std::string>());
          if (def.kind == FieldKind::tags) check_vocab(fv.values.back(), e.pointer);
        }
        break;
      case FieldKind::list:
        if (!j.is_array()) {
          r_.wrong_type(v, "an array of strings or {\"label\", \"text\"} objects");
          fv.malformed = true;
          break;
        }
        for (const auto& e : r_.elements(v, "entry")) {
          if (e.json->is_string()) {
            fv.list.push_back(ListEntry{"", e.json->get<std::string>()});
          } else if (r_.expect_object(e, {"label", "text"}, {"text"})) {
            fv.list.push_back(ListEntry{r_.text(e, "label", false), r_.text(e, "text")});
          }
        }
        break;
      case FieldKind::schedule:
        if (!j.is_array()) {
          r_.wrong_type(v, "an array of schedule rows");
          fv.malformed = true;
          break;
        }
        for (const auto& e : r_.elements(v, "row")) {
          if (!r_.expect_object(e, {"label", "from", "to", "text", "group"}, {"text"})) continue;
          ScheduleRow row;
          row.label = r_.text(e, "label", false);
          row.from = r_.integer(e, "from", kMinYear, kMaxYear);
          bool was_null = false;
          row.to = r_.integer_or_null(e, "to", kMinYear, kMaxYear, was_null);
          row.open_end = was_null;
          row.text = r_.text(e, "text", false);
          row.group = r_.text(e, "group", false);
          fv.schedule.push_back(std::move(row));
        }
        break;
    }
    return fv;
  }

  static bool is_empty(const FieldValue& v) {
    auto blank = [](const std::string& s) { return is_blank(s); };
    switch (v.kind) {
      case FieldKind::text:
      case FieldKind::markdown:
      case FieldKind::status:
      case FieldKind::rating: return blank(v.text);
      case FieldKind::tags:
      case FieldKind::departments: return v.values.empty();
      case FieldKind::list: return v.list.empty();
      case FieldKind::schedule: return v.schedule.empty();
    }
    return true;
  }

  void read_items(const JsonRef& root, Plan& p) {
    for (const auto& v : r_.array(root, "items", "item")) {
      if (!r_.expect_object(v, {"id", "number", "name", "category", "fields", "labels", "sub_items", "refs", "notes", "source"},
                            {"id", "name"}))
        continue;
      Item item;
      item.id = r_.slug(v, "id");
      item.id_location = r_.at(r_.member(v, "id").pointer);
      JsonRef named = v;
      named.what = "item '" + item.id + "'";
      read_entry(named, item, p, named.what);
      item.category = r_.text(v, "category");
      if (!item.category.empty() && !p.find_category(item.category)) {
        std::vector<std::string> ids;
        for_each_category(p.categories, [&](const Category& c, int) { ids.push_back(c.id); });
        std::vector<std::string> hints;
        if (auto m = base::closest_match(item.category, ids)) hints.push_back("did you mean '" + *m + "'?");
        diags_.error("xref-unresolved", r_.at(r_.member(v, "category").pointer),
                     "item '" + item.id + "' names category '" + item.category + "', which plan '" + p.id + "' does not have",
                     hints);
      }
      for (const auto& f : p.fields) {
        if (!f.required) continue;
        auto it = item.fields.find(f.key);
        if (it == item.fields.end()) {
          diags_.error("missing-field", r_.at(v.pointer),
                       "item '" + item.id + "' has no '" + f.key + "' (" + f.label + "), which plan '" + p.id + "' requires");
        } else if (!it->second.malformed && is_empty(it->second)) {  // a wrong type was reported already
          diags_.error("empty-value", it->second.location,
                       "item '" + item.id + "' has an empty '" + f.key + "' (" + f.label + "), which plan '" + p.id + "' requires",
                       {"fill it in, or make the field optional in \"fields\" if the document leaves it blank"});
        }
      }
      std::size_t index = 0;
      for (const auto& s : r_.array(v, "sub_items", "sub-item")) {
        ++index;
        if (!r_.expect_object(s, {"number", "name", "fields", "labels", "refs", "notes", "source"}, {"name"})) continue;
        Entry sub;
        JsonRef named_sub = s;
        named_sub.what = "sub-item " + std::to_string(index) + " of item '" + item.id + "'";
        read_entry(named_sub, sub, p, named_sub.what);
        item.sub_items.push_back(std::move(sub));
      }
      p.items.push_back(std::move(item));
    }
  }

  void read_indicators(const JsonRef& root, Plan& p) {
    for (const auto& v : r_.array(root, "indicators", "indicator")) {
      if (!r_.expect_object(v, {"id", "name", "category", "section", "type", "unit", "definition", "chart", "segments",
                                "values", "commentary", "notes"},
                            {"id", "name", "values"}))
        continue;
      Indicator ind;
      ind.id = r_.slug(v, "id");
      ind.name = r_.text(v, "name");
      ind.category = r_.text(v, "category");
      ind.section = r_.text(v, "section");
      ind.type = r_.text(v, "type");
      ind.unit = r_.text(v, "unit", false);
      ind.definition = r_.text(v, "definition", false);
      if (r_.member(v, "chart")) ind.chart = r_.keyword(v, "chart", {"line", "bar"});
      ind.location = r_.at(v.pointer);
      ind.notes = notes(v);
      if (!ind.category.empty() && !p.find_category(ind.category))
        diags_.error("xref-unresolved", r_.at(r_.member(v, "category").pointer),
                     "indicator '" + ind.id + "' names category '" + ind.category + "', which plan '" + p.id + "' does not have");
      if (!ind.section.empty()) {
        bool found = false;
        for (const auto& s : p.sections) found = found || s.id == ind.section;
        if (!found)
          diags_.error("xref-unresolved", r_.at(r_.member(v, "section").pointer),
                       "indicator '" + ind.id + "' names section '" + ind.section + "', which plan '" + p.id + "' does not have");
      }
      std::set<std::string> segment_ids;
      for (const auto& s : r_.array(v, "segments", "segment")) {
        if (!r_.expect_object(s, {"id", "label", "note"}, {"id", "label"})) continue;
        Segment seg{r_.slug(s, "id"), r_.text(s, "label"), r_.text(s, "note", false)};
        if (!segment_ids.insert(seg.id).second)
          diags_.error("duplicate-id", r_.at(r_.member(s, "id").pointer), "segment '" + seg.id + "' appears twice");
        ind.segments.push_back(std::move(seg));
      }
      for (const auto& e : r_.array(v, "values", "value")) {
        if (!r_.expect_object(e, {"year", "label", "segment", "value", "text", "kind", "qualifier", "note"}, {"kind"})) continue;
        IndicatorValue val;
        val.year = r_.integer(e, "year", kMinYear, kMaxYear);
        val.label = r_.text(e, "label", false);
        val.segment = r_.text(e, "segment");
        val.value = r_.number_or_null(e, "value");
        if (val.value) val.value_text = r_.document().raw_text(r_.member(e, "value").pointer);
        val.text = r_.text(e, "text", false);
        val.kind = r_.keyword(e, "kind", {"actual", "baseline", "target"});
        val.qualifier = r_.text(e, "qualifier", false);
        val.note = r_.text(e, "note", false);
        if (!val.segment.empty() && !segment_ids.count(val.segment)) {
          std::vector<std::string> ids(segment_ids.begin(), segment_ids.end());
          std::vector<std::string> hints;
          if (auto m = base::closest_match(val.segment, ids)) hints.push_back("did you mean '" + *m + "'?");
          diags_.error("xref-unresolved", r_.at(r_.member(e, "segment").pointer),
                       "value names segment '" + val.segment + "', which indicator '" + ind.id + "' does not declare", hints);
        }
        ind.values.push_back(std::move(val));
      }
      for (const auto& c : r_.array(v, "commentary", "commentary paragraph")) {
        if (!c.json->is_string()) r_.wrong_type(c, "a string");
        else ind.commentary.push_back(c.json->get<std::string>());
      }
      p.indicators.push_back(std::move(ind));
    }
  }

  // Items, categories and sections share one namespace per plan (all can be link targets);
  // indicators have their own.
  void check_anchor_ids(const Plan& p) {
    std::map<std::string, std::pair<std::string, base::Location>> seen;  // id → (what, where)
    auto claim = [&](const std::string& id, const std::string& what, const base::Location& where) {
      if (id.empty()) return;
      auto [it, inserted] = seen.emplace(id, std::make_pair(what, where));
      if (!inserted) {
        const auto first = it->second.second.file->locate(it->second.second.offset);
        diags_.error("duplicate-id", where,
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
        diags_.error("duplicate-id", i.location, "indicator id '" + i.id + "' is used twice in plan '" + p.id + "'");
  }

  const content::RawPlan& raw_;
};

Site read_site(const content::JsonDocument& doc, base::Diagnostics& diags) {
  Validator v(doc, diags);
  auto& r = v.reader();
  Site site;
  auto root = r.root("site");
  if (!r.expect_object(root, {"$schema", "title", "organisation", "description", "base_url", "pdf", "department_aliases",
                                 "department_order", "department_readings"},
                       {"title", "organisation"}))
    return site;
  site.title = r.text(root, "title");
  site.organisation = r.text(root, "organisation");
  site.description = r.text(root, "description");
  site.base_url = r.text(root, "base_url");
  if (!site.base_url.empty() && site.base_url.rfind("https://", 0) != 0 && site.base_url.rfind("http://", 0) != 0)
    diags.error("wrong-type", r.at(r.member(root, "base_url").pointer), "base_url must be an absolute http(s) URL");
  if (auto pdf = r.member(root, "pdf"); r.expect_object(pdf, {"margins_mm", "fonts", "page_number"}, {})) {
    if (auto m = r.member(pdf, "margins_mm"); r.expect_object(m, {"top", "bottom", "left", "right"}, {})) {
      auto margin = [&](const char* key, double& out) {
        auto val = r.member(m, key);
        if (!val) return;
        if (!val.json->is_number()) r.wrong_type(val, "a number of millimetres");
        else if (val.json->get<double>() < 5 || val.json->get<double>() > 60)
          diags.error("out-of-range", r.at(val.pointer), val.what + " is " + val.json->dump() + ", outside 5–60 mm");
        else out = val.json->get<double>();
      };
      margin("top", site.pdf.margin_top);
      margin("bottom", site.pdf.margin_bottom);
      margin("left", site.pdf.margin_left);
      margin("right", site.pdf.margin_right);
    }
    if (auto f = r.member(pdf, "fonts"); r.expect_object(f, {"mincho", "gothic", "fallback"}, {})) {
      site.pdf.fonts_location = r.at(f.pointer);
      if (r.member(f, "mincho")) site.pdf.font_mincho = r.text(f, "mincho");
      if (r.member(f, "gothic")) site.pdf.font_gothic = r.text(f, "gothic");
      if (auto fb = r.member(f, "fallback"); fb) {
        if (!fb.json->is_array()) r.wrong_type(fb, "an array of font file paths");
        else
          for (const auto& e : r.elements(fb, "fallback font")) {
            if (!e.json->is_string() || e.json->get<std::string>().empty()) r.wrong_type(e, "a font file path");
            else site.pdf.font_fallback.push_back(e.json->get<std::string>());
          }
      }
    }
    if (r.member(pdf, "page_number")) {
      site.pdf.page_number = r.text(pdf, "page_number");
      if (site.pdf.page_number.find("{page}") == std::string::npos)
        diags.error("wrong-type", r.at(r.member(pdf, "page_number").pointer), "page_number must contain {page}",
                    {"for example \"- {page} -\""});
    }
  }
  if (auto a = r.member(root, "department_aliases"); a) {
    if (!a.json->is_object()) r.wrong_type(a, "an object (printed name → canonical name)");
    else
      for (auto it = a.json->begin(); it != a.json->end(); ++it) {
        if (!it.value().is_string() || it.value().get<std::string>().empty())
          r.wrong_type(JsonRef{&it.value(), content::pointer_append(a.pointer, it.key()), "alias of '" + it.key() + "'"},
                       "a non-empty string");
        else site.department_aliases[it.key()] = it.value().get<std::string>();
      }
  }
  if (auto o = r.member(root, "department_order"); o) {
    if (!o.json->is_array()) r.wrong_type(o, "an array of department names in organisational order");
    else
      for (const auto& e : r.elements(o, "department")) {
        if (!e.json->is_string() || e.json->get<std::string>().empty()) r.wrong_type(e, "a department name");
        else site.department_order.push_back(e.json->get<std::string>());
      }
  }
  if (auto rd = r.member(root, "department_readings"); rd) {
    if (!rd.json->is_object()) r.wrong_type(rd, "an object (department name → reading in kana)");
    else
      for (auto it = rd.json->begin(); it != rd.json->end(); ++it) {
        if (!it.value().is_string() || it.value().get<std::string>().empty())
          r.wrong_type(JsonRef{&it.value(), content::pointer_append(rd.pointer, it.key()), "reading of '" + it.key() + "'"},
                       "a non-empty string");
        else site.department_readings[it.key()] = it.value().get<std::string>();
      }
  }
  return site;
}

}  // namespace

Model validate(const content::RawContent& raw, base::Diagnostics& diags) {
  Model model;
  if (raw.site) model.site = read_site(*raw.site, diags);
  if (raw.documents) {
    Validator v(*raw.documents, diags);
    auto& r = v.reader();
    auto root = r.root("documents.json");
    if (r.expect_object(root, {"$schema", "documents"}, {"documents"}))
      for (const auto& d : r.array(root, "documents", "document")) model.documents.push_back(v.external_document(d, ""));
  }
  for (const auto& rp : raw.plans) {
    if (!rp.plan) continue;
    PlanValidator pv(rp, diags);
    model.plans.push_back(pv.run());
    for (auto& d : pv.documents_) model.documents.push_back(std::move(d));
  }
  // Plan and document ids share one site-wide namespace: both are reference targets.
  std::map<std::string, base::Location> seen;
  auto claim = [&](const std::string& id, const base::Location& where, const std::string& what) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, where);
    if (!inserted) {
      const auto first = it->second.known() ? it->second.file->path() + ":" + std::to_string(it->second.file->locate(it->second.offset).line)
                                            : std::string("elsewhere");
      diags.error("duplicate-id", where, what + " id '" + id + "' is already used (" + first + ")",
                  {"plan and external-document ids must be unique across the site"});
    }
  };
  for (const auto& p : model.plans) claim(p.id, p.location, "plan");
  for (const auto& d : model.documents) claim(d.id, d.location, "external document");
  return model;
}

}  // namespace planpress::model
