// documents.json: documents that plans name but that are not published on the site.
#include "validate/document_reader.hpp"

namespace planpress::validate {

std::vector<ExternalDocument> read_documents(const content::JsonDocument& doc, base::Diagnostics& diags) {
  DocumentReader v(doc, diags);
  auto& r = v.reader();
  std::vector<ExternalDocument> out;
  auto root = r.root(msg<Msg::subject_documents>());
  if (r.expect_object(root, keys::documents))
    for (const auto& d : r.array(root, "documents", Msg::term_document)) out.push_back(v.external_document(d, ""));
  return out;
}

}  // namespace planpress::validate
