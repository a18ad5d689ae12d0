#pragma once
/// The sheet writer (`planpress sheet export`): a plan as a workbook that a department fills in — a 説明
/// sheet saying which cells to fill, the items with the plan's own columns under their printed labels,
/// category rows as the plan prints them and sub-items under their item, and the indicator values by
/// fiscal year; hidden keys map every row and column back to the plan; drop-down lists for every
/// vocabulary; frozen headers, widths, wrapped text and an A4 landscape print setup. Like the other
/// writers it reads the model, the assembly and `present`, and includes no other writer.
#include <optional>
#include <set>
#include <string>

#include "assemble/assemble.hpp"
#include "model/model.hpp"
#include "workbook/spec.hpp"

namespace planpress::sheets {

struct ExportOptions {
  /// Only the items that name this department (in a 担当課 field of the item or a sub-item); null: all.
  const assemble::Department* department = nullptr;
  /// The workbook's creation date (docProps/core.xml), seconds since 1970: SOURCE_DATE_EPOCH or a fixed date.
  long long created = 315532800;
};

/// The workbook of `plan`; nullopt when a department is given and no item of the plan names it.
std::optional<workbook::WorkbookSpec> plan_workbook(const model::Model& model, const model::Plan& plan,
                                                    const assemble::Assembly& assembly, const ExportOptions& options);

/// The items of `plan` that name `department` in a 担当課 field (their own or a sub-item's).
std::set<const model::Item*> items_of(const assemble::Department& department, const model::Plan& plan);

/// The department a name given on the command line means, normalised as printed 担当課 entries are
/// (全角/半角, site.json aliases): "総務局人事課" finds the department of 「総務局人事課・職員研修所」. Null if none.
const assemble::Department* find_department(const assemble::Assembly& assembly, const model::Site& site,
                                            const std::string& name);

}  // namespace planpress::sheets
