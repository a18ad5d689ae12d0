#include "model/model.hpp"

#include <algorithm>

namespace planpress::model {

namespace {

// The enum tables: each row gives a value, its keyword in the content files and, where it has them, the
// labels printed for it. Every lookup below goes through one of these tables.
struct FieldKindInfo {
  FieldKind value;
  const char* keyword;
};
constexpr FieldKindInfo kFieldKinds[] = {
    {FieldKind::text, "text"},     {FieldKind::markdown, "markdown"},       {FieldKind::list, "list"},
    {FieldKind::status, "status"}, {FieldKind::rating, "rating"},           {FieldKind::tags, "tags"},
    {FieldKind::departments, "departments"}, {FieldKind::schedule, "schedule"},
};

struct RefTypeInfo {
  RefType value;
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

struct PlanKindInfo {
  PlanKind value;
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

struct NoteTypeInfo {
  const char* keyword;
  const char* label;
};
constexpr NoteTypeInfo kNoteTypes[] = {
    {"note", "注記"}, {"variant", "表記の異同"}, {"doubt", "要確認"}, {"inferred", "推定"}, {"source_error", "原文ママ"},
};

// The row of `value` (the first row if the table lacks it, which the tables above never do).
template <typename Row, std::size_t N, typename Enum>
const Row& row_of(const Row (&table)[N], Enum value) {
  for (const auto& r : table)
    if (r.value == value) return r;
  return table[0];
}

template <typename Row, std::size_t N>
auto value_of(const Row (&table)[N], const std::string& keyword) -> std::optional<decltype(table[0].value)> {
  for (const auto& r : table)
    if (keyword == r.keyword) return r.value;
  return std::nullopt;
}

template <typename Row, std::size_t N>
std::vector<std::string> keywords_of(const Row (&table)[N]) {
  std::vector<std::string> out;
  for (const auto& r : table) out.emplace_back(r.keyword);
  return out;
}

}  // namespace

const char* to_string(FieldKind kind) { return row_of(kFieldKinds, kind).keyword; }
std::optional<FieldKind> field_kind_from(const std::string& keyword) { return value_of(kFieldKinds, keyword); }
std::vector<std::string> field_kind_keywords() { return keywords_of(kFieldKinds); }

const char* to_string(RefType type) { return row_of(kRefTypes, type).keyword; }
const char* label_of(RefType type) { return row_of(kRefTypes, type).label; }
const char* backlink_label_of(RefType type) { return row_of(kRefTypes, type).backlink; }
std::optional<RefType> ref_type_from(const std::string& keyword) { return value_of(kRefTypes, keyword); }
std::vector<std::string> ref_type_keywords() { return keywords_of(kRefTypes); }

const char* to_string(PlanKind kind) { return row_of(kPlanKinds, kind).keyword; }
const char* label_of(PlanKind kind) { return row_of(kPlanKinds, kind).label; }
std::optional<PlanKind> plan_kind_from(const std::string& keyword) { return value_of(kPlanKinds, keyword); }
std::vector<std::string> plan_kind_keywords() { return keywords_of(kPlanKinds); }

const char* note_type_label(const std::string& type) {
  for (const auto& n : kNoteTypes)
    if (type == n.keyword) return n.label;
  return kNoteTypes[0].label;
}
std::vector<std::string> note_type_keywords() { return keywords_of(kNoteTypes); }

const VocabValue* Vocabulary::find(const std::string& value) const {
  for (const auto& v : values)
    if (v.value == value) return &v;
  return nullptr;
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

const Section* Plan::placing(SectionInclude what) const {
  for (const auto& s : sections)
    if (s.include == what) return &s;
  return nullptr;
}

const char* to_string(SectionInclude include) {
  switch (include) {
    case SectionInclude::categories: return "categories";
    case SectionInclude::items: return "items";
    case SectionInclude::blocks: return "blocks";
    case SectionInclude::none: break;
  }
  return "";
}

const char* to_string(FieldDef::Cycle cycle) {
  switch (cycle) {
    case FieldDef::Cycle::results: return "results";
    case FieldDef::Cycle::edition: return "edition";
    case FieldDef::Cycle::carried: break;
  }
  return "carried";
}

const char* to_string(Stage stage) { return stage == Stage::plan ? "plan" : "results"; }
const char* label_of(Stage stage) { return stage == Stage::plan ? "計画" : "実績"; }

const char* to_string(Direction direction) {
  switch (direction) {
    case Direction::revise: return "revise";
    case Direction::drop: return "drop";
    case Direction::carry: break;
  }
  return "carry";
}

std::optional<Direction> NextYear::direction_of(const std::string& value) const {
  for (const auto& [v, d] : values)
    if (v == value) return d;
  return std::nullopt;
}

namespace {
bool blank(const std::string& s) {
  // Spaces, tabs, line breaks and the ideographic space U+3000 only.
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') ++i;
    else if (s.compare(i, 3, "\xE3\x80\x80") == 0) i += 3;
    else return false;
  }
  return true;
}
}  // namespace

bool is_empty(const FieldValue& v) {
  switch (v.kind) {
    case FieldKind::text:
    case FieldKind::markdown:
    case FieldKind::status:
    case FieldKind::rating: return blank(v.text);
    case FieldKind::tags:
    case FieldKind::departments: return v.values.empty();
    case FieldKind::list: return v.list.empty();
    case FieldKind::schedule: return v.schedule.empty();
  }
  return true;
}

bool Plan::is_pending(const FieldDef& def, const Entry& e) const {
  if (stage != Stage::plan || def.cycle != FieldDef::Cycle::results) return false;
  auto it = e.fields.find(def.key);
  return it == e.fields.end() || is_empty(it->second);
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

namespace {

bool find_path(const std::vector<Category>& cats, const std::string& id, std::vector<const Category*>& path) {
  for (const auto& c : cats) {
    path.push_back(&c);
    if (c.id == id || find_path(c.children, id, path)) return true;
    path.pop_back();
  }
  return false;
}

}  // namespace

std::vector<const Category*> category_path(const Plan& p, const std::string& id) {
  std::vector<const Category*> path;
  if (!id.empty()) find_path(p.categories, id, path);
  return path;
}

}  // namespace planpress::model
