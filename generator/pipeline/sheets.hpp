#pragma once
/// `planpress sheet export` and `planpress sheet import`: a plan out to an .xlsx workbook that a department
/// fills in, and the filled-in sheets (.xlsx or .csv) back into plan.json.
#include <optional>
#include <string>
#include <vector>

#include "io/file_system.hpp"
#include "pipeline/pipeline.hpp"
#include "sheet_import/import.hpp"

namespace planpress::pipeline {

struct SheetExportOptions {
  std::string content_dir = "content";
  std::string out_dir = "sheets";
  std::vector<std::string> plans;  ///< plan ids; empty: every plan
  std::string department;          ///< only this department's items; empty: all
  /// docProps/core.xml's date: SOURCE_DATE_EPOCH (read by the CLI), else a fixed date, so equal input
  /// gives equal bytes.
  std::optional<long long> source_date_epoch;
  std::string temp_dir = "/tmp";  ///< where libxlsxwriter writes before the bytes are read back
};

struct SheetExportResult {
  Outcome outcome = Outcome::ok;
  base::Diagnostics diagnostics;
  std::optional<base::Message> usage_error;  ///< an unknown --plan or --department (exit status 2), with a suggestion
  std::vector<std::string> written;  ///< the files written
  std::vector<std::string> skipped;  ///< plans without an item of the department
};

/// Checks the content (load, validate, link, assemble), then writes `<out>/<plan-id>.xlsx` for every
/// plan asked for; each file is replaced whole (written beside it, then renamed).
SheetExportResult export_sheets(io::FileSystem& fs, const SheetExportOptions& options);

struct SheetImportOptions {
  Options check;  ///< content and templates directories, --strict, --no-pdf: the check the edit must pass
  std::vector<std::string> files;
  bool dry_run = false;  ///< show what would change; write nothing
};

struct SheetImportResult {
  Outcome outcome = Outcome::ok;
  base::Diagnostics diagnostics;
  std::vector<sheet_import::PlanEdit> edits;  ///< plans with changes, in plan order (without their JSON)
  std::vector<std::string> written;           ///< plan.json files written
};

/// Reads the sheets, merges their changed cells into the plans' JSON, checks the content as it would be
/// (every phase of `check`, on the edited plan.json in memory) and, unless anything was reported as an
/// error (or a warning with --strict) or `dry_run`, writes the edited plan.json files in the canonical
/// layout. A sheet with any error changes nothing.
SheetImportResult import_sheets(io::FileSystem& fs, const SheetImportOptions& options);

/// Files larger than this are not read as sheets.
inline constexpr std::uintmax_t kMaxSheetBytes = 64u << 20;

}  // namespace planpress::pipeline
