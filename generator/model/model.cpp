#include "model/model.hpp"

#include <algorithm>

namespace planpress::model {

namespace {
struct FieldKindInfo {
  FieldKind kind;
  const char* keyword;
};
constexpr FieldKindInfo kFieldKinds[] = {
    {FieldKind::text, "text"},     {FieldKind::markdown, "markdown"},       {FieldKind::list, "list"},
    {FieldKind::status, "status"}, {FieldKind::rating, "rating"},           {FieldKind::tags, "tags"},
    {FieldKind::departments, "departments"}, {FieldKind::schedule, "schedule"},
};
}  // namespace

const char* to_string(FieldKind kind) {
  for (const auto& k : kFieldKinds)
    if (k.kind == kind) return k.keyword;
  return "text";
}

std::optional<FieldKind> field_kind_from(const std::string& keyword) {
  for (const auto& k : kFieldKinds)
    if (keyword == k.keyword) return k.kind;
  return std::nullopt;
}

std::vector<std::string> field_kind_keywords() {
  std::vector<std::string> out;
  for (const auto& k : kFieldKinds) out.emplace_back(k.keyword);
  return out;
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

namespace {
struct NoteTypeInfo {
  const char* keyword;
  const char* label;
};
constexpr NoteTypeInfo kNoteTypes[] = {
    {"note", "注記"}, {"variant", "表記の異同"}, {"doubt", "要確認"}, {"inferred", "推定"}, {"source_error", "原文ママ"},
};

struct PlanKindInfo {
  PlanKind kind;
  const char* keyword;
  const char* label;
};
constexpr PlanKindInfo kPlanKinds[] = {
    {PlanKind::basic_policy, "basic_policy", "基本方針"},
    {PlanKind::promotion_plan, "promotion_plan", "推進計画"},
    {PlanKind::action_plan, "action_plan", "アクションプラン"},
    {PlanKind::annual_plan, "annual_plan", "年度プラン"},
    {PlanKind::reform_plan, "reform_plan", "行財政改革計画"},
    {PlanKind::progress_report, "progress_report", "進捗報告"},
};
}  // namespace

const char* note_type_label(const std::string& type) {
  for (const auto& n : kNoteTypes)
    if (type == n.keyword) return n.label;
  return kNoteTypes[0].label;
}

std::vector<std::string> note_type_keywords() {
  std::vector<std::string> out;
  for (const auto& n : kNoteTypes) out.emplace_back(n.keyword);
  return out;
}

const char* to_string(PlanKind kind) {
  for (const auto& k : kPlanKinds)
    if (k.kind == kind) return k.keyword;
  return "action_plan";
}

const char* label_of(PlanKind kind) {
  for (const auto& k : kPlanKinds)
    if (k.kind == kind) return k.label;
  return "";
}

std::optional<PlanKind> plan_kind_from(const std::string& keyword) {
  for (const auto& k : kPlanKinds)
    if (keyword == k.keyword) return k.kind;
  return std::nullopt;
}

std::vector<std::string> plan_kind_keywords() {
  std::vector<std::string> out;
  for (const auto& k : kPlanKinds) out.emplace_back(k.keyword);
  return out;
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
