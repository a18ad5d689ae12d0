#include "serve/watch.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace planpress::serve {

namespace {
constexpr std::uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF |
                                IN_MOVE_SELF | IN_ATTRIB | IN_ONLYDIR;

bool ends_with(const std::string& s, const char* suffix) {
  const std::size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}
}  // namespace

bool is_editor_scratch(const std::string& name) {
  if (name.empty()) return false;
  if (name == "4913" || name.back() == '~') return true;
  if (name.front() == '#' || name.rfind(".#", 0) == 0) return true;
  if (name.front() == '.' && (ends_with(name, ".swp") || ends_with(name, ".swx") || ends_with(name, ".swo"))) return true;
  return false;
}

Watcher::Watcher(const std::vector<std::string>& roots) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    error_ = std::string("inotify: ") + std::strerror(errno);
    return;
  }
  for (const auto& root : roots) watch_tree(root);
}

Watcher::~Watcher() {
  if (fd_ >= 0) ::close(fd_);
}

void Watcher::watch_tree(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return;
  const int wd = ::inotify_add_watch(fd_, dir.c_str(), kMask);
  if (wd < 0) {
    if (error_.empty()) error_ = dir + ": " + std::strerror(errno);
    return;
  }
  dirs_[wd] = dir;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code kind_ec;
    if (it->is_directory(kind_ec) && !it->is_symlink(kind_ec)) watch_tree(it->path().string());
  }
}

bool Watcher::drain() {
  bool relevant = false;
  alignas(inotify_event) char buffer[16384];
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;  // EAGAIN: nothing more pending
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      if (e->mask & IN_Q_OVERFLOW) {  // events were lost: anything may have changed
        relevant = true;
        continue;
      }
      if (e->mask & IN_IGNORED) {
        dirs_.erase(e->wd);
        continue;
      }
      const auto dir = dirs_.find(e->wd);
      const std::string name = e->len ? std::string(e->name) : std::string();
      if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO)) && dir != dirs_.end()) {
        // A new folder (or one moved in) may already hold files by the time it is watched: count it as
        // a change, so the build reads whatever is there.
        watch_tree(dir->second + "/" + name);
        relevant = true;
        continue;
      }
      if (!is_editor_scratch(name)) relevant = true;
    }
  }
  return relevant;
}

}  // namespace planpress::serve
