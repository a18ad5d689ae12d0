#include "content/loader.hpp"

#include "base/utf8.hpp"

namespace planpress::content {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string human_size(std::uintmax_t bytes) {
  // 1048577 → "1,048,577 bytes"
  std::string digits = std::to_string(bytes);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits + " bytes";
}

std::string limit_name(std::uintmax_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }

base::Location file_start(const std::string& path) {
  return base::Location::in(std::make_shared<base::SourceFile>(path, ""), 0);
}

// Content is published: a symbolic link may point elsewhere inside content/ (one text shared by two
// plans), never outside it (a section linked to /etc/passwd would be put on the site), and what is read
// must be a regular file or a directory — a FIFO would block the build, /dev/zero would never end.
bool admissible(const io::FileSystem& fs, const std::string& root, const std::string& path, bool directory,
                base::Diagnostics& diags) {
  const io::FileKind kind = fs.kind(path);
  if (kind == io::FileKind::none) return true;  // missing: reported by the caller
  const std::string target = fs.resolve(path);
  if (kind == io::FileKind::symlink && !io::is_within(target, root)) {
    diags.error("symlink-outside-content", file_start(path),
                "'" + path + "' is a symbolic link to '" + target + "', outside the content directory",
                {"content is published as it is read: copy the file into the content directory if it belongs to the site"});
    return false;
  }
  const io::FileKind what = kind == io::FileKind::symlink ? fs.kind(target) : kind;
  if (what == io::FileKind::other || (what == io::FileKind::directory) != directory) {
    if (what == io::FileKind::none) return true;  // a dangling link: reading it reports the error
    if (what == io::FileKind::other) {
      diags.error("file-not-regular", file_start(path),
                  "'" + path + "' is not a regular file (a FIFO, socket or device) and cannot be read as content",
                  {"replace it with an ordinary file"});
      return false;
    }
    if (!directory) {
      diags.error("file-not-regular", file_start(path), "'" + path + "' is a directory, not a file",
                  {"a plan directory holds plan.json and Markdown files only"});
      return false;
    }
  }
  return true;
}

std::optional<JsonDocument> load_json(const io::FileSystem& fs, const std::string& path, base::Diagnostics& diags) {
  auto source = read_source(fs, path, kMaxJsonBytes, diags);
  if (!source) return std::nullopt;
  return parse_json(source, diags);
}

}  // namespace

base::SourcePtr read_source(const io::FileSystem& fs, const std::string& path, std::uintmax_t max_bytes,
                            base::Diagnostics& diags) {
  auto empty = std::make_shared<base::SourceFile>(path, "");
  auto too_large = [&](std::uintmax_t size) {
    const bool markdown = ends_with(path, ".md");
    diags.error("file-too-large", base::Location::in(empty, 0),
                "file is " + human_size(size) + ", over the limit of " + limit_name(max_bytes),
                {markdown ? "split the text into several sections, one Markdown file each"
                          : "move long narrative text into Markdown sections, or split the plan"});
    return nullptr;
  };
  const auto size = fs.file_size(path);
  if (size && *size > max_bytes) return too_large(*size);
  // Read no more than the limit allows, whatever the size said: the file may grow while it is read.
  std::string error;
  auto bytes = fs.read_file_at_most(path, max_bytes, error);
  if (!bytes) {
    diags.error("io-error", base::Location::in(empty, 0), "cannot read file: " + error);
    return nullptr;
  }
  if (bytes->size() > max_bytes) return too_large(fs.file_size(path).value_or(bytes->size()));
  auto source = std::make_shared<base::SourceFile>(path, std::move(*bytes));
  if (auto bad = base::find_invalid_utf8(source->text())) {
    diags.error("utf8-invalid", base::Location::in(source, *bad), "invalid UTF-8 byte sequence",
                {"save the file as UTF-8 (not Shift_JIS)"});
    return nullptr;
  }
  return source;
}

RawContent load_content(const io::FileSystem& fs, const std::string& content_dir, base::Diagnostics& diags) {
  RawContent raw;
  if (!fs.is_directory(content_dir)) {
    diags.error("missing-file", {}, "content directory '" + content_dir + "' does not exist",
                {"run planpress in the project directory or pass --content DIR"});
    return raw;
  }
  const std::string root = fs.resolve(content_dir);
  const std::string site_path = io::join_path(content_dir, "site.json");
  if (!fs.exists(site_path)) {
    diags.error("missing-file", file_start(site_path), "site.json is missing",
                {"every site needs a site.json with at least \"title\" and \"organisation\"; see docs/content-format.md"});
  } else if (admissible(fs, root, site_path, false, diags)) {
    raw.site = load_json(fs, site_path, diags);
  }
  const std::string docs_path = io::join_path(content_dir, "documents.json");
  if (fs.exists(docs_path) && admissible(fs, root, docs_path, false, diags)) raw.documents = load_json(fs, docs_path, diags);

  const std::string plans_dir = io::join_path(content_dir, "plans");
  if (!fs.is_directory(plans_dir) || !admissible(fs, root, plans_dir, true, diags)) return raw;
  for (const auto& name : fs.list_directory(plans_dir)) {
    const std::string dir = io::join_path(plans_dir, name);
    if (fs.kind(dir) == io::FileKind::symlink && !admissible(fs, root, dir, fs.is_directory(dir), diags)) continue;
    if (!fs.is_directory(dir)) {
      if (name.front() != '.')
        diags.warning("unused-file", base::Location::in(std::make_shared<base::SourceFile>(dir, ""), 0),
                      "file in plans/ is not a plan directory and is ignored");
      continue;
    }
    RawPlan plan;
    plan.dir = name;
    plan.path = dir;
    const std::string plan_path = io::join_path(dir, "plan.json");
    if (!admissible(fs, root, plan_path, false, diags)) continue;
    if (!fs.exists(plan_path)) {
      diags.error("missing-file", base::Location::in(std::make_shared<base::SourceFile>(plan_path, ""), 0),
                  "plan directory '" + dir + "' has no plan.json", {"add plan.json or remove the directory"});
      continue;
    }
    plan.plan = load_json(fs, plan_path, diags);
    for (const auto& file : fs.list_directory(dir)) {
      const std::string path = io::join_path(dir, file);
      if (ends_with(file, ".md")) {
        if (!admissible(fs, root, path, false, diags)) continue;
        if (auto src = read_source(fs, path, kMaxMarkdownBytes, diags)) plan.markdown.emplace(file, src);
      } else if (file != "plan.json" && file.front() != '.') {
        diags.warning("unused-file", base::Location::in(std::make_shared<base::SourceFile>(path, ""), 0),
                      "file is not part of the content format and is ignored",
                      {"a plan directory holds plan.json and the Markdown files its sections list"});
      }
    }
    raw.plans.push_back(std::move(plan));
  }
  return raw;
}

}  // namespace planpress::content
