#pragma once
/// Publishing: the generated site is written beside output/ and swapped in, so a failed build never
/// leaves a half-written site; an output lock keeps two builds into the same output apart.
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "io/file_system.hpp"

namespace planpress::io {

/// The generated site: relative path ('/'-separated) → bytes. Ordered, so writing is deterministic.
using OutputTree = std::map<std::string, std::string>;

/// Name of the marker file planpress writes into every output directory. An existing directory without
/// it is never replaced (so `--out ~` cannot wipe a home directory).
inline constexpr const char* kOutputMarker = ".planpress-output";

/// The lock of one output directory, held for a whole build so that two builds into the same output never
/// share a staging directory or swap at the same time. It is an advisory lock (flock) on the file
/// `.<name>.planpress-lock` beside the output, which says who holds it; the file stays after the build.
class OutputLock {
 public:
  /// Where the site goes: the output's resolved path (a symbolic link at `--out` is followed to its
  /// target, so the swap happens there and the link stays).
  const std::string& dir() const { return dir_; }

 private:
  friend std::optional<OutputLock> lock_output(FileSystem&, const std::string&, std::string&);
  std::string dir_;
  std::shared_ptr<FileLock> handle_;
};

/// Resolves `out_dir` and takes its lock (creating the output's parent directory if needed). Returns
/// nullopt with `error` set when that fails; when another build holds the lock, `error` names it.
std::optional<OutputLock> lock_output(FileSystem& fs, const std::string& out_dir, std::string& error);

/// Writes `tree` into a staging directory of its own beside the locked output and swaps it in (atomic
/// exchange where the OS supports it). Staging directories that earlier builds left behind (killed half
/// way) are removed first. On any error the previous output is left exactly as it was and the error is
/// returned; an existing directory without the marker, or one the current user cannot replace entirely,
/// is refused before anything is written.
IoError publish(FileSystem& fs, const OutputTree& tree, const OutputLock& lock);

/// lock_output, then publish.
IoError publish(FileSystem& fs, const OutputTree& tree, const std::string& out_dir);

/// Replaces the file at `path` with `bytes`: written beside it under a hidden name (".<name>.planpress-tmp",
/// which the content loader ignores) and renamed over it, so a failed write leaves the old file whole.
IoError replace_file(FileSystem& fs, const std::string& path, const std::string& bytes);

/// Writes `files` (path → bytes) with replace_file, each in turn; stops at the first error. Every file
/// written before it is complete, none is half-written.
IoError replace_files(FileSystem& fs, const std::map<std::string, std::string>& files);

}  // namespace planpress::io
