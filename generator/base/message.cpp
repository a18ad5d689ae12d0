#include "base/message.hpp"

#include <vector>

namespace planpress::base {

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
  const std::vector<std::string_view> values(args);
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9' &&
        pattern[i + 2] == '}') {
      const auto n = static_cast<std::size_t>(pattern[i + 1] - '1');
      if (n < values.size()) {
        out += values[n];
        i += 2;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

std::string message(const Text& text, Lang lang, std::initializer_list<std::string_view> args) {
  return fill(in_lang(text, lang), args);
}

}  // namespace planpress::base
