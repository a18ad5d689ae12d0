#include "text/collate.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

namespace planpress::text {

std::string japanese_sort_key(std::string_view utf8) {
  // One collator per thread: ICU collators are not safe to share while in use.
  thread_local std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale::getJapanese(), status));
    if (U_FAILURE(status)) c.reset();
    return c;
  }();
  const auto s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (!collator) {
    std::string fallback;
    return s.toUTF8String(fallback);
  }
  const int32_t n = collator->getSortKey(s, nullptr, 0);
  std::string key(static_cast<std::size_t>(n), '\0');
  collator->getSortKey(s, reinterpret_cast<uint8_t*>(key.data()), n);
  if (!key.empty() && key.back() == '\0') key.pop_back();  // the terminating zero
  return key;
}

}  // namespace planpress::text
