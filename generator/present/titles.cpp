#include "present/titles.hpp"

#include "text/wareki.hpp"

namespace planpress::present {

std::string numbered_title(const std::string& number, const std::string& title) {
  return number.empty() ? title : number + kNumberSeparator + title;
}

std::string entry_title(const model::Entry& e) { return numbered_title(e.number, e.name); }
std::string category_title(const model::Category& c) { return numbered_title(c.number, c.title); }
std::string section_title(const model::Section& s) { return numbered_title(s.number, s.title); }

const std::string& number_label(const model::Plan& p) {
  static const std::string fallback = "番号";
  return p.presentation.number_label.empty() ? fallback : p.presentation.number_label;
}

const std::string& name_label(const model::Plan& p) {
  static const std::string fallback = "名称";
  return p.presentation.name_label.empty() ? fallback : p.presentation.name_label;
}

const std::string& field_label(const model::Entry& e, const model::FieldDef& def) {
  auto it = e.labels.find(def.key);
  return it != e.labels.end() ? it->second : def.label;
}

const model::VocabValue* vocabulary_value(const model::Plan& p, const model::FieldDef& def, const std::string& value) {
  if (def.vocabulary.empty()) return nullptr;
  const auto* voc = p.vocabulary(def.vocabulary);
  return voc ? voc->find(value) : nullptr;
}

const std::string& vocabulary_label(const model::Plan& p, const model::FieldDef& def, const std::string& value) {
  static const std::string none;
  const auto* v = vocabulary_value(p, def, value);
  return v ? v->label : none;
}

const char* value_kind_label(const std::string& kind) {
  if (kind == "target") return "目標";
  if (kind == "baseline") return "基準";
  return "実績";
}

const char* link_label(model::RefType type, bool incoming) {
  return incoming ? model::backlink_label_of(type) : model::label_of(type);
}

const char* metadata_label(const std::string& key) {
  if (key == "title") return "表題";
  if (key == "short_title") return "略称";
  if (key == "period") return "計画期間";
  if (key == "published") return "策定時期";
  if (key == "municipality") return "自治体";
  if (key == "kind") return "種別";
  if (key == "department") return "担当";
  return "項目";
}

const std::string& organisation_of(const model::Plan& p) { return p.organisation.empty() ? p.municipality : p.organisation; }

const model::Contact& contact_of(const model::Plan& p, const model::Site& site) {
  return p.contact.empty() ? site.contact : p.contact;
}

std::string title_with_municipality(const model::Plan& p, bool full) {
  const std::string& t = full ? p.title : p.display_title();
  if (p.municipality.empty() || t.find(p.municipality) != std::string::npos) return t;
  return p.municipality + kNumberSeparator + t;
}

const char* remark_label(markdown::Remark remark) {
  switch (remark) {
    case markdown::Remark::editorial: return "編集注（レビュー版のみ）";
    case markdown::Remark::publisher: return "掲載上の注記";
    case markdown::Remark::none: break;
  }
  return "";
}

std::string stage_notice(const model::Plan& p) {
  if (p.stage != model::Stage::plan) return {};
  std::string fields;
  for (const auto& f : p.fields)
    if (f.cycle == model::FieldDef::Cycle::results) fields += (fields.empty() ? "" : "・") + f.label;
  std::string year = p.series && p.series->fiscal_year ? text::wareki_fiscal_year(p.series->fiscal_year) + "の" : std::string();
  return "この版は" + year + "計画時点のものです。" + (fields.empty() ? std::string("実績") : fields) + "は年度末に掲載します。";
}

std::string edition_label(const model::Plan& p) {
  if (!p.series || !p.series->fiscal_year) return {};
  return text::wareki_fiscal_year(p.series->fiscal_year) + "（" + model::label_of(p.stage) + "）";
}

}  // namespace planpress::present
