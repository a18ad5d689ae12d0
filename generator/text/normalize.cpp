#include "text/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
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

bool nfkc_has_boundary_before(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFKCInstance(status);
  return norm && U_SUCCESS(status) && norm->hasBoundaryBefore(static_cast<UChar32>(cp));
}

std::vector<char32_t> nfkc_casefold_changes() {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set(icu::UnicodeString(u"[:Changes_When_NFKC_Casefolded:]"), status);
  std::vector<char32_t> out;
  if (U_FAILURE(status)) return out;
  for (int32_t r = 0; r < set.getRangeCount(); ++r)
    for (UChar32 c = set.getRangeStart(r); c <= set.getRangeEnd(r); ++c) out.push_back(static_cast<char32_t>(c));
  return out;
}

bool is_assigned(char32_t cp) { return u_charType(static_cast<UChar32>(cp)) != U_UNASSIGNED; }

bool is_mark(char32_t cp) {
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}

std::string unicode_version() {
  UVersionInfo v;
  u_getUnicodeVersion(v);
  return std::to_string(v[0]) + "." + std::to_string(v[1]);
}

}  // namespace planpress::text
