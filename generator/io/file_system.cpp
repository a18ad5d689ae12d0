#include "io/file_system.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
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
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

// --- RealFileSystem -------------------------------------------------------------------------------------

std::optional<std::string> RealFileSystem::read_file(const std::string& path, std::string& error) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return std::move(ss).str();
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

IoError RealFileSystem::create_directories(const std::string& path) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) return path + ": " + ec.message();
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

// --- MemoryFileSystem -----------------------------------------------------------------------------------

namespace {
bool has_prefix_dir(const std::string& path, const std::string& dir) {
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/';
}
}  // namespace

void MemoryFileSystem::add_file(const std::string& path, std::string bytes) { files_[path] = std::move(bytes); }

std::optional<std::string> MemoryFileSystem::read_file(const std::string& path, std::string& error) const {
  auto it = files_.find(path);
  if (it == files_.end()) {
    error = "No such file or directory";
    return std::nullopt;
  }
  return it->second;
}

std::optional<std::uintmax_t> MemoryFileSystem::file_size(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second.size();
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
  if (dirs_.count(path)) return true;
  return std::any_of(files_.begin(), files_.end(), [&](const auto& f) { return has_prefix_dir(f.first, path); });
}

bool MemoryFileSystem::exists(const std::string& path) const { return files_.count(path) || is_directory(path); }

std::vector<std::string> MemoryFileSystem::list_directory(const std::string& path) const {
  std::vector<std::string> names;
  auto add = [&](const std::string& p) {
    if (!has_prefix_dir(p, path)) return;
    auto rest = p.substr(path.size() + 1);
    auto name = rest.substr(0, rest.find('/'));
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  };
  for (const auto& f : files_) add(f.first);
  for (const auto& d : dirs_) add(d.first);
  std::sort(names.begin(), names.end());
  return names;
}

IoError MemoryFileSystem::write_file(const std::string& path, const std::string& bytes) {
  files_[path] = bytes;
  return std::nullopt;
}

IoError MemoryFileSystem::create_directories(const std::string& path) {
  dirs_[path] = true;
  return std::nullopt;
}

IoError MemoryFileSystem::rename(const std::string& from, const std::string& to) {
  if (!exists(from)) return from + ": No such file or directory";
  if (exists(to)) return to + ": exists";
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
  return std::nullopt;
}

// --- OverlayFileSystem ----------------------------------------------------------------------------------

std::optional<std::string> OverlayFileSystem::read_file(const std::string& path, std::string& error) const {
  if (auto it = replaced_.find(path); it != replaced_.end()) return it->second;
  return base_.read_file(path, error);
}

std::optional<std::uintmax_t> OverlayFileSystem::file_size(const std::string& path) const {
  if (auto it = replaced_.find(path); it != replaced_.end()) return it->second.size();
  return base_.file_size(path);
}

}  // namespace planpress::io
