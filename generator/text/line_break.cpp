#include "text/line_break.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <memory>
#include <mutex>

#include "base/utf8.hpp"

namespace planpress::text {

namespace {

// Creating a line BreakIterator loads ICU's rule data (milliseconds); one prototype is created once and
// each thread works on its own clone (BreakIterator is not thread-safe).
const icu::BreakIterator* prototype() {
  static std::once_flag once;
  static std::unique_ptr<icu::BreakIterator> proto;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    proto.reset(icu::BreakIterator::createLineInstance(icu::Locale("ja@lb=strict"), status));
    if (U_FAILURE(status)) proto.reset();
  });
  return proto.get();
}

icu::BreakIterator* thread_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it;
  if (!it) {
    if (const auto* p = prototype()) it.reset(p->clone());
  }
  return it.get();
}

char32_t code_point_before(std::string_view s, std::size_t offset) {
  std::size_t start = offset;
  while (start > 0 && (static_cast<unsigned char>(s[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0) return 0;
  --start;
  return base::decode_utf8(s, start);
}

}  // namespace

bool forbidden_at_line_start(char32_t cp) {
  switch (cp) {
    // cl-02 closing brackets
    case U'’': case U'”': case U')': case U'〕': case U']': case U'}': case U'〉': case U'》': case U'」':
    case U'』': case U'】': case U'〙': case U'〗': case U'〟': case U'｠': case U'»': case U'）': case U'］':
    case U'｝': case U'｣': case U'、': case U'，': case U',': case U'。': case U'．': case U'｡': case U'､':
    // cl-03 hyphens (〜 and ～ are used as wave dashes in Japanese text), and － which ICU lets through
    case U'‐': case U'゠': case U'–': case U'〜': case U'～': case U'－':
    // cl-04 dividing punctuation
    case U'?': case U'!': case U'‼': case U'⁇': case U'⁈': case U'⁉': case U'？': case U'！':
    // cl-05 middle dots
    case U'・': case U':': case U';': case U'：': case U'；': case U'･':
    // cl-06 full stops
    case U'.':
    // cl-09 iteration marks
    case U'ヽ': case U'ヾ': case U'ゝ': case U'ゞ': case U'々': case U'〻':
    // cl-10 prolonged sound mark
    case U'ー': case U'ｰ':
    // cl-11 small kana
    case U'ぁ': case U'ぃ': case U'ぅ': case U'ぇ': case U'ぉ': case U'っ': case U'ゃ': case U'ゅ': case U'ょ':
    case U'ゎ': case U'ゕ': case U'ゖ': case U'ァ': case U'ィ': case U'ゥ': case U'ェ': case U'ォ': case U'ッ':
    case U'ャ': case U'ュ': case U'ョ': case U'ヮ': case U'ヵ': case U'ヶ': case U'ｧ': case U'ｨ': case U'ｩ':
    case U'ｪ': case U'ｫ': case U'ｬ': case U'ｭ': case U'ｮ': case U'ｯ':
      return true;
    default:
      return cp >= 0x31F0 && cp <= 0x31FF;  // katakana phonetic extensions (small ㇰ–ㇿ)
  }
}

bool forbidden_at_line_end(char32_t cp) {
  switch (cp) {
    case U'‘': case U'“': case U'(': case U'〔': case U'[': case U'{': case U'〈': case U'《': case U'「':
    case U'『': case U'【': case U'〘': case U'〖': case U'〝': case U'｟': case U'«': case U'（': case U'［':
    case U'｛': case U'｢':
      return true;
    default:
      return false;
  }
}

std::vector<BreakOpportunity> find_line_breaks(std::string_view utf8) {
  std::vector<BreakOpportunity> out;
  if (utf8.empty()) return out;
  icu::BreakIterator* it = thread_iterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = it ? utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status) : nullptr;
  if (!it || U_FAILURE(status)) {
    // Without ICU data every character boundary is a candidate; the filters still apply.
    for (std::size_t i = 0; i < utf8.size();) {
      base::decode_utf8(utf8, i);
      out.push_back({i, false});
    }
  } else {
    it->setText(ut, status);
    // With UTF-8 UText, ICU's native indexes are byte offsets.
    for (int32_t pos = it->next(); pos != icu::BreakIterator::DONE; pos = it->next()) {
      const int32_t status_value = it->getRuleStatus();
      out.push_back({static_cast<std::size_t>(pos), status_value >= UBRK_LINE_HARD && status_value < UBRK_LINE_HARD_LIMIT});
    }
    utext_close(ut);
  }
  // JLREQ filters: ICU's strict rules still allow a break before ～ (U+FF5E, class ID) and － (U+FF0D).
  std::vector<BreakOpportunity> filtered;
  filtered.reserve(out.size());
  for (const auto& b : out) {
    if (b.offset >= utf8.size() || b.mandatory) {
      filtered.push_back(b);
      continue;
    }
    // The characters that show beside the break: spaces and tabs there are dropped from both lines.
    std::size_t o = b.offset;
    while (o < utf8.size() && (utf8[o] == ' ' || utf8[o] == '\t')) ++o;
    std::size_t e = b.offset;
    while (e > 0 && (utf8[e - 1] == ' ' || utf8[e - 1] == '\t')) --e;
    // Only spaces and tabs after the break: nothing starts a line there, but the line still ends at `prev`
    // (「 then tabs was a break found by fuzzing).
    if (forbidden_at_line_end(code_point_before(utf8, e))) continue;
    if (o < utf8.size() && forbidden_at_line_start(base::decode_utf8(utf8, o))) continue;
    filtered.push_back(b);
  }
  if (filtered.empty() || filtered.back().offset != utf8.size()) filtered.push_back({utf8.size(), false});
  return filtered;
}

namespace {

bool hiragana(char32_t cp) { return cp >= 0x3041 && cp <= 0x309F; }
bool katakana(char32_t cp) { return (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC || (cp >= 0xFF66 && cp <= 0xFF9F); }
bool kanji(char32_t cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == U'々'; }

bool phrase_end(char32_t cp) {
  switch (cp) {
    case U' ': case U'\u3000': case U'、': case U'，': case U',': case U'・': case U'･': case U'／': case U'/':
    case U'）': case U')': case U'」': case U'』': case U'】': case U'〕': case U'］': case U']':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<BreakOpportunity> find_phrase_breaks(std::string_view utf8) {
  std::vector<BreakOpportunity> out;
  for (const auto& b : find_line_breaks(utf8)) {
    if (b.mandatory || b.offset >= utf8.size()) {
      out.push_back(b);
      continue;
    }
    std::size_t o = b.offset;
    const char32_t next = base::decode_utf8(utf8, o);
    const char32_t prev = code_point_before(utf8, b.offset);
    const bool script_change = (hiragana(prev) && !hiragana(next)) || (katakana(prev) && kanji(next)) || (kanji(prev) && katakana(next));
    if (phrase_end(prev) || forbidden_at_line_end(next) || script_change) out.push_back(b);
  }
  return out;
}

}  // namespace planpress::text
