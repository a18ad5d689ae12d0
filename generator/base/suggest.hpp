#pragma once
/// "Did you mean" suggestions and identifier rules.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planpress::base {

/// The candidate closest to `word` by edit distance (on code points, transpositions count one), if it is
/// close enough to be a plausible typo; ties go to the earliest candidate.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// True for ids that are safe as file names and URL segments: 1–64 of [a-z0-9._-], starting with
/// [a-z0-9], not ending with '.', never containing "..".
bool is_safe_slug(std::string_view id);

/// Why a safe slug still cannot be a file name everywhere the site is published, or nullopt: its part
/// before the first '.' is a device name on Windows (con, prn, aux, nul, com0–com9, lpt0–lpt9), which no
/// Windows file share can hold ("nul.html" and "con.pdf" included).
std::optional<std::string> reserved_name_reason(std::string_view id);

}  // namespace planpress::base
