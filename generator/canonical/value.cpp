#include "canonical/value.hpp"

#include <algorithm>
#include <cstdlib>

namespace planpress::canonical {

Value Value::string(std::string s) {
  Value v;
  v.kind = Kind::string;
  v.scalar = std::move(s);
  return v;
}

Value Value::number(std::string text) {
  Value v;
  v.kind = Kind::number;
  v.scalar = std::move(text);
  return v;
}

Value Value::boolean(bool b) {
  Value v;
  v.kind = Kind::boolean;
  v.scalar = b ? "true" : "false";
  return v;
}

Value Value::array(std::vector<Value> elements) {
  Value v;
  v.kind = Kind::array;
  v.elements = std::move(elements);
  return v;
}

Value Value::object() {
  Value v;
  v.kind = Kind::object;
  return v;
}

const Value* Value::find(std::string_view key) const {
  for (const auto& [k, v] : members)
    if (k == key) return &v;
  return nullptr;
}

Value* Value::find(std::string_view key) {
  for (auto& [k, v] : members)
    if (k == key) return &v;
  return nullptr;
}

void Value::set(const std::string& key, Value v) {
  if (Value* existing = find(key)) *existing = std::move(v);
  else members.emplace_back(key, std::move(v));
}

void Value::erase(std::string_view key) {
  std::erase_if(members, [&](const auto& m) { return m.first == key; });
}

const std::string& Value::text() const {
  static const std::string empty;
  return kind == Kind::string ? scalar : empty;
}

double Value::number_value() const { return kind == Kind::number ? std::strtod(scalar.c_str(), nullptr) : 0; }

bool same_json(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Value::Kind::null: return true;
    case Value::Kind::boolean:
    case Value::Kind::string: return a.scalar == b.scalar;
    case Value::Kind::number: return a.scalar == b.scalar || a.number_value() == b.number_value();
    case Value::Kind::array:
      return std::equal(a.elements.begin(), a.elements.end(), b.elements.begin(), b.elements.end(), same_json);
    case Value::Kind::object:
      if (a.members.size() != b.members.size()) return false;
      for (const auto& [k, v] : a.members) {
        const Value* other = b.find(k);
        if (!other || !same_json(v, *other)) return false;
      }
      return true;
  }
  return false;
}

namespace {

Value convert(const content::JsonDocument& doc, const nlohmann::json& j, const std::string& pointer) {
  switch (j.type()) {
    case nlohmann::json::value_t::null: return Value::null_value();
    case nlohmann::json::value_t::boolean: return Value::boolean(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: {
      std::string raw = doc.raw_text(pointer);
      return Value::number(raw.empty() ? j.dump() : raw);
    }
    case nlohmann::json::value_t::string: return Value::string(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      Value v = Value::array();
      for (std::size_t i = 0; i < j.size(); ++i) v.elements.push_back(convert(doc, j[i], content::pointer_append(pointer, i)));
      return v;
    }
    case nlohmann::json::value_t::object: {
      // nlohmann keeps members sorted by key; the file's order is that of their keys' offsets.
      std::vector<std::pair<std::size_t, std::string>> order;
      for (auto it = j.begin(); it != j.end(); ++it)
        order.emplace_back(doc.key_at(content::pointer_append(pointer, it.key())).offset, it.key());
      std::stable_sort(order.begin(), order.end());
      Value v = Value::object();
      for (const auto& [offset, key] : order)
        v.members.emplace_back(key, convert(doc, j.at(key), content::pointer_append(pointer, key)));
      return v;
    }
    default: return Value::null_value();
  }
}

// The next reference token of a JSON Pointer, unescaped; advances `pos` past it.
std::string next_token(std::string_view pointer, std::size_t& pos) {
  std::string token;
  ++pos;  // the '/'
  while (pos < pointer.size() && pointer[pos] != '/') {
    if (pointer[pos] == '~' && pos + 1 < pointer.size()) {
      token += pointer[pos + 1] == '1' ? '/' : '~';
      pos += 2;
    } else {
      token += pointer[pos++];
    }
  }
  return token;
}

}  // namespace

Value from_document(const content::JsonDocument& doc) { return convert(doc, doc.root(), ""); }

Value* at_pointer(Value& root, std::string_view pointer) {
  Value* v = &root;
  std::size_t pos = 0;
  while (pos < pointer.size()) {
    if (pointer[pos] != '/') return nullptr;
    const std::string token = next_token(pointer, pos);
    if (v->is_object()) {
      v = v->find(token);
    } else if (v->is_array()) {
      char* end = nullptr;
      const unsigned long i = std::strtoul(token.c_str(), &end, 10);
      if (token.empty() || *end != '\0' || i >= v->elements.size()) return nullptr;
      v = &v->elements[i];
    } else {
      return nullptr;
    }
    if (!v) return nullptr;
  }
  return v;
}

const Value* at_pointer(const Value& root, std::string_view pointer) {
  return at_pointer(const_cast<Value&>(root), pointer);
}

}  // namespace planpress::canonical
