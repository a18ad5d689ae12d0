#include "sheets/cells.hpp"

#include "present/values.hpp"

namespace planpress::sheets {

std::string cell_text(const model::FieldValue& v) {
  switch (v.kind) {
    case model::FieldKind::text:
    case model::FieldKind::markdown:
    case model::FieldKind::status:
    case model::FieldKind::rating: return v.text;
    case model::FieldKind::tags: {
      std::string out;
      for (const auto& t : v.values) out += (out.empty() ? "" : std::string(kTagSeparator)) + t;
      return out;
    }
    case model::FieldKind::departments:
    case model::FieldKind::list:
    case model::FieldKind::schedule: return present::field_plain_text(v);
  }
  return {};
}

bool editable(model::FieldKind kind) { return kind != model::FieldKind::list && kind != model::FieldKind::schedule; }

}  // namespace planpress::sheets
