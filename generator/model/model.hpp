#pragma once
/// The one model every writer reads (HTML pages, data export, search index, PDF): plans, categories,
/// items, indicators and references, validated and with source locations for diagnostics.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "markdown/markdown.hpp"

namespace planpress::model {

using base::Location;

enum class FieldKind { text, markdown, list, status, rating, tags, departments, schedule };

/// Keyword used in plan.json for a field kind ("text", "markdown", …).
const char* to_string(FieldKind kind);
/// The field kind of a keyword; nullopt if unknown.
std::optional<FieldKind> field_kind_from(const std::string& keyword);
/// All field-kind keywords, in enum order.
std::vector<std::string> field_kind_keywords();

/// One field a plan's items carry, declared once per plan.
struct FieldDef {
  std::string key;
  std::string label;  ///< as printed (table header, item page, PDF, CSV)
  FieldKind kind = FieldKind::text;
  std::string vocabulary;  ///< for status, rating and tags
  bool required = false;
  std::string description;
  /// When the field is filled in the plan's yearly cycle (docs/content-format.md, "Series and editions"):
  /// carried (default): written at plan time and carried into next year's edition; results: filled at
  /// year end (実績, 自己評価 …; may be empty in a plan-stage edition, cleared by new-edition); edition:
  /// says something of this edition only (新規・拡充; cleared by new-edition).
  enum class Cycle { carried, results, edition };
  Location location;
  Cycle cycle = Cycle::carried;  ///< after location: aggregate initialisers elsewhere end at location
};

/// The keyword of a field's cycle ("carried", "results", "edition").
const char* to_string(FieldDef::Cycle cycle);

struct VocabValue {
  std::string value;
  std::string label;
  std::string description;
};

/// A plan's value set for status/rating/tags fields (自己評価 ○/☆/×, 新規/拡充/継続 …).
struct Vocabulary {
  std::string name;
  std::string label;
  std::vector<VocabValue> values;
  const VocabValue* find(const std::string& value) const;
};

enum class RefType { see, repost, related, same_measure, based_on, progress_of, includes, predecessor, branch_of, excerpt_of };

/// The keyword of a reference type ("see", "repost", …).
const char* to_string(RefType type);
/// The label shown on the source side (参照, 再掲 …).
const char* label_of(RefType type);
/// The label shown on the target side, for backlinks (参照元, 再掲先 …).
const char* backlink_label_of(RefType type);
/// Parses a keyword; nullopt if unknown.
std::optional<RefType> ref_type_from(const std::string& keyword);
/// All keywords, for hints.
std::vector<std::string> ref_type_keywords();

/// A reference as written in content (`refs` entry or `[[…]]` in Markdown); resolved by xref.
struct Ref {
  std::string to;  ///< "#item", "plan", "plan#anchor" or an external-document id
  RefType type = RefType::see;
  std::string evidence;
  std::string field;
  bool medium_confidence = false;
  bool from_markdown = false;
  std::string label;  ///< link text given in Markdown ([[to|label]])
  Location location;  ///< of the target string
};

/// A note on a plan, category, item or indicator (注記, 表記の異同, 要確認, 推定, 原文ママ).
struct Note {
  std::string type;  ///< note | variant | doubt | inferred | source_error
  std::string field;
  std::string text;
  std::string where;
};

/// Label shown for a note type.
const char* note_type_label(const std::string& type);
/// All note-type keywords (note, variant, doubt, inferred, source_error).
std::vector<std::string> note_type_keywords();

struct ListEntry {
  std::string label;
  std::string text;
};

struct ScheduleRow {
  std::string label;
  std::optional<int> from;
  std::optional<int> to;
  bool open_end = false;  ///< "to": null — runs on (令和2年度～)
  std::string text;
  std::string group;
};

/// A field's value on one item. Only the members of its kind are set.
struct FieldValue {
  FieldKind kind = FieldKind::text;
  std::string text;                    ///< text, markdown source, status, rating
  markdown::Document markdown;         ///< markdown, parsed
  std::vector<ListEntry> list;         ///< list
  std::vector<std::string> values;     ///< tags, departments
  std::vector<ScheduleRow> schedule;   ///< schedule
  bool malformed = false;              ///< the JSON value had the wrong shape (already reported)
  Location location;
};

/// True when a value prints nothing: blank text (spaces, ideographic spaces, line breaks) or no entries.
bool is_empty(const FieldValue& v);

/// Fields and references shared by items and sub-items.
struct Entry {
  std::string number;  ///< as printed; empty if none
  std::string name;
  std::map<std::string, FieldValue> fields;  ///< by key; iterate the plan's FieldDefs for printed order
  std::map<std::string, std::string> labels; ///< per-entry printed labels that differ from the FieldDef
  std::vector<Ref> refs;
  std::vector<Note> notes;
  std::optional<std::pair<int, int>> source_lines;
  std::string source_page;  ///< the page of the original document it is printed on (provenance, review builds)
  Location location;
};

struct Item : Entry {
  std::string id;
  Location id_location;
  /// The id this item had in the previous edition of its series, when it was renumbered; empty: its own id.
  std::string continues;
  Location continues_location;
  std::string category;  ///< category id or empty
  std::vector<Entry> sub_items;
};

/// A labelled Markdown text carried by a category (背景, 目標, 進捗状況 …).
struct Block {
  std::string label;
  std::string text;
  markdown::Document markdown;
  Location location;
};

struct Category {
  std::string id;
  Location id_location;
  std::string number;
  std::string title;
  std::string kind;
  std::vector<Block> blocks;
  std::vector<Ref> refs;
  std::vector<Note> notes;
  std::vector<Category> children;
  Location location;
};

/// What a section places after its own text, so that the plan reads in the order the original prints:
/// the category tree with its items (大崎市's chapters Ⅱ and Ⅲ between I and Ⅳ), the items table (a
/// 施策分野別取組の体系（一覧）), or the categories' blocks (a progress report's 進捗状況 per 取組区分). What no
/// section places follows the sections, as before.
enum class SectionInclude { none, categories, items, blocks };
/// Keyword of a section include ("categories" …); "" for none.
const char* to_string(SectionInclude include);

struct Section {
  std::string id;
  Location id_location;
  SectionInclude include = SectionInclude::none;
  std::string number;
  std::string title;
  std::string file;
  std::string text;  ///< the Markdown as published (a published build cuts the editorial remarks)
  markdown::Document markdown;
  base::SourcePtr source;
  Location location;
};

struct Segment {
  std::string id;
  std::string label;
  std::string note;
};

struct IndicatorValue {
  std::optional<int> year;
  std::string label;
  std::string segment;
  std::optional<double> value;
  std::string value_text;  ///< the number as written in the content ("197.0"), for display
  std::string text;
  std::string kind;  ///< actual | baseline | target
  std::string qualifier;
  std::string note;
};

struct Indicator {
  std::string id;
  std::string name;
  std::string category;
  std::string section;
  std::string type;
  std::string unit;
  std::string definition;
  std::string chart = "line";
  std::vector<Segment> segments;
  std::vector<IndicatorValue> values;
  std::vector<std::string> commentary;
  std::vector<Note> notes;
  Location location;
};

struct Period {
  int from = 0;
  std::optional<int> to;
  bool open_end = false;
  std::string label;
};

struct DateInfo {
  std::string label;
  std::string iso;
};

/// A document named by plans but not published on the site (e.g. 仙台市コンプライアンス推進計画).
struct ExternalDocument {
  std::string id;
  std::string title;
  std::string municipality;
  std::string kind;
  std::string note;
  std::optional<DateInfo> date;
  std::optional<Period> period;
  std::string declared_in;  ///< plan id, or empty for documents.json
  Location location;
};

struct Presentation {
  std::string items = "table";  ///< table | cards
  std::vector<std::string> columns;  ///< field keys shown in the items table
  std::string orientation = "portrait";
  std::map<std::string, double> widths;
  std::string sub_items_label = "内訳";  ///< heading of sub-items on item pages (RF prints 主な取組み)
  /// How the document heads the number and name columns (NO. and 取組名称, 整理番号 and 取組名, № …); empty
  /// when it declares none. Writers print them through present::number_label and present::name_label.
  std::string number_label;
  std::string name_label;
};

enum class PlanKind { basic_policy, promotion_plan, action_plan, annual_plan, reform_plan, progress_report };
/// The keyword of a plan kind ("action_plan", …).
const char* to_string(PlanKind kind);
/// Japanese label of a plan kind (基本方針, 推進計画 …).
const char* label_of(PlanKind kind);
/// The plan kind of a keyword; nullopt if unknown.
std::optional<PlanKind> plan_kind_from(const std::string& keyword);
/// All plan-kind keywords, in enum order.
std::vector<std::string> plan_kind_keywords();

/// How to reach whoever publishes: every part optional; what is not given is not shown.
struct Contact {
  std::string department;  ///< the publishing department (担当部署)
  std::string phone;
  std::string email;
  std::string form_url;    ///< a web form (お問い合わせフォーム), http(s)
  bool empty() const { return department.empty() && phone.empty() && email.empty() && form_url.empty(); }
};

/// The series a plan is an edition of: one plan remade every fiscal year (コンプライアンス推進アクションプラン
/// 令和7年度, 令和8年度 …). Editions of one series keep their items' identity by id.
struct Series {
  std::string id;        ///< slug naming the series (shared by all its editions)
  std::string title;     ///< the series' name without a year; empty: the newest edition's title
  int fiscal_year = 0;   ///< the fiscal year of this edition (Western, 2025 = 令和7年度)
  Location location;
  Location id_location;
  Location year_location;
};

/// Where an edition stands in its year: published at plan time (実績・自己評価 still empty) or with its results.
enum class Stage { plan, results };
/// Keyword of a stage ("plan", "results").
const char* to_string(Stage stage);
/// Japanese label of a stage (計画, 実績).
const char* label_of(Stage stage);

/// What next year's edition does with an item, as the plan's direction field (次年度方向性) says.
enum class Direction { carry, revise, drop };
/// Keyword of a direction ("carry", "revise", "drop").
const char* to_string(Direction direction);

/// The plan's declared meaning of its direction field's values (継続 → carry, 変更 → revise,
/// 「取組みは継続するが、項目としては掲載しない」 → drop …): which items go into next year's edition.
struct NextYear {
  std::string field;  ///< key of the direction field
  std::vector<std::pair<std::string, Direction>> values;  ///< printed value → direction, in declared order
  Location location;
  /// The direction a printed value declares, or nullopt.
  std::optional<Direction> direction_of(const std::string& value) const;
};

struct Plan {
  std::string id;
  std::string dir;
  std::string title;
  std::string short_title;
  std::string municipality;
  std::string organisation;  ///< who publishes it; "" means its municipality (present::organisation_of)
  /// The printed numbers of items restart in each category (大崎市: (1), (2) … under each 実現への取組み);
  /// otherwise they run through the plan. Either way a number is printed once (duplicate-number).
  bool numbering_per_category = false;
  Contact contact;           ///< its own お問い合わせ先; empty means the site's
  PlanKind kind = PlanKind::action_plan;
  std::optional<Series> series;  ///< the series it is an edition of, if any
  Stage stage = Stage::results;  ///< a plan-stage edition may leave its results fields empty
  Location stage_location;
  std::optional<NextYear> next_year;
  std::optional<Period> period;
  std::optional<DateInfo> published;
  std::string department;
  std::string summary;
  std::map<std::string, std::string> inferred;  ///< metadata key → reason
  std::string source_file;
  std::string source_note;
  std::vector<Ref> refs;
  std::vector<FieldDef> fields;
  std::vector<Vocabulary> vocabularies;
  Presentation presentation;
  std::vector<Section> sections;
  std::vector<Category> categories;
  std::vector<Item> items;
  std::vector<Indicator> indicators;
  std::vector<Note> notes;
  Location location;

  const FieldDef* field(const std::string& key) const;
  const Vocabulary* vocabulary(const std::string& name) const;
  const Category* find_category(const std::string& id) const;
  const Item* find_item(const std::string& id) const;
  /// The field that has `cycle` results and is empty in `e`, in a plan-stage edition: shown as pending
  /// (「実績は年度末に掲載」) rather than as an empty cell.
  bool is_pending(const FieldDef& def, const Entry& e) const;
  /// The section that places `what`, or null when none does (it then follows the sections).
  const Section* placing(SectionInclude what) const;
  /// The title to use in breadcrumbs and tables (short_title if given).
  const std::string& display_title() const { return short_title.empty() ? title : short_title; }
};

/// PDF settings from site.json ("pdf").
struct PdfSettings {
  double margin_top = 20, margin_bottom = 20, margin_left = 20, margin_right = 20;  ///< mm
  std::string font_mincho = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf";
  std::string font_gothic = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";
  /// TrueType fonts for characters the Mincho and Gothic fonts lack, tried in order.
  std::vector<std::string> font_fallback;
  std::string page_number = "- {page} -";
  Location fonts_location;  ///< of "fonts" in site.json, when given
};

struct Site {
  std::string title;
  std::string organisation;  ///< who publishes the site; may be empty (a plan names its own)
  Contact contact;           ///< the site's お問い合わせ先
  std::string logo;          ///< root-relative path of the logo in the output (assets/site/<name>, from content/assets/), or ""
  std::string description;
  std::string base_url;
  PdfSettings pdf;
  std::map<std::string, std::string> department_aliases;
  /// The order of departments on every page that lists them (組織順), by normalised name; departments
  /// not listed follow in document order.
  std::vector<std::string> department_order;
  /// Readings (よみ) of normalised department names: without department_order, departments are listed in
  /// 五十音 order of these (those without a reading follow, in document order).
  std::map<std::string, std::string> department_readings;
};

/// The whole validated content.
struct Model {
  Site site;
  /// A review build (`planpress build --review`): the editors' notes are kept and every writer marks them
  /// and the build as such. False in a published build, whose model holds no editorial content
  /// (edition::make_published).
  bool review = false;
  std::vector<ExternalDocument> documents;
  std::vector<Plan> plans;  ///< in directory order

  const Plan* find_plan(const std::string& id) const;
  const ExternalDocument* find_document(const std::string& id) const;
};

/// The categories from the top of the plan's tree down to the one with `id`, outermost first; empty when
/// no category has that id. (Category rows of item tables and breadcrumbs follow it.)
std::vector<const Category*> category_path(const Plan& p, const std::string& id);

/// Visits every category of a tree, depth first, with its depth (0 for top level).
template <typename Fn>
void for_each_category(const std::vector<Category>& cats, Fn&& fn, int depth = 0) {
  for (const auto& c : cats) {
    fn(c, depth);
    for_each_category(c.children, fn, depth + 1);
  }
}

}  // namespace planpress::model
