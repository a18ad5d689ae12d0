#pragma once
/// JSON files parsed with nlohmann/json, plus the source position of every key and value.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/diagnostic.hpp"
#include "base/source.hpp"

namespace planpress::content {

/// Where a value sits in its file: byte offsets of its key (if it is an object member) and of the value.
struct JsonSpan {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::size_t key = npos;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// A parsed JSON file. Values are addressed by JSON Pointer (RFC 6901), e.g. "/items/3/name".
class JsonDocument {
 public:
  JsonDocument(base::SourcePtr source, nlohmann::json root, std::unordered_map<std::string, JsonSpan> spans);

  const base::SourcePtr& source() const { return source_; }
  const nlohmann::json& root() const { return root_; }
  const std::string& path() const { return source_->path(); }

  /// Location of the value at `pointer` (start of the file if unknown).
  base::Location at(const std::string& pointer) const;
  /// Location of the key of the member at `pointer` (its value if it has no key).
  base::Location key_at(const std::string& pointer) const;
  /// The source text of the value at `pointer` (e.g. "197.0" for a number, which nlohmann would print as
  /// 197.0 but a double holds as 197); empty if unknown.
  std::string raw_text(const std::string& pointer) const;
  /// Location of the character at byte `decoded_offset` inside the string value at `pointer`, mapping
  /// through escape sequences, so diagnostics inside Markdown-in-JSON point at the right column.
  base::Location in_string(const std::string& pointer, std::size_t decoded_offset) const;
  /// The reverse of in_string: how many bytes of the decoded string value at `pointer` stand before the
  /// source byte `offset` (0 when the offset is at or before the opening quote).
  std::size_t decoded_offset(const std::string& pointer, std::size_t offset) const;

 private:
  base::SourcePtr source_;
  nlohmann::json root_;
  std::unordered_map<std::string, JsonSpan> spans_;
};

/// Appends a reference token to a JSON Pointer, escaping '~' and '/'.
std::string pointer_append(const std::string& pointer, const std::string& token);
std::string pointer_append(const std::string& pointer, std::size_t index);

/// Maximum nesting of arrays and objects accepted in content files.
inline constexpr int kMaxJsonDepth = 64;

/// Parses `source` strictly (RFC 8259). Reports invalid UTF-8 (utf8-invalid), syntax errors (json-syntax),
/// duplicate keys (duplicate-key) and excessive nesting (json-too-deep); returns nullopt on any of them.
std::optional<JsonDocument> parse_json(const base::SourcePtr& source, base::Diagnostics& diags);

}  // namespace planpress::content
