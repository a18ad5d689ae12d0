#include "pipeline/fmt.hpp"

#include <map>

#include "canonical/layout.hpp"
#include "content/json_document.hpp"
#include "content/loader.hpp"
#include "io/publish.hpp"
#include "io/read_source.hpp"

namespace planpress::pipeline {

namespace {

using base::arg;
using base::msg;
using base::Msg;

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
    diags.error({}, msg<Msg::missing_file_content_dir>(arg<"dir">(options.content_dir)), {msg<Msg::missing_file_fmt_files_hint>()});
  std::map<std::string, std::string> rewritten;
  for (const auto& path : result.files) {
    const auto source = io::read_source(fs, path, content::kMaxJsonBytes, diags);
    if (!source) continue;
    const auto doc = content::parse_json(source, diags);
    if (!doc) continue;
    std::string text = canonical::canonical_text(canonical::from_document(*doc), canonical::file_kind(path));
    // Compared with the bytes of the file: read_source reads a BOM and CR LF as the text without them,
    // but the canonical layout has neither.
    std::string read_error;
    if (text == source->text() && fs.read_file(path, read_error).value_or(std::string()) == text) continue;
    result.changed.push_back(path);
    if (options.check) {
      const std::size_t at = text == source->text() ? 0 : first_difference(source->text(), text);  // 0: only a BOM or CR LF
      diags.error(base::Location::in(source, at), msg<Msg::not_canonical_layout>(), {msg<Msg::not_canonical_layout_hint>(arg<"path">(path))});
    } else {
      rewritten.emplace(path, std::move(text));
    }
  }
  // Nothing is written when any file could not be read or parsed.
  if (!diags.has_errors()) {
    if (auto e = io::replace_files(fs, rewritten)) diags.error({}, msg<Msg::io_error_write_formatted>(arg<"reason">(*e)));
  }
  if (const auto exit_class = diags.exit_class())
    result.outcome = *exit_class == base::ExitClass::content ? Outcome::content_errors : Outcome::io_error;
  return result;
}

}  // namespace planpress::pipeline
