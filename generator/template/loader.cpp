#include "template/loader.hpp"

#include "io/read_source.hpp"

namespace planpress::tmpl {

namespace {

// Static assets are copied verbatim below output/assets/.
void load_assets(const io::FileSystem& fs, const std::string& disk, const std::string& rel,
                 std::map<std::string, std::string>& assets, base::Diagnostics& diags) {
  for (const auto& name : fs.list_directory(disk)) {
    if (name.front() == '.') continue;
    const std::string path = io::join_path(disk, name);
    const std::string target = rel + "/" + name;
    if (fs.is_directory(path)) {
      load_assets(fs, path, target, assets, diags);
      continue;
    }
    if (fs.file_size(path).value_or(0) > kMaxAssetBytes) {
      diags.error({}, base::msg<base::Msg::file_too_large_asset>(base::arg<"path">(path)));
      continue;
    }
    std::string error;
    if (auto bytes = fs.read_file(path, error)) assets[target] = std::move(*bytes);
    else diags.error({}, base::msg<base::Msg::io_error_read_path>(base::arg<"path">(path), base::arg<"reason">(error)));
  }
}

}  // namespace

TemplateFiles load_templates(const io::FileSystem& fs, const std::string& dir, base::Diagnostics& diags) {
  TemplateFiles files;
  if (!fs.is_directory(dir)) {
    diags.error({}, base::msg<base::Msg::missing_file_templates_dir>(base::arg<"dir">(dir)), {base::msg<base::Msg::missing_file_templates_dir_hint>()});
    return files;
  }
  constexpr std::string_view kSuffix = ".mustache";
  for (const auto& name : fs.list_directory(dir)) {
    if (!name.ends_with(kSuffix)) continue;
    if (auto src = io::read_source(fs, io::join_path(dir, name), kMaxTemplateBytes, diags))
      files.templates.add(name.substr(0, name.size() - kSuffix.size()), src);
  }
  const std::string assets_dir = io::join_path(dir, "assets");
  if (fs.is_directory(assets_dir)) load_assets(fs, assets_dir, "assets", files.assets, diags);
  return files;
}

}  // namespace planpress::tmpl
