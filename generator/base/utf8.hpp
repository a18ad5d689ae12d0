#pragma once
/// UTF-8 helpers used everywhere positions are reported in characters.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planpress::base {

/// Returns the byte offset of the first invalid UTF-8 sequence, or nullopt if `text` is valid.
/// Overlong forms, surrogates and code points above U+10FFFF are invalid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// `text` with every byte that does not start a valid UTF-8 sequence replaced by U+FFFD, so that nothing
/// printed is ever invalid UTF-8.
std::string valid_utf8(std::string_view text);

/// What a file that is not valid UTF-8 was most likely saved as, so that a message can name it.
enum class Encoding : std::uint8_t {
  utf16,            ///< a UTF-16 byte order mark, or the NUL bytes of UTF-16 text (Notepad's "Unicode")
  shift_jis,        ///< the whole file is Shift_JIS (Excel's and older Windows programs' "ANSI" on Japanese Windows)
  shift_jis_part,   ///< a UTF-8 file with Shift_JIS bytes at `first_invalid` (text pasted from such a file)
  unknown,          ///< bytes that are neither
};

/// Guesses the encoding of `bytes`, whose first invalid UTF-8 sequence starts at `first_invalid`
/// (find_invalid_utf8), or which holds NUL bytes.
Encoding guess_encoding(std::string_view bytes, std::size_t first_invalid);

/// True if `bytes` starts like UTF-16 text: a byte order mark (FF FE, FE FF), or NUL bytes in every other
/// position of its first line, as ASCII text saved as UTF-16 has. Such a file can still be valid UTF-8.
bool looks_like_utf16(std::string_view bytes);

/// The bytes of the sequence that is not UTF-8 at `at`, as "0x83 0x65" (at most four), for messages.
std::string invalid_bytes_at(std::string_view text, std::size_t at);

/// `text` without a UTF-8 byte order mark at its start, with CR LF and lone CR turned into LF: files
/// saved on Windows or by Excel read exactly as the same text saved elsewhere.
std::string normalize_line_ends(std::string text);

/// Decodes one code point at `offset` (which must be valid UTF-8) and advances `offset`.
char32_t decode_utf8(std::string_view text, std::size_t& offset);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

/// Number of code points in `text` (valid UTF-8).
std::size_t count_code_points(std::string_view text);

/// Terminal display width of a code point: 2 for East Asian wide/fullwidth, 0 for combining marks, else 1.
int display_width(char32_t cp);

/// Display width of a UTF-8 string.
int display_width(std::string_view text);

}  // namespace planpress::base
