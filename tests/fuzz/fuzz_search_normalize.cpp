// Fuzz target: search normalisation (search::normalize). Properties: normalising twice changes nothing
// (idempotence: the index and the query meet), no white space survives, and the offset map has one entry
// per normalised code point, each a range of the input, in order.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "search/normalize.hpp"

using namespace planpress;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (!fuzz::valid_utf8(text)) return 0;
  const auto n = search::normalize(text);
  FUZZ_CHECK(n.begin.size() == n.text.size() && n.end.size() == n.text.size());
  for (std::size_t i = 0; i < n.text.size(); ++i) {
    FUZZ_CHECK(n.begin[i] < n.end[i] && n.end[i] <= size);
    FUZZ_CHECK(i == 0 || n.begin[i] >= n.begin[i - 1]);
    FUZZ_CHECK(!search::is_space(n.text[i]));
  }
  const std::string once = search::to_utf8(n.text);
  FUZZ_CHECK(search::normalize_utf8(once) == once);
  return 0;
}
