#include "content/loader.hpp"

#include "io/read_source.hpp"

namespace planpress::content {

namespace {

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
  const std::string site_path = io::join_path(content_dir, "site.json");
  if (!fs.exists(site_path)) {
    diags.error(base::Code::missing_file, base::Location::in(std::make_shared<base::SourceFile>(site_path, ""), 0), "site.json is missing",
                {"every site needs a site.json with at least \"title\" and \"organisation\"; see docs/content-format.md"});
  } else {
    raw.site = load_json(fs, site_path, diags);
  }
  const std::string docs_path = io::join_path(content_dir, "documents.json");
  if (fs.exists(docs_path)) raw.documents = load_json(fs, docs_path, diags);

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
  if (!fs.is_directory(plans_dir)) return raw;
  for (const auto& name : fs.list_directory(plans_dir)) {
    const std::string dir = io::join_path(plans_dir, name);
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
    if (!fs.exists(plan_path)) {
      diags.error(base::Code::missing_file, base::Location::in(std::make_shared<base::SourceFile>(plan_path, ""), 0),
                  "plan directory '" + dir + "' has no plan.json", {"add plan.json or remove the directory"});
      continue;
    }
    plan.plan = load_json(fs, plan_path, diags);
    for (const auto& file : fs.list_directory(dir)) {
      const std::string path = io::join_path(dir, file);
      if (file.ends_with(".md")) {
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
