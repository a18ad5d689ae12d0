#pragma once
/// Internal: the compiled form of a Mustache template (a node tree), shared by the parser and the renderer.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/source.hpp"

namespace planpress::tmpl::detail {

enum class NodeKind : std::uint8_t {
  text,      // literal text; at most one line terminator, at its end
  variable,  // {{name}}: HTML-escaped interpolation
  raw,       // {{{name}}} / {{&name}}: unescaped interpolation
  section,   // {{#name}}…{{/name}}
  inverted,  // {{^name}}…{{/name}}
  partial,   // {{>name}}
  parent,    // {{<name}}…{{/name}}: children are the block arguments passed to the parent
  block,     // {{$name}}…{{/name}}: children are the default content
};

struct Template;

/// How the lookups of a tag's name went while rendering: whether the name was ever found in a context,
/// and whether it was ever missing. Renders may run on several threads, hence atomic.
struct LookupRecord {
  static constexpr std::uint8_t kFound = 1, kMissing = 2;
  mutable std::atomic<std::uint8_t> bits{0};
  LookupRecord() = default;
  LookupRecord(const LookupRecord& o) : bits(o.bits.load()) {}
  LookupRecord& operator=(const LookupRecord& o) {
    bits = o.bits.load();
    return *this;
  }
  void note(bool found) const { bits.fetch_or(found ? kFound : kMissing, std::memory_order_relaxed); }
  /// Looked up at least once and never found: a name no context has (a typo, or a removed key).
  bool never_found() const { return bits.load(std::memory_order_relaxed) == kMissing; }
};

/// One node of a compiled template. Standalone lines, comments and delimiter changes are already gone.
struct Node {
  NodeKind kind = NodeKind::text;
  /// text: the literal; partial/parent/block: the name as written.
  std::string text;
  /// variable/raw/section/inverted: the dotted name split on '.'; empty for the implicit iterator `.`.
  std::vector<std::string> path;
  std::vector<Node> children;
  /// partial/parent: indentation added to every line of the expansion (standalone tags only);
  /// block: indentation added to every line of the expansion after the first line of the body, or to every
  /// line if `standalone`. Block bodies have their own indentation removed when compiled.
  std::string indent;
  /// partial/parent/block: the tag stood on a line of its own, so its expansion starts a new line.
  bool standalone = false;
  /// text: ends with '\n'.
  bool ends_line = false;
  /// text: is nothing but a line terminator (empty lines are not indented).
  bool bare_newline = false;
  /// Byte offset of the tag in its source, for diagnostics.
  std::size_t offset = 0;
  /// partial/parent: the template the name refers to, filled in by TemplateSet::compile (null if unknown).
  const Template* target = nullptr;
  /// variable/raw/section/inverted: what rendering found for the name.
  LookupRecord lookups;
};

/// A named, compiled template.
struct Template {
  std::string name;
  base::SourcePtr source;
  std::vector<Node> nodes;
};

}  // namespace planpress::tmpl::detail
