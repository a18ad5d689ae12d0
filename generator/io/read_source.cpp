#include "io/read_source.hpp"

#include "base/utf8.hpp"

namespace planpress::io {

namespace {

std::string human_size(std::uintmax_t bytes) {
  // 1048577 → "1,048,577 bytes"
  std::string digits = std::to_string(bytes);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits + " bytes";
}

std::string limit_name(std::uintmax_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }

}  // namespace

base::SourcePtr read_source(const FileSystem& fs, const std::string& path, std::uintmax_t max_bytes,
                            base::Diagnostics& diags) {
  auto empty = std::make_shared<base::SourceFile>(path, "");
  auto too_large = [&](std::uintmax_t size) {
    const bool markdown = path.ends_with(".md");
    diags.error(base::Code::file_too_large, base::Location::in(empty, 0),
                "file is " + human_size(size) + ", over the limit of " + limit_name(max_bytes),
                {markdown ? "split the text into several sections, one Markdown file each"
                          : "move long narrative text into Markdown sections, or split the plan"});
    return nullptr;
  };
  const auto size = fs.file_size(path);
  if (size && *size > max_bytes) return too_large(*size);
  // Read no more than the limit allows, whatever the size said: the file may grow while it is read.
  std::string error;
  auto bytes = fs.read_file_at_most(path, max_bytes, error);
  if (!bytes) {
    diags.error(base::Code::io_error, base::Location::in(empty, 0), "cannot read file: " + error);
    return nullptr;
  }
  if (bytes->size() > max_bytes) return too_large(fs.file_size(path).value_or(bytes->size()));
  auto source = std::make_shared<base::SourceFile>(path, std::move(*bytes));
  if (auto bad = base::find_invalid_utf8(source->text())) {
    diags.error(base::Code::utf8_invalid, base::Location::in(source, *bad), "invalid UTF-8 byte sequence",
                {"save the file as UTF-8 (not Shift_JIS)"});
    return nullptr;
  }
  return source;
}

}  // namespace planpress::io
