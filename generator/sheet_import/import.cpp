#include "sheet_import/import.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>

#include "base/suggest.hpp"
#include "base/utf8.hpp"
#include "present/titles.hpp"
#include "present/values.hpp"
#include "sheets/cells.hpp"
#include "sheets/export.hpp"
#include "sheets/keys.hpp"
#include "text/encoding.hpp"
#include "text/wareki.hpp"

namespace planpress::sheet_import {

namespace {

using base::arg;
using base::msg;
using base::Msg;
using canonical::Value;

// --- cells ------------------------------------------------------------------------------------------------

std::string place_of(const SheetFile& f, const workbook::Sheet& s, int row, int column) {
  const std::string cell = workbook::cell_name(row, column);
  return f.csv ? cell : s.name + "!" + cell;
}

base::SourcePtr cell_source(const SheetFile& f, const workbook::Sheet& s, int row, int column) {
  return std::make_shared<base::SourceFile>(f.path, place_of(f, s, row, column), s.text(row, column));
}

base::Location at_cell(const SheetFile& f, const workbook::Sheet& s, int row, int column) {
  return base::Location::in(cell_source(f, s, row, column), 0);
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\n' || c == U'\r'; }

std::string trim(std::string_view s) {
  std::size_t begin = 0, end = s.size();
  while (begin < end) {
    std::size_t j = begin;
    if (!is_space(base::decode_utf8(s, j))) break;
    begin = j;
  }
  while (end > begin) {
    std::size_t k = end - 1;
    while (k > begin && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    std::size_t j = k;
    if (!is_space(base::decode_utf8(s, j))) break;
    end = k;
  }
  return std::string(s.substr(begin, end - begin));
}

// Splits at any of `separators` (each a UTF-8 string), trims the parts and drops empty ones.
std::vector<std::string> split(const std::string& s, const std::vector<std::string_view>& separators) {
  std::vector<std::string> out;
  std::size_t start = 0, i = 0;
  auto flush = [&](std::size_t end) {
    std::string part = trim(std::string_view(s).substr(start, end - start));
    if (!part.empty()) out.push_back(std::move(part));
  };
  while (i < s.size()) {
    bool matched = false;
    for (const auto sep : separators)
      if (s.compare(i, sep.size(), sep) == 0) {
        flush(i);
        i += sep.size();
        start = i;
        matched = true;
        break;
      }
    if (!matched) ++i;
  }
  flush(s.size());
  return out;
}

std::optional<double> parse_number(std::string_view text) {
  std::string t = trim(text);
  if (t.empty()) return std::nullopt;
  double v = 0;
  const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || p != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// A number as JSON text, with the decimals the indicator's other values are written with when it has
// them exactly (58 → "58.0" beside "57.5"), else in its shortest form.
std::string number_lexeme(double v, int decimals) {
  char buffer[64];
  if (decimals > 0 && decimals <= 6) {
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    if (std::strtod(buffer, nullptr) == v) return buffer;
  }
  const auto [p, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return ec == std::errc() ? std::string(buffer, p) : std::to_string(v);
}

std::string pointer_token(std::string_view token) {
  std::string out;
  for (const char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// --- the merge --------------------------------------------------------------------------------------------

class Merger {
 public:
  Merger(const Content& content, base::Diagnostics& diags, std::map<std::string, PlanEdit>& edits)
      : content_(content), diags_(diags), edits_(edits) {}

  void file(const SheetFile& f) {
    bool keyed = false;
    for (const auto& s : f.book.sheets) {
      const auto key = sheets::parse_sheet_key(s.text(0, 0));
      if (!key) continue;
      keyed = true;
      const model::Plan* p = content_.model->find_plan(key->plan);
      if (!p || !content_.documents.count(p->id)) {
        std::vector<std::string> ids;
        for (const auto& x : content_.model->plans) ids.push_back(x.id);
        std::vector<base::Message> hints;
        if (auto m = base::closest_match(key->plan, ids)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*m)));
        diags_.error(at_cell(f, s, 0, 0), msg<Msg::sheet_unknown_plan_plan>(arg<"plan">(key->plan)), hints);
        continue;
      }
      PlanEdit& edit = edit_of(*p);
      if (key->kind == sheets::SheetKind::items) items(f, s, *p, edit);
      else indicators(f, s, *p, edit);
    }
    if (!keyed) {
      auto source = std::make_shared<base::SourceFile>(f.path, "");
      diags_.error(base::Location::in(source, 0), msg<Msg::sheet_no_keys_keys>(), {msg<Msg::sheet_no_keys_keys_hint>()});
    }
  }

 private:
  PlanEdit& edit_of(const model::Plan& p) {
    auto it = edits_.find(p.id);
    if (it != edits_.end()) return it->second;
    const content::JsonDocument* doc = content_.documents.at(p.id);
    PlanEdit e;
    e.plan = p.id;
    e.path = doc->path();
    e.json = canonical::from_document(*doc);
    return edits_.emplace(p.id, std::move(e)).first->second;
  }

  // The text a cell had when exported, compared with what it says now. A CSV saved in Shift_JIS lost the
  // characters CP932 lacks ("?"): that is not a change.
  static bool unchanged(const SheetFile& f, const std::string& now, const std::string& before) {
    return now == before || (f.cp932 && (now == text::through_cp932(before) || now == text::through_cp932(before, false)));
  }

  // Records a change of the value at `pointer` (nullopt: the member is removed). Two sheets that change one
  // value differently are a conflict; the same change twice is one change.
  void change(PlanEdit& edit, const SheetFile& f, const workbook::Sheet& s, int row, int column, const std::string& pointer,
              std::optional<Value> value, std::string what, std::string before) {
    const std::string cell = place_of(f, s, row, column);
    const auto key = std::make_pair(edit.plan, pointer);
    if (auto it = claimed_.find(key); it != claimed_.end()) {
      const Change& first = edit.changes[it->second];
      const Value* had = canonical::at_pointer(edit.json, pointer);
      const bool same = value ? (had && canonical::same_json(*had, *value)) : had == nullptr;
      if (!same)
        diags_.error(at_cell(f, s, row, column), msg<Msg::sheet_conflict_value>(arg<"what">(what), arg<"other">(first.file + ":" + first.cell)),
                     {msg<Msg::sheet_conflict_hint>(arg<"other">(first.file + ":" + first.cell), arg<"value">(first.after))});
      return;
    }
    const auto slash = pointer.rfind('/');
    Value* parent = canonical::at_pointer(edit.json, pointer.substr(0, slash));
    if (!parent) return;
    std::string member = pointer.substr(slash + 1);
    for (std::size_t p = 0; (p = member.find('~', p)) != std::string::npos; ++p) member.replace(p, 2, member[p + 1] == '1' ? "/" : "~");
    if (value) parent->set(member, std::move(*value));
    else parent->erase(member);
    claimed_.emplace(key, edit.changes.size());
    edit.changes.push_back(Change{f.path, cell, pointer, std::move(what), std::move(before), s.text(row, column), cell_source(f, s, row, column)});
  }

  // A changed cell the sheet cannot change, reported where the cell first differs from the plan's value.
  void read_only(const SheetFile& f, const workbook::Sheet& s, int row, int column, const base::Message& what, const base::Message& why,
                 const std::string& before) {
    const std::string& now = s.text(row, column);
    std::size_t at = 0;
    while (at < now.size() && at < before.size() && now[at] == before[at]) ++at;
    while (at > 0 && at < now.size() && (static_cast<unsigned char>(now[at]) & 0xC0) == 0x80) --at;
    std::string was = before;
    for (std::size_t p = 0; (p = was.find('\n', p)) != std::string::npos;) was.replace(p, 1, "／");
    const base::Message value = was.empty() ? msg<Msg::term_empty>() : base::verbatim(was);
    diags_.error(base::Location::in(cell_source(f, s, row, column), at), msg<Msg::sheet_read_only_cell>(arg<"what">(what), arg<"why">(why)),
                 {msg<Msg::sheet_read_only_was_hint>(arg<"value">(value))});
  }

  void unknown_row(const SheetFile& f, const workbook::Sheet& s, int row, const std::string& key) {
    int column = 1;
    while (column < s.columns && s.text(row, column).empty()) ++column;
    diags_.warning(at_cell(f, s, row, column < s.columns ? column : 0),
                   msg<Msg::sheet_unknown_row_row>(arg<"what">(key.empty() ? msg<Msg::sheet_unknown_row_added>() : base::verbatim(key))),
                   {msg<Msg::sheet_unknown_row_hint>()});
  }

  // A column whose key the plan does not know (a memo column added in the sheet): named by its label.
  void unknown_column(const SheetFile& f, const workbook::Sheet& s, int column, const std::string& key) {
    const std::string& label = s.text(1, column);
    diags_.warning(at_cell(f, s, 1, column), msg<Msg::sheet_unknown_column_column>(arg<"label">(label.empty() ? key : label)),
                   {msg<Msg::sheet_unknown_column_hint>()});
  }

  static bool row_has_content(const workbook::Sheet& s, int row) {
    for (int c = 1; c < s.columns; ++c)
      if (!s.text(row, c).empty()) return true;
    return false;
  }

  static bool column_has_content(const workbook::Sheet& s, int column) {
    for (int r = 1; r < s.rows; ++r)
      if (!s.text(r, column).empty()) return true;
    return false;
  }

  // --- the items sheet ---------------------------------------------------------------------------------

  struct ItemColumn {
    enum class Kind { number, name, field } kind = Kind::field;
    const model::FieldDef* def = nullptr;
  };

  std::map<int, ItemColumn> item_columns(const SheetFile& f, const workbook::Sheet& s, const model::Plan& p) {
    std::map<int, ItemColumn> cols;
    std::set<std::string> seen;
    for (int c = 1; c < s.columns; ++c) {
      const std::string& key = s.text(0, c);
      std::optional<ItemColumn> col;
      if (key == sheets::kNumberColumn) col = ItemColumn{ItemColumn::Kind::number, nullptr};
      else if (key == sheets::kNameColumn) col = ItemColumn{ItemColumn::Kind::name, nullptr};
      else if (auto field = sheets::parse_field_column(key); field && p.field(*field))
        col = ItemColumn{ItemColumn::Kind::field, p.field(*field)};
      if (col && seen.insert(key).second) cols[c] = *col;
      else if (column_has_content(s, c))
        unknown_column(f, s, c, key);
    }
    return cols;
  }

  void items(const SheetFile& f, const workbook::Sheet& s, const model::Plan& p, PlanEdit& edit) {
    const auto cols = item_columns(f, s, p);
    std::map<std::string, int> rows;  // row key → row
    for (int r = 2; r < s.rows; ++r) {
      const std::string& key = s.text(r, 0);
      if (key.empty()) {
        if (row_has_content(s, r)) unknown_row(f, s, r, key);
        continue;
      }
      const auto rk = sheets::parse_row_key(key);
      if (!rk || rk->kind == sheets::RowKey::Kind::values) {
        unknown_row(f, s, r, key);
        continue;
      }
      if (auto [it, fresh] = rows.emplace(key, r); !fresh) {
        const int name_column = cols.empty() ? 1 : cols.begin()->first;
        diags_.error(at_cell(f, s, r, name_column), msg<Msg::sheet_duplicate_row_row>(arg<"what">(key), arg<"row">(it->second + 1)),
                     {msg<Msg::sheet_duplicate_row_hint>()});
        continue;
      }
      if (rk->kind == sheets::RowKey::Kind::category) {
        const auto path = model::category_path(p, rk->id);
        if (path.empty()) {
          unknown_row(f, s, r, key);
          continue;
        }
        const std::string title = present::category_title(*path.back());
        if (!unchanged(f, s.text(r, 1), title)) read_only(f, s, r, 1, msg<Msg::common_quoted>(arg<"text">(title)), msg<Msg::sheet_read_only_why_category>(), title);
        continue;
      }
      const model::Item* item = p.find_item(rk->id);
      if (!item || (rk->sub_item > 0 && static_cast<std::size_t>(rk->sub_item) > item->sub_items.size())) {
        unknown_row(f, s, r, key);
        continue;
      }
      const auto index = static_cast<std::size_t>(item - p.items.data());
      std::string pointer = "/items/" + std::to_string(index);
      const model::Entry* entry = item;
      std::string what = present::entry_title(*item);
      if (rk->sub_item > 0) {
        pointer += "/sub_items/" + std::to_string(rk->sub_item - 1);
        entry = &item->sub_items[static_cast<std::size_t>(rk->sub_item - 1)];
        what += " › " + present::entry_title(*entry);
      }
      for (const auto& [c, col] : cols) entry_cell(f, s, r, c, col, p, *entry, pointer, what, edit);
    }
    removed_rows(f, s, p, rows);
  }

  void entry_cell(const SheetFile& f, const workbook::Sheet& s, int r, int c, const ItemColumn& col, const model::Plan& p,
                  const model::Entry& e, const std::string& entry_pointer, const std::string& entry_what, PlanEdit& edit) {
    const std::string& now = s.text(r, c);
    std::string before;
    std::string label;
    const model::FieldValue* fv = nullptr;
    switch (col.kind) {
      case ItemColumn::Kind::number: before = e.number; label = present::number_label(p); break;
      case ItemColumn::Kind::name: before = e.name; label = present::name_label(p); break;
      case ItemColumn::Kind::field:
        if (auto it = e.fields.find(col.def->key); it != e.fields.end()) fv = &it->second;
        before = fv ? sheets::cell_text(*fv) : std::string();
        label = present::field_label(e, *col.def);
        break;
    }
    if (unchanged(f, now, before)) return;
    const std::string what = entry_what + " › " + label;
    if (col.kind == ItemColumn::Kind::number) {
      const std::string n = trim(now);
      change(edit, f, s, r, c, entry_pointer + "/number", n.empty() ? std::nullopt : std::optional<Value>(Value::string(n)), what, before);
      return;
    }
    if (col.kind == ItemColumn::Kind::name) {
      change(edit, f, s, r, c, entry_pointer + "/name", Value::string(now), what, before);
      return;
    }
    const model::FieldDef& def = *col.def;
    if (!sheets::editable(def.kind)) {
      read_only(f, s, r, c, msg<Msg::common_quoted>(arg<"text">(def.label)),
                def.kind == model::FieldKind::list ? msg<Msg::sheet_read_only_why_list>() : msg<Msg::sheet_read_only_why_schedule>(), before);
      return;
    }
    const std::string pointer = entry_pointer + "/fields/" + pointer_token(def.key);
    // The item may have no "fields" object yet.
    if (Value* entry = canonical::at_pointer(edit.json, entry_pointer); entry && entry->is_object() && !entry->find("fields"))
      entry->set("fields", Value::object());
    std::optional<Value> value;
    switch (def.kind) {
      case model::FieldKind::text:
      case model::FieldKind::markdown:
        if (!trim(now).empty() || def.required) value = Value::string(now);
        break;
      case model::FieldKind::status:
      case model::FieldKind::rating:
        if (!trim(now).empty() || def.required) value = Value::string(trim(now));
        break;
      case model::FieldKind::tags:
      case model::FieldKind::departments: {
        const auto parts = def.kind == model::FieldKind::tags ? split(now, {sheets::kTagSeparator, ",", "，", "\n"}) : split(now, {"\n"});
        if (!parts.empty() || def.required) {
          Value a = Value::array();
          for (const auto& x : parts) a.elements.push_back(Value::string(x));
          value = std::move(a);
        }
        break;
      }
      case model::FieldKind::list:
      case model::FieldKind::schedule: return;
    }
    change(edit, f, s, r, c, pointer, std::move(value), what, before);
  }

  void removed_rows(const SheetFile& f, const workbook::Sheet& s, const model::Plan& p, const std::map<std::string, int>& rows) {
    std::set<const model::Item*> only;
    const std::string department = sheets::parse_department_key(s.text(1, 0));
    if (!department.empty()) {
      const auto* d = sheets::find_department(*content_.assembly, content_.model->site, department);
      if (!d) return;  // the department is no longer named by any plan: nothing to expect
      only = sheets::items_of(*d, p);
    }
    auto source = std::make_shared<base::SourceFile>(f.path, f.csv ? std::string() : s.name, "");
    for (const auto& item : p.items) {
      if (!department.empty() && !only.count(&item)) continue;
      std::vector<std::pair<std::string, std::string>> expected = {{sheets::item_row(item.id, 0), present::entry_title(item)}};
      for (std::size_t k = 0; k < item.sub_items.size(); ++k)
        expected.emplace_back(sheets::item_row(item.id, static_cast<int>(k) + 1),
                              present::entry_title(item) + " › " + present::entry_title(item.sub_items[k]));
      for (const auto& [key, title] : expected)
        if (!rows.count(key))
          diags_.warning(base::Location::in(source, 0), msg<Msg::sheet_removed_row_row>(arg<"what">(title)), {msg<Msg::sheet_removed_row_hint>()});
    }
  }

  // --- the indicator sheet ----------------------------------------------------------------------------------

  struct ValueEdit {
    std::size_t index = 0;           ///< of the value in the indicator's "values"; npos for a new one
    std::optional<Value> value;      ///< the value object after the edit; nullopt: removed
    Change change;
  };

  void indicators(const SheetFile& f, const workbook::Sheet& s, const model::Plan& p, PlanEdit& edit) {
    std::map<int, int> years;  // column → fiscal year
    std::map<std::string, int> fixed;
    for (int c = 1; c < s.columns; ++c) {
      const std::string& key = s.text(0, c);
      if (auto y = sheets::parse_year_column(key)) years[c] = *y;
      else if (key == sheets::kIndicatorColumn || key == sheets::kSegmentColumn || key == sheets::kKindColumn || key == sheets::kUnitColumn)
        fixed[key] = c;
      else if (column_has_content(s, c))
        unknown_column(f, s, c, key);
    }
    std::map<std::string, int> rows;
    const auto expected = sheets::indicator_rows(p);
    for (int r = 2; r < s.rows; ++r) {
      const std::string& key = s.text(r, 0);
      if (key.empty()) {
        if (row_has_content(s, r)) unknown_row(f, s, r, key);
        continue;
      }
      const auto rk = sheets::parse_row_key(key);
      const sheets::ValuesRow* row = nullptr;
      if (rk && rk->kind == sheets::RowKey::Kind::values)
        for (const auto& x : expected)
          if (x.indicator->id == rk->id && (x.segment ? x.segment->id : std::string()) == rk->segment && x.kind == rk->value_kind) row = &x;
      if (!row) {
        unknown_row(f, s, r, key);
        continue;
      }
      if (auto [it, fresh] = rows.emplace(key, r); !fresh) {
        diags_.error(at_cell(f, s, r, 1), msg<Msg::sheet_duplicate_row_row>(arg<"what">(key), arg<"row">(it->second + 1)),
                     {msg<Msg::sheet_duplicate_row_hint>()});
        continue;
      }
      // The describing cells cannot change; the name stands on an indicator's first row only.
      const std::map<std::string, std::string> shown = {
          {std::string(sheets::kSegmentColumn), row->segment ? row->segment->label : std::string()},
          {std::string(sheets::kKindColumn), sheets::values_row_label(row->kind)},
          {std::string(sheets::kUnitColumn), row->indicator->unit}};
      for (const auto& [key2, c] : fixed) {
        const std::string& now = s.text(r, c);
        const bool ok = key2 == sheets::kIndicatorColumn ? (now.empty() || unchanged(f, now, row->indicator->name)) : unchanged(f, now, shown.at(key2));
        if (!ok) read_only(f, s, r, c, msg<Msg::common_quoted>(arg<"text">(s.text(1, c))), msg<Msg::sheet_read_only_why_indicator>(),
                           key2 == sheets::kIndicatorColumn ? row->indicator->name : shown.at(key2));
      }
      for (const auto& [c, year] : years) value_cell(f, s, r, c, year, p, *row, edit);
    }
    flush_values(edit);
  }

  void value_cell(const SheetFile& f, const workbook::Sheet& s, int r, int c, int year, const model::Plan& p, const sheets::ValuesRow& row,
                  PlanEdit& edit) {
    const model::Indicator& ind = *row.indicator;
    const std::string segment = row.segment ? row.segment->id : std::string();
    std::vector<std::size_t> found;
    for (std::size_t k = 0; k < ind.values.size(); ++k)
      if (ind.values[k].kind == row.kind && ind.values[k].segment == segment && ind.values[k].year == year) found.push_back(k);
    const workbook::Cell* cell = s.at(r, c);
    const std::string now = cell ? cell->text : std::string();
    const model::IndicatorValue* old = found.empty() ? nullptr : &ind.values[found.front()];
    const std::string before = !old ? std::string() : old->value ? old->value_text : old->text;
    std::optional<double> number;
    if (cell && cell->type == workbook::CellType::number) number = cell->number;
    else number = parse_number(now);
    const bool same = (!cell && !old) || (old && old->value && number && *number == *old->value) || unchanged(f, now, before) ||
                      (old && !old->value && unchanged(f, now, old->text));
    if (same) return;
    std::string what = ind.name + (row.segment ? " › " + row.segment->label : std::string()) + " › " + sheets::values_row_label(row.kind) +
                       " › " + text::wareki_fiscal_year(year);
    if (found.size() > 1) {
      read_only(f, s, r, c, base::verbatim(what), msg<Msg::sheet_read_only_why_two_values>(), before);
      return;
    }
    const auto ind_index = static_cast<std::size_t>(&ind - p.indicators.data());
    const std::string values_pointer = "/indicators/" + std::to_string(ind_index) + "/values";
    const Value* values = canonical::at_pointer(edit.json, values_pointer);
    if (!values || !values->is_array()) return;
    ValueEdit e;
    e.index = old ? found.front() : std::string::npos;
    e.change = Change{f.path, place_of(f, s, r, c), values_pointer, std::move(what), before, now, cell_source(f, s, r, c)};
    if (!trim(now).empty()) {
      Value v = old && found.front() < values->elements.size() ? values->elements[found.front()] : Value::object();
      if (!old) {
        v.set("year", Value::number(std::to_string(year)));
        if (!segment.empty()) v.set("segment", Value::string(segment));
      }
      if (number) {
        int decimals = 0;
        for (const auto& x : ind.values)
          if (x.kind == row.kind && x.segment == segment) decimals = std::max(decimals, present::decimals_of(x.value_text));
        v.set("value", Value::number(number_lexeme(*number, decimals)));
        v.erase("text");  // the printed form of the old number no longer says what the value is
      } else {
        v.set("value", Value::string(trim(now)));  // not a number: check reports it at this cell
      }
      if (!old) v.set("kind", Value::string(row.kind));
      e.value = std::move(v);
    }
    pending_[values_pointer].push_back(std::move(e));
  }

  // Applies the value edits of each indicator at once (a new or removed value shifts the others), then
  // records the changes with the pointers the values have in the edited array.
  void flush_values(PlanEdit& edit) {
    for (auto& [pointer, list] : pending_) {
      Value* values = canonical::at_pointer(edit.json, pointer);
      if (!values) continue;
      std::vector<std::pair<Value, const ValueEdit*>> out;  // element, and the edit that made it
      for (std::size_t k = 0; k < values->elements.size(); ++k) {
        const ValueEdit* e = nullptr;
        for (const auto& x : list)
          if (x.index == k) e = &x;
        if (!e) out.emplace_back(values->elements[k], nullptr);
        else if (e->value) out.emplace_back(*e->value, e);
      }
      for (const auto& x : list) {
        if (x.index != std::string::npos || !x.value) continue;
        // A new value goes after the last of its segment and kind from an earlier year, else before the
        // first of them, else at the end.
        auto same_series = [&](const Value& v) {
          const Value* seg = v.find("segment");
          const Value* kind = v.find("kind");
          return (seg ? seg->text() : std::string()) == (x.value->find("segment") ? x.value->find("segment")->text() : std::string()) &&
                 kind && kind->text() == x.value->find("kind")->text();
        };
        const double year = x.value->find("year")->number_value();
        std::size_t at = out.size();
        std::optional<std::size_t> last_before, first_after;
        for (std::size_t k = 0; k < out.size(); ++k) {
          if (!same_series(out[k].first)) continue;
          const Value* y = out[k].first.find("year");
          if (y && y->number_value() < year) last_before = k;
          else if (!first_after) first_after = k;
        }
        if (last_before) at = *last_before + 1;
        else if (first_after) at = *first_after;
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(at), {*x.value, &x});
      }
      values->elements.clear();
      for (std::size_t k = 0; k < out.size(); ++k) {
        values->elements.push_back(out[k].first);
        if (out[k].second) {
          Change c = out[k].second->change;
          c.pointer = pointer + "/" + std::to_string(k);
          edit.changes.push_back(std::move(c));
        }
      }
      for (const auto& x : list)
        if (!x.value) edit.changes.push_back(x.change);  // removed: it has no place in the array any more
    }
    pending_.clear();
  }

  const Content& content_;
  base::Diagnostics& diags_;
  std::map<std::string, PlanEdit>& edits_;
  std::map<std::pair<std::string, std::string>, std::size_t> claimed_;  ///< (plan, pointer) → index of its change
  std::map<std::string, std::vector<ValueEdit>> pending_;              ///< values pointer → edits
};

}  // namespace

std::map<std::string, PlanEdit> merge(const std::vector<SheetFile>& files, const Content& content, base::Diagnostics& diags) {
  std::map<std::string, PlanEdit> edits;
  Merger merger(content, diags, edits);
  for (const auto& f : files) merger.file(f);
  return edits;
}

}  // namespace planpress::sheet_import
