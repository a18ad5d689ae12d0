#pragma once
/// Departments (担当課) across plans: printed entries such as 「総務局人事課、労務課、厚生課」 or
/// 「総務局人事課・職員研修所（各職場）」 split into units and normalised, so the same department in
/// different plans is one department, in one order (department pages, plan roll-ups, item pages and the
/// search facet all read this).
#include <map>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace planpress::assemble {

/// One normalised organisational unit.
struct DepartmentUnit {
  std::string name;    ///< normalised name, e.g. 総務局労務課
  std::string bureau;  ///< the 局/室 it belongs to, e.g. 総務局 (empty for generic roles)
  bool generic = false;  ///< a role rather than a unit: 局区, 各職場, 業務主管課 …
};

/// Splits one printed department entry into normalised units. `aliases` (site.json department_aliases)
/// maps a printed or normalised unit name to its canonical name.
std::vector<DepartmentUnit> split_department(const std::string& printed, const std::map<std::string, std::string>& aliases);

/// Where a department appears: a plan's item (or one of its sub-items) and the entry as printed there.
struct DepartmentAssignment {
  const model::Plan* plan = nullptr;
  const model::Item* item = nullptr;
  int sub_item = 0;  ///< 1-based, 0 for the item itself
  std::string field;
  std::string printed;
};

/// A department of one municipality: 総務局人事課 of 仙台市 and of みどり野市 are two departments.
struct Department {
  DepartmentUnit unit;
  std::string municipality;  ///< of the plans that name it
  std::string title;         ///< the name with its municipality, where the context does not say it: 総務局人事課（仙台市）
  /// Readable, stable file name made of the municipality and the name (仙台市_総務局人事課): the same
  /// department keeps its page from build to build, and a reader sees which department a link names.
  std::string slug;
  std::string page;  ///< root-relative path of its page (present::department_page)
  std::vector<DepartmentAssignment> assignments;  ///< in plan and item order
  std::size_t item_count = 0;                     ///< distinct items (an item naming it twice counts once)
};

/// The file name of a department's page (without .html): municipality, '_', the normalised name, with
/// characters that file systems or URLs treat specially (/ \ : * ? " < > | # % and spaces …) as '-'.
/// Japanese names stay as they are (UTF-8 file names; see docs/architecture.md, "Department pages").
std::string department_slug(const std::string& municipality, const std::string& name);

/// Every department of the model with the items that name it, in the one order of the site: by
/// municipality (in the order the plans first name them), then the organisational order of site.json `department_order` when given; else 五十音 by the readings of
/// `department_readings` when given; else the order in which the plans first name them (never code-point
/// order). Roles (局区, 各職場 …) follow the departments. Implied departments (a 行財政改革 公営企業
/// category such as 水道局 whose items print no 所管局) are not invented.
std::vector<Department> index_departments(const model::Model& model);

}  // namespace planpress::assemble
