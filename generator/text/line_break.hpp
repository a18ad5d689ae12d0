#pragma once
/// Line-break opportunities for Japanese and mixed text: ICU's line BreakIterator with the locale
/// `ja@lb=strict` (JLREQ's strict rules), filtered by the JLREQ classes ICU still lets through.
#include <cstddef>
#include <string_view>
#include <vector>

namespace planpress::text {

/// A place where a line may end: the byte offset of the first character of the next line.
struct BreakOpportunity {
  std::size_t offset = 0;  ///< byte offset in the text
  bool mandatory = false;  ///< after a line feed or paragraph separator
};

/// Break opportunities in `utf8` (valid UTF-8), in order, excluding 0 and always including
/// `utf8.size()` (the end). ICU's strict Japanese rules are applied, then the JLREQ filters below:
/// no break before a character that may not start a line, none after one that may not end a line (looking
/// past the spaces and tabs at the break, which are dropped there: " \t!" gives no break before the tab).
std::vector<BreakOpportunity> find_line_breaks(std::string_view utf8);

/// The break opportunities of a short label — a column header, an item's name, a department — that fall
/// between phrases: after a space, 、，・／ or a closing bracket, before an opening bracket, where a
/// hiragana run (a particle: 評価理由と｜次年度の｜方向性) meets another script, and between katakana and
/// kanji (コンプライアンス｜推進員研修). A run of kanji, of katakana or of Latin letters is taken as one word
/// and never broken (評価, 次年度, 総務局人事課, ｽｹｼﾞｭｰﾙ); forced breaks and the end are kept. A subset of
/// find_line_breaks.
std::vector<BreakOpportunity> find_phrase_breaks(std::string_view utf8);

/// JLREQ: characters that must not start a line — closing brackets (cl-02), hyphens (cl-03, including
/// 〜 and ～), dividing punctuation (cl-04), middle dots (cl-05), full stops (cl-06), commas (cl-07),
/// iteration marks (cl-09), the prolonged sound mark (cl-10) and small kana (cl-11), plus
/// FULLWIDTH HYPHEN-MINUS (－), which ICU's strict rules still allow at a line start.
bool forbidden_at_line_start(char32_t cp);

/// JLREQ: characters that must not end a line — opening brackets (cl-01).
bool forbidden_at_line_end(char32_t cp);

}  // namespace planpress::text
