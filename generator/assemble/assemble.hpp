#pragma once
/// Phase assemble (after link, before the writers; Hugo's name for it): the data derived from the model
/// that more than one page or writer needs, computed once — the normalised departments in their one
/// order, roll-ups of each plan's items by status/rating/term/department/category, the chart
/// specification of every indicator and the navigation of every page. Writers read it; none recomputes.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assemble/departments.hpp"
#include "assemble/series.hpp"
#include "model/model.hpp"
#include "present/chart.hpp"
#include "xref/xref.hpp"

namespace planpress::assemble {

/// One value of a vocabulary and the items whose field holds it.
struct ValueRollup {
  const model::VocabValue* value = nullptr;
  std::vector<const model::Item*> items;  ///< in plan order
};

/// A status, rating or tags field (自己評価, 新規/拡充/継続, 短期/中長期 …): its values and their items.
struct FieldRollup {
  const model::FieldDef* field = nullptr;
  const model::Vocabulary* vocabulary = nullptr;
  std::vector<ValueRollup> values;  ///< in vocabulary order
  std::size_t without = 0;          ///< items that do not give the field
};

/// A department named by a plan's items and how many of its items name it.
struct DepartmentRollup {
  const Department* department = nullptr;
  std::size_t items = 0;
};

/// What is derived from one plan.
struct PlanRollups {
  const model::Plan* plan = nullptr;
  std::vector<FieldRollup> fields;            ///< status, rating and tags fields with a vocabulary, in field order
  std::vector<DepartmentRollup> departments;  ///< in the site's department order
  /// The items directly in each category (by category id), in plan order.
  std::map<std::string, std::vector<const model::Item*>> items_by_category;
};

/// A link in a page's navigation: a title and the root-relative path of the page it leads to.
struct NavLink {
  std::string title;
  std::string path;
};

/// Navigation of one page: its breadcrumb trail (home first, without the page itself) and, where pages
/// come in a sequence (an item's page), the previous and next page.
struct Navigation {
  std::vector<NavLink> parents;
  std::optional<NavLink> prev, next;
};

/// Everything the assemble phase derives.
struct Assembly {
  std::vector<Department> departments;  ///< in the one order of the site
  std::vector<PlanRollups> plans;       ///< in model order
  std::map<std::string, Navigation> navigation;  ///< by root-relative page path; pages without are absent
  std::vector<Series> series;           ///< every series with its editions and their 新旧対照表

  /// The series `p` is an edition of, or null.
  const Series* series_of(const model::Plan& p) const;
  /// Whether a newer edition of `p`'s series exists: views show the newest edition by default.
  bool superseded(const model::Plan& p) const;
  /// The 新旧対照表 whose newer edition is `p`, or null (a first edition, or a plan outside any series).
  const Comparison* comparison_into(const model::Plan& p) const;

  /// The roll-ups of `p` (a plan of the assembled model).
  const PlanRollups& rollups(const model::Plan& p) const;
  /// The departments a printed 担当課 entry of a plan of `municipality` names (「総務局人事課、労務課」 names two),
  /// in printed order.
  std::vector<const Department*> departments_of(const std::string& municipality, const std::string& printed) const;
  /// The chart of an indicator of the assembled model, or null when it has none.
  const present::ChartSpec* chart(const model::Indicator& ind) const;
  /// The navigation of a page (empty when the page has none).
  const Navigation& navigation_of(const std::string& page) const;

  /// municipality, U+001F, printed entry → indexes into departments
  std::map<std::string, std::vector<std::size_t>> by_printed;
  std::map<const model::Indicator*, present::ChartSpec> charts;  ///< indicators that have a chart
};

/// Derives the assembly from the validated, linked model.
Assembly assemble(const model::Model& model);

}  // namespace planpress::assemble
