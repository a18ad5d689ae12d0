#include "text/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace planpress::text {

namespace {
std::string apply(const icu::Normalizer2* norm, std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  if (!norm) return std::string(utf8);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString out = norm->normalize(in, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string result;
  out.toUTF8String(result);
  return result;
}
}  // namespace

std::string nfkc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  return apply(icu::Normalizer2::getNFKCInstance(status), utf8);
}

std::string nfkc_casefold(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  return apply(icu::Normalizer2::getNFKCCasefoldInstance(status), utf8);
}

}  // namespace planpress::text
