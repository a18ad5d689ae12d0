#pragma once
/// The templates directory read from disk: the Mustache templates and the static assets beside them.
#include <map>
#include <string>

#include "base/diagnostic.hpp"
#include "io/file_system.hpp"
#include "template/mustache.hpp"

namespace planpress::tmpl {

/// Size limits of files in the templates directory.
inline constexpr std::uintmax_t kMaxTemplateBytes = 1u * 1024 * 1024;
inline constexpr std::uintmax_t kMaxAssetBytes = 16u * 1024 * 1024;

/// What a templates directory holds.
struct TemplateFiles {
  TemplateSet templates;                      ///< every *.mustache, by base name; not compiled yet
  std::map<std::string, std::string> assets;  ///< "assets/…" → bytes, copied verbatim into the output
};

/// Reads `dir`: every *.mustache file (named by its base name) and every file under assets/ (hidden
/// files skipped). Reports missing-file (no such directory), file-too-large, utf8-invalid and io-error.
TemplateFiles load_templates(const io::FileSystem& fs, const std::string& dir, base::Diagnostics& diags);

}  // namespace planpress::tmpl
