#pragma once
/// The canonical layout of the content's JSON files (`planpress fmt`): keys in the order of the schema,
/// two-space indent, one object member per line (so every item is a block of its own), arrays of plain
/// values on one line, UTF-8 without \u escapes, a final newline. Values are never changed: numbers keep
/// their text, strings their characters.
#include <string>
#include <string_view>

#include "canonical/value.hpp"

namespace planpress::canonical {

/// Which file a JSON document is: its schema decides the order of its keys.
enum class FileKind { plan, site, documents, other };

/// The kind of a content file by its name (plan.json, site.json, documents.json; anything else: other).
FileKind file_kind(std::string_view path);

/// Puts the members of every object in the order of the schema (the key table of validate/keys.cpp):
/// the keys the schema knows first, in its order, then any others in the order they had (check reports
/// those). An item's `fields` and `labels` follow the plan's `fields`. Objects of other files and maps
/// without a fixed set of keys keep their order.
void order_keys(Value& root, FileKind kind);

/// `root` written in the canonical layout (members in the order they have).
std::string write(const Value& root);

/// order_keys, then write.
std::string canonical_text(Value root, FileKind kind);

}  // namespace planpress::canonical
