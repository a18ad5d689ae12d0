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

/// Replaces the file at `path` with `bytes`: written beside it under a hidden name (".<name>.planpress-tmp",
/// which the content loader ignores) and renamed over it, so a failed write leaves the old file whole.
IoError replace_file(FileSystem& fs, const std::string& path, const std::string& bytes);

/// Writes `files` (path → bytes) with replace_file, each in turn; stops at the first error. Every file
/// written before it is complete, none is half-written.
IoError replace_files(FileSystem& fs, const std::map<std::string, std::string>& files);

}  // namespace planpress::io
