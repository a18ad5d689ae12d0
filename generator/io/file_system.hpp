#pragma once
/// The disk as an interface, so that phases can be tested on an in-memory tree (as Ninja does).
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planpress::io {

/// Outcome of a file-system operation: empty on success, else a human-readable reason.
using IoError = std::optional<std::string>;

/// Minimal file-system surface used by planpress. Paths use '/' and may be relative to the working dir.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// Reads a whole file; on failure returns nullopt and sets `error`.
  virtual std::optional<std::string> read_file(const std::string& path, std::string& error) const = 0;
  /// Size in bytes of a regular file, or nullopt if it does not exist.
  virtual std::optional<std::uintmax_t> file_size(const std::string& path) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
  virtual bool exists(const std::string& path) const = 0;
  /// Names (not paths) of the entries of a directory, sorted bytewise.
  virtual std::vector<std::string> list_directory(const std::string& path) const = 0;
  /// Writes a file, creating parent directories.
  virtual IoError write_file(const std::string& path, const std::string& bytes) = 0;
  virtual IoError create_directories(const std::string& path) = 0;
  virtual IoError rename(const std::string& from, const std::string& to) = 0;
  /// Atomically exchanges two existing paths (falls back to two renames where the OS cannot).
  virtual IoError exchange(const std::string& a, const std::string& b) = 0;
  virtual IoError remove_all(const std::string& path) = 0;
};

/// The real disk (std::filesystem and POSIX).
class RealFileSystem final : public FileSystem {
 public:
  std::optional<std::string> read_file(const std::string& path, std::string& error) const override;
  std::optional<std::uintmax_t> file_size(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  std::vector<std::string> list_directory(const std::string& path) const override;
  IoError write_file(const std::string& path, const std::string& bytes) override;
  IoError create_directories(const std::string& path) override;
  IoError rename(const std::string& from, const std::string& to) override;
  IoError exchange(const std::string& a, const std::string& b) override;
  IoError remove_all(const std::string& path) override;
};

/// An in-memory tree for tests: files are path → bytes; directories are implied by files or created.
class MemoryFileSystem final : public FileSystem {
 public:
  void add_file(const std::string& path, std::string bytes);
  const std::map<std::string, std::string>& files() const { return files_; }

  std::optional<std::string> read_file(const std::string& path, std::string& error) const override;
  std::optional<std::uintmax_t> file_size(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  std::vector<std::string> list_directory(const std::string& path) const override;
  IoError write_file(const std::string& path, const std::string& bytes) override;
  IoError create_directories(const std::string& path) override;
  IoError rename(const std::string& from, const std::string& to) override;
  IoError exchange(const std::string& a, const std::string& b) override;
  IoError remove_all(const std::string& path) override;

 private:
  std::map<std::string, std::string> files_;
  std::map<std::string, bool> dirs_;
};

/// Another file system with some files replaced (path → bytes), read-only: `check` runs on the content as
/// it would be after an edit (sheet import) without writing anything.
class OverlayFileSystem final : public FileSystem {
 public:
  OverlayFileSystem(const FileSystem& base, std::map<std::string, std::string> replaced)
      : base_(base), replaced_(std::move(replaced)) {}

  std::optional<std::string> read_file(const std::string& path, std::string& error) const override;
  std::optional<std::uintmax_t> file_size(const std::string& path) const override;
  bool is_directory(const std::string& path) const override { return base_.is_directory(path); }
  bool exists(const std::string& path) const override { return replaced_.count(path) || base_.exists(path); }
  std::vector<std::string> list_directory(const std::string& path) const override { return base_.list_directory(path); }
  IoError write_file(const std::string& path, const std::string&) override { return read_only(path); }
  IoError create_directories(const std::string& path) override { return read_only(path); }
  IoError rename(const std::string& from, const std::string&) override { return read_only(from); }
  IoError exchange(const std::string& a, const std::string&) override { return read_only(a); }
  IoError remove_all(const std::string& path) override { return read_only(path); }

 private:
  static IoError read_only(const std::string& path) { return path + ": read-only file system"; }
  const FileSystem& base_;
  std::map<std::string, std::string> replaced_;
};

/// Joins path segments with '/'.
std::string join_path(const std::string& a, const std::string& b);

/// The parent directory of a path ("" for a bare name).
std::string parent_path(const std::string& path);

}  // namespace planpress::io
