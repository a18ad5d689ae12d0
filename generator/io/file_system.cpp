#include "io/file_system.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace fs = std::filesystem;

namespace planpress::io {

std::string join_path(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (b.empty()) return a;
  return a.back() == '/' ? a + b : a + "/" + b;
}

std::string parent_path(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == 0) return "/";
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string file_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool is_within(const std::string& inner, const std::string& outer) {
  if (outer == "/") return true;
  return inner == outer || (inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 &&
                            inner[outer.size()] == '/');
}

// --- RealFileSystem -------------------------------------------------------------------------------------

namespace {

// Reads `fd` to its end, or until more than `max_bytes` were read.
std::optional<std::string> read_fd(int fd, std::uintmax_t max_bytes, std::string& error) {
  std::string data;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
    if (data.size() > max_bytes) {
      data.resize(static_cast<std::size_t>(max_bytes) + 1);
      break;
    }
  }
  return data;
}

}  // namespace

std::optional<std::string> RealFileSystem::read_file(const std::string& path, std::string& error) const {
  return read_file_at_most(path, std::numeric_limits<std::uintmax_t>::max() - 1, error);
}

std::optional<std::string> RealFileSystem::read_file_at_most(const std::string& path, std::uintmax_t max_bytes,
                                                             std::string& error) const {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below like any non-regular file.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  struct stat st {};
  std::optional<std::string> result;
  if (::fstat(fd, &st) != 0) {
    error = std::strerror(errno);
  } else if (!S_ISREG(st.st_mode)) {
    error = S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file (a FIFO, socket or device)";
  } else {
    result = read_fd(fd, max_bytes, error);
  }
  ::close(fd);
  return result;
}

std::optional<std::uintmax_t> RealFileSystem::file_size(const std::string& path) const {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  auto size = fs::file_size(path, ec);
  if (ec) return std::nullopt;
  return size;
}

bool RealFileSystem::is_directory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

bool RealFileSystem::exists(const std::string& path) const {
  std::error_code ec;
  return fs::exists(fs::symlink_status(path, ec));
}

FileKind RealFileSystem::kind(const std::string& path) const {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return FileKind::none;
  if (S_ISLNK(st.st_mode)) return FileKind::symlink;
  if (S_ISDIR(st.st_mode)) return FileKind::directory;
  if (S_ISREG(st.st_mode)) return FileKind::regular;
  return FileKind::other;
}

std::string RealFileSystem::resolve(const std::string& path) const {
  std::error_code ec;
  fs::path p = fs::absolute(path.empty() ? fs::path(".") : fs::path(path), ec);
  // A dangling link resolves to the place its target would be created.
  for (int hops = 0; hops < 40; ++hops) {
    if (!fs::is_symlink(fs::symlink_status(p, ec)) || fs::exists(p, ec)) break;
    const fs::path target = fs::read_symlink(p, ec);
    if (ec) break;
    p = target.is_absolute() ? target : p.parent_path() / target;
  }
  fs::path r = fs::weakly_canonical(p, ec);
  if (ec) r = p.lexically_normal();
  std::string s = r.string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

bool RealFileSystem::can_replace(const std::string& dir, std::string& who) const {
  // Removing a tree needs write and search permission on every directory in it; a tree left by another
  // user would otherwise be swapped out and then fail to be deleted half way.
  auto check = [&](const fs::path& d) {
    if (::access(d.c_str(), W_OK | X_OK) == 0) return true;
    struct stat st {};
    ::lstat(d.c_str(), &st);
    who = "'" + d.string() + "' belongs to user id " + std::to_string(st.st_uid) + " and this user (id " +
          std::to_string(::geteuid()) + ") cannot change it";
    return false;
  };
  if (!check(dir)) return false;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec) && !check(it->path())) return false;
  }
  return true;
}

std::vector<std::string> RealFileSystem::list_directory(const std::string& path) const {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

IoError RealFileSystem::write_file(const std::string& path, const std::string& bytes) {
  const auto parent = parent_path(path);
  if (!parent.empty()) {
    if (auto e = create_directories(parent)) return e;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return path + ": " + std::strerror(errno);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.flush();
  if (!out) return path + ": write failed (" + std::strerror(errno) + ")";
  return std::nullopt;
}

IoError RealFileSystem::link_file(const std::string& existing, const std::string& link) {
  if (::link(existing.c_str(), link.c_str()) == 0) return std::nullopt;
  if (errno == ENOENT && !parent_path(link).empty() && kind(existing) == FileKind::regular) {
    if (auto e = create_directories(parent_path(link))) return e;
    if (::link(existing.c_str(), link.c_str()) == 0) return std::nullopt;
  }
  return link + ": " + std::strerror(errno);
}

IoError RealFileSystem::create_directories(const std::string& path) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) return path + ": " + ec.message();
  return std::nullopt;
}

IoError RealFileSystem::create_unique_directory(const std::string& prefix, std::string& created) {
  std::string templ = prefix + "XXXXXX";
  if (::mkdtemp(templ.data()) == nullptr) return prefix + "XXXXXX: " + std::strerror(errno);
  // mkdtemp makes it private (0700); a published site is read by others like any directory.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(templ.c_str(), 0777 & ~mask);
  created = templ;
  return std::nullopt;
}

IoError RealFileSystem::rename(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) return from + " → " + to + ": " + std::strerror(errno);
  return std::nullopt;
}

IoError RealFileSystem::exchange(const std::string& a, const std::string& b) {
#ifdef RENAME_EXCHANGE
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return std::nullopt;
  if (errno != EINVAL && errno != ENOSYS) return a + " ⇄ " + b + ": " + std::strerror(errno);
#endif
  // Some file systems (network shares) cannot exchange atomically: fall back to two renames.
  const std::string tmp = a + ".exchange";
  if (auto e = rename(a, tmp)) return e;
  if (auto e = rename(b, a)) {
    rename(tmp, a);
    return e;
  }
  return rename(tmp, b);
}

IoError RealFileSystem::remove_all(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
  if (ec) return path + ": " + ec.message();
  return std::nullopt;
}

namespace {
class RealLock final : public FileLock {
 public:
  explicit RealLock(int fd) : fd_(fd) {}
  ~RealLock() override { ::close(fd_); }  // closing the descriptor releases the flock

 private:
  int fd_;
};
}  // namespace

std::unique_ptr<FileLock> RealFileSystem::try_lock(const std::string& path, const std::string& owner, std::string& holder,
                                                   std::string& error) {
  holder.clear();
  error.clear();
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  // Another user's lock file (a shared output) can still be locked, read-only; it then keeps its text.
  const bool writable = fd >= 0;
  if (fd < 0 && errno == EACCES) fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    error = path + ": " + std::strerror(errno);
    return nullptr;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    if (err == EWOULDBLOCK) {
      std::string ignored;
      holder = read_fd(fd, 4096, ignored).value_or("");
      while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
      if (holder.empty()) holder = "another process";
    } else {
      error = path + ": " + std::strerror(err);
    }
    ::close(fd);
    return nullptr;
  }
  // The lock file is kept (removing it would race with a process that just opened it); only its text changes.
  if (writable && (::ftruncate(fd, 0) != 0 || ::pwrite(fd, owner.data(), owner.size(), 0) != static_cast<ssize_t>(owner.size()))) {
    error = path + ": " + std::strerror(errno);
    ::close(fd);
    return nullptr;
  }
  return std::make_unique<RealLock>(fd);
}

// --- MemoryFileSystem -----------------------------------------------------------------------------------

namespace {
bool has_prefix_dir(const std::string& path, const std::string& dir) {
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/';
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i <= path.size()) {
    const auto slash = std::min(path.find('/', i), path.size());
    const std::string part = path.substr(i, slash - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = slash + 1;
  }
  return parts;
}

std::string join_parts(const std::vector<std::string>& parts, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n && i < parts.size(); ++i) {
    if (parts[i] == "/") out = "/";
    else out += (out.empty() || out == "/" ? "" : "/") + parts[i];
  }
  return out;
}

class MemoryLock final : public FileLock {
 public:
  MemoryLock(std::map<std::string, std::string>& locks, std::string path) : locks_(locks), path_(std::move(path)) {}
  ~MemoryLock() override { locks_.erase(path_); }

 private:
  std::map<std::string, std::string>& locks_;
  std::string path_;
};
}  // namespace

void MemoryFileSystem::add_file(const std::string& path, std::string bytes) { files_[path] = std::move(bytes); }

void MemoryFileSystem::add_symlink(const std::string& path, std::string target) { links_[path] = std::move(target); }

void MemoryFileSystem::add_special(const std::string& path) { special_.insert(path); }

void MemoryFileSystem::add_foreign_directory(const std::string& path) {
  dirs_[path] = true;
  foreign_.insert(path);
}

// Paths are relative to the tree's root; a link target starting with '/' starts there too.
std::string MemoryFileSystem::follow(const std::string& path, bool follow_last) const {
  // Absolute paths ("/usr/share/fonts/…") keep their leading '/': parts[0] is then "/".
  auto split = [](const std::string& p) {
    std::vector<std::string> parts = split_path(p);
    if (!p.empty() && p.front() == '/') parts.insert(parts.begin(), "/");
    return parts;
  };
  std::vector<std::string> parts = split(path);
  for (int hops = 0; hops < 40; ++hops) {
    bool changed = false;
    for (std::size_t n = 1; n <= parts.size(); ++n) {
      if (n == parts.size() && !follow_last) break;
      const auto link = links_.find(join_parts(parts, n));
      if (link == links_.end()) continue;
      const std::string& target = link->second;
      std::string base = target.front() == '/' ? std::string() : join_parts(parts, n - 1);
      std::string rest;
      for (std::size_t k = n; k < parts.size(); ++k) rest += "/" + parts[k];
      parts = split(base.empty() ? target + rest : base + "/" + target + rest);
      changed = true;
      break;
    }
    if (!changed) break;
  }
  return join_parts(parts, parts.size());
}

std::optional<std::string> MemoryFileSystem::read_file(const std::string& path, std::string& error) const {
  const std::string p = follow(path, true);
  if (special_.count(p)) {
    error = "not a regular file (a FIFO, socket or device)";
    return std::nullopt;
  }
  auto it = files_.find(p);
  if (it == files_.end()) {
    error = "No such file or directory";
    return std::nullopt;
  }
  return it->second;
}

std::optional<std::string> MemoryFileSystem::read_file_at_most(const std::string& path, std::uintmax_t max_bytes,
                                                               std::string& error) const {
  auto bytes = read_file(path, error);
  if (bytes && bytes->size() > max_bytes) bytes->resize(static_cast<std::size_t>(max_bytes) + 1);
  return bytes;
}

std::optional<std::uintmax_t> MemoryFileSystem::file_size(const std::string& path) const {
  auto it = files_.find(follow(path, true));
  if (it == files_.end()) return std::nullopt;
  return it->second.size();
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
  const std::string p = follow(path, true);
  if (dirs_.count(p)) return true;
  return std::any_of(files_.begin(), files_.end(), [&](const auto& f) { return has_prefix_dir(f.first, p); }) ||
         std::any_of(links_.begin(), links_.end(), [&](const auto& l) { return has_prefix_dir(l.first, p); }) ||
         std::any_of(special_.begin(), special_.end(), [&](const auto& s) { return has_prefix_dir(s, p); });
}

bool MemoryFileSystem::exists(const std::string& path) const {
  return links_.count(path) || special_.count(follow(path, true)) || files_.count(follow(path, true)) ||
         is_directory(path);
}

FileKind MemoryFileSystem::kind(const std::string& path) const {
  const std::string p = follow(path, false);
  if (links_.count(p)) return FileKind::symlink;
  if (special_.count(p)) return FileKind::other;
  if (files_.count(p)) return FileKind::regular;
  if (is_directory(p)) return FileKind::directory;
  return FileKind::none;
}

std::string MemoryFileSystem::resolve(const std::string& path) const { return follow(path, true); }

bool MemoryFileSystem::can_replace(const std::string& dir, std::string& who) const {
  for (const auto& f : foreign_) {
    if (f == dir || has_prefix_dir(f, dir)) {
      who = "'" + f + "' belongs to another user";
      return false;
    }
  }
  return true;
}

std::vector<std::string> MemoryFileSystem::list_directory(const std::string& path) const {
  const std::string dir = follow(path, true);
  std::vector<std::string> names;
  auto add = [&](const std::string& p) {
    if (!dir.empty() && !has_prefix_dir(p, dir)) return;
    if (dir.empty() && p.front() == '/') return;  // the root of relative paths
    auto rest = dir.empty() ? p : p.substr(dir.size() + 1);
    auto name = rest.substr(0, rest.find('/'));
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  };
  for (const auto& f : files_) add(f.first);
  for (const auto& d : dirs_) add(d.first);
  for (const auto& l : links_) add(l.first);
  for (const auto& s : special_) add(s);
  std::sort(names.begin(), names.end());
  return names;
}

IoError MemoryFileSystem::write_file(const std::string& path, const std::string& bytes) {
  files_[follow(path, true)] = bytes;
  return std::nullopt;
}

IoError MemoryFileSystem::link_file(const std::string& existing, const std::string& link) {
  const auto it = files_.find(follow(existing, true));
  if (it == files_.end()) return existing + ": No such file or directory";
  files_[follow(link, true)] = it->second;
  ++linked_;
  return std::nullopt;
}

IoError MemoryFileSystem::create_directories(const std::string& path) {
  dirs_[follow(path, true)] = true;
  return std::nullopt;
}

IoError MemoryFileSystem::create_unique_directory(const std::string& prefix, std::string& created) {
  do {
    created = prefix + std::to_string(++unique_);
  } while (exists(created));
  return create_directories(created);
}

IoError MemoryFileSystem::rename(const std::string& from, const std::string& to) {
  if (!exists(from)) return from + ": No such file or directory";
  if (exists(to)) return to + ": exists";
  if (auto link = links_.find(from); link != links_.end()) {
    links_[to] = link->second;
    links_.erase(link);
    return std::nullopt;
  }
  std::map<std::string, std::string> moved;
  for (auto it = files_.begin(); it != files_.end();) {
    if (it->first == from || has_prefix_dir(it->first, from)) {
      moved[to + it->first.substr(from.size())] = std::move(it->second);
      it = files_.erase(it);
    } else {
      ++it;
    }
  }
  files_.insert(moved.begin(), moved.end());
  std::map<std::string, bool> dirs;
  for (auto& [d, v] : dirs_) dirs[(d == from || has_prefix_dir(d, from)) ? to + d.substr(from.size()) : d] = v;
  dirs_ = std::move(dirs);
  std::map<std::string, std::string> links;
  for (auto& [l, t] : links_) links[has_prefix_dir(l, from) ? to + l.substr(from.size()) : l] = t;
  links_ = std::move(links);
  std::set<std::string> special;
  for (const auto& x : special_) special.insert(has_prefix_dir(x, from) ? to + x.substr(from.size()) : x);
  special_ = std::move(special);
  return std::nullopt;
}

IoError MemoryFileSystem::exchange(const std::string& a, const std::string& b) {
  const std::string tmp = a + ".exchange";
  if (auto e = rename(a, tmp)) return e;
  if (auto e = rename(b, a)) return e;
  return rename(tmp, b);
}

IoError MemoryFileSystem::remove_all(const std::string& path) {
  for (auto it = files_.begin(); it != files_.end();) {
    if (it->first == path || has_prefix_dir(it->first, path)) it = files_.erase(it);
    else ++it;
  }
  for (auto it = dirs_.begin(); it != dirs_.end();) {
    if (it->first == path || has_prefix_dir(it->first, path)) it = dirs_.erase(it);
    else ++it;
  }
  for (auto it = links_.begin(); it != links_.end();) {
    if (it->first == path || has_prefix_dir(it->first, path)) it = links_.erase(it);
    else ++it;
  }
  for (auto it = special_.begin(); it != special_.end();) {
    if (*it == path || has_prefix_dir(*it, path)) it = special_.erase(it);
    else ++it;
  }
  return std::nullopt;
}

std::unique_ptr<FileLock> MemoryFileSystem::try_lock(const std::string& path, const std::string& owner,
                                                     std::string& holder, std::string& error) {
  holder.clear();
  error.clear();
  auto [it, inserted] = locks_.emplace(path, owner);
  if (!inserted) {
    holder = it->second;
    return nullptr;
  }
  files_[path] = owner;
  return std::make_unique<MemoryLock>(locks_, path);
}

// --- OverlayFileSystem ----------------------------------------------------------------------------------

std::optional<std::string> OverlayFileSystem::read_file(const std::string& path, std::string& error) const {
  if (auto it = replaced_.find(path); it != replaced_.end()) return it->second;
  return base_.read_file(path, error);
}

std::optional<std::string> OverlayFileSystem::read_file_at_most(const std::string& path, std::uintmax_t max_bytes,
                                                                std::string& error) const {
  if (auto it = replaced_.find(path); it != replaced_.end())
    return it->second.size() > max_bytes ? it->second.substr(0, max_bytes + 1) : it->second;
  return base_.read_file_at_most(path, max_bytes, error);
}

std::optional<std::uintmax_t> OverlayFileSystem::file_size(const std::string& path) const {
  if (auto it = replaced_.find(path); it != replaced_.end()) return it->second.size();
  return base_.file_size(path);
}

}  // namespace planpress::io
