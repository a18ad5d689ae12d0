#pragma once
/// Diagnostics: one per problem, collected by phases, printed only by the CLI.
#include <optional>
#include <string>
#include <vector>

#include "base/codes.hpp"
#include "base/messages.hpp"
#include "base/source.hpp"

namespace planpress::base {

/// One problem: where, what, which code (the `[code]` suffix users can look up in docs/diagnostics.md).
/// The message and hints are catalogue entries with their values, rendered only when printed.
struct Diagnostic {
  Severity severity = Severity::error;
  Code code = Code::io_error;
  Message message;
  Location location;
  std::vector<Message> hints;
};

/// An ordered collection of diagnostics. Phases append; nobody prints here.
class Diagnostics {
 public:
  /// Records an error at `where`; its code is the one `message` belongs to in the catalogue.
  Diagnostic& error(Location where, CodedMessage message, std::vector<Message> hints = {});
  /// Records a warning at `where`.
  Diagnostic& warning(Location where, CodedMessage message, std::vector<Message> hints = {});
  /// Appends one diagnostic as it is.
  void add(Diagnostic d);
  /// Appends all diagnostics of `other`.
  void merge(const Diagnostics& other);
  /// Appends the diagnostics of `other` that are not already here (same code, place and message), so that
  /// a problem met on every page that uses a template is reported once.
  void merge_distinct(const Diagnostics& other);

  const std::vector<Diagnostic>& all() const { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  bool empty() const { return items_.empty(); }
  /// The exit class of the errors recorded: environment or internal if any error is of that class (the
  /// run cannot succeed whatever the content), else content; nullopt without errors.
  std::optional<ExitClass> exit_class() const;

 private:
  std::vector<Diagnostic> items_;
};

/// Formats one diagnostic GNU style in `lang`: `path:line:col: error: message [code]`, then the source
/// line with a caret under the column, then `hint:` lines. Long lines are cut around the caret. The
/// words `error`, `warning` and `hint` and the code stay as they are in every language, so that editors
/// and scripts read the same format; the output is always valid UTF-8.
std::string format_diagnostic(const Diagnostic& d, Lang lang);

}  // namespace planpress::base
