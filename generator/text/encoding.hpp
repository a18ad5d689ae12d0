#pragma once
/// Legacy encodings converted to UTF-8 through ICU: the Shift_JIS that Japanese Excel writes (Windows
/// code page 932) and the UTF-16 of Excel's "Unicode text" and Notepad.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace planpress::text {

enum class Encoding { cp932, utf16le, utf16be };

/// The result of a conversion: the UTF-8 text, or the byte offset where the input stopped being valid.
struct Decoded {
  std::optional<std::string> utf8;
  std::size_t bad_offset = 0;  ///< when `utf8` is empty
};

/// Converts `bytes` (without a byte-order mark) from `encoding` to UTF-8. Stops at the first byte sequence
/// that is not valid in the encoding (no replacement characters are made up).
Decoded to_utf8(std::string_view bytes, Encoding encoding);

/// `utf8` as it comes back after a save in Shift_JIS (CP932), as Excel's "CSV (コンマ区切り)" does it:
/// characters the code page lacks become "?" (发 → ?); with `best_fit`, those Windows maps to a near
/// character come back as that one (− U+2212 → － U+FF0D), as they do from Excel. Lets an import tell what
/// the encoding lost from what staff changed.
std::string through_cp932(std::string_view utf8, bool best_fit = true);

/// The name of an encoding as users know it ("Shift_JIS (CP932)", "UTF-16LE").
const char* encoding_name(Encoding encoding);

}  // namespace planpress::text
