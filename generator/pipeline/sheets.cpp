#include "pipeline/sheets.hpp"

#include <algorithm>

#include "base/suggest.hpp"
#include "canonical/layout.hpp"
#include "io/publish.hpp"
#include "pipeline/phases.hpp"
#include "sheets/export.hpp"
#include "sheets/keys.hpp"
#include "workbook/workbook.hpp"

namespace planpress::pipeline {

namespace {

using base::arg;
using base::msg;
using base::Msg;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && lower(s.substr(s.size() - suffix.size())) == suffix;
}

// Reads one sheet file; problems are reported at the file.
std::optional<sheet_import::SheetFile> read_sheet(const io::FileSystem& fs, const std::string& path, base::Diagnostics& diags) {
  const auto where = base::Location::in(std::make_shared<base::SourceFile>(path, ""), 0);
  const bool xlsx = ends_with(path, ".xlsx") || ends_with(path, ".xlsm");
  const bool csv = ends_with(path, ".csv") || ends_with(path, ".txt");
  if (!xlsx && !csv) {
    std::vector<base::Message> hints;
    if (ends_with(path, ".xls") || ends_with(path, ".ods")) hints.push_back(msg<Msg::sheet_invalid_save_as_xlsx_hint>());
    diags.error(where, msg<Msg::sheet_invalid_not_sheet>(), hints);
    return std::nullopt;
  }
  const auto size = fs.file_size(path);
  if (size && *size > kMaxSheetBytes) {
    diags.error(where, msg<Msg::sheet_invalid_too_large>(arg<"detail">(std::to_string(*size) + " bytes")));
    return std::nullopt;
  }
  std::string error;
  const auto bytes = fs.read_file(path, error);
  if (!bytes) {
    diags.error(where, msg<Msg::io_error_read>(arg<"reason">(error)));
    return std::nullopt;
  }
  sheet_import::SheetFile f;
  f.path = path;
  f.csv = csv;
  const workbook::ReadResult read = csv ? workbook::read_csv(*bytes) : workbook::read_xlsx(*bytes);
  if (const auto* e = std::get_if<workbook::ReadError>(&read)) {
    switch (e->problem) {
      case workbook::Problem::not_zip:
        diags.error(where, msg<Msg::sheet_invalid_not_zip>(), {msg<Msg::sheet_invalid_save_as_xlsx_hint>()});
        break;
      case workbook::Problem::missing_part: diags.error(where, msg<Msg::sheet_invalid_missing_part>(arg<"part">(e->detail))); break;
      case workbook::Problem::bad_xml: diags.error(where, msg<Msg::sheet_invalid_bad_xml>(arg<"detail">(e->detail))); break;
      case workbook::Problem::doctype: diags.error(where, msg<Msg::sheet_invalid_doctype>(arg<"part">(e->detail))); break;
      case workbook::Problem::too_large: diags.error(where, msg<Msg::sheet_invalid_too_large>(arg<"detail">(e->detail))); break;
      case workbook::Problem::encrypted:
        diags.error(where, msg<Msg::sheet_invalid_encrypted>(), {msg<Msg::sheet_invalid_encrypted_hint>()});
        break;
      case workbook::Problem::bad_encoding:
        diags.error(where, msg<Msg::sheet_invalid_bad_encoding>(arg<"at">(e->detail)), {msg<Msg::sheet_invalid_bad_encoding_hint>()});
        break;
    }
    return std::nullopt;
  }
  f.book = std::get<workbook::Workbook>(read);
  f.cp932 = csv && workbook::csv_encoding(*bytes).rfind("Shift_JIS", 0) == 0;
  return f;
}

}  // namespace

SheetExportResult export_sheets(io::FileSystem& fs, const SheetExportOptions& options) {
  SheetExportResult result;
  Options opts;
  opts.content_dir = options.content_dir;
  Result checked;
  Checked c;
  const bool loaded = load_model(fs, opts, c, checked, Edition::as_written);
  result.diagnostics = std::move(checked.diagnostics);
  if (!loaded) {
    result.outcome = checked.outcome;
    return result;
  }
  // An unknown name, with the closest known one when there is one.
  auto suggestion = [](const std::string& name, const std::vector<std::string>& known) {
    const auto m = base::closest_match(name, known);
    return m ? msg<Msg::cli_did_you_mean_suffix>(arg<"suggestion">(*m)) : base::verbatim("");
  };
  std::vector<const model::Plan*> plans;
  std::vector<std::string> ids;
  for (const auto& p : c.model.plans) ids.push_back(p.id);
  for (const auto& id : options.plans) {
    const auto* p = c.model.find_plan(id);
    if (!p) {
      result.usage_error =
          msg<Msg::cli_unknown_plan_option>(arg<"plan">(id), arg<"dir">(options.content_dir), arg<"suggestion">(suggestion(id, ids)));
      return result;
    }
    if (std::find(plans.begin(), plans.end(), p) == plans.end()) plans.push_back(p);
  }
  if (options.plans.empty())
    for (const auto& p : c.model.plans) plans.push_back(&p);
  sheets::ExportOptions export_options;
  export_options.created = options.source_date_epoch.value_or(315532800);  // 1980-01-01, the zip entries' date
  if (!options.department.empty()) {
    export_options.department = sheets::find_department(c.assembly, c.model.site, options.department);
    if (!export_options.department) {
      std::vector<std::string> names;
      for (const auto& d : c.assembly.departments) names.push_back(d.unit.name);
      result.usage_error = msg<Msg::cli_unknown_department>(arg<"department">(options.department),
                                                            arg<"suggestion">(suggestion(options.department, names)));
      return result;
    }
  }
  std::map<std::string, std::string> files;
  for (const auto* p : plans) {
    const auto spec = sheets::plan_workbook(c.model, *p, c.assembly, export_options);
    if (!spec) {
      result.skipped.push_back(p->id);
      continue;
    }
    auto written = workbook::write_xlsx(*spec, options.temp_dir);
    if (!written.error.empty()) {
      result.diagnostics.error({}, msg<Msg::io_error_write_workbook>(arg<"reason">(p->id + ": " + written.error)));
      result.outcome = Outcome::io_error;
      return result;
    }
    files.emplace(io::join_path(options.out_dir, sheets::workbook_file(p->id)), std::move(written.bytes));
  }
  if (auto e = fs.create_directories(options.out_dir)) {
    result.diagnostics.error({}, msg<Msg::io_error_write_workbook>(arg<"reason">(*e)));
    result.outcome = Outcome::io_error;
    return result;
  }
  if (auto e = io::replace_files(fs, files)) {
    result.diagnostics.error({}, msg<Msg::io_error_write_workbook>(arg<"reason">(*e)));
    result.outcome = Outcome::io_error;
    return result;
  }
  for (const auto& [path, bytes] : files) result.written.push_back(path);
  return result;
}

SheetImportResult import_sheets(io::FileSystem& fs, const SheetImportOptions& options) {
  SheetImportResult result;
  auto& diags = result.diagnostics;
  auto finish = [&]() {
    result.outcome = outcome_of(diags, options.check.strict);
    return result;
  };
  std::vector<sheet_import::SheetFile> files;
  for (const auto& path : options.files)
    if (auto f = read_sheet(fs, path, diags)) files.push_back(std::move(*f));

  // The content as it is: it must be valid before anything is merged into it.
  Result before;
  Checked c;
  if (!load_model(fs, options.check, c, before, Edition::as_written)) {
    diags.merge(before.diagnostics);
    return finish();
  }
  diags.merge(before.diagnostics);
  sheet_import::Content content{&c.model, &c.assembly, {}};
  for (const auto& p : c.model.plans)
    for (const auto& raw : c.raw.plans)
      if (raw.dir == p.dir && raw.plan) content.documents[p.id] = &*raw.plan;
  auto edits = sheet_import::merge(files, content, diags);

  // The content as it would be: every phase of check, on the edited plan.json files in memory.
  std::map<std::string, std::string> texts;
  for (const auto& [id, edit] : edits)
    if (!edit.changes.empty()) texts[edit.path] = canonical::canonical_text(edit.json, canonical::FileKind::plan);
  if (!texts.empty()) {
    io::OverlayFileSystem edited(fs, texts);
    auto after = check(edited, options.check);
    // Warnings of the content as it is were reported already.
    base::Diagnostics found;
    for (const auto& d : after.diagnostics.all())
      if (d.severity == base::Severity::error) found.add(d);
    sheet_import::relocate(found, edits, texts);
    diags.merge(found);
  }
  for (const auto& p : c.model.plans)
    if (auto it = edits.find(p.id); it != edits.end() && !it->second.changes.empty()) {
      sheet_import::PlanEdit e = std::move(it->second);
      e.json = {};
      result.edits.push_back(std::move(e));
    }
  finish();
  if (result.outcome != Outcome::ok || options.dry_run || texts.empty()) return result;
  if (auto e = io::replace_files(fs, texts)) {
    diags.error({}, msg<Msg::io_error_write_imported>(arg<"reason">(*e)));
    return finish();
  }
  for (const auto& [path, text] : texts) result.written.push_back(path);
  return result;
}

}  // namespace planpress::pipeline
