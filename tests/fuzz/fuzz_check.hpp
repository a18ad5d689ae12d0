#pragma once
// Shared by the fuzz targets: a property check that stops the run with a message (libFuzzer then keeps
// the input as a crash), and valid-UTF-8 gating for targets whose callers only pass validated text.
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "base/utf8.hpp"

#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (0)

namespace planpress::fuzz {
/// planpress validates UTF-8 when it reads a file, before any of the fuzzed code sees the text.
inline bool valid_utf8(std::string_view s) { return !base::find_invalid_utf8(s).has_value(); }
}  // namespace planpress::fuzz
