#pragma once
/// Publishing: the generated site is written beside output/ and swapped in, so a failed build never
/// leaves a half-written site; an output lock keeps two builds into the same output apart.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

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

/// Where a build puts its files as it renders them. `add` may be called from several threads at once, each
/// path once; what a sink holds does not depend on the order of the calls.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  /// Adds the file at root-relative path `path` ('/'-separated).
  virtual void add(const std::string& path, std::string bytes) = 0;
};

/// The files kept in memory (check, tests).
class TreeSink final : public OutputSink {
 public:
  explicit TreeSink(OutputTree& tree) : tree_(tree) {}
  void add(const std::string& path, std::string bytes) override;

 private:
  std::mutex mutex_;
  OutputTree& tree_;
};

/// Name of the manifest planpress writes into every output: one line per file, "<hash> <size> <path>",
/// sorted by path. The next build into the same output reads it to leave unchanged files as they are.
inline constexpr const char* kOutputManifest = ".planpress-manifest";

/// A content hash of `bytes` for the manifest (64-bit, not cryptographic; with the size it tells whether a
/// file's bytes changed).
std::uint64_t content_hash(const std::string& bytes);

/// A build's staging directory beside the locked output: files are written into it as they are rendered,
/// so the site is never held in memory; `commit` swaps it in atomically. A file whose bytes the current
/// output already holds (its manifest names the same hash and size, and the file is there with that size)
/// is not written again but hard-linked from the current output, so a rebuild writes only the files whose
/// bytes changed, and files the build no longer makes are simply not in the new output. Readers see the old
/// site or the new one, never a mixture. Destroyed without a successful commit (a failed build), the
/// staging directory is removed and the output stays exactly as it was.
class Staging final : public OutputSink {
 public:
  /// Checks that the locked output may be replaced (the same refusals as `publish`), removes staging
  /// directories earlier builds left behind (killed half way) and creates this build's. nullptr with
  /// `error` set when that fails.
  static std::unique_ptr<Staging> open(FileSystem& fs, const OutputLock& lock, IoError& error);
  ~Staging() override;
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  void add(const std::string& path, std::string bytes) override;
  /// Writes the marker and the manifest and swaps the staging directory in (the previous output is then
  /// removed). Returns the first error of any `add` or of the swap; on error nothing was published.
  IoError commit();

  struct Counts {
    std::size_t written = 0;    ///< files whose bytes were written
    std::size_t unchanged = 0;  ///< files linked from the previous output
    std::size_t removed = 0;    ///< files of the previous output that the build no longer makes
  };
  Counts counts() const;

 private:
  Staging(FileSystem& fs, std::string dir) : fs_(fs), dir_(std::move(dir)) {}
  struct Entry {
    std::uint64_t hash = 0;
    std::uint64_t size = 0;
  };
  FileSystem& fs_;
  std::string dir_;      // the output
  std::string staging_;  // this build's directory
  bool had_output_ = false;
  bool committed_ = false;
  std::unordered_map<std::string, Entry> previous_;  // the current output's manifest
  mutable std::mutex mutex_;  // guards what follows and every call into fs_ (a FileSystem need not be thread-safe)
  std::map<std::string, Entry> written_;
  IoError error_;
  Counts counts_;
};

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
