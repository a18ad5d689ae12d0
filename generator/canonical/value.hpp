#pragma once
/// A JSON value as it is written: object members in their order, numbers as their source text ("197.0"
/// stays "197.0"), strings decoded. `fmt` rewrites plan.json from it and `sheet import` edits it, so that
/// nothing but the layout and the edited values ever changes.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/json_document.hpp"

namespace planpress::canonical {

struct Value {
  enum class Kind : std::uint8_t { null, boolean, number, string, array, object };

  Kind kind = Kind::null;
  std::string scalar;  ///< number: its source text; string: the decoded text; boolean: "true" or "false"
  std::vector<Value> elements;                         ///< array
  std::vector<std::pair<std::string, Value>> members;  ///< object, in order

  static Value null_value() { return {}; }
  static Value string(std::string s);
  /// A number from its JSON text ("12", "197.0"); the text must be a JSON number.
  static Value number(std::string text);
  static Value boolean(bool b);
  static Value array(std::vector<Value> elements = {});
  static Value object();

  bool is_object() const { return kind == Kind::object; }
  bool is_array() const { return kind == Kind::array; }
  bool is_string() const { return kind == Kind::string; }
  bool is_number() const { return kind == Kind::number; }
  bool is_null() const { return kind == Kind::null; }

  /// The member `key` of an object, or null.
  const Value* find(std::string_view key) const;
  Value* find(std::string_view key);
  /// Sets the member `key`: replaced where it is, else appended.
  void set(const std::string& key, Value v);
  /// Removes the member `key`, if present.
  void erase(std::string_view key);

  /// The string of a string value, "" for any other kind.
  const std::string& text() const;
  /// The value of a number, or 0.
  double number_value() const;
};

/// Same JSON value: numbers compare by value (197 equals 197.0), objects by their members whatever their
/// order (JSON objects are unordered), arrays element by element.
bool same_json(const Value& a, const Value& b);

/// The parsed document as a Value, members in the order of the file and numbers as written.
Value from_document(const content::JsonDocument& doc);

/// The value at a JSON Pointer ("/items/3/fields/rating"), or null.
const Value* at_pointer(const Value& root, std::string_view pointer);
Value* at_pointer(Value& root, std::string_view pointer);

}  // namespace planpress::canonical
