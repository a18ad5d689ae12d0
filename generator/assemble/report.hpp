#pragma once
/// `planpress check --report`: the data-quality report for the staff who check the returns before
/// publishing. Each finding is a warning at the place in the content it is about (docs/diagnostics.md,
/// "Data-quality report"): a 自己評価 that its reason's text contradicts, an item whose 次年度方向性 says
/// it changes but that is unchanged in next year's edition, an indicator target without a year or a
/// target year past without an actual value for it, an item without 担当課 where the plan's others have one.
#include "assemble/assemble.hpp"
#include "base/diagnostic.hpp"

namespace planpress::assemble {

/// Appends the findings of the report on `model` (a review edition: the editors' notes are there).
void quality_report(const model::Model& model, const Assembly& assembly, base::Diagnostics& diags);

}  // namespace planpress::assemble
