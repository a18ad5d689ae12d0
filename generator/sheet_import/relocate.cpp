// Diagnostics of `check` on the edited content, moved from the new plan.json to the cells their values
// came from.
#include <algorithm>

#include "base/utf8.hpp"
#include "sheet_import/import.hpp"

namespace planpress::sheet_import {

namespace {

struct Span {
  std::size_t begin = 0, end = 0;
};

std::optional<Span> span_of(const content::JsonDocument& doc, const std::string& pointer) {
  const std::string raw = doc.raw_text(pointer);
  if (raw.empty()) return std::nullopt;
  const std::size_t begin = doc.at(pointer).offset;
  return Span{begin, begin + raw.size()};
}

// Where in the cell's text the character at `offset` of the new plan.json stands: inside the string the
// value is (or, for a list, the element it is), found in the cell's text; the cell's start otherwise.
std::size_t cell_offset(const content::JsonDocument& doc, const Change& c, std::size_t offset) {
  const std::string& cell = c.source->text();
  std::vector<std::string> strings;  // the strings of the value, and their pointers and starts in the new text
  std::vector<std::string> pointers;
  std::vector<std::size_t> starts;
  const nlohmann::json* value = nullptr;
  try {
    value = &doc.root().at(nlohmann::json::json_pointer(c.pointer));
  } catch (const std::exception&) {
    return 0;
  }
  if (value->is_string()) {
    strings.push_back(value->get<std::string>());
    pointers.push_back(c.pointer);
    starts.push_back(doc.at(c.pointer).offset);
  } else if (value->is_array()) {
    for (std::size_t k = 0; k < value->size(); ++k)
      if ((*value)[k].is_string()) {
        strings.push_back((*value)[k].get<std::string>());
        pointers.push_back(c.pointer + "/" + std::to_string(k));
        starts.push_back(doc.at(pointers.back()).offset);
      }
  }
  // The element the offset is in: the last one starting at or before it.
  std::size_t hit = strings.size();
  for (std::size_t k = 0; k < strings.size(); ++k)
    if (starts[k] <= offset) hit = k;
  if (hit == strings.size()) return 0;
  std::size_t from = 0, found = 0;
  for (std::size_t k = 0; k <= hit; ++k) {
    found = cell.find(strings[k], from);
    if (found == std::string::npos) return 0;
    from = found + strings[k].size();
  }
  std::size_t inside = std::min(doc.decoded_offset(pointers[hit], offset), strings[hit].size());
  while (inside > 0 && inside < strings[hit].size() && (static_cast<unsigned char>(strings[hit][inside]) & 0xC0) == 0x80) --inside;
  return found + inside;
}

}  // namespace

void relocate(base::Diagnostics& diags, const std::map<std::string, PlanEdit>& edits, const std::map<std::string, std::string>& texts) {
  std::map<std::string, std::pair<const PlanEdit*, std::optional<content::JsonDocument>>> docs;  // by path
  for (const auto& [plan, edit] : edits) {
    const auto text = texts.find(edit.path);
    if (text == texts.end()) continue;
    base::Diagnostics ignored;
    docs[edit.path] = {&edit, content::parse_json(std::make_shared<base::SourceFile>(edit.path, text->second), ignored)};
  }
  base::Diagnostics moved;
  for (base::Diagnostic d : diags.all()) {
    const auto it = d.location.known() ? docs.find(d.location.file->path()) : docs.end();
    if (it != docs.end() && it->second.second && d.location.file->place().empty()) {
      const content::JsonDocument& doc = *it->second.second;
      const Change* best = nullptr;
      std::size_t best_size = 0;
      for (const auto& c : it->second.first->changes) {
        const auto span = span_of(doc, c.pointer);
        if (!span || d.location.offset < span->begin || d.location.offset >= span->end) continue;
        if (!best || span->end - span->begin < best_size) {
          best = &c;
          best_size = span->end - span->begin;
        }
      }
      if (best) d.location = base::Location::in(best->source, cell_offset(doc, *best, d.location.offset));
    }
    moved.add(std::move(d));
  }
  diags = std::move(moved);
}

}  // namespace planpress::sheet_import
