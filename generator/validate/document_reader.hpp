#pragma once
/// Internal to validate: what every content JSON file shares — the typed reader and the objects that occur
/// in more than one file (periods, dates, notes, references, external documents, Markdown in strings).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "content/json_document.hpp"
#include "model/model.hpp"
#include "validate/json_reader.hpp"

namespace planpress::validate {

// The validator builds model objects throughout, and messages from the catalogue.
using namespace planpress::model;
using base::arg;
using base::msg;
using base::Msg;

/// Reads one JSON file (site.json, documents.json or a plan.json) into model values.
class DocumentReader {
 public:
  DocumentReader(const content::JsonDocument& doc, base::Diagnostics& diags) : r_(doc, diags), diags_(diags) {}

  /// The period member `key` ({"from", "to", "label"}); `to` may be null for an open end.
  std::optional<Period> period(const JsonRef& obj, const std::string& key);
  /// The date member `key` ({"label", "iso"}), the ISO form checked.
  std::optional<DateInfo> date(const JsonRef& obj, const std::string& key);
  /// The "notes" member of `obj`.
  std::vector<Note> notes(const JsonRef& obj);
  /// The "refs" member of `obj`.
  std::vector<Ref> refs(const JsonRef& obj);
  /// An external document (documents.json, or a plan's "external_documents").
  ExternalDocument external_document(const JsonRef& v, const std::string& declared_in);
  /// The Markdown in string value `v`, positions mapped through JSON escapes; headings from `min_heading`.
  markdown::Document markdown_in_string(const JsonRef& v, int min_heading);

  JsonReader& reader() { return r_; }

 protected:
  JsonReader r_;
  base::Diagnostics& diags_;
};

/// A "contact" object (site.json or plan.json) with the keys of `keys`: e-mail and form address checked.
Contact read_contact(JsonReader& r, const JsonRef& v, const ObjectKeys& keys);

/// site.json; `assets` are the files found in content/assets/ (by name), which "logo" may name.
Site read_site(const content::JsonDocument& doc, const std::map<std::string, std::string>& assets, base::Diagnostics& diags);

/// documents.json: the external documents it lists.
std::vector<ExternalDocument> read_documents(const content::JsonDocument& doc, base::Diagnostics& diags);

}  // namespace planpress::validate
