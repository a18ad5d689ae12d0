#pragma once
/// Internal to validate: one plan.json (with its Markdown files) read into a model::Plan. The methods are
/// defined by concern: plan.cpp (metadata, presentation, ids), fields.cpp (field definitions and
/// vocabularies), sections.cpp (sections and categories), entries.cpp (items, sub-items and their field
/// values), indicators.cpp.
#include "content/loader.hpp"
#include "validate/document_reader.hpp"

namespace planpress::validate {

class PlanReader : public DocumentReader {
 public:
  PlanReader(const content::RawPlan& raw, base::Diagnostics& diags) : DocumentReader(*raw.plan, diags), raw_(raw) {}

  /// Reads the whole plan; every problem is reported, the plan holds whatever could be read.
  Plan run();

  /// External documents the plan declares ("external_documents"), filled by run().
  std::vector<ExternalDocument> documents_;

 private:
  // plan.cpp
  void read_presentation(const JsonRef& root, Plan& p);
  void default_columns(Plan& p);
  void unknown_field_key(const std::string& key, base::Location where, const Plan& p, Msg what);
  void check_anchor_ids(const Plan& p);
  // fields.cpp
  void read_vocabularies(const JsonRef& root, Plan& p);
  void read_fields(const JsonRef& root, Plan& p);
  // sections.cpp
  void read_sections(const JsonRef& root, Plan& p);
  void read_categories(const JsonRef& list, std::vector<Category>& out, int depth);
  // entries.cpp
  void read_items(const JsonRef& root, Plan& p);
  void read_entry(const JsonRef& v, Entry& e, const Plan& p, const base::Message& owner);
  void read_field_values(const JsonRef& fields, Entry& e, const Plan& p, const base::Message& owner);
  FieldValue field_value(const JsonRef& v, const FieldDef& def, const Plan& p);
  void check_vocabulary(const std::string& value, const std::string& pointer, const FieldDef& def, const Plan& p);
  std::optional<ScheduleRow> schedule_row(const JsonRef& e);
  static bool is_empty(const FieldValue& v);
  // series.cpp
  void read_series(const JsonRef& root, Plan& p);
  void read_next_year(const JsonRef& root, Plan& p);
  void check_directions(const Plan& p);
  // indicators.cpp
  void read_indicators(const JsonRef& root, Plan& p);
  void read_indicator_values(const JsonRef& v, Indicator& ind);  // segments and values

  const content::RawPlan& raw_;
};

}  // namespace planpress::validate
