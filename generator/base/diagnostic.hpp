#pragma once
/// Diagnostics: one per problem, collected by phases, printed only by the CLI.
#include <string>
#include <vector>

#include "base/source.hpp"

namespace planpress::base {

enum class Severity { error, warning };

/// One problem: where, what, which code (the `[code]` suffix users can look up in docs/diagnostics.md).
struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;
  std::string message;
  Location location;
  std::vector<std::string> hints;
};

/// An ordered collection of diagnostics. Phases append; nobody prints here.
class Diagnostics {
 public:
  /// Records an error at `where`.
  Diagnostic& error(std::string code, Location where, std::string message, std::vector<std::string> hints = {});
  /// Records a warning at `where`.
  Diagnostic& warning(std::string code, Location where, std::string message, std::vector<std::string> hints = {});
  /// Appends all diagnostics of `other`.
  void merge(const Diagnostics& other);

  const std::vector<Diagnostic>& all() const { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

/// Formats one diagnostic GNU style: `path:line:col: error: message [code]`, then the source line with a
/// caret under the column, then `hint:` lines. Long lines are cut around the caret.
std::string format_diagnostic(const Diagnostic& d);

}  // namespace planpress::base
