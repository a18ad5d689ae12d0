#include "validate/keys.hpp"

namespace planpress::validate {

namespace {
std::vector<const ObjectKeys*>& registry() {
  static std::vector<const ObjectKeys*> all;
  return all;
}
}  // namespace

ObjectKeys::ObjectKeys(std::string schema, std::vector<std::string> allowed, std::vector<std::string> required)
    : schema_(std::move(schema)), allowed_(std::move(allowed)), required_(std::move(required)) {
  registry().push_back(this);
}

const std::vector<const ObjectKeys*>& all_object_keys() { return registry(); }

namespace keys {

// Keys are listed in the order of the schema, which is the order docs/content-format.md explains them.

const ObjectKeys site{"site.schema.json#",
                      {"$schema", "title", "organisation", "contact", "logo", "description", "base_url", "pdf",
                       "department_aliases", "department_order", "department_readings"},
                      {"title"}};
const ObjectKeys site_contact{"site.schema.json#/definitions/contact", {"department", "phone", "email", "form_url"}, {}};
const ObjectKeys site_pdf{"site.schema.json#/properties/pdf", {"margins_mm", "fonts", "page_number"}, {}};
const ObjectKeys site_margins{"site.schema.json#/properties/pdf/properties/margins_mm",
                              {"top", "bottom", "left", "right"}, {}};
const ObjectKeys site_fonts{"site.schema.json#/properties/pdf/properties/fonts", {"mincho", "gothic", "fallback"}, {}};

const ObjectKeys documents{"documents.schema.json#", {"$schema", "documents"}, {"documents"}};

const ObjectKeys plan{"plan.schema.json#",
                      {"$schema", "id", "title", "short_title", "municipality", "organisation", "contact", "kind", "numbering",
                       "series", "stage", "period", "published", "department", "summary", "inferred", "source", "refs", "fields", "vocabularies", "next_year", "presentation",
                       "sections", "categories", "items", "indicators", "notes", "external_documents"},
                      {"id", "title", "municipality", "kind", "fields", "items"}};
const ObjectKeys series{"plan.schema.json#/properties/series", {"id", "title", "fiscal_year"}, {"id", "fiscal_year"}};
const ObjectKeys next_year{"plan.schema.json#/properties/next_year", {"field", "carry", "revise", "drop"}, {"field"}};
const ObjectKeys plan_inferred{"plan.schema.json#/properties/inferred",
                               {"title", "short_title", "period", "published", "municipality", "kind", "department"},
                               {}};
const ObjectKeys plan_contact{"plan.schema.json#/definitions/contact", {"department", "phone", "email", "form_url"}, {}};
const ObjectKeys plan_source{"plan.schema.json#/properties/source", {"file", "note"}, {}};
const ObjectKeys presentation{"plan.schema.json#/definitions/presentation",
                              {"items", "number_label", "name_label", "columns", "orientation", "sub_items", "widths"}, {}};

const ObjectKeys period{"plan.schema.json#/definitions/period", {"from", "to", "label"}, {"from"}};
const ObjectKeys date{"plan.schema.json#/definitions/date", {"label", "iso"}, {}};
const ObjectKeys ref{"plan.schema.json#/definitions/ref", {"to", "type", "evidence", "field", "confidence"},
                     {"to", "type"}};
const ObjectKeys note{"plan.schema.json#/definitions/note", {"type", "field", "text", "where"}, {"type", "text"}};
const ObjectKeys external_document{"plan.schema.json#/definitions/externalDocument",
                                   {"id", "title", "municipality", "kind", "date", "period", "note"},
                                   {"id", "title"}};

const ObjectKeys field{"plan.schema.json#/definitions/field",
                       {"key", "label", "kind", "vocabulary", "required", "cycle", "description"},
                       {"key", "label", "kind"}};
const ObjectKeys vocabulary{"plan.schema.json#/definitions/vocabulary", {"label", "values"}, {"values"}};
const ObjectKeys vocabulary_value{"plan.schema.json#/definitions/vocabulary/properties/values/items",
                                  {"value", "label", "description"},
                                  {"value"}};

const ObjectKeys section{"plan.schema.json#/definitions/section", {"id", "number", "title", "file", "include"},
                         {"id"}};
const ObjectKeys category{"plan.schema.json#/definitions/category",
                          {"id", "number", "title", "kind", "blocks", "refs", "notes", "children"},
                          {"id", "title"}};
const ObjectKeys block{"plan.schema.json#/definitions/block", {"label", "text"}, {"text"}};

const ObjectKeys item{"plan.schema.json#/definitions/item",
                      {"id", "continues", "number", "name", "category", "fields", "labels", "sub_items", "refs", "notes", "source"},
                      {"id", "name"}};
const ObjectKeys sub_item{"plan.schema.json#/definitions/subItem",
                          {"number", "name", "fields", "labels", "refs", "notes", "source"},
                          {"name"}};
const ObjectKeys entry_source{"plan.schema.json#/definitions/source", {"lines", "page"}, {}};
const ObjectKeys list_entry{"plan.schema.json#/definitions/fieldValues/additionalProperties/anyOf/1/items/anyOf/1",
                            {"label", "text"},
                            {"text"}};
const ObjectKeys schedule_row{"plan.schema.json#/definitions/scheduleRow", {"label", "from", "to", "text", "group"},
                              {"text"}};

const ObjectKeys indicator{"plan.schema.json#/definitions/indicator",
                           {"id", "name", "category", "section", "type", "unit", "definition", "chart", "segments",
                            "values", "commentary", "notes"},
                           {"id", "name", "values"}};
const ObjectKeys segment{"plan.schema.json#/definitions/indicator/properties/segments/items", {"id", "label", "note"},
                         {"id", "label"}};
const ObjectKeys indicator_value{"plan.schema.json#/definitions/indicator/properties/values/items",
                                 {"year", "label", "segment", "value", "text", "kind", "qualifier", "note"},
                                 {"kind"}};

}  // namespace keys

}  // namespace planpress::validate
