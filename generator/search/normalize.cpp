#include "search/normalize.hpp"

#include <algorithm>
#include <unordered_map>

#include "base/utf8.hpp"
#include "text/normalize.hpp"

namespace planpress::search {

namespace {

std::u32string decode(std::string_view utf8) {
  std::u32string out;
  std::size_t i = 0;
  while (i < utf8.size()) out.push_back(base::decode_utf8(utf8, i));
  return out;
}

// Code points NFKC leaves alone and that never combine with what precedes them. Normalising them is
// skipped (a shortcut that does not change the result); normalize.js uses the same ranges.
bool inert(char32_t c) {
  return (c >= 0x20 && c <= 0x7E) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
         (c >= 0x4E00 && c <= 0x9FFF);
}

}  // namespace

bool is_enclosed_number(char32_t c) {
  return (c >= 0x2460 && c <= 0x2473) ||  // ①–⑳
         (c >= 0x24EA && c <= 0x24FF) ||  // ⓪, ⓫–⓴, ⓵–⓾, ⓿
         (c >= 0x2776 && c <= 0x2793) ||  // ❶–❿, ➀–➉, ➊–➓
         (c >= 0x3251 && c <= 0x325F) ||  // ㉑–㉟
         (c >= 0x32B1 && c <= 0x32BF);    // ㊱–㊿
}

namespace {

const std::unordered_map<char32_t, std::u32string>& custom_map() {
  static const auto map = [] {
    std::unordered_map<char32_t, std::u32string> m;
    for (const auto& c : list_custom_mappings()) m[c.from] = decode(c.to);
    return m;
  }();
  return map;
}

const std::unordered_map<char32_t, std::u32string>& fold_map() {
  static const auto map = [] {
    std::unordered_map<char32_t, std::u32string> m;
    for (const auto& [cp, to] : list_fold_mappings()) m[cp] = to;
    return m;
  }();
  return map;
}

std::u32string nfkc(const std::u32string& s) {
  if (s.size() == 1 && inert(s[0])) return s;
  thread_local std::unordered_map<char32_t, std::u32string> single;
  if (s.size() == 1)
    if (auto it = single.find(s[0]); it != single.end()) return it->second;
  auto out = decode(text::nfkc(to_utf8(s)));
  if (s.size() == 1) single.emplace(s[0], out);
  return out;
}

// A new NFKC segment starts before `c` unless NFKC would combine or reorder it with the segment so far.
// A mark never starts one: whether it reorders depends on the marks after it too (〈 + U+0308 U+0308 +
// U+FB1E: the first U+0308 alone is in order, but U+FB1E moves before both), so testing the segment so far
// is not enough; normalize.js uses the same rule (\p{M}).
bool boundary_before(const std::u32string& segment, char32_t c) {
  if (text::is_mark(c)) return false;
  if (inert(c) || is_enclosed_number(c) || text::nfkc_has_boundary_before(c)) return true;
  std::u32string joined = segment;
  joined.push_back(c);
  return nfkc(joined) == nfkc(segment) + nfkc(std::u32string(1, c));
}

}  // namespace

const std::vector<CustomMapping>& list_custom_mappings() {
  // ～/〜/~ and their look-alikes are one character; so are the long-vowel mark, dashes, hyphens and
  // minus signs (PDF extraction and typists mix them); № is written "No." (NFKC alone makes it "No").
  static const std::vector<CustomMapping> table = {
      {0x02DC, "~"},  // ˜ SMALL TILDE
      {0x2010, "-"},  // ‐ HYPHEN
      {0x2011, "-"},  // ‑ NON-BREAKING HYPHEN
      {0x2012, "-"},  // ‒ FIGURE DASH
      {0x2013, "-"},  // – EN DASH
      {0x2014, "-"},  // — EM DASH
      {0x2015, "-"},  // ― HORIZONTAL BAR
      {0x2043, "-"},  // ⁃ HYPHEN BULLET
      {0x2053, "~"},  // ⁓ SWUNG DASH
      {0x2116, "no."},  // № NUMERO SIGN
      {0x2212, "-"},  // − MINUS SIGN
      {0x223C, "~"},  // ∼ TILDE OPERATOR
      {0x2500, "-"},  // ─ BOX DRAWINGS LIGHT HORIZONTAL
      {0x2501, "-"},  // ━ BOX DRAWINGS HEAVY HORIZONTAL
      {0x2E3A, "-"},  // ⸺ TWO-EM DASH
      {0x2E3B, "-"},  // ⸻ THREE-EM DASH
      {0x301C, "~"},  // 〜 WAVE DASH
      {0x3030, "~"},  // 〰 WAVY DASH
      {0x309B, "\u3099"},  // ゛ KATAKANA-HIRAGANA VOICED SOUND MARK → combining (ト゛ = ド, like ﾄﾞ)
      {0x309C, "\u309A"},  // ゜ KATAKANA-HIRAGANA SEMI-VOICED SOUND MARK → combining (ハ゜ = パ)
      {0x30FC, "-"},  // ー KATAKANA-HIRAGANA PROLONGED SOUND MARK
      {0xFE58, "-"},  // ﹘ SMALL EM DASH
      {0xFE63, "-"},  // ﹣ SMALL HYPHEN-MINUS
      {0xFF0D, "-"},  // － FULLWIDTH HYPHEN-MINUS
      {0xFF5E, "~"},  // ～ FULLWIDTH TILDE
      {0xFF70, "-"},  // ｰ HALFWIDTH KATAKANA-HIRAGANA PROLONGED SOUND MARK
  };
  return table;
}

const std::vector<std::pair<char32_t, std::u32string>>& list_fold_mappings() {
  static const auto table = [] {
    std::vector<std::pair<char32_t, std::u32string>> t;
    for (char32_t c : text::nfkc_casefold_changes()) {
      std::string one;
      base::append_utf8(one, c);
      if (text::nfkc(one) != one) continue;  // never in NFKC output, so never folded
      t.emplace_back(c, decode(text::nfkc_casefold(one)));
    }
    return t;
  }();
  return table;
}

bool is_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

NormalizedText normalize(std::string_view utf8) {
  struct Mapped {
    char32_t c;
    std::uint32_t begin, end;
  };
  const auto& custom = custom_map();
  const auto& fold = fold_map();
  // 1. custom table, keeping each code point's original range.
  std::vector<Mapped> mapped;
  mapped.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const auto begin = static_cast<std::uint32_t>(i);
    const char32_t c = base::decode_utf8(utf8, i);
    const auto end = static_cast<std::uint32_t>(i);
    // No inert code point is in the custom table, so the common case needs no lookup.
    if (!inert(c))
      if (auto it = custom.find(c); it != custom.end()) {
        for (char32_t m : it->second) mapped.push_back({m, begin, end});
        continue;
      }
    mapped.push_back({c, begin, end});
  }
  // 2–4. NFKC per segment, custom table or case folding, no white space.
  NormalizedText out;
  out.text.reserve(mapped.size());
  std::u32string segment;
  // Removing a space can bring a combining mark next to what it would combine with (ﾄﹶﾞ: NFKC makes ﹶ a
  // space and U+064E, then U+3099 follows the space): such a mark — and any later mark of the same run
  // that would then combine — is removed with the space, so that
  // normalising twice changes nothing. `tail` is the output since its last starter (a code point that is
  // not a mark), whatever segments it came from: e, space, U+031B, space, U+0308 — the U+0308 composes
  // with the e across the U+031B (found by fuzzing).
  std::u32string tail;
  bool after_space = false;
  for (std::size_t i = 0; i < mapped.size();) {
    // An enclosed number (①, ㉑, ❶) stays what it is: NFKC would make ③④ the digits 34.
    if (is_enclosed_number(mapped[i].c)) {
      out.text.push_back(mapped[i].c);
      out.begin.push_back(mapped[i].begin);
      out.end.push_back(mapped[i].end);
      tail.assign(1, mapped[i].c);
      after_space = false;
      ++i;
      continue;
    }
    // The common case: an inert code point followed by another (or by nothing) is a segment of its own
    // that NFKC leaves alone, the custom table does not hold and only case folding changes (A–Z); it
    // follows a space without being a mark. The same result as the general steps below, without them.
    if (inert(mapped[i].c) && (i + 1 == mapped.size() || inert(mapped[i + 1].c))) {
      const char32_t c = mapped[i].c;
      if (c == 0x20) {
        after_space = true;
      } else {
        const char32_t x = c >= U'A' && c <= U'Z' ? c + 0x20 : c;
        out.text.push_back(x);
        out.begin.push_back(mapped[i].begin);
        out.end.push_back(mapped[i].end);
        tail.assign(1, x);
        after_space = false;
      }
      ++i;
      continue;
    }
    segment.assign(1, mapped[i].c);
    std::size_t j = i + 1;
    while (j < mapped.size() && !boundary_before(segment, mapped[j].c)) segment.push_back(mapped[j++].c);
    const std::uint32_t begin = mapped[i].begin, end = mapped[j - 1].end;
    // Step 3, repeated with NFKC until nothing changes: folding can make text NFKC composes further
    // (ᾀ + U+0308 folds to ἀ ι + U+0308, and ι + U+0308 is ϊ). Two rounds settle every case found.
    auto map_segment = [&](const std::u32string& s) {
      std::u32string m;
      for (char32_t d : s) {
        if (auto it = custom.find(d); it != custom.end()) m += it->second;
        else if (auto f = fold.find(d); f != fold.end()) m += f->second;
        else m += d;
      }
      return m;
    };
    std::u32string folded = map_segment(nfkc(segment));
    for (int round = 0; round < 4; ++round) {
      std::u32string again = map_segment(nfkc(folded));
      if (again == folded) break;
      folded = std::move(again);
    }
    for (char32_t x : folded) {
      if (is_space(x)) {
        after_space = true;
        continue;
      }
      if (after_space && !inert(x)) {
        if (nfkc(tail + x) != tail + x) continue;
      }
      // Every mark of the run after a removed space is tested, not only the first (e, space, U+0301, ﾞ:
      // U+3099 stays, and U+0301 would then compose with the e — found by fuzzing).
      after_space = after_space && text::is_mark(x);
      if (text::is_mark(x)) tail.push_back(x);
      else tail.assign(1, x);
      out.text.push_back(x);
      out.begin.push_back(begin);
      out.end.push_back(end);
    }
    i = j;
  }
  return out;
}

std::string normalize_utf8(std::string_view utf8) { return to_utf8(normalize(utf8).text); }

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) base::append_utf8(out, c);
  return out;
}

}  // namespace planpress::search
