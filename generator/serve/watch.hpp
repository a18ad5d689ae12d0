#pragma once
/// Watching the folders a build reads (content/ and templates/) with inotify: every folder below them,
/// folders created later too.
#include <map>
#include <string>
#include <vector>

namespace planpress::serve {

class Watcher {
 public:
  /// Starts watching every folder below each of `roots` (a missing root is skipped); `error()` says why
  /// watching could not start.
  explicit Watcher(const std::vector<std::string>& roots);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// The inotify descriptor: readable when changes are pending (for poll).
  int fd() const { return fd_; }
  /// Empty when watching works.
  const std::string& error() const { return error_; }
  /// Reads the pending events without waiting; true if one concerns a file a build may read (editors'
  /// swap, backup and probe files do not count). New folders are watched from now on.
  bool drain();

 private:
  void watch_tree(const std::string& dir);
  int fd_ = -1;
  std::string error_;
  std::map<int, std::string> dirs_;  // watch descriptor → folder
};

/// True for the names of files editors write beside the one being saved (vim's .swp and 4913, emacs'
/// #…# and .#…, backups ending in ~): changes to them start no build.
bool is_editor_scratch(const std::string& name);

}  // namespace planpress::serve
