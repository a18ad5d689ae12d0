#pragma once
/// The keys of every kind of JSON object in the content format: which keys are allowed and which are
/// required, each with the JSON Schema object in schemas/ that describes the same object. This is the one
/// table the validator reads (JsonReader::expect_object); tests/unit/test_schema_keys.cpp keeps it and
/// schemas/*.json in step.
#include <string>
#include <vector>

namespace planpress::validate {

/// The keys of one kind of object. Every ObjectKeys registers itself, so `all_object_keys()` lists each
/// one the validator can use; they are only defined as the constants below.
class ObjectKeys {
 public:
  ObjectKeys(std::string schema, std::vector<std::string> allowed, std::vector<std::string> required);
  ObjectKeys(const ObjectKeys&) = delete;
  ObjectKeys& operator=(const ObjectKeys&) = delete;

  /// The schema object with the same keys: "<file>#<JSON Pointer>", e.g. "plan.schema.json#/definitions/item".
  const std::string& schema() const { return schema_; }
  const std::vector<std::string>& allowed() const { return allowed_; }
  const std::vector<std::string>& required() const { return required_; }

 private:
  std::string schema_;
  std::vector<std::string> allowed_;
  std::vector<std::string> required_;
};

/// Every ObjectKeys below, in definition order.
const std::vector<const ObjectKeys*>& all_object_keys();

namespace keys {
// site.json
extern const ObjectKeys site, site_contact, site_pdf, site_margins, site_fonts;
// documents.json
extern const ObjectKeys documents;
// plan.json: metadata
extern const ObjectKeys plan, plan_contact, plan_inferred, plan_source, presentation, series, next_year;
// shared by several files
extern const ObjectKeys period, date, ref, note, external_document;
// field definitions and vocabularies
extern const ObjectKeys field, vocabulary, vocabulary_value;
// sections and categories
extern const ObjectKeys section, category, block;
// items and sub-items
extern const ObjectKeys item, sub_item, entry_source, list_entry, schedule_row;
// indicators
extern const ObjectKeys indicator, segment, indicator_value;
}  // namespace keys

}  // namespace planpress::validate
