#pragma once
/// The disk as an interface, so that phases can be tested on an in-memory tree (as Ninja does).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace planpress::io {

/// Outcome of a file-system operation: empty on success, else a human-readable reason.
using IoError = std::optional<std::string>;

/// What a path is, without following a symbolic link at the path itself (lstat).
enum class FileKind { none, regular, directory, symlink, other };

/// A held advisory lock; released when destroyed.
class FileLock {
 public:
  virtual ~FileLock() = default;
};

/// Minimal file-system surface used by planpress. Paths use '/' and may be relative to the working dir.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// Reads a whole regular file (following symbolic links); on failure returns nullopt and sets `error`.
  /// Anything that is not a regular file (a FIFO, a device such as /dev/zero) is refused without blocking.
  virtual std::optional<std::string> read_file(const std::string& path, std::string& error) const = 0;
  /// Like read_file, but reads at most `max_bytes + 1` bytes: a result longer than `max_bytes` means the file
  /// is over the limit (and was not read to its end).
  virtual std::optional<std::string> read_file_at_most(const std::string& path, std::uintmax_t max_bytes,
                                                       std::string& error) const = 0;
  /// Size in bytes of a regular file, or nullopt if it does not exist.
  virtual std::optional<std::uintmax_t> file_size(const std::string& path) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
  virtual bool exists(const std::string& path) const = 0;
  /// What `path` itself is (a symbolic link is reported as `symlink`, not followed).
  virtual FileKind kind(const std::string& path) const = 0;
  /// The absolute path with every symbolic link resolved and no `.` or `..`; a missing last part (or a
  /// dangling link's missing target) is kept as it would be created.
  virtual std::string resolve(const std::string& path) const = 0;
  /// True if the current user can remove and replace everything below `dir` (empty `who` then); otherwise
  /// `who` names the first directory that is in the way and its owner.
  virtual bool can_replace(const std::string& dir, std::string& who) const = 0;
  /// Names (not paths) of the entries of a directory, sorted bytewise.
  virtual std::vector<std::string> list_directory(const std::string& path) const = 0;
  /// Writes a file, creating parent directories.
  virtual IoError write_file(const std::string& path, const std::string& bytes) = 0;
  virtual IoError create_directories(const std::string& path) = 0;
  /// Creates a new directory named `prefix` followed by a unique suffix and returns its path in `created`.
  virtual IoError create_unique_directory(const std::string& prefix, std::string& created) = 0;
  virtual IoError rename(const std::string& from, const std::string& to) = 0;
  /// Atomically exchanges two existing paths (falls back to two renames where the OS cannot).
  virtual IoError exchange(const std::string& a, const std::string& b) = 0;
  virtual IoError remove_all(const std::string& path) = 0;
  /// Makes `link` (its parent directories created) a second name of the existing regular file `existing`
  /// (a hard link: no bytes are copied). Publishing uses it for the files a build left unchanged.
  virtual IoError link_file(const std::string& existing, const std::string& link) = 0;
  /// Takes an exclusive advisory lock on the file `path` (created if missing) without waiting, and writes
  /// `owner` into it. If another process holds it, returns nullptr and sets `holder` to what that process
  /// wrote (and `error` empty); on any other failure returns nullptr and sets `error`.
  virtual std::unique_ptr<FileLock> try_lock(const std::string& path, const std::string& owner, std::string& holder,
                                             std::string& error) = 0;
};

/// The real disk (std::filesystem and POSIX).
class RealFileSystem final : public FileSystem {
 public:
  std::optional<std::string> read_file(const std::string& path, std::string& error) const override;
  std::optional<std::string> read_file_at_most(const std::string& path, std::uintmax_t max_bytes,
                                               std::string& error) const override;
  std::optional<std::uintmax_t> file_size(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  FileKind kind(const std::string& path) const override;
  std::string resolve(const std::string& path) const override;
  bool can_replace(const std::string& dir, std::string& who) const override;
  std::vector<std::string> list_directory(const std::string& path) const override;
  IoError write_file(const std::string& path, const std::string& bytes) override;
  IoError create_directories(const std::string& path) override;
  IoError create_unique_directory(const std::string& prefix, std::string& created) override;
  IoError rename(const std::string& from, const std::string& to) override;
  IoError exchange(const std::string& a, const std::string& b) override;
  IoError remove_all(const std::string& path) override;
  IoError link_file(const std::string& existing, const std::string& link) override;
  std::unique_ptr<FileLock> try_lock(const std::string& path, const std::string& owner, std::string& holder,
                                     std::string& error) override;
};

/// An in-memory tree for tests: files are path → bytes; directories are implied by files or created.
/// Paths are relative to an imaginary root ("content/site.json"); symbolic links and special files
/// (FIFOs, devices) can be added to test how they are refused.
class MemoryFileSystem final : public FileSystem {
 public:
  void add_file(const std::string& path, std::string bytes);
  /// A symbolic link at `path` to `target` (relative to the link's directory, or starting with '/').
  void add_symlink(const std::string& path, std::string target);
  /// A special file (as a FIFO or a device would be): it exists but cannot be read as a file.
  void add_special(const std::string& path);
  /// Marks a directory as not replaceable by the current user (as if owned by someone else).
  void add_foreign_directory(const std::string& path);
  const std::map<std::string, std::string>& files() const { return files_; }

  std::optional<std::string> read_file(const std::string& path, std::string& error) const override;
  std::optional<std::string> read_file_at_most(const std::string& path, std::uintmax_t max_bytes,
                                               std::string& error) const override;
  std::optional<std::uintmax_t> file_size(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  FileKind kind(const std::string& path) const override;
  std::string resolve(const std::string& path) const override;
  bool can_replace(const std::string& dir, std::string& who) const override;
  std::vector<std::string> list_directory(const std::string& path) const override;
  IoError write_file(const std::string& path, const std::string& bytes) override;
  IoError create_directories(const std::string& path) override;
  IoError create_unique_directory(const std::string& prefix, std::string& created) override;
  IoError rename(const std::string& from, const std::string& to) override;
  IoError exchange(const std::string& a, const std::string& b) override;
  IoError remove_all(const std::string& path) override;
  /// The bytes are copied (an in-memory tree has no inodes); `links()` counts the calls for tests.
  IoError link_file(const std::string& existing, const std::string& link) override;
  std::size_t links() const { return linked_; }
  std::unique_ptr<FileLock> try_lock(const std::string& path, const std::string& owner, std::string& holder,
                                     std::string& error) override;

 private:
  // The path with symbolic links of its directories resolved (and of its last part if `follow_last`).
  std::string follow(const std::string& path, bool follow_last) const;

  std::map<std::string, std::string> files_;
  std::map<std::string, bool> dirs_;
  std::map<std::string, std::string> links_;
  std::set<std::string> special_;
  std::set<std::string> foreign_;
  std::map<std::string, std::string> locks_;  // path → owner, shared by every lock of this tree
  int unique_ = 0;
  std::size_t linked_ = 0;
};

/// Another file system with some files replaced (path → bytes), read-only: `check` runs on the content as
/// it would be after an edit (sheet import) without writing anything.
class OverlayFileSystem final : public FileSystem {
 public:
  OverlayFileSystem(const FileSystem& base, std::map<std::string, std::string> replaced)
      : base_(base), replaced_(std::move(replaced)) {}

  std::optional<std::string> read_file(const std::string& path, std::string& error) const override;
  std::optional<std::string> read_file_at_most(const std::string& path, std::uintmax_t max_bytes,
                                               std::string& error) const override;
  std::optional<std::uintmax_t> file_size(const std::string& path) const override;
  bool is_directory(const std::string& path) const override { return base_.is_directory(path); }
  bool exists(const std::string& path) const override { return replaced_.count(path) || base_.exists(path); }
  // A replaced file is a regular file, whatever the disk holds at its path.
  FileKind kind(const std::string& path) const override { return replaced_.count(path) ? FileKind::regular : base_.kind(path); }
  std::string resolve(const std::string& path) const override { return base_.resolve(path); }
  bool can_replace(const std::string& dir, std::string& who) const override { return base_.can_replace(dir, who); }
  std::vector<std::string> list_directory(const std::string& path) const override { return base_.list_directory(path); }
  IoError write_file(const std::string& path, const std::string&) override { return read_only(path); }
  IoError create_directories(const std::string& path) override { return read_only(path); }
  IoError create_unique_directory(const std::string& prefix, std::string&) override { return read_only(prefix); }
  IoError rename(const std::string& from, const std::string&) override { return read_only(from); }
  IoError exchange(const std::string& a, const std::string&) override { return read_only(a); }
  IoError remove_all(const std::string& path) override { return read_only(path); }
  IoError link_file(const std::string&, const std::string& link) override { return read_only(link); }
  std::unique_ptr<FileLock> try_lock(const std::string& path, const std::string&, std::string& holder,
                                     std::string& error) override {
    holder.clear();
    error = *read_only(path);
    return nullptr;
  }

 private:
  static IoError read_only(const std::string& path) { return path + ": read-only file system"; }
  const FileSystem& base_;
  std::map<std::string, std::string> replaced_;
};

/// Joins path segments with '/'.
std::string join_path(const std::string& a, const std::string& b);

/// The parent directory of a path ("" for a bare name).
std::string parent_path(const std::string& path);

/// The last part of a path ("output" for "a/output").
std::string file_name(const std::string& path);

/// True if `inner` is `outer` or lies below it. Both must be resolved (FileSystem::resolve).
bool is_within(const std::string& inner, const std::string& outer);

}  // namespace planpress::io
