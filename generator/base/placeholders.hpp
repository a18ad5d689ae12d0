#pragma once
/// The parameters a message text marks: `{name}` with name [a-z][a-z0-9_]*; any other brace is literal
/// text ({"label", "text"}, {{#children}}). Shared by the catalogue and the tool that extracts its ids.
#include <algorithm>
#include <string_view>
#include <vector>

namespace planpress::base {

/// The parameter names `text` marks, in order of first appearance.
constexpr std::vector<std::string_view> placeholders(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{' || i + 2 >= text.size() || text[i + 1] < 'a' || text[i + 1] > 'z') continue;
    std::size_t j = i + 1;
    while (j < text.size() && ((text[j] >= 'a' && text[j] <= 'z') || (text[j] >= '0' && text[j] <= '9') || text[j] == '_')) ++j;
    if (j < text.size() && text[j] == '}') {
      const std::string_view name = text.substr(i + 1, j - i - 1);
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
      i = j;
    }
  }
  return out;
}

}  // namespace planpress::base
