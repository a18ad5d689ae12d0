#pragma once
/// The open-data export (DESIGN.md "data export"): data/catalog.json, data/<plan>.json, data/<plan>.csv.
#include <nlohmann/json.hpp>
#include <string>

#include "model/model.hpp"
#include "xref/xref.hpp"

namespace planpress::site {

/// A field value as JSON, in the shape the content uses (string, array of strings, {label,text}, rows).
nlohmann::ordered_json field_value_json(const model::FieldValue& v);

/// A resolved link as JSON: type, kind, plan, item/category/section/document id, url, title, evidence.
nlohmann::ordered_json link_json(const model::Model& model, const xref::Link& link, bool incoming);

/// data/catalog.json: {"plans": [{"id","title","municipality","kind","period","url","pdf","data"}]}.
std::string export_catalog(const model::Model& model, bool with_pdf);

/// data/<plan>.json: metadata, sections, categories, items (fields, sub_items, refs, backlinks),
/// indicators, notes. Nothing in the content is missing.
std::string export_plan_json(const model::Model& model, const xref::LinkGraph& links, const model::Plan& plan, bool with_pdf);

/// data/<plan>.csv: one row per item, the plan's own columns, UTF-8 with BOM and CRLF for Excel.
std::string export_plan_csv(const model::Model& model, const xref::LinkGraph& links, const model::Plan& plan);

}  // namespace planpress::site
