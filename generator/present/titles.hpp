#pragma once
/// Titles and labels every writer prints (HTML pages, PDFs, search, data export), each decided here once:
/// "number + title", the label an entry prints for a field, vocabulary labels, the labels of indicator
/// value kinds (実績・基準・目標), of reference types and of inferred metadata.
#include <string>

#include "model/model.hpp"

namespace planpress::present {

/// What stands between a number and its title: the ideographic space the documents print
/// (「第５　実施項目」, 「①　キャリア形成の支援」, 「ア　水道局」).
inline constexpr const char* kNumberSeparator = "\xE3\x80\x80";

/// "46　コンプライアンス推進員研修": number, separator, title; the title alone when nothing is numbered.
std::string numbered_title(const std::string& number, const std::string& title);

/// Title of an item or sub-item ("46　名前"), of a category and of a section, as numbered_title.
std::string entry_title(const model::Entry& e);
std::string category_title(const model::Category& c);
std::string section_title(const model::Section& s);

/// The heading of a plan's number column: as the plan declares it (presentation.number_label: NO., 整理番号,
/// №), else 番号. Every writer (web table, PDF table, CSV and sheet headers) prints this one.
const std::string& number_label(const model::Plan& p);
/// The heading of a plan's name column: as the plan declares it (presentation.name_label: 取組名称, 取組名,
/// 施策名, 具体的な取り組み), else 名称.
const std::string& name_label(const model::Plan& p);

/// The label this entry prints for the field: its own (`labels`, e.g. 主担当課 where the plan says 担当課)
/// or the plan's FieldDef label.
const std::string& field_label(const model::Entry& e, const model::FieldDef& def);

/// The vocabulary label of a status/rating/tags value ("○" → "予定通り実施した"); "" when the field has no
/// vocabulary, the value is not in it, or the value has no label.
const std::string& vocabulary_label(const model::Plan& p, const model::FieldDef& def, const std::string& value);

/// The vocabulary entry of a value, or null.
const model::VocabValue* vocabulary_value(const model::Plan& p, const model::FieldDef& def, const std::string& value);

/// 実績, 基準 or 目標 for an indicator value's kind (actual, baseline, target).
const char* value_kind_label(const std::string& kind);

/// The label of a link as seen from one side: 参照, 再掲 … on the source side; 参照元, 再掲先 … on the
/// target side (`incoming`).
const char* link_label(model::RefType type, bool incoming);

/// Japanese name of a plan metadata key that can be inferred (title → 表題, period → 計画期間 …).
const char* metadata_label(const std::string& key);

// ---- who publishes --------------------------------------------------------------------------------
/// Who publishes a plan (footers of its pages, its PDF cover and author): its own `organisation`, else
/// its municipality (仙台市, 大崎市).
const std::string& organisation_of(const model::Plan& p);
/// The お問い合わせ先 of a plan: its own contact when it gives one, else the site's (empty when neither does).
const model::Contact& contact_of(const model::Plan& p, const model::Site& site);
/// A plan named where its municipality is not already said (search results, page titles, links from other
/// plans): "仙台市　第５　実施項目"; the title alone when it names its municipality (「大崎市人財育成アクション
/// プラン」). The display title (short_title if given) unless `full`.
std::string title_with_municipality(const model::Plan& p, bool full = false);
/// The label of a plan's date (策定・公表 or the revision its content gives) on its page and PDF cover.
inline constexpr const char* kUpdatedLabel = "更新日";

// ---- review builds and remarks (edition) -------------------------------------------------------------
/// What a review build says on every page, on its PDF cover and in its PDF header (short form).
inline constexpr const char* kReviewBanner =
    "レビュー版：編集用の注記（注記・表記の異同・要確認・推定・原文ママ、出典、リンクの根拠、編集注）を表示しています。公開用ではありません。";
inline constexpr const char* kReviewShort = "レビュー版（公開用ではありません）";
/// The heading set over the editors' notes wherever a review build shows them.
inline constexpr const char* kEditorialLabel = "編集注記（レビュー版のみ）";

/// What a plan-stage edition prints where a field filled at year end is still empty (docs/content-format.md,
/// "Series and editions"), on its pages, in its PDF and in its export.
inline constexpr const char* kPendingLabel = "実績は年度末に掲載";

/// The notice of a plan-stage edition (plan page, PDF cover): 「この版は令和8年度の計画時点のものです。実績・自己評価…
/// は年度末に掲載します。」 naming the plan's results fields; "" for a results edition.
std::string stage_notice(const model::Plan& p);

/// An edition's fiscal year and stage, 「令和8年度（計画）」; "" for a plan outside any series.
std::string edition_label(const model::Plan& p);

/// The label printed before a remark in Markdown: 編集注 (review builds only) or 掲載上の注記; "" for none.
const char* remark_label(markdown::Remark remark);

}  // namespace planpress::present
