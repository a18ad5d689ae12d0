#include "io/read_source.hpp"

#include "base/utf8.hpp"

namespace planpress::io {

using base::arg;
using base::msg;
using base::Msg;

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
  auto too_large = [&](std::uintmax_t size) {
    const bool markdown = path.ends_with(".md");
    diags.error(base::Location::in(empty, 0),
                msg<Msg::file_too_large_file>(arg<"size">(grouped(size)), arg<"limit">(max_bytes / (1024 * 1024))),
                {markdown ? msg<Msg::file_too_large_markdown_hint>() : msg<Msg::file_too_large_json_hint>()});
    return nullptr;
  };
  const auto size = fs.file_size(path);
  if (size && *size > max_bytes) return too_large(*size);
  // Read no more than the limit allows, whatever the size said: the file may grow while it is read.
  std::string error;
  auto bytes = fs.read_file_at_most(path, max_bytes, error);
  if (!bytes) {
    diags.error(base::Location::in(empty, 0), msg<Msg::io_error_read>(arg<"reason">(error)));
    return nullptr;
  }
  if (bytes->size() > max_bytes) return too_large(fs.file_size(path).value_or(bytes->size()));
  const auto bad = base::find_invalid_utf8(*bytes);
  if (bad || base::looks_like_utf16(*bytes)) {
    auto source = std::make_shared<base::SourceFile>(path, std::move(*bytes));
    switch (base::guess_encoding(source->text(), bad.value_or(0))) {
      case base::Encoding::utf16:  // no line to show: its bytes are not text here
        diags.error(base::Location::in(empty, 0), msg<Msg::utf8_invalid_utf16>(), {msg<Msg::utf8_invalid_save_as_hint>()});
        break;
      case base::Encoding::shift_jis:
        diags.error(base::Location::in(source, *bad), msg<Msg::utf8_invalid_shift_jis>(), {msg<Msg::utf8_invalid_save_as_hint>()});
        break;
      case base::Encoding::shift_jis_part:
        diags.error(base::Location::in(source, *bad), msg<Msg::utf8_invalid_shift_jis_part>(),
                    {msg<Msg::utf8_invalid_shift_jis_part_hint>()});
        break;
      case base::Encoding::unknown:
        diags.error(base::Location::in(source, *bad), msg<Msg::utf8_invalid_bytes>(arg<"bytes">(base::invalid_bytes_at(source->text(), *bad))),
                    {msg<Msg::utf8_invalid_bytes_hint>()});
        break;
    }
    return nullptr;
  }
  // A BOM and CR LF line ends (Windows, Excel) are accepted and read as the same text without them.
  return std::make_shared<base::SourceFile>(path, base::normalize_line_ends(std::move(*bytes)));
}

}  // namespace planpress::io
