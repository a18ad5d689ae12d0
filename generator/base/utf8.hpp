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
