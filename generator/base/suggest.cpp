#include "base/suggest.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace planpress::base {

namespace {

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out += decode_utf8(s, i);
  return out;
}

// Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring).
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  const auto w = to_u32(word);
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  std::size_t best_length_diff = 0;
  std::size_t best_prefix = 0;
  const auto common_prefix = [&](const std::u32string& x) {
    std::size_t k = 0;
    while (k < x.size() && k < w.size() && x[k] == w[k]) ++k;
    return k;
  };
  for (const auto& c : candidates) {
    const auto cu = to_u32(c);
    const std::size_t dist = edit_distance(w, cu);
    // Accept up to a third of the longer word (at least 1, at most 3 edits); also accept a candidate that
    // merely extends or truncates the word by one character ("#340" → "#34").
    const std::size_t longest = std::max(w.size(), cu.size());
    const std::size_t limit = std::clamp<std::size_t>(longest / 3, 1, 3);
    if (dist == 0 || dist > limit) continue;
    // On equal distance prefer a candidate of the same length (a typo rather than a missing character),
    // then the one that keeps more of the word's start: a slip is likelier at the end of what was typed
    // ("#340" → "#34" rather than "#30" or "#40").
    const auto len_diff = [&](const std::u32string& x) { return x.size() > w.size() ? x.size() - w.size() : w.size() - x.size(); };
    const std::size_t diff = len_diff(cu);
    const std::size_t prefix = common_prefix(cu);
    if (!best || dist < best_distance || (dist == best_distance && diff < best_length_diff) ||
        (dist == best_distance && diff == best_length_diff && prefix > best_prefix)) {
      best = c;
      best_distance = dist;
      best_length_diff = diff;
      best_prefix = prefix;
    }
  }
  return best;
}

bool is_safe_slug(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!ok_first(id.front()) || id.back() == '.') return false;
  for (char c : id) {
    if (!ok_first(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return id.find("..") == std::string_view::npos;
}

std::optional<std::string> reserved_name_reason(std::string_view id) {
  const std::string_view base = id.substr(0, id.find('.'));
  static const char* const devices[] = {"con", "prn", "aux", "nul"};
  for (const char* d : devices)
    if (base == d) return std::string("'") + d + "' is a device name on Windows: no Windows file share can hold a file named so";
  if (base.size() == 4 && (base.substr(0, 3) == "com" || base.substr(0, 3) == "lpt") && base[3] >= '0' && base[3] <= '9')
    return "'" + std::string(base) + "' is a device name on Windows: no Windows file share can hold a file named so";
  return std::nullopt;
}

}  // namespace planpress::base
