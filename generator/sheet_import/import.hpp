#pragma once
/// Phase "sheet import": the cells of sheets made by `sheet export` (read back from .xlsx or .csv) merged
/// into the plans' JSON. Only values that differ from the plan change; rows and columns are found by the
/// sheet's hidden keys, whatever their labels say; problems of the sheets themselves (a changed cell the
/// sheet cannot change, an unknown or missing row, two sheets that disagree) are reported at their cells.
/// Whether the new values are valid is decided by `check` itself, run on the edited content (pipeline):
/// `relocate` moves its diagnostics from the edited plan.json to the cells the values came from.
#include <map>
#include <string>
#include <vector>

#include "assemble/assemble.hpp"
#include "base/diagnostic.hpp"
#include "canonical/value.hpp"
#include "content/json_document.hpp"
#include "model/model.hpp"
#include "workbook/workbook.hpp"

namespace planpress::sheet_import {

/// A file given to the import, read.
struct SheetFile {
  std::string path;  ///< as given on the command line
  bool csv = false;
  bool cp932 = false;  ///< a CSV in Shift_JIS: characters CP932 lacks came back as "?"
  workbook::Workbook book;
};

/// One value the import changes.
struct Change {
  std::string file;     ///< the sheet file
  std::string cell;     ///< "項目!H10" ("H10" in a CSV file)
  std::string pointer;  ///< the JSON Pointer of the value in plan.json ("/items/7/fields/results")
  std::string what;     ///< what the value is: "8　柔軟な働き方の推進 › 実績"
  std::string before, after;  ///< as the cell shows them; "" for none
  base::SourcePtr source;     ///< the cell as a source, for diagnostics
};

/// A plan the import edits: its JSON with the changes made, and the changes.
struct PlanEdit {
  std::string plan;       ///< plan id
  std::string path;       ///< its plan.json
  canonical::Value json;  ///< edited
  std::vector<Change> changes;
};

/// What the import needs of the content: the checked model, its assembly, and each plan's JSON document
/// (by plan id) with the path of its plan.json.
struct Content {
  const model::Model* model = nullptr;
  const assemble::Assembly* assembly = nullptr;
  std::map<std::string, const content::JsonDocument*> documents;
};

/// Merges the cells of `files` into the plans' JSON. Problems of the sheets are added to `diags`; the
/// edits hold every change whether or not there were errors (the caller writes nothing then).
std::map<std::string, PlanEdit> merge(const std::vector<SheetFile>& files, const Content& content, base::Diagnostics& diags);

/// Moves each diagnostic that points into a changed value of an edited plan.json (as written, `texts`:
/// path → the new text) to the cell the value came from, at the same character where it can.
void relocate(base::Diagnostics& diags, const std::map<std::string, PlanEdit>& edits,
              const std::map<std::string, std::string>& texts);

}  // namespace planpress::sheet_import
