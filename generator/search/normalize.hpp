#pragma once
/// Search normalisation, identical at build time (here) and at query time (assets/search/normalize.js):
///
///   1. map each code point through the custom table (～/〜/~ → "~", long-vowel/dash/minus → "-",
///      № → "no."), keeping the original range of every output code point;
///   1a. an enclosed number (①–⑳, ㉑–㊿, ⓪, ❶ …) stays as it is — NFKC would make ③④ the digits 34 and
///      a search for 34 would find it; it is its own segment and skips the steps below;
///   2. cut the result into NFKC segments (a new segment starts before a code point that cannot
///      combine with the segment so far) and apply NFKC to each segment;
///   3. map each NFKC code point through the custom table again, or else through NFKC_Casefold;
///   4. drop white space, and a combining mark after a dropped space that NFKC would combine with the text
///      before it (so that normalising twice changes nothing).
///
/// Every normalised code point remembers the original byte range of its segment, so a match found in
/// normalised text is highlighted in the text as printed. docs/search.md explains the choices.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planpress::search {

/// One entry of the custom table applied before and after NFKC.
struct CustomMapping {
  char32_t from;  ///< the code point replaced
  const char* to;  ///< UTF-8, already normalised (a fixed point of the whole normalisation)
};

/// The custom mappings, ascending by code point. Shipped to the browser unchanged.
const std::vector<CustomMapping>& list_custom_mappings();

/// The case folding applied after NFKC, for every code point NFKC can output whose NFKC_Casefold differs
/// from itself (generated from ICU; shipped to the browser). Ascending by code point.
const std::vector<std::pair<char32_t, std::u32string>>& list_fold_mappings();

/// True for the enclosed numbers kept in step 1a (the same ranges in normalize.js).
bool is_enclosed_number(char32_t cp);

/// True for the code points removed in step 4 (Unicode White_Space); queries are split into terms on them.
bool is_space(char32_t cp);

/// Normalised text with, for every normalised code point, the original byte range it came from.
struct NormalizedText {
  std::u32string text;               ///< the normalised code points
  std::vector<std::uint32_t> begin;  ///< original byte offset where the code point's segment begins
  std::vector<std::uint32_t> end;    ///< original byte offset where it ends
};

/// Normalises UTF-8 text (which must be valid) and keeps the offset map.
NormalizedText normalize(std::string_view utf8);

/// Normalises UTF-8 text and returns it as UTF-8.
std::string normalize_utf8(std::string_view utf8);

/// Encodes code points as UTF-8.
std::string to_utf8(std::u32string_view text);

}  // namespace planpress::search
