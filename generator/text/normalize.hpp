#pragma once
/// Unicode normalisation through ICU (the only module that includes ICU headers).
#include <string>
#include <string_view>

namespace planpress::text {

/// NFKC: 全角 ASCII → 半角, 半角カナ → 全角, compatibility characters (№ → No, ① → 1) folded.
std::string nfkc(std::string_view utf8);

/// NFKC followed by case folding (NFKC_Casefold), for comparisons and sort keys.
std::string nfkc_casefold(std::string_view utf8);

}  // namespace planpress::text
