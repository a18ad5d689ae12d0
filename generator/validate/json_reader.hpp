#pragma once
/// Typed reading of JSON values with diagnostics at their source positions (internal to validate).
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "content/json_document.hpp"
#include "validate/keys.hpp"

namespace planpress::validate {

/// A JSON value together with its pointer and a phrase naming it in messages ("item '8'", 「項目「8」」).
struct JsonRef {
  const nlohmann::json* json = nullptr;
  std::string pointer;
  base::Message what;
  explicit operator bool() const { return json != nullptr; }
};

/// Whether a string value may hold line breaks (docs/content-format.md, "Line breaks and control
/// characters"): titles, names, numbers, labels and values of vocabularies are one line; texts of
/// paragraphs may have several.
enum class Lines { one, many };

/// Reads typed values from one JSON document, reporting wrong types, unknown and missing keys, empty
/// values, ranges and unsafe ids, each at the offending value.
class JsonReader {
 public:
  JsonReader(const content::JsonDocument& doc, base::Diagnostics& diags) : doc_(doc), diags_(diags) {}

  const content::JsonDocument& document() const { return doc_; }
  base::Diagnostics& diagnostics() { return diags_; }
  base::Location at(const std::string& pointer) const { return doc_.at(pointer); }

  /// The root value.
  JsonRef root(base::Message what) const { return JsonRef{&doc_.root(), "", std::move(what)}; }
  /// The member `key` of `obj` (null JsonRef if absent).
  JsonRef member(const JsonRef& obj, const std::string& key) const;

  /// Checks that `v` is an object whose keys are all allowed by `keys` (unknown-field, with did-you-mean)
  /// and that its required keys are present (missing-field). Returns false if `v` is absent or not an object.
  bool expect_object(const JsonRef& v, const ObjectKeys& keys);
  /// Elements of the array member `key` (empty if absent; wrong-type if not an array), named in messages
  /// as `kind` (a term: "item") with their id or position.
  std::vector<JsonRef> array(const JsonRef& obj, const std::string& key, base::Msg kind);
  /// Elements of an array value.
  std::vector<JsonRef> elements(const JsonRef& v, base::Msg kind);

  /// String member; "" if absent. wrong-type if not a string; empty-value if `nonempty` and "". A
  /// one-line value: any control character in it (a line break, also at its end; a tab; CR …) is an
  /// error (control-character, at the character).
  std::string text(const JsonRef& obj, const std::string& key, bool nonempty = true);
  /// A string member of paragraphs separated by "\n": line breaks are normalised (CR LF and CR become LF,
  /// line breaks at the end are removed); any other control character (a tab …) is an error.
  std::string paragraphs(const JsonRef& obj, const std::string& key, bool nonempty = true);
  /// The checks of text() (Lines::one) or paragraphs() (Lines::many) on a string value itself.
  std::string checked(const JsonRef& v, Lines lines);
  /// String member that must be a safe slug (unsafe-id).
  std::string slug(const JsonRef& obj, const std::string& key);
  /// String member that must be one of `allowed` (unknown-value).
  std::string keyword(const JsonRef& obj, const std::string& key, const std::vector<std::string>& allowed);
  /// Integer member in [min, max] (wrong-type for 2.7 or "3", out-of-range otherwise).
  std::optional<int> integer(const JsonRef& obj, const std::string& key, long long min, long long max);
  /// Integer member that may also be null (`to` of an open-ended period). Sets `was_null`.
  std::optional<int> integer_or_null(const JsonRef& obj, const std::string& key, long long min, long long max, bool& was_null);
  /// A fiscal year (Western, 1868–2200): an integer member with hints that convert 「令和7年度」, "R7" or 7.
  std::optional<int> year(const JsonRef& obj, const std::string& key);
  /// A fiscal year that may also be null (`to` of an open-ended period). Sets `was_null`.
  std::optional<int> year_or_null(const JsonRef& obj, const std::string& key, bool& was_null);
  /// Number member (integer or float), or null.
  std::optional<double> number_or_null(const JsonRef& obj, const std::string& key);
  /// Boolean member.
  std::optional<bool> boolean(const JsonRef& obj, const std::string& key);

  /// Reports wrong-type for `v`: "<what> must be <expected>, got <description>"; `expected` is a term.
  /// A string where a number is expected gets the hint that fixes it (quotes, 全角 digits, 18,400, 312件,
  /// and for a fiscal year 令和7年度).
  void wrong_type(const JsonRef& v, base::Msg expected, bool fiscal_year = false);

 private:
  std::optional<int> integer_or_null(const JsonRef& obj, const std::string& key, long long min, long long max, bool& was_null,
                                     bool fiscal_year);

  const content::JsonDocument& doc_;
  base::Diagnostics& diags_;
};

/// The first and last fiscal year content may name.
inline constexpr long long kMinYear = 1868;
inline constexpr long long kMaxYear = 2200;

/// True if `s` holds only whitespace (including U+3000).
bool is_blank(const std::string& s);

/// "a number (12)", "an array", "null" … for messages.
base::Message describe_json(const nlohmann::json& v);

/// The message that is the term `id` (a word without parameters, such as "item").
base::Message term(base::Msg id);

}  // namespace planpress::validate
