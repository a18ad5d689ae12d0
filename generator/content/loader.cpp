#include "content/loader.hpp"

#include "io/read_source.hpp"

namespace planpress::content {

namespace {

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
    diags.error(base::Code::symlink_outside_content, file_start(path),
                "'" + path + "' is a symbolic link to '" + target + "', outside the content directory",
                {"content is published as it is read: copy the file into the content directory if it belongs to the site"});
    return false;
  }
  const io::FileKind what = kind == io::FileKind::symlink ? fs.kind(target) : kind;
  if (what == io::FileKind::other || (what == io::FileKind::directory) != directory) {
    if (what == io::FileKind::none) return true;  // a dangling link: reading it reports the error
    if (what == io::FileKind::other) {
      diags.error(base::Code::file_not_regular, file_start(path),
                  "'" + path + "' is not a regular file (a FIFO, socket or device) and cannot be read as content",
                  {"replace it with an ordinary file"});
      return false;
    }
    if (!directory) {
      diags.error(base::Code::file_not_regular, file_start(path), "'" + path + "' is a directory, not a file",
                  {"a plan directory holds plan.json and Markdown files only"});
      return false;
    }
  }
  return true;
}

std::optional<JsonDocument> load_json(const io::FileSystem& fs, const std::string& path, base::Diagnostics& diags) {
  auto source = io::read_source(fs, path, kMaxJsonBytes, diags);
  if (!source) return std::nullopt;
  return parse_json(source, diags);
}

}  // namespace

RawContent load_content(const io::FileSystem& fs, const std::string& content_dir, base::Diagnostics& diags) {
  RawContent raw;
  if (!fs.is_directory(content_dir)) {
    diags.error(base::Code::missing_file, {}, "content directory '" + content_dir + "' does not exist",
                {"run planpress in the project directory or pass --content DIR"});
    return raw;
  }
  const std::string root = fs.resolve(content_dir);
  const std::string site_path = io::join_path(content_dir, "site.json");
  if (!fs.exists(site_path)) {
    diags.error(base::Code::missing_file, file_start(site_path), "site.json is missing",
                {"every site needs a site.json with at least \"title\" and \"organisation\"; see docs/content-format.md"});
  } else if (admissible(fs, root, site_path, false, diags)) {
    raw.site = load_json(fs, site_path, diags);
  }
  const std::string docs_path = io::join_path(content_dir, "documents.json");
  if (fs.exists(docs_path) && admissible(fs, root, docs_path, false, diags)) raw.documents = load_json(fs, docs_path, diags);

  // content/assets/: published as they are (site.json "logo" names one).
  const std::string assets_dir = io::join_path(content_dir, "assets");
  if (fs.is_directory(assets_dir)) {
    for (const auto& name : fs.list_directory(assets_dir)) {
      const std::string path = io::join_path(assets_dir, name);
      if (name.front() == '.' || fs.is_directory(path)) continue;
      const auto size = fs.file_size(path);
      if (size && *size > kMaxAssetBytes) {
        diags.error(base::Code::file_too_large, base::Location::in(std::make_shared<base::SourceFile>(path, ""), 0),
                    "file is " + std::to_string(*size) + " bytes; content/assets/ takes files of at most 2 MiB");
        continue;
      }
      std::string error;
      if (auto bytes = fs.read_file(path, error)) raw.assets.emplace(name, std::move(*bytes));
      else diags.error(base::Code::io_error, base::Location::in(std::make_shared<base::SourceFile>(path, ""), 0), "cannot read: " + error);
    }
  }

  const std::string plans_dir = io::join_path(content_dir, "plans");
  if (!fs.is_directory(plans_dir) || !admissible(fs, root, plans_dir, true, diags)) return raw;
  for (const auto& name : fs.list_directory(plans_dir)) {
    const std::string dir = io::join_path(plans_dir, name);
    if (fs.kind(dir) == io::FileKind::symlink && !admissible(fs, root, dir, fs.is_directory(dir), diags)) continue;
    if (!fs.is_directory(dir)) {
      if (name.front() != '.')
        diags.warning(base::Code::unused_file, base::Location::in(std::make_shared<base::SourceFile>(dir, ""), 0),
                      "file in plans/ is not a plan directory and is ignored");
      continue;
    }
    RawPlan plan;
    plan.dir = name;
    plan.path = dir;
    const std::string plan_path = io::join_path(dir, "plan.json");
    if (!admissible(fs, root, plan_path, false, diags)) continue;
    if (!fs.exists(plan_path)) {
      diags.error(base::Code::missing_file, base::Location::in(std::make_shared<base::SourceFile>(plan_path, ""), 0),
                  "plan directory '" + dir + "' has no plan.json", {"add plan.json or remove the directory"});
      continue;
    }
    plan.plan = load_json(fs, plan_path, diags);
    for (const auto& file : fs.list_directory(dir)) {
      const std::string path = io::join_path(dir, file);
      if (file.ends_with(".md")) {
        if (!admissible(fs, root, path, false, diags)) continue;
        if (auto src = io::read_source(fs, path, kMaxMarkdownBytes, diags)) plan.markdown.emplace(file, src);
      } else if (file != "plan.json" && file.front() != '.') {
        diags.warning(base::Code::unused_file, base::Location::in(std::make_shared<base::SourceFile>(path, ""), 0),
                      "file is not part of the content format and is ignored",
                      {"a plan directory holds plan.json and the Markdown files its sections list"});
      }
    }
    raw.plans.push_back(std::move(plan));
  }
  return raw;
}

}  // namespace planpress::content
