#include "io/read_source.hpp"

#include "base/utf8.hpp"

namespace planpress::io {

namespace {

std::string grouped(std::uintmax_t bytes) {
  // 1048577 → "1,048,577"
  std::string digits = std::to_string(bytes);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

}  // namespace

base::SourcePtr read_source(const FileSystem& fs, const std::string& path, std::uintmax_t max_bytes,
                            base::Diagnostics& diags) {
  auto empty = std::make_shared<base::SourceFile>(path, "");
  const auto size = fs.file_size(path);
  if (size && *size > max_bytes) {
    const bool markdown = path.ends_with(".md");
    using base::Msg, base::arg, base::msg;
    diags.error(base::Location::in(empty, 0),
                msg<Msg::file_too_large_file>(arg<"size">(grouped(*size)), arg<"limit">(max_bytes / (1024 * 1024))),
                {markdown ? msg<Msg::file_too_large_markdown_hint>() : msg<Msg::file_too_large_json_hint>()});
    return nullptr;
  }
  std::string error;
  auto bytes = fs.read_file(path, error);
  if (!bytes) {
    diags.error(base::Location::in(empty, 0), base::msg<base::Msg::io_error_read>(base::arg<"reason">(error)));
    return nullptr;
  }
  auto source = std::make_shared<base::SourceFile>(path, std::move(*bytes));
  if (auto bad = base::find_invalid_utf8(source->text())) {
    diags.error(base::Location::in(source, *bad), base::msg<base::Msg::utf8_invalid_bytes>(),
                {base::msg<base::Msg::utf8_invalid_bytes_hint>()});
    return nullptr;
  }
  return source;
}

}  // namespace planpress::io
