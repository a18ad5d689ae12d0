// The keys the validator accepts and the keys schemas/*.json describe are the same, in both directions:
// every object the validator checks (validate/keys.cpp, the table the validator itself reads) has a
// schema object with exactly its allowed and required keys, and every schema object with fixed keys is
// checked by the validator. Editors complete and check plan.json from the schemas (.vscode/settings.json),
// so a key that only one side knows would be offered by the editor and refused by planpress, or the reverse.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "test_util.hpp"
#include "validate/keys.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using planpress::validate::all_object_keys;
using planpress::validate::ObjectKeys;

namespace {

const fs::path kSchemas = fs::path(PLANPRESS_SOURCE_DIR) / "schemas";

const json& schema_file(const std::string& name) {
  static std::map<std::string, json> cache;
  auto it = cache.find(name);
  if (it == cache.end()) {
    const std::string text = planpress::testing::read_all(kSchemas / name);
    REQUIRE_FALSE(text.empty());
    it = cache.emplace(name, json::parse(text)).first;
  }
  return it->second;
}

// "plan.schema.json#/definitions/item" → the schema object it names, following a "$ref" within the file.
const json& resolve(const std::string& address) {
  const auto hash = address.find('#');
  REQUIRE(hash != std::string::npos);
  const json& file = schema_file(address.substr(0, hash));
  const std::string pointer = address.substr(hash + 1);
  INFO("schema object " << address);
  REQUIRE(file.contains(json::json_pointer(pointer)));
  const json& node = file.at(json::json_pointer(pointer));
  if (node.contains("$ref")) {
    const std::string ref = node["$ref"];
    REQUIRE(ref.rfind("#", 0) == 0);
    return file.at(json::json_pointer(ref.substr(1)));
  }
  return node;
}

std::set<std::string> keys_of(const json& properties) {
  std::set<std::string> out;
  for (auto it = properties.begin(); it != properties.end(); ++it) out.insert(it.key());
  return out;
}

// A reference token of a JSON Pointer: '~' and '/' escaped (RFC 6901).
std::string escape_token(const std::string& key) {
  std::string out;
  for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return out;
}

// Every object schema with fixed keys ("properties") in one schema file, by "file#pointer".
void collect_objects(const json& node, const std::string& file, const std::string& pointer,
                     std::map<std::string, const json*>& out) {
  if (node.is_object()) {
    if (node.contains("properties") && node["properties"].is_object()) out[file + "#" + pointer] = &node;
    for (auto it = node.begin(); it != node.end(); ++it)
      collect_objects(it.value(), file, pointer + "/" + escape_token(it.key()), out);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) collect_objects(node[i], file, pointer + "/" + std::to_string(i), out);
  }
}

std::string list(const std::set<std::string>& keys) {
  std::string s;
  for (const auto& k : keys) s += (s.empty() ? "" : ", ") + k;
  return s.empty() ? "(none)" : s;
}

}  // namespace

TEST_CASE("every object the validator checks has the same keys in its schema", "[schema]") {
  REQUIRE(all_object_keys().size() >= 20);
  for (const ObjectKeys* keys : all_object_keys()) {
    DYNAMIC_SECTION(keys->schema()) {
      const json& schema = resolve(keys->schema());
      REQUIRE(schema.contains("properties"));
      const std::set<std::string> validator(keys->allowed().begin(), keys->allowed().end());
      const std::set<std::string> in_schema = keys_of(schema["properties"]);
      std::set<std::string> only_validator, only_schema;
      std::set_difference(validator.begin(), validator.end(), in_schema.begin(), in_schema.end(),
                          std::inserter(only_validator, only_validator.end()));
      std::set_difference(in_schema.begin(), in_schema.end(), validator.begin(), validator.end(),
                          std::inserter(only_schema, only_schema.end()));
      INFO("accepted by the validator, missing from the schema: " << list(only_validator));
      INFO("in the schema, refused by the validator: " << list(only_schema));
      CHECK(only_validator.empty());
      CHECK(only_schema.empty());
      CHECK(validator.size() == keys->allowed().size());  // no key listed twice

      const std::set<std::string> required(keys->required().begin(), keys->required().end());
      std::set<std::string> schema_required;
      if (schema.contains("required"))
        for (const auto& k : schema["required"]) schema_required.insert(k.get<std::string>());
      INFO("required by the validator: " << list(required) << "; by the schema: " << list(schema_required));
      CHECK(required == schema_required);
      // The validator refuses unknown keys; the schema must say so too, or editors accept any key.
      CHECK(schema.value("additionalProperties", true) == false);
    }
  }
}

TEST_CASE("every schema object with fixed keys is checked by the validator", "[schema]") {
  std::set<std::string> checked;
  for (const ObjectKeys* keys : all_object_keys()) {
    // An address with a "$ref" stands for the definition it points to.
    const auto hash = keys->schema().find('#');
    const std::string file = keys->schema().substr(0, hash);
    const json& node = schema_file(file).at(json::json_pointer(keys->schema().substr(hash + 1)));
    checked.insert(node.contains("$ref") ? file + node["$ref"].get<std::string>() : keys->schema());
  }
  std::map<std::string, const json*> objects;
  for (const auto& e : fs::directory_iterator(kSchemas))
    if (e.path().extension() == ".json") {
      const std::string file = e.path().filename().string();
      collect_objects(schema_file(file), file, "", objects);
    }
  REQUIRE(objects.size() >= 20);
  for (const auto& [address, node] : objects) {
    INFO("schema object " << address << " with keys " << list(keys_of((*node)["properties"]))
                          << " is not in the validator's table (generator/validate/keys.cpp)");
    CHECK(checked.count(address) == 1);
  }
}
