#pragma once
/// `planpress new-edition PLAN-ID --fiscal-year YYYY [--id NEW-ID]`: next year's edition of a series made
/// from a results edition (docs/content-format.md, "Series and editions"). Items the plan's `next_year`
/// carries forward are copied with the fields filled at year end cleared; items it drops are left out and
/// listed; the new edition's stage is plan. Nothing is written when the content has errors or the new
/// plan's directory exists.
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/messages.hpp"
#include "content/json_document.hpp"
#include "io/file_system.hpp"
#include "model/model.hpp"
#include "pipeline/pipeline.hpp"

namespace planpress::pipeline {

struct NewEditionOptions {
  std::string content_dir = "content";
  std::string plan_id;   ///< the results edition to start from
  int fiscal_year = 0;   ///< the new edition's fiscal year
  std::string new_id;    ///< the new plan's id (and directory); empty: derived from the old id and year
};

/// One item as the command reports it.
struct EditionItem {
  std::string id;
  std::string title;      ///< "number　name"
  std::string direction;  ///< the printed value of the direction field
};

struct NewEditionResult {
  Outcome outcome = Outcome::ok;
  base::Diagnostics diagnostics;
  std::string failed_phase;
  std::string from_id, new_id, series_id;
  int fiscal_year = 0;
  std::string dir;                      ///< content/plans/<new-id>
  std::vector<std::string> written;     ///< files written, in order
  std::vector<EditionItem> carried;     ///< copied as they were (継続)
  std::vector<EditionItem> revised;     ///< copied, marked to be revised (変更)
  std::vector<EditionItem> dropped;     ///< left out (項目としては掲載しない, 完了, 廃止)
  std::vector<std::string> cleared;     ///< labels of the fields cleared in every item
  std::vector<base::Message> removed;   ///< what else was not carried over, one line each
  std::string fiscal_year_label;        ///< 令和8年度
};

/// Checks the content, then writes the new edition's plan.json and its section files.
NewEditionResult new_edition(io::FileSystem& fs, const NewEditionOptions& options);

/// The new edition's plan.json, in the canonical layout (planpress fmt), from the old one's document:
/// pure, for tests (no file system). `result` receives the lists; `plan` is the validated old edition.
std::string next_edition_json(const content::JsonDocument& old_json, const model::Plan& plan, const std::string& new_id, int fiscal_year,
                              NewEditionResult& result);

/// The id of the next edition when none is given: the old id with its year replaced (sendai-compliance-r7 →
/// sendai-compliance-r8, plan-2025 → plan-2026), else the series id and the year (series-2026).
std::string next_edition_id(const model::Plan& plan, int fiscal_year);

}  // namespace planpress::pipeline
