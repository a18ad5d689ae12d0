#include "io/publish.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace planpress::io {

namespace {

constexpr const char* kStagingSuffix = ".planpress-staging";

// Who takes the lock, as another build will read it: "planpress (pid 4242 on host, since 12:31:05)".
std::string lock_owner() {
  char host[256] = "?";
  ::gethostname(host, sizeof host - 1);
  char since[32] = "?";
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  if (::localtime_r(&now, &tm)) std::strftime(since, sizeof since, "%Y-%m-%d %H:%M:%S", &tm);
  return "planpress (pid " + std::to_string(::getpid()) + " on " + host + ", since " + since + ")\n";
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

}  // namespace

std::optional<OutputLock> lock_output(FileSystem& fs, const std::string& out_dir, std::string& error) {
  OutputLock lock;
  lock.dir_ = fs.resolve(out_dir);
  const std::string name = file_name(lock.dir_);
  if (name.empty() || name == "." || name == "..") {
    error = "'" + out_dir + "' cannot be an output directory";
    return std::nullopt;
  }
  const std::string parent = parent_path(lock.dir_);
  if (!parent.empty() && !fs.is_directory(parent)) {
    if (auto e = fs.create_directories(parent)) {
      error = *e;
      return std::nullopt;
    }
  }
  std::string holder;
  lock.handle_ = fs.try_lock(join_path(parent, "." + name + ".planpress-lock"), lock_owner(), holder, error);
  if (lock.handle_) return lock;
  if (!holder.empty())
    error = "another build is writing to '" + out_dir + "': the lock is held by " + holder +
            "; wait for it to finish, or build into another --out";
  return std::nullopt;
}

void TreeSink::add(const std::string& path, std::string bytes) {
  std::lock_guard<std::mutex> hold(mutex_);
  tree_[path] = std::move(bytes);
}

std::uint64_t content_hash(const std::string& bytes) {
  // 8 bytes at a time, multiply and fold (in the manner of wyhash/FNV): a few GB/s, so hashing every page
  // costs far less than writing it.
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ bytes.size();
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  auto mix = [&h](std::uint64_t w) {
    h ^= w;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  };
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    mix(w);
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  mix(tail ^ (static_cast<std::uint64_t>(n) << 56));
  h ^= h >> 29;
  h *= 0x94D049BB133111EBull;
  return h ^ (h >> 32);
}

namespace {

// The manifest's lines "<16 hex digits> <size> <path>"; a line that does not parse is skipped (its file is
// then written again).
std::unordered_map<std::string, std::pair<std::uint64_t, std::uint64_t>> parse_manifest(const std::string& text) {
  std::unordered_map<std::string, std::pair<std::uint64_t, std::uint64_t>> entries;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    const auto a = line.find(' ');
    const auto b = a == std::string::npos ? a : line.find(' ', a + 1);
    if (b == std::string::npos || a != 16 || b + 1 >= line.size()) continue;
    char* stop = nullptr;
    const std::uint64_t hash = std::strtoull(line.substr(0, a).c_str(), &stop, 16);
    const std::uint64_t size = std::strtoull(line.substr(a + 1, b - a - 1).c_str(), &stop, 10);
    entries[line.substr(b + 1)] = {hash, size};
  }
  return entries;
}

}  // namespace

std::unique_ptr<Staging> Staging::open(FileSystem& fs, const OutputLock& lock, IoError& error) {
  const std::string& dir = lock.dir();
  std::unique_ptr<Staging> s(new Staging(fs, dir));
  s->had_output_ = fs.exists(dir);
  if (s->had_output_) {
    if (!fs.is_directory(dir)) {
      error = dir + ": exists and is not a directory";
      return nullptr;
    }
    if (!fs.list_directory(dir).empty() && fs.kind(join_path(dir, kOutputMarker)) != FileKind::regular) {
      error = "refusing to replace '" + dir + "': it is not empty and was not written by planpress (no " +
              kOutputMarker + " file)";
      return nullptr;
    }
    std::string who;
    if (!fs.can_replace(dir, who)) {
      error = "refusing to replace '" + dir + "': " + who;
      return nullptr;
    }
    // What the current output holds; without a manifest (an output of an older planpress) every file is
    // written.
    std::string ignored;
    if (fs.kind(join_path(dir, kOutputManifest)) == FileKind::regular)
      if (auto text = fs.read_file(join_path(dir, kOutputManifest), ignored))
        for (auto& [path, e] : parse_manifest(*text)) s->previous_[path] = Entry{e.first, e.second};
  }
  // Staging directories of builds that were killed: nobody else uses them while we hold the lock.
  const std::string parent = parent_path(dir);
  const std::string prefix = file_name(dir) + kStagingSuffix;
  for (const auto& entry : fs.list_directory(parent.empty() ? "." : parent))
    if (starts_with(entry, prefix)) fs.remove_all(join_path(parent, entry));
  if (auto e = fs.create_unique_directory(dir + kStagingSuffix + "-", s->staging_)) {
    error = e;
    return nullptr;
  }
  return s;
}

Staging::~Staging() {
  if (!committed_) fs_.remove_all(staging_);
}

void Staging::add(const std::string& path, std::string bytes) {
  const Entry entry{content_hash(bytes), bytes.size()};
  std::lock_guard<std::mutex> hold(mutex_);
  if (error_) return;
  written_[path] = entry;
  const std::string to = join_path(staging_, path);
  if (const auto it = previous_.find(path);
      it != previous_.end() && it->second.hash == entry.hash && it->second.size == entry.size) {
    // The same bytes are in the current output: a second name for that file instead of a copy (unless it
    // was changed or removed by hand since; then it is written).
    const std::string from = join_path(dir_, path);
    if (fs_.kind(from) == FileKind::regular && fs_.file_size(from) == entry.size && !fs_.link_file(from, to)) {
      ++counts_.unchanged;
      return;
    }
  }
  if (auto e = fs_.write_file(to, bytes)) {
    error_ = e;
    return;
  }
  ++counts_.written;
}

IoError Staging::commit() {
  std::lock_guard<std::mutex> hold(mutex_);
  if (error_) return error_;
  if (auto e = fs_.write_file(join_path(staging_, kOutputMarker),
                              "This directory is generated by planpress and replaced on every build.\n"))
    return e;
  std::string manifest;
  manifest.reserve(written_.size() * 64);
  for (const auto& [path, e] : written_) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(e.hash));
    manifest += std::string(hex) + ' ' + std::to_string(e.size) + ' ' + path + '\n';
  }
  if (auto e = fs_.write_file(join_path(staging_, kOutputManifest), manifest)) return e;
  for (const auto& [path, e] : previous_)
    if (!written_.count(path)) ++counts_.removed;
  if (had_output_) {
    if (auto e = fs_.exchange(staging_, dir_)) return e;
    committed_ = true;
    // `staging_` now holds the previous site; the new one is in place. Should removing it fail, the next
    // build removes it.
    fs_.remove_all(staging_);
  } else {
    if (auto e = fs_.rename(staging_, dir_)) return e;
    committed_ = true;
  }
  return std::nullopt;
}

Staging::Counts Staging::counts() const {
  std::lock_guard<std::mutex> hold(mutex_);
  return counts_;
}

IoError publish(FileSystem& fs, const OutputTree& tree, const OutputLock& lock) {
  IoError error;
  auto staging = Staging::open(fs, lock, error);
  if (!staging) return error;
  for (const auto& [path, bytes] : tree) staging->add(path, bytes);
  return staging->commit();
}

IoError publish(FileSystem& fs, const OutputTree& tree, const std::string& out_dir) {
  std::string error;
  const auto lock = lock_output(fs, out_dir, error);
  if (!lock) return error;
  return publish(fs, tree, *lock);
}

IoError replace_file(FileSystem& fs, const std::string& path, const std::string& bytes) {
  const std::string dir = parent_path(path);
  const std::string name = path.substr(dir.empty() ? 0 : dir.size() + 1);
  const std::string temp = join_path(dir, "." + name + ".planpress-tmp");
  if (auto e = fs.write_file(temp, bytes)) {
    fs.remove_all(temp);
    return e;
  }
  if (auto e = fs.rename(temp, path)) {
    fs.remove_all(temp);
    return e;
  }
  return std::nullopt;
}

IoError replace_files(FileSystem& fs, const std::map<std::string, std::string>& files) {
  for (const auto& [path, bytes] : files)
    if (auto e = replace_file(fs, path, bytes)) return e;
  return std::nullopt;
}

}  // namespace planpress::io
