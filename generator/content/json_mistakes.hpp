#pragma once
/// Where the JSON parser stops, what a person most likely typed wrong there: 全角 digits, a 全角 space or
/// colon, “smart quotes” from Word, `// メモ` comments, `18,400` or `312件` for a number, a trailing or a
/// missing comma. The parser's own words ("invalid literal; last read: …") are never shown.
#include <cstddef>
#include <string_view>
#include <vector>

#include "base/messages.hpp"

namespace planpress::content {

/// A json-syntax diagnostic: the byte offset of the character to point at, the message and its hints.
struct JsonMistake {
  std::size_t at = 0;
  base::CodedMessage message;
  std::vector<base::Message> hints;
};

/// Explains the syntax error nlohmann/json reported in `text` after reading `consumed` bytes, with the
/// exception text `parser_message`. `text` is valid UTF-8.
JsonMistake explain_json_error(std::string_view text, std::size_t consumed, std::string_view parser_message);

}  // namespace planpress::content
