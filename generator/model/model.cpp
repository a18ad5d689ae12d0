#include "model/model.hpp"

#include <algorithm>

namespace planpress::model {

const char* to_string(FieldKind kind) {
  switch (kind) {
    case FieldKind::text: return "text";
    case FieldKind::markdown: return "markdown";
    case FieldKind::list: return "list";
    case FieldKind::status: return "status";
    case FieldKind::rating: return "rating";
    case FieldKind::tags: return "tags";
    case FieldKind::departments: return "departments";
    case FieldKind::schedule: return "schedule";
  }
  return "text";
}

const VocabValue* Vocabulary::find(const std::string& value) const {
  for (const auto& v : values)
    if (v.value == value) return &v;
  return nullptr;
}

namespace {
struct RefTypeInfo {
  RefType type;
  const char* keyword;
  const char* label;
  const char* backlink;
};
constexpr RefTypeInfo kRefTypes[] = {
    {RefType::see, "see", "参照", "参照元"},
    {RefType::repost, "repost", "再掲", "再掲先"},
    {RefType::related, "related", "関連", "関連"},
    {RefType::same_measure, "same_measure", "同一の取組", "同一の取組"},
    {RefType::based_on, "based_on", "基づく計画", "これに基づく計画"},
    {RefType::progress_of, "progress_of", "進捗報告の対象", "進捗報告"},
    {RefType::includes, "includes", "取組を含む", "取組が含まれる"},
    {RefType::predecessor, "predecessor", "前計画", "後継計画"},
    {RefType::branch_of, "branch_of", "枝番の元項目", "枝番項目"},
    {RefType::excerpt_of, "excerpt_of", "抜粋元", "抜粋掲載"},
};
const RefTypeInfo& info(RefType t) {
  for (const auto& i : kRefTypes)
    if (i.type == t) return i;
  return kRefTypes[0];
}
}  // namespace

const char* to_string(RefType type) { return info(type).keyword; }
const char* label_of(RefType type) { return info(type).label; }
const char* backlink_label_of(RefType type) { return info(type).backlink; }

std::optional<RefType> ref_type_from(const std::string& keyword) {
  for (const auto& i : kRefTypes)
    if (keyword == i.keyword) return i.type;
  return std::nullopt;
}

std::vector<std::string> ref_type_keywords() {
  std::vector<std::string> out;
  for (const auto& i : kRefTypes) out.emplace_back(i.keyword);
  return out;
}

const char* note_type_label(const std::string& type) {
  if (type == "variant") return "表記の異同";
  if (type == "doubt") return "要確認";
  if (type == "inferred") return "推定";
  if (type == "source_error") return "原文ママ";
  return "注記";
}

const char* to_string(PlanKind kind) {
  switch (kind) {
    case PlanKind::basic_policy: return "basic_policy";
    case PlanKind::promotion_plan: return "promotion_plan";
    case PlanKind::action_plan: return "action_plan";
    case PlanKind::annual_plan: return "annual_plan";
    case PlanKind::reform_plan: return "reform_plan";
    case PlanKind::progress_report: return "progress_report";
  }
  return "action_plan";
}

const char* label_of(PlanKind kind) {
  switch (kind) {
    case PlanKind::basic_policy: return "基本方針";
    case PlanKind::promotion_plan: return "推進計画";
    case PlanKind::action_plan: return "アクションプラン";
    case PlanKind::annual_plan: return "年度プラン";
    case PlanKind::reform_plan: return "行財政改革計画";
    case PlanKind::progress_report: return "進捗報告";
  }
  return "";
}

const FieldDef* Plan::field(const std::string& key) const {
  for (const auto& f : fields)
    if (f.key == key) return &f;
  return nullptr;
}

const Vocabulary* Plan::vocabulary(const std::string& name) const {
  for (const auto& v : vocabularies)
    if (v.name == name) return &v;
  return nullptr;
}

namespace {
const Category* find_in(const std::vector<Category>& cats, const std::string& id) {
  for (const auto& c : cats) {
    if (c.id == id) return &c;
    if (const auto* found = find_in(c.children, id)) return found;
  }
  return nullptr;
}
}  // namespace

const Category* Plan::find_category(const std::string& id) const { return find_in(categories, id); }

const Item* Plan::find_item(const std::string& id) const {
  for (const auto& i : items)
    if (i.id == id) return &i;
  return nullptr;
}

const Plan* Model::find_plan(const std::string& id) const {
  for (const auto& p : plans)
    if (p.id == id) return &p;
  return nullptr;
}

const ExternalDocument* Model::find_document(const std::string& id) const {
  for (const auto& d : documents)
    if (d.id == id) return &d;
  return nullptr;
}

}  // namespace planpress::model
