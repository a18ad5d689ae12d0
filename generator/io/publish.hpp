#pragma once
/// Publishing: the generated site is written beside output/ and swapped in, so a failed build never
/// leaves a half-written site.
#include <map>
#include <string>

#include "io/file_system.hpp"

namespace planpress::io {

/// The generated site: relative path ('/'-separated) → bytes. Ordered, so writing is deterministic.
using OutputTree = std::map<std::string, std::string>;

/// Name of the marker file planpress writes into every output directory. An existing directory without
/// it is never replaced (so `--out ~` cannot wipe a home directory).
inline constexpr const char* kOutputMarker = ".planpress-output";

/// Writes `tree` into a staging directory beside `out_dir` and swaps it in (atomic exchange where the OS
/// supports it). On any error the previous `out_dir` is left exactly as it was and the error is returned.
IoError publish(FileSystem& fs, const OutputTree& tree, const std::string& out_dir);

}  // namespace planpress::io
