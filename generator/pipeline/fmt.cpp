#include "pipeline/fmt.hpp"

#include <map>

#include "base/message.hpp"
#include "canonical/layout.hpp"
#include "content/json_document.hpp"
#include "content/loader.hpp"
#include "io/publish.hpp"
#include "io/read_source.hpp"

namespace planpress::pipeline {

namespace {

constexpr base::Text kNotCanonical{
    "not in the canonical layout: planpress fmt rewrites the file from here on",
    "正規の書式ではありません（planpress fmt はここから先を書き直します）"};
constexpr base::Text kNotCanonicalHint{
    "run 'planpress fmt {1}': it changes only the layout (key order, indentation, line breaks), never a value",
    "'planpress fmt {1}' を実行してください。変わるのは書式（キーの順序・字下げ・改行）だけで、値は変わりません"};
constexpr base::Text kCannotWrite{"cannot write the formatted file: {1}", "整形したファイルを書き込めません: {1}"};

// Byte offset of the first difference, moved back to the start of its character.
std::size_t first_difference(const std::string& a, const std::string& b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  while (i > 0 && i < a.size() && (static_cast<unsigned char>(a[i]) & 0xC0) == 0x80) --i;
  return i;
}

}  // namespace

std::vector<std::string> plan_files(const io::FileSystem& fs, const std::string& content_dir) {
  std::vector<std::string> files;
  const std::string plans = io::join_path(content_dir, "plans");
  for (const auto& name : fs.list_directory(plans)) {
    const std::string path = io::join_path(io::join_path(plans, name), "plan.json");
    if (fs.file_size(path)) files.push_back(path);
  }
  return files;
}

FormatResult format(io::FileSystem& fs, const FormatOptions& options) {
  FormatResult result;
  auto& diags = result.diagnostics;
  result.files = options.files.empty() ? plan_files(fs, options.content_dir) : options.files;
  if (options.files.empty() && !fs.is_directory(options.content_dir))
    diags.error(base::Code::missing_file, {}, "content directory '" + options.content_dir + "' does not exist",
                {"run planpress in the project directory, pass --content DIR, or name the files to format"});
  std::map<std::string, std::string> rewritten;
  for (const auto& path : result.files) {
    const auto source = io::read_source(fs, path, content::kMaxJsonBytes, diags);
    if (!source) continue;
    const auto doc = content::parse_json(source, diags);
    if (!doc) continue;
    std::string text = canonical::canonical_text(canonical::from_document(*doc), canonical::file_kind(path));
    if (text == source->text()) continue;
    result.changed.push_back(path);
    if (options.check) {
      const std::size_t at = first_difference(source->text(), text);
      diags.error(base::Code::not_canonical, base::Location::in(source, at), base::message(kNotCanonical, options.lang), {base::message(kNotCanonicalHint, options.lang, {path})});
    } else {
      rewritten.emplace(path, std::move(text));
    }
  }
  // Nothing is written when any file could not be read or parsed.
  if (!diags.has_errors()) {
    if (auto e = io::replace_files(fs, rewritten)) diags.error(base::Code::io_error, {}, base::message(kCannotWrite, options.lang, {*e}));
  }
  if (const auto exit_class = diags.exit_class())
    result.outcome = *exit_class == base::ExitClass::content ? Outcome::content_errors : Outcome::io_error;
  return result;
}

}  // namespace planpress::pipeline
