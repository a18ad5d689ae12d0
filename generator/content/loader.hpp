#pragma once
/// Phase 1, load: find the content files, check their size and encoding, parse JSON with positions.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "content/json_document.hpp"
#include "io/file_system.hpp"

namespace planpress::content {

/// Size limits (documented in docs/content-format.md).
inline constexpr std::uintmax_t kMaxJsonBytes = 8u * 1024 * 1024;
inline constexpr std::uintmax_t kMaxMarkdownBytes = 1u * 1024 * 1024;

/// One plan directory as found on disk.
struct RawPlan {
  std::string dir;                                  ///< directory name under plans/
  std::string path;                                 ///< display path of the directory
  std::optional<JsonDocument> plan;                 ///< plan.json, if it parsed
  std::map<std::string, base::SourcePtr> markdown;  ///< file name → Markdown source (valid UTF-8)
};

/// Everything under content/, parsed but not yet validated.
struct RawContent {
  std::optional<JsonDocument> site;
  std::optional<JsonDocument> documents;  ///< documents.json is optional
  std::vector<RawPlan> plans;             ///< sorted by directory name
  /// content/assets/: files the site publishes as they are (a logo), by file name → bytes.
  std::map<std::string, std::string> assets;
};

/// Largest file accepted in content/assets/.
inline constexpr std::uintmax_t kMaxAssetBytes = 2u * 1024 * 1024;

/// Loads `content_dir`. Every problem is reported; files that fail are left empty in the result.
RawContent load_content(const io::FileSystem& fs, const std::string& content_dir, base::Diagnostics& diags);

}  // namespace planpress::content
