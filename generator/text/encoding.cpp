#include "text/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <memory>
#include <vector>

namespace planpress::text {

namespace {

const char* icu_name(Encoding e) {
  switch (e) {
    case Encoding::cp932: return "windows-31j";  // ICU's ibm-943_P15A-2003: Shift_JIS as Windows writes it
    case Encoding::utf16le: return "UTF-16LE";
    case Encoding::utf16be: return "UTF-16BE";
  }
  return "UTF-8";
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

}  // namespace

std::string through_cp932(std::string_view utf8, bool best_fit) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> utf(ucnv_open("UTF-8", &status));
  std::unique_ptr<UConverter, ConverterCloser> sjis(ucnv_open(icu_name(Encoding::cp932), &status));
  if (U_FAILURE(status)) return std::string(utf8);
  ucnv_setFallback(sjis.get(), best_fit);  // Windows maps near characters (best fit) rather than failing
  ucnv_setSubstChars(sjis.get(), "?", 1, &status);
  std::string encoded(utf8.size() * 2 + 16, '\0');
  std::vector<UChar> u16(utf8.size() + 1);
  status = U_ZERO_ERROR;
  const int32_t units = ucnv_toUChars(utf.get(), u16.data(), static_cast<int32_t>(u16.size()), utf8.data(),
                                      static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  const int32_t bytes = ucnv_fromUChars(sjis.get(), encoded.data(), static_cast<int32_t>(encoded.size()), u16.data(), units, &status);
  if (U_FAILURE(status)) return std::string(utf8);
  auto back = to_utf8(std::string_view(encoded.data(), static_cast<std::size_t>(bytes)), Encoding::cp932);
  return back.utf8 ? *back.utf8 : std::string(utf8);
}

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::cp932: return "Shift_JIS (CP932)";
    case Encoding::utf16le: return "UTF-16LE";
    case Encoding::utf16be: return "UTF-16BE";
  }
  return "";
}

Decoded to_utf8(std::string_view bytes, Encoding encoding) {
  Decoded out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> from(ucnv_open(icu_name(encoding), &status));
  std::unique_ptr<UConverter, ConverterCloser> to(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return out;
  // Stop at the first invalid or unmappable sequence instead of substituting U+FFFD.
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> pivot(1024);
  std::string utf8;
  utf8.reserve(bytes.size() * 3 / 2 + 16);
  const char* source = bytes.data();
  const char* source_end = bytes.data() + bytes.size();
  char buffer[4096];
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  bool reset = true;
  for (;;) {
    char* target = buffer;
    status = U_ZERO_ERROR;
    ucnv_convertEx(to.get(), from.get(), &target, buffer + sizeof buffer, &source, source_end, pivot.data(),
                   &pivot_source, &pivot_target, pivot.data() + pivot.size(), reset, /*flush=*/true, &status);
    reset = false;
    utf8.append(buffer, static_cast<std::size_t>(target - buffer));
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      // The source pointer stands after the offending sequence; report where that sequence began.
      char invalid[32];
      int8_t length = sizeof invalid;
      UErrorCode e = U_ZERO_ERROR;
      ucnv_getInvalidChars(from.get(), invalid, &length, &e);
      const auto consumed = static_cast<std::size_t>(source - bytes.data());
      out.bad_offset = consumed >= static_cast<std::size_t>(length) ? consumed - static_cast<std::size_t>(length) : 0;
      return out;
    }
    break;
  }
  out.utf8 = std::move(utf8);
  return out;
}

}  // namespace planpress::text
