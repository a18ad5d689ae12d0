#pragma once
/// Human-readable names of link targets and field values, shared by pages and the export.
#include <string>

#include "model/model.hpp"
#include "xref/xref.hpp"

namespace planpress::site {

/// What a link target is called on pages: "No.46 コンプライアンス推進員研修", its plan's title, its kind.
struct TargetInfo {
  std::string title;
  std::string plan_title;
  std::string kind_label;
};

TargetInfo describe(const model::Model& model, const xref::Endpoint& e);

/// "46 名前" (number and name, or the name alone when nothing is printed).
std::string entry_title(const model::Entry& e);

/// A field value as plain text (lists and schedules joined by newlines), for CSV and summaries.
std::string field_plain_text(const model::FieldValue& v);

/// Period for display: "令和6年度～令和8年度（2024年度～2026年度）"; empty if none.
std::string period_wareki(const model::Period& p);
std::string period_western(const model::Period& p);

}  // namespace planpress::site
