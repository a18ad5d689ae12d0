#pragma once
/// The diagnostic catalogue: every code planpress reports, with its severity, the exit status it leads to
/// and a one-line explanation. Call sites name codes by the `Code` enum, never by strings; the printed
/// name (`[xref-unresolved]`), the exit status and docs/diagnostics.md all come from this one table.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace planpress::base {

enum class Severity : std::uint8_t { error, warning };

/// What kind of problem a code is, which decides the exit status of a run that reports it as an error:
/// content (1: fix the content or the templates), environment (4: I/O, fonts, the output directory) or
/// internal (4: planpress or a library failed on input it should have handled; please report it).
enum class ExitClass : std::uint8_t { content, environment, internal };

/// The catalogue itself: one row per code — identifier, printed name, severity, exit class, phase and a
/// one-line explanation — in the order of docs/diagnostics.md. The `Code` enum and the table behind
/// `code_catalogue()` are both generated from this list, so they cannot disagree.
#define PLANPRESS_DIAGNOSTIC_CODES(X)                                                                          \
  X(missing_file, "missing-file", error, content, "load",                                                      \
    "a content file, section file, template or directory that is named or required is not there")              \
  X(io_error, "io-error", error, environment, "load", "a file cannot be read, or the output cannot be written")  \
  X(file_too_large, "file-too-large", error, content, "load",                                                  \
    "a JSON file over 8 MiB, a Markdown file or template over 1 MiB, or an asset over 16 MiB")                 \
  X(utf8_invalid, "utf8-invalid", error, content, "load", "the file is not valid UTF-8")                        \
  X(symlink_outside_content, "symlink-outside-content", error, content, "load",                                \
    "a content file or directory is a symbolic link leading out of the content directory")                     \
  X(file_not_regular, "file-not-regular", error, content, "load",                                              \
    "a content file is a FIFO, socket or device (or a directory where a file is expected)")                    \
  X(unused_file, "unused-file", warning, content, "load", "a file in a plan directory that no section uses")    \
  X(json_syntax, "json-syntax", error, content, "load", "not valid JSON")                                       \
  X(duplicate_key, "duplicate-key", error, content, "load", "the same key twice in one JSON object")            \
  X(json_too_deep, "json-too-deep", error, content, "load",                                                    \
    "JSON nested deeper than 64 levels, or categories deeper than 8")                                          \
  X(unknown_field, "unknown-field", error, content, "validate",                                                \
    "a key the format does not define, or a field key the plan does not declare")                              \
  X(missing_field, "missing-field", error, content, "validate",                                                \
    "a required key is absent, or an item lacks a field its plan requires")                                    \
  X(empty_value, "empty-value", error, content, "validate", "a required value is empty or only spaces")         \
  X(wrong_type, "wrong-type", error, content, "validate",                                                      \
    "a value of the wrong JSON type or shape (a string for a number, 2.7 for an integer, a bad date)")         \
  X(out_of_range, "out-of-range", error, content, "validate", "a number outside its allowed range")             \
  X(unsafe_id, "unsafe-id", error, content, "validate", "an id that cannot be a file name and URL segment")     \
  X(duplicate_id, "duplicate-id", error, content, "validate",                                                  \
    "an id or declared value used twice where it must be unique")                                              \
  X(duplicate_number, "duplicate-number", error, content, "validate",                                          \
    "two items of a plan print the same number (in one category, when numbering restarts per category)")       \
  X(control_character, "control-character", error, content, "validate",                                        \
    "a line break, tab or other control character in a one-line value, or a control character in a text")     \
  X(unknown_value, "unknown-value", error, content, "validate",                                                \
    "a value outside the plan's vocabulary, or an unknown keyword")                                            \
  X(invalid_character, "invalid-character", error, content, "validate",                                        \
    "a control character (NUL, BEL …) or an invisible format character (U+200B, U+202E …) in the content")     \
  X(markdown_raw_html, "markdown-raw-html", error, content, "validate", "raw HTML in Markdown")                  \
  X(markdown_unsafe_link, "markdown-unsafe-link", error, content, "validate",                                  \
    "a Markdown link to javascript:, vbscript:, data: or file:")                                               \
  X(markdown_image, "markdown-image", error, content, "validate", "an image in Markdown")                        \
  X(markdown_heading, "markdown-heading", error, content, "validate",                                          \
    "a Markdown heading above the level allowed where it stands")                                              \
  X(markdown_too_deep, "markdown-too-deep", error, content, "validate",                                        \
    "block quotes or lists nested more than 16 levels")                                                        \
  X(markdown_duplicate_definition, "markdown-duplicate-definition", error, content, "validate",                \
    "a Markdown link definition (or footnote) defined twice: the second is dropped")                           \
  X(markdown_too_complex, "markdown-too-complex", error, content, "validate",                                  \
    "Markdown the parser would take quadratic time over, or inline nesting deeper than 16 levels")             \
  X(xref_unresolved, "xref-unresolved", error, content, "link",                                                \
    "a reference to a plan, item, category, section, document, vocabulary or anchor that does not exist")      \
  X(xref_cycle, "xref-cycle", error, content, "link",                                                          \
    "a reference to itself, or references of an ordering type (predecessor, based_on …) that form a cycle")   \
  X(markdown_site_link, "markdown-site-link", error, content, "link",                                          \
    "a Markdown link to a path inside the site instead of [[plan-id#id]]")                                     \
  X(template_syntax, "template-syntax", error, content, "templates", "a Mustache syntax error")                  \
  X(template_missing_partial, "template-missing-partial", error, content, "templates",                         \
    "a partial or parent template that is not in the templates directory")                                     \
  X(template_recursion, "template-recursion", error, content, "templates",                                     \
    "a template that includes itself with nothing that could end the recursion")                              \
  X(template_unsafe, "template-unsafe", error, content, "templates",                                           \
    "a template value where HTML escaping does not protect it (unquoted attribute, on*=, style=, <script>, raw)") \
  X(template_unknown_variable, "template-unknown-variable", error, content, "render",                          \
    "a template variable whose name no page's context has")                                                   \
  X(site_too_large, "site-too-large", warning, content, "render",                                              \
    "the search index is larger than a site is expected to need (50 MB)")                                      \
  X(pdf_missing_glyph, "pdf-missing-glyph", error, content, "pdf", "a character that none of the PDF fonts has") \
  X(font_missing, "font-missing", error, environment, "pdf", "a font file cannot be read")                      \
  X(font_invalid, "font-invalid", error, environment, "pdf", "a font file is not a TrueType font libharu can embed") \
  X(pdf_error, "pdf-error", error, internal, "pdf", "libharu failed while writing a PDF")                       \
  X(not_canonical, "not-canonical", error, content, "fmt",                                                     \
    "a JSON file is not in the canonical layout that planpress fmt writes")                                    \
  X(sheet_invalid, "sheet-invalid", error, content, "sheet import",                                            \
    "a file given to sheet import is not a readable .xlsx or .csv, or exceeds the reader's limits")            \
  X(sheet_no_keys, "sheet-no-keys", error, content, "sheet import",                                            \
    "a sheet without the key row and column that sheet export writes")                                          \
  X(sheet_unknown_plan, "sheet-unknown-plan", error, content, "sheet import",                                  \
    "a sheet of a plan that content/ does not have")                                                           \
  X(sheet_read_only, "sheet-read-only", error, content, "sheet import",                                        \
    "a changed cell that the sheet cannot change (a list, a schedule, a category row, a key)")                 \
  X(sheet_duplicate_row, "sheet-duplicate-row", error, content, "sheet import",                                \
    "two rows of a sheet for the same item or indicator values")                                               \
  X(sheet_conflict, "sheet-conflict", error, content, "sheet import",                                          \
    "two sheets given to one import change the same value differently")                                        \
  X(sheet_unknown_row, "sheet-unknown-row", warning, content, "sheet import",                                  \
    "a row the plan does not have (added in the sheet); it is ignored")                                        \
  X(sheet_unknown_column, "sheet-unknown-column", warning, content, "sheet import",                            \
    "a column the plan does not have (added in the sheet); it is ignored")                                     \
  X(sheet_removed_row, "sheet-removed-row", warning, content, "sheet import",                                  \
    "an item of the plan whose row is missing from the sheet; it is kept")                                     \
  X(report_rating_reason, "report-rating-reason", warning, content, "report",                                  \
    "a 自己評価 that the item's own text contradicts (its reason says 自己評価は○ while it rates ☆)")              \
  X(report_revise_unchanged, "report-revise-unchanged", warning, content, "report",                            \
    "an item whose 次年度方向性 says it changes (変更) but that next year's edition prints unchanged")            \
  X(report_indicator_target, "report-indicator-target", warning, content, "report",                            \
    "an indicator target without a year, or a target year with no actual value though later years have one")  \
  X(report_no_department, "report-no-department", warning, content, "report",                                  \
    "an item without 担当課 in a plan whose other items name theirs")

/// Every diagnostic code (generated from PLANPRESS_DIAGNOSTIC_CODES).
enum class Code : std::uint8_t {
#define PLANPRESS_CODE_ENUM(id, name, severity, exit_class, phase, summary) id,
  PLANPRESS_DIAGNOSTIC_CODES(PLANPRESS_CODE_ENUM)
#undef PLANPRESS_CODE_ENUM
};

/// A text in the languages diagnostics are written in. Only English is filled in today; `ja` is where
/// issue 11 puts the Japanese text (the default then, English with --lang en). An empty `ja` falls back
/// to `en`.
struct Text {
  std::string_view en;
  std::string_view ja = {};
};

/// Languages of diagnostic texts.
enum class Lang : std::uint8_t { en, ja };

/// `text` in `lang`, falling back to English where no translation exists yet.
constexpr std::string_view in_lang(const Text& text, Lang lang) {
  return lang == Lang::ja && !text.ja.empty() ? text.ja : text.en;
}

/// One row of the catalogue.
struct CodeInfo {
  Code code;
  std::string_view name;  ///< as printed in brackets: "xref-unresolved"
  Severity severity;
  ExitClass exit_class;
  std::string_view phase;  ///< the phase that reports it ("load", "validate" …), for the documentation
  Text summary;            ///< one line: what the problem is
};

/// The whole catalogue, one row per `Code`, in enum order.
std::span<const CodeInfo> code_catalogue();

/// The catalogue row of `code`.
const CodeInfo& info(Code code);

/// The printed name of `code` ("xref-unresolved").
std::string_view name_of(Code code);

/// The code printed as `name`, if there is one.
std::optional<Code> code_named(std::string_view name);

}  // namespace planpress::base
