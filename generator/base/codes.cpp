#include "base/codes.hpp"

namespace planpress::base {

namespace {

constexpr CodeInfo kCatalogue[] = {
#define PLANPRESS_CODE_ROW(id, name, severity, exit_class, phase, summary, summary_ja) \
  CodeInfo{Code::id, name, Severity::severity, ExitClass::exit_class, phase, Text{summary, summary_ja}},
    PLANPRESS_DIAGNOSTIC_CODES(PLANPRESS_CODE_ROW)
#undef PLANPRESS_CODE_ROW
};

}  // namespace

std::span<const CodeInfo> code_catalogue() { return kCatalogue; }

const CodeInfo& info(Code code) { return kCatalogue[static_cast<std::size_t>(code)]; }

std::string_view name_of(Code code) { return info(code).name; }

std::optional<Code> code_named(std::string_view name) {
  for (const auto& row : kCatalogue)
    if (row.name == name) return row.code;
  return std::nullopt;
}

}  // namespace planpress::base
