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

}  // namespace planpress::present
