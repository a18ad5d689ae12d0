#pragma once
/// Japanese collation through ICU: readings (よみ) sorted in 五十音 order.
#include <string>
#include <string_view>

namespace planpress::text {

/// A sort key for `utf8` under ICU's Japanese collation: comparing keys as byte strings sorts kana in
/// 五十音 order (ひらがな and カタカナ together, voiced after unvoiced, small after large).
std::string japanese_sort_key(std::string_view utf8);

}  // namespace planpress::text
