// plan.json: the fields a plan's items carry and the vocabularies of their values.
#include <set>

#include "base/suggest.hpp"
#include "validate/plan_reader.hpp"

namespace planpress::validate {

void PlanReader::read_vocabularies(const JsonRef& root, Plan& p) {
  auto vocabs = r_.member(root, "vocabularies");
  if (!vocabs) return;
  if (!vocabs.json->is_object()) {
    r_.wrong_type(vocabs, Msg::term_expect_vocabularies);
    return;
  }
  for (auto it = vocabs.json->begin(); it != vocabs.json->end(); ++it) {
    JsonRef v{&it.value(), content::pointer_append(vocabs.pointer, it.key()), msg<Msg::subject_vocabulary>(arg<"name">(it.key()))};
    if (!base::is_safe_slug(it.key()))
      diags_.error(r_.document().key_at(v.pointer), msg<Msg::unsafe_id_vocabulary_name>(arg<"name">(it.key())));
    if (!r_.expect_object(v, keys::vocabulary)) continue;
    Vocabulary voc;
    voc.name = it.key();
    voc.label = r_.text(v, "label");
    std::set<std::string> seen;
    for (const auto& e : r_.array(v, "values", Msg::term_value)) {
      if (!r_.expect_object(e, keys::vocabulary_value)) continue;
      VocabValue vv{r_.text(e, "value"), r_.text(e, "label"), r_.paragraphs(e, "description", false)};
      if (!seen.insert(vv.value).second)
        diags_.error(r_.at(r_.member(e, "value").pointer),
                     msg<Msg::duplicate_id_vocabulary_value>(arg<"value">(vv.value), arg<"vocabulary">(voc.name)));
      voc.values.push_back(std::move(vv));
    }
    p.vocabularies.push_back(std::move(voc));
  }
}

void PlanReader::read_fields(const JsonRef& root, Plan& p) {
  std::set<std::string> seen;
  for (const auto& f : r_.array(root, "fields", Msg::term_field)) {
    if (!r_.expect_object(f, keys::field)) continue;
    FieldDef def;
    def.key = r_.slug(f, "key");
    def.label = r_.text(f, "label");
    def.kind = field_kind_from(r_.keyword(f, "kind", field_kind_keywords())).value_or(FieldKind::text);
    def.vocabulary = r_.text(f, "vocabulary");
    def.required = r_.boolean(f, "required").value_or(false);
    if (r_.member(f, "cycle")) {
      const std::string cycle = r_.keyword(f, "cycle", {"carried", "results", "edition"});
      def.cycle = cycle == "results" ? FieldDef::Cycle::results : cycle == "edition" ? FieldDef::Cycle::edition : FieldDef::Cycle::carried;
    }
    def.description = r_.paragraphs(f, "description", false);
    def.location = r_.at(f.pointer);
    if (!def.key.empty() && !seen.insert(def.key).second)
      diags_.error(r_.at(r_.member(f, "key").pointer), msg<Msg::duplicate_id_field>(arg<"key">(def.key)));
    const bool needs_vocab = def.kind == FieldKind::status || def.kind == FieldKind::rating || def.kind == FieldKind::tags;
    if (needs_vocab && def.vocabulary.empty() && r_.member(f, "kind"))
      diags_.error(r_.at(f.pointer), msg<Msg::missing_field_vocabulary>(arg<"key">(def.key), arg<"kind">(to_string(def.kind))));
    if (needs_vocab && !def.vocabulary.empty() && !p.vocabulary(def.vocabulary)) {
      std::vector<std::string> names;
      for (const auto& v : p.vocabularies) names.push_back(v.name);
      std::vector<base::Message> hints;
      if (auto m = base::closest_match(def.vocabulary, names)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*m)));
      diags_.error(r_.at(r_.member(f, "vocabulary").pointer),
                   msg<Msg::xref_unresolved_vocabulary>(arg<"key">(def.key), arg<"vocabulary">(def.vocabulary), arg<"plan">(p.id)),
                   hints);
    }
    p.fields.push_back(std::move(def));
  }
}

}  // namespace planpress::validate
