#pragma once
/// Mustache templates rendered straight from nlohmann::json values.
///
/// Implements the Mustache spec (comments, delimiters, interpolation, sections, inverted sections,
/// partials) and its optional inheritance module, which page layouts use:
///
///     {{<layout}}{{$content}}…{{/content}}{{/layout}}      (in a page)
///     <main>{{$content}}default{{/content}}</main>          (in the layout "layout")
///
/// Value rules: strings print as they are; numbers as JSON prints them (85, 1.21, 1.0); true/false as
/// "true"/"false"; null and missing names as nothing; lists and objects as JSON text. Falsey for sections
/// are false, null, missing names and the empty list; everything else, the empty string and 0 included,
/// is truthy, as in the spec's reference implementation.
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostic.hpp"
#include "base/source.hpp"

namespace planpress::tmpl {

namespace detail {
struct Template;
}

/// Thrown by TemplateSet::render when called before compile() (a programming error; problems of the
/// templates themselves are diagnostics).
class RenderError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A set of named templates that can refer to each other as partials (`{{>name}}`) and parents
/// (`{{<name}}…{{/name}}`). Compile once, then render any number of times; rendering does not modify the
/// set, so one compiled set may be shared by threads.
class TemplateSet {
 public:
  TemplateSet();
  ~TemplateSet();
  TemplateSet(TemplateSet&&) noexcept;
  TemplateSet& operator=(TemplateSet&&) noexcept;
  TemplateSet(const TemplateSet&) = delete;
  TemplateSet& operator=(const TemplateSet&) = delete;

  /// Adds a template source under `name` (partials and parents are looked up by this name). Adding a name
  /// again replaces the earlier source. The set must be compiled again before rendering.
  void add(std::string name, base::SourcePtr source);

  /// Parses every template; reports syntax errors (`template-syntax`), partials and parents that include
  /// their own template again outside any section (`template-recursion`: rendering would never end) and,
  /// if `strict_partials`, references to unknown partials/parents (`template-missing-partial`) into
  /// `diags`, each at the offending tag. All problems are reported, not just the first. Returns false if
  /// any error was reported.
  bool compile(base::Diagnostics& diags, bool strict_partials = false);

  /// Checks, after compile(), where each interpolation lands in the HTML a template writes, and reports
  /// `template-unsafe` where escaping does not make content safe: a value in an unquoted attribute value,
  /// inside a tag outside any attribute value, in an `on*=` or `style=` attribute, inside a <script> or
  /// <style> element, and a raw `{{{x}}}` (or `{{&x}}`) anywhere but element text. Names in `trusted`
  /// (values the caller builds itself, never from content, such as pre-escaped HTML) may be raw and may
  /// stand anywhere. Returns false if anything was reported.
  bool lint_html(const std::vector<std::string>& trusted, base::Diagnostics& diags) const;

  /// True if a template named `name` was added.
  bool contains(const std::string& name) const;

  /// Renders the compiled template `name` with `context` (HTML-escaping `{{x}}`: & < > " ' ; `{{{x}}}` and
  /// `{{&x}}` raw). An unknown partial or parent renders as nothing. Problems are reported into `diags`,
  /// never thrown: an unknown `name` (missing-file), and partials nested so deep that only data that never
  /// ends a recursion explains it (template-recursion, at the tag; the output is then incomplete).
  /// Precondition: compile() was called since the last add() (else throws RenderError).
  std::string render(const std::string& name, const nlohmann::json& context, base::Diagnostics& diags) const;

  /// Reports `template-unknown-variable` for every interpolation ({{x}}, {{{x}}}) that was looked up while
  /// rendering (since compile()) and never found in any context: the name of nothing, a typo or a key the
  /// page contexts do not have, which would otherwise render as nothing, silently. Tags that were never
  /// rendered say nothing; sections are not reported ({{#x}} on a key only some contexts have is how
  /// Mustache writes an optional part). Rendering keeps these records (atomically), the only state it changes.
  void report_unknown_names(base::Diagnostics& diags) const;

 private:
  std::vector<std::string> order_;  // insertion order, so that diagnostics come in a stable order
  std::map<std::string, std::unique_ptr<detail::Template>, std::less<>> templates_;
  bool compiled_ = false;
};

}  // namespace planpress::tmpl
