#pragma once
/// What a link target is called wherever a link to it is printed (pages, PDFs, search, data export).
#include <string>

#include "model/model.hpp"
#include "xref/xref.hpp"

namespace planpress::present {

/// A link target's name ("46　コンプライアンス推進員研修"), the title of the plan it belongs to (empty for a
/// plan itself and for documents) and its kind (項目, 区分 …).
struct TargetInfo {
  std::string title;
  std::string plan_title;
  std::string kind_label;
};

TargetInfo describe(const model::Model& model, const xref::Endpoint& e);

}  // namespace planpress::present
