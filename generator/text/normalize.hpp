#pragma once
/// Unicode normalisation through ICU (the only module that includes ICU headers).
#include <string>
#include <string_view>
#include <vector>

namespace planpress::text {

/// NFKC: 全角 ASCII → 半角, 半角カナ → 全角, compatibility characters (№ → No, ① → 1) folded.
std::string nfkc(std::string_view utf8);

/// NFKC followed by case folding (NFKC_Casefold), for comparisons and sort keys.
std::string nfkc_casefold(std::string_view utf8);

/// True if NFKC never lets `cp` interact with the text before it (ICU `hasBoundaryBefore`): then
/// nfkc(x + cp…) == nfkc(x) + nfkc(cp…) for every x. Lets callers normalise text piece by piece.
bool nfkc_has_boundary_before(char32_t cp);

/// The code points whose NFKC_Casefold differs from themselves (the Unicode property
/// Changes_When_NFKC_Casefolded), ascending. Used to ship the case-folding table to the browser.
std::vector<char32_t> nfkc_casefold_changes();

/// True if `cp` is a mark (general category Mn, Mc or Me). Every code point with a non-zero canonical
/// combining class is one, so NFKC may reorder or combine a mark with what precedes it.
bool is_mark(char32_t cp);

/// True if `cp` is assigned (not general category Cn) in the Unicode version ICU implements.
bool is_assigned(char32_t cp);

/// The Unicode version of the linked ICU, such as "15.0".
std::string unicode_version();

}  // namespace planpress::text
