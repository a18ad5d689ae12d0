#include "content/loader.hpp"

#include "io/read_source.hpp"

namespace planpress::content {

using base::arg;
using base::msg;
using base::Msg;

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
    diags.error(file_start(path), msg<Msg::symlink_outside_content_link>(arg<"path">(path), arg<"target">(target)),
                {msg<Msg::symlink_outside_content_hint>()});
    return false;
  }
  const io::FileKind what = kind == io::FileKind::symlink ? fs.kind(target) : kind;
  if (what == io::FileKind::other || (what == io::FileKind::directory) != directory) {
    if (what == io::FileKind::none) return true;  // a dangling link: reading it reports the error
    if (what == io::FileKind::other) {
      diags.error(file_start(path), msg<Msg::file_not_regular_special>(arg<"path">(path)), {msg<Msg::file_not_regular_special_hint>()});
      return false;
    }
    if (!directory) {
      diags.error(file_start(path), msg<Msg::file_not_regular_directory>(arg<"path">(path)), {msg<Msg::file_not_regular_directory_hint>()});
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
    diags.error({}, msg<Msg::missing_file_content_dir>(arg<"dir">(content_dir)), {msg<Msg::missing_file_content_dir_hint>()});
    return raw;
  }
  const std::string root = fs.resolve(content_dir);
  const std::string site_path = io::join_path(content_dir, "site.json");
  if (!fs.exists(site_path)) {
    diags.error(file_start(site_path), msg<Msg::missing_file_site_json>(), {msg<Msg::missing_file_site_json_hint>()});
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
        diags.error(base::Location::in(std::make_shared<base::SourceFile>(path, ""), 0),
                    msg<Msg::file_too_large_asset_file>(arg<"size">(*size)));
        continue;
      }
      std::string error;
      if (auto bytes = fs.read_file(path, error)) raw.assets.emplace(name, std::move(*bytes));
      else diags.error(base::Location::in(std::make_shared<base::SourceFile>(path, ""), 0), msg<Msg::io_error_read>(arg<"reason">(error)));
    }
  }

  const std::string plans_dir = io::join_path(content_dir, "plans");
  if (!fs.is_directory(plans_dir) || !admissible(fs, root, plans_dir, true, diags)) return raw;
  for (const auto& name : fs.list_directory(plans_dir)) {
    const std::string dir = io::join_path(plans_dir, name);
    if (fs.kind(dir) == io::FileKind::symlink && !admissible(fs, root, dir, fs.is_directory(dir), diags)) continue;
    if (!fs.is_directory(dir)) {
      if (name.front() != '.')
        diags.warning(base::Location::in(std::make_shared<base::SourceFile>(dir, ""), 0), msg<Msg::unused_file_not_plan_dir>());
      continue;
    }
    RawPlan plan;
    plan.dir = name;
    plan.path = dir;
    const std::string plan_path = io::join_path(dir, "plan.json");
    if (!admissible(fs, root, plan_path, false, diags)) continue;
    if (!fs.exists(plan_path)) {
      diags.error(base::Location::in(std::make_shared<base::SourceFile>(plan_path, ""), 0),
                  msg<Msg::missing_file_plan_json>(arg<"dir">(dir)), {msg<Msg::missing_file_plan_json_hint>()});
      continue;
    }
    plan.plan = load_json(fs, plan_path, diags);
    for (const auto& file : fs.list_directory(dir)) {
      const std::string path = io::join_path(dir, file);
      if (file.ends_with(".md")) {
        if (!admissible(fs, root, path, false, diags)) continue;
        if (auto src = io::read_source(fs, path, kMaxMarkdownBytes, diags)) plan.markdown.emplace(file, src);
      } else if (file != "plan.json" && file.front() != '.') {
        diags.warning(base::Location::in(std::make_shared<base::SourceFile>(path, ""), 0), msg<Msg::unused_file_not_content>(),
                      {msg<Msg::unused_file_not_content_hint>()});
      }
    }
    raw.plans.push_back(std::move(plan));
  }
  return raw;
}

}  // namespace planpress::content
