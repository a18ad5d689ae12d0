#include "pipeline/sheets.hpp"

#include <algorithm>

#include "base/message.hpp"
#include "base/suggest.hpp"
#include "canonical/layout.hpp"
#include "io/publish.hpp"
#include "pipeline/phases.hpp"
#include "sheets/export.hpp"
#include "sheets/keys.hpp"
#include "workbook/workbook.hpp"

namespace planpress::pipeline {

namespace {

using base::Text;

constexpr Text kUnknownPlanOption{"no plan '{1}' in {2}", "{2} に計画 '{1}' はありません"};
constexpr Text kUnknownDepartment{"no plan names the department '{1}'", "担当課 '{1}' はどの計画にもありません"};
constexpr Text kDidYouMean{" (did you mean '{1}'?)", "（'{1}' のことですか？）"};
constexpr Text kCannotWrite{"cannot write the workbook: {1}", "ブックを書き込めません: {1}"};
constexpr Text kCannotRead{"cannot read the file: {1}", "ファイルを読めません: {1}"};
constexpr Text kNotSheet{"planpress reads sheets from .xlsx and .csv files only", "planpress が取り込めるのは .xlsx と .csv のファイルだけです"};
constexpr Text kSaveAsXlsx{"open it in Excel and save it as an Excel workbook (*.xlsx)", "Excel で開き、「Excel ブック (*.xlsx)」として保存し直してください"};
constexpr Text kNotZip{"cannot be read as an Excel workbook (.xlsx): not a zip archive, or a damaged one",
                       "Excel ブック（.xlsx）として読めません（zip 形式でないか、壊れています）"};
constexpr Text kMissingPart{"the workbook has no {1}", "ブックに {1} がありません"};
constexpr Text kBadXml{"the workbook's XML is damaged ({1})", "ブックの XML が壊れています（{1}）"};
constexpr Text kDoctype{"{1} declares a DTD, which Excel workbooks never do; it is not read",
                        "{1} に DTD の宣言があります。Excel のブックにはないものなので読みません"};
constexpr Text kTooLarge{"too large to read ({1})", "大きすぎるため読みません（{1}）"};
constexpr Text kEncrypted{"the workbook is protected by a password and cannot be read", "パスワードで保護されたブックは読めません"};
constexpr Text kEncryptedHint{"remove the password (ファイル → 情報 → ブックの保護) and save it again",
                              "パスワードを解除して（ファイル → 情報 → ブックの保護）保存し直してください"};
constexpr Text kBadEncoding{"the CSV file is neither UTF-8, UTF-16 nor Shift_JIS (CP932) (at byte {1})",
                            "CSV ファイルの文字コードが UTF-8・UTF-16・Shift_JIS（CP932）のどれでもありません（{1} バイト目）"};
constexpr Text kBadEncodingHint{"save it from Excel as \"CSV UTF-8\" or \"CSV (コンマ区切り)\"",
                                "Excel で「CSV UTF-8」または「CSV（コンマ区切り）」として保存し直してください"};
constexpr Text kCannotWritePlan{"cannot write the imported plan: {1}", "取り込んだ計画を書き込めません: {1}"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && lower(s.substr(s.size() - suffix.size())) == suffix;
}

// Reads one sheet file; problems are reported at the file.
std::optional<sheet_import::SheetFile> read_sheet(const io::FileSystem& fs, const std::string& path, base::Diagnostics& diags,
                                                  base::Lang lang) {
  const auto where = base::Location::in(std::make_shared<base::SourceFile>(path, ""), 0);
  auto say = [&](const Text& t, std::initializer_list<std::string_view> args = {}) { return base::message(t, lang, args); };
  const bool xlsx = ends_with(path, ".xlsx") || ends_with(path, ".xlsm");
  const bool csv = ends_with(path, ".csv") || ends_with(path, ".txt");
  if (!xlsx && !csv) {
    std::vector<std::string> hints;
    if (ends_with(path, ".xls") || ends_with(path, ".ods")) hints.push_back(say(kSaveAsXlsx));
    diags.error(base::Code::sheet_invalid, where, say(kNotSheet), hints);
    return std::nullopt;
  }
  const auto size = fs.file_size(path);
  if (size && *size > kMaxSheetBytes) {
    diags.error(base::Code::sheet_invalid, where, say(kTooLarge, {std::to_string(*size) + " bytes"}));
    return std::nullopt;
  }
  std::string error;
  const auto bytes = fs.read_file(path, error);
  if (!bytes) {
    diags.error(base::Code::io_error, where, say(kCannotRead, {error}));
    return std::nullopt;
  }
  sheet_import::SheetFile f;
  f.path = path;
  f.csv = csv;
  const workbook::ReadResult read = csv ? workbook::read_csv(*bytes) : workbook::read_xlsx(*bytes);
  if (const auto* e = std::get_if<workbook::ReadError>(&read)) {
    switch (e->problem) {
      case workbook::Problem::not_zip: diags.error(base::Code::sheet_invalid, where, say(kNotZip), {say(kSaveAsXlsx)}); break;
      case workbook::Problem::missing_part: diags.error(base::Code::sheet_invalid, where, say(kMissingPart, {e->detail})); break;
      case workbook::Problem::bad_xml: diags.error(base::Code::sheet_invalid, where, say(kBadXml, {e->detail})); break;
      case workbook::Problem::doctype: diags.error(base::Code::sheet_invalid, where, say(kDoctype, {e->detail})); break;
      case workbook::Problem::too_large: diags.error(base::Code::sheet_invalid, where, say(kTooLarge, {e->detail})); break;
      case workbook::Problem::encrypted: diags.error(base::Code::sheet_invalid, where, say(kEncrypted), {say(kEncryptedHint)}); break;
      case workbook::Problem::bad_encoding:
        diags.error(base::Code::sheet_invalid, where, say(kBadEncoding, {e->detail}), {say(kBadEncodingHint)});
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
  auto say = [&](const Text& t, std::initializer_list<std::string_view> args = {}) { return base::message(t, options.lang, args); };
  std::vector<const model::Plan*> plans;
  std::vector<std::string> ids;
  for (const auto& p : c.model.plans) ids.push_back(p.id);
  for (const auto& id : options.plans) {
    const auto* p = c.model.find_plan(id);
    if (!p) {
      const auto m = base::closest_match(id, ids);
      result.usage_error = say(kUnknownPlanOption, {id, options.content_dir}) + (m ? say(kDidYouMean, {*m}) : std::string());
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
      const auto m = base::closest_match(options.department, names);
      result.usage_error = say(kUnknownDepartment, {options.department}) + (m ? say(kDidYouMean, {*m}) : std::string());
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
      result.diagnostics.error(base::Code::io_error, {}, say(kCannotWrite, {p->id + ": " + written.error}));
      result.outcome = Outcome::io_error;
      return result;
    }
    files.emplace(io::join_path(options.out_dir, sheets::workbook_file(p->id)), std::move(written.bytes));
  }
  if (auto e = fs.create_directories(options.out_dir)) {
    result.diagnostics.error(base::Code::io_error, {}, say(kCannotWrite, {*e}));
    result.outcome = Outcome::io_error;
    return result;
  }
  if (auto e = io::replace_files(fs, files)) {
    result.diagnostics.error(base::Code::io_error, {}, say(kCannotWrite, {*e}));
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
    if (auto f = read_sheet(fs, path, diags, options.lang)) files.push_back(std::move(*f));

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
  auto edits = sheet_import::merge(files, content, diags, options.lang);

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
      if (d.severity == base::Severity::error) found.error(d.code, d.location, d.message, d.hints);
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
    diags.error(base::Code::io_error, {}, base::message(kCannotWritePlan, options.lang, {*e}));
    return finish();
  }
  for (const auto& [path, text] : texts) result.written.push_back(path);
  return result;
}

}  // namespace planpress::pipeline
