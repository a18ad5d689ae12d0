#include "sheets/export.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "assemble/departments.hpp"
#include "base/utf8.hpp"
#include "present/titles.hpp"
#include "present/values.hpp"
#include "sheets/cells.hpp"
#include "sheets/keys.hpp"
#include "text/wareki.hpp"
#include "workbook/workbook.hpp"

namespace planpress::sheets {

namespace {

using workbook::Align;
using workbook::CellSpec;
using workbook::Format;
using workbook::SheetSpec;

// Colours of the sheets (RGB).
constexpr std::uint32_t kHeaderFill = 0xDDEBF7;
constexpr std::uint32_t kCategoryFill = 0xE2EFDA;
constexpr std::uint32_t kSubCategoryFill = 0xF2F7EE;
constexpr std::uint32_t kReadOnlyFill = 0xEDEDED;
constexpr std::uint32_t kReadOnlyText = 0x404040;
constexpr std::uint32_t kKeyText = 0x808080;

// The rows and columns every keyed sheet shares: keys in row 1 and column A (hidden), headers in row 2.
constexpr int kKeyRow = 0;
constexpr int kHeaderRow = 1;
constexpr int kFirstRow = 2;
constexpr int kKeyColumn = 0;

Format key_format() {
  Format f;
  f.colour = kKeyText;
  f.size = 8;
  return f;
}

Format header_format() {
  Format f;
  f.bold = true;
  f.wrap = true;
  f.border = true;
  f.fill = kHeaderFill;
  f.align = Align::centre;
  f.top = false;
  return f;
}

Format editable_format(bool centre = false) {
  Format f;
  f.wrap = true;
  f.border = true;
  f.locked = false;
  f.number_format = "@";  // typed digits stay text (2025, 18,400), never become numbers or dates
  if (centre) f.align = Align::centre;
  return f;
}

Format read_only_format() {
  Format f;
  f.wrap = true;
  f.border = true;
  f.fill = kReadOnlyFill;
  f.colour = kReadOnlyText;
  return f;
}

void put(SheetSpec& s, int row, int column, std::string text, const Format& f) {
  s.cells[{row, column}] = CellSpec{std::move(text), f};
}

void put_number(SheetSpec& s, int row, int column, double v, const Format& f) { s.cells[{row, column}] = CellSpec{v, f}; }

// The sheets' font: Excel's Japanese default, at 10 points; a wrapped line takes about 17 points.
constexpr const char* kFont = "游ゴシック";
constexpr double kFontSize = 10;
constexpr double kLinePoints = 17;

// Excel column widths are in characters of the default font; a kanji takes about two.
double text_width(const std::string& s) {
  int widest = 0;
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto end = s.find('\n', start);
    widest = std::max(widest, base::display_width(std::string_view(s).substr(start, end == std::string::npos ? std::string::npos : end - start)));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return widest;
}

// "&" starts a code in Excel's headers and footers; a literal one is "&&".
std::string header_text(const std::string& s) {
  std::string out;
  for (const char c : s) out += c == '&' ? std::string("&&") : std::string(1, c);
  return out;
}

std::string cut(const std::string& s, std::size_t max_code_points) {
  std::string out;
  std::size_t i = 0, n = 0;
  while (i < s.size() && n < max_code_points) {
    const std::size_t start = i;
    base::decode_utf8(s, i);
    out.append(s, start, i - start);
    ++n;
  }
  return out;
}

// Rows as high as their wrapped text: spreadsheet programs do not grow a row on opening a file, and the
// printout must show every line. The lines of each wrapped cell are counted at its column's width (the
// columns of a merged range together); the row takes the most.
void fit_rows(SheetSpec& s) {
  std::map<int, double> lines;
  for (const auto& [at, cell] : s.cells) {
    const auto [row, column] = at;
    const auto* text = std::get_if<std::string>(&cell.value);
    if (!text || text->empty()) continue;
    double width = s.widths.count(column) ? s.widths.at(column) : 8.43;
    for (const auto& m : s.merges)
      if (m.first_row == row && m.first_column == column)
        for (int c = column + 1; c <= m.last_column; ++c) width += s.widths.count(c) ? s.widths.at(c) : 8.43;
    const double capacity = std::max(1.0, width - 1.5 - cell.format.indent * 2);
    double n = 0;
    std::size_t start = 0;
    while (true) {
      const auto end = text->find('\n', start);
      const auto line = std::string_view(*text).substr(start, end == std::string::npos ? std::string::npos : end - start);
      n += cell.format.wrap ? std::max(1.0, std::ceil(base::display_width(line) / capacity)) : 1.0;
      if (end == std::string::npos || !cell.format.wrap) break;
      start = end + 1;
    }
    const double size_factor = cell.format.size > 0 ? cell.format.size / kFontSize : 1.0;
    lines[row] = std::max(lines[row], n * size_factor);
  }
  for (const auto& [row, n] : lines)
    if (n > 1.0) s.heights[row] = std::min(409.0, n * kLinePoints + 4);
}

bool has_vocabulary(const model::FieldDef& def) {
  return !def.vocabulary.empty() &&
         (def.kind == model::FieldKind::status || def.kind == model::FieldKind::rating || def.kind == model::FieldKind::tags);
}

// "○：予定通り実施した" lines for a vocabulary.
std::string vocabulary_lines(const model::Vocabulary& voc) {
  std::string out;
  for (const auto& v : voc.values) out += (out.empty() ? "" : "\n") + v.value + (v.label.empty() ? "" : "：" + v.label);
  return out;
}

// The choices of a tags field offered in its drop-down: every combination of up to four values, in
// vocabulary order ("若手育成、職場"); larger vocabularies get no list, only the message naming them.
std::vector<std::string> tag_choices(const model::Vocabulary& voc) {
  std::vector<std::string> out;
  const std::size_t n = voc.values.size();
  if (n == 0 || n > 4) return out;
  for (std::size_t size = 1; size <= n; ++size)
    for (unsigned mask = 1; mask < (1u << n); ++mask) {
      if (static_cast<std::size_t>(__builtin_popcount(mask)) != size) continue;
      std::string s;
      for (std::size_t k = 0; k < n; ++k)
        if (mask & (1u << k)) s += (s.empty() ? "" : std::string(kTagSeparator)) + voc.values[k].value;
      out.push_back(s);
    }
  return out;
}

/// The sheet of drop-down choices (hidden): one column per vocabulary list, referred to by the validations.
class Lists {
 public:
  Lists() { sheet_.name = kListsSheet; sheet_.hidden = true; }

  /// The formula of a list of `values` under `title`, added once.
  std::string add(const std::string& title, const std::vector<std::string>& values) {
    const std::string key = title + '\x1f' + std::to_string(values.size()) + '\x1f' + (values.empty() ? "" : values.front());
    if (auto it = formulas_.find(key); it != formulas_.end()) return it->second;
    const int column = next_++;
    put(sheet_, 0, column, title, header_format());
    for (std::size_t r = 0; r < values.size(); ++r) put(sheet_, static_cast<int>(r) + 1, column, values[r], Format{});
    sheet_.widths[column] = std::max(12.0, text_width(title) + 2);
    const std::string col = workbook::column_name(column);
    std::string formula = "='" + std::string(kListsSheet) + "'!$" + col + "$2:$" + col + "$" + std::to_string(values.size() + 1);
    formulas_.emplace(key, formula);
    return formula;
  }

  bool empty() const { return next_ == 0; }
  SheetSpec take() { return std::move(sheet_); }

 private:
  SheetSpec sheet_;
  std::map<std::string, std::string> formulas_;
  int next_ = 0;
};

/// One column of the items sheet.
struct Column {
  std::string key;    ///< row-1 key
  std::string label;  ///< as printed
  const model::FieldDef* def = nullptr;  ///< null for number and name
  double width = 12;
};

double field_width(const model::Plan& p, const model::FieldDef& def) {
  if (auto it = p.presentation.widths.find(def.key); it != p.presentation.widths.end())
    return std::clamp(it->second * 12.0, 8.0, 60.0);
  const double label = text_width(def.label) + 2;
  switch (def.kind) {
    case model::FieldKind::status:
    case model::FieldKind::rating: {
      double widest = label;
      if (const auto* voc = p.vocabulary(def.vocabulary))
        for (const auto& v : voc->values) widest = std::max(widest, text_width(v.value) + 4);
      return std::max(widest, 8.0);
    }
    case model::FieldKind::tags: return std::max(label, 18.0);
    case model::FieldKind::departments: return std::max(label, 24.0);
    case model::FieldKind::list:
    case model::FieldKind::markdown: return 44;
    case model::FieldKind::schedule: return 32;
    case model::FieldKind::text: break;
  }
  // Text columns: wider for longer values, as the PDF table does.
  const double avg = present::average_length(p, def.key);
  return std::max(label, avg <= 6 ? 10.0 : avg <= 30 ? 24.0 : 44.0);
}

std::vector<Column> item_columns(const model::Plan& p) {
  std::vector<Column> cols;
  bool numbered = false;
  for (const auto& i : p.items) {
    numbered = numbered || !i.number.empty();
    for (const auto& s : i.sub_items) numbered = numbered || !s.number.empty();
  }
  const auto& widths = p.presentation.widths;
  auto weight = [&](const std::string& key, double fallback) {
    auto it = widths.find(key);
    return it != widths.end() ? std::clamp(it->second * 12.0, 6.0, 60.0) : fallback;
  };
  if (numbered)
    cols.push_back(Column{std::string(kNumberColumn), present::number_label(p), nullptr,
                          weight("number", std::max(7.0, text_width(present::number_label(p)) + 2))});
  cols.push_back(Column{std::string(kNameColumn), present::name_label(p), nullptr, weight("name", 30)});
  for (const auto& def : p.fields) cols.push_back(Column{field_column(def.key), def.label, &def, field_width(p, def)});
  // An A4 landscape page is about 150 characters wide at 100%: wider tables print at a smaller scale (fit
  // to width). The columns of long text give up width (they wrap) until the table is at most kPageBudget
  // wide, so that it prints at three quarters of its size or more; short columns keep theirs.
  constexpr double kPageBudget = 200;
  auto flexible = [](const Column& c) {
    return !c.def ? c.key == kNameColumn
                  : c.def->kind != model::FieldKind::status && c.def->kind != model::FieldKind::rating &&
                        c.def->kind != model::FieldKind::tags && c.width > 16;
  };
  double fixed = 0, wide = 0;
  for (const auto& c : cols) (flexible(c) ? wide : fixed) += c.width;
  if (fixed + wide > kPageBudget && wide > 0) {
    const double factor = std::max(0.3, (kPageBudget - fixed) / wide);
    for (auto& c : cols)
      if (flexible(c)) c.width = std::max(16.0, std::round(c.width * factor));
  }
  return cols;
}

class ItemsSheet {
 public:
  ItemsSheet(const model::Plan& p, const std::set<const model::Item*>* only, const std::string& department, Lists& lists)
      : p_(p), only_(only), lists_(lists), cols_(item_columns(p)) {
    s_.name = kItemsSheet;
    put(s_, kKeyRow, kKeyColumn, sheet_key(SheetKind::items, p.id), key_format());
    put(s_, kHeaderRow, kKeyColumn, department_key(department), key_format());
    for (std::size_t c = 0; c < cols_.size(); ++c) {
      const int column = static_cast<int>(c) + 1;
      put(s_, kKeyRow, column, cols_[c].key, key_format());
      put(s_, kHeaderRow, column, cols_[c].label, header_format());
      s_.widths[column] = cols_[c].width;
    }
    s_.widths[kKeyColumn] = 4;
    s_.hidden_columns.push_back(kKeyColumn);
    s_.hidden_rows.push_back(kKeyRow);
  }

  SheetSpec build(const std::string& title) {
    std::vector<const model::Category*> current;
    for (const auto& item : p_.items) {
      if (only_ && !only_->count(&item)) continue;
      // Category rows where the category changes, one per level that changed (as the PDF table).
      const auto path = model::category_path(p_, item.category);
      std::size_t same = 0;
      while (same < path.size() && same < current.size() && path[same] == current[same]) ++same;
      for (std::size_t d = same; d < path.size(); ++d) category_row(*path[d], static_cast<int>(d));
      current = path;
      entry_row(item, item.id, 0);
      for (std::size_t k = 0; k < item.sub_items.size(); ++k) entry_row(item.sub_items[k], item.id, static_cast<int>(k) + 1);
    }
    validations();
    const int name_column = cols_.front().key == kNumberColumn ? 2 : 1;
    s_.freeze = std::make_pair(kFirstRow, name_column + 1);
    s_.select = std::make_pair(kFirstRow, name_column + 1);
    s_.autofilter = workbook::Merge{kHeaderRow, 1, std::max(kHeaderRow, row_ - 1), static_cast<int>(cols_.size())};
    s_.protect = true;
    s_.print.landscape = true;
    s_.print.repeat_rows = std::make_pair(kKeyRow, kHeaderRow);
    s_.print.fit_width = true;
    s_.print.header = "&L" + header_text(title) + "&R" + kItemsSheet;
    s_.print.footer = "&C&P / &N";
    return std::move(s_);
  }

 private:
  void category_row(const model::Category& c, int depth) {
    Format f = read_only_format();
    f.bold = true;
    f.fill = depth == 0 ? kCategoryFill : kSubCategoryFill;
    f.colour = 0;
    f.indent = static_cast<std::uint8_t>(std::min(depth, 4));
    put(s_, row_, kKeyColumn, category_row_key(c), key_format());
    put(s_, row_, 1, present::category_title(c), f);
    s_.merges.push_back(workbook::Merge{row_, 1, row_, static_cast<int>(cols_.size())});
    ++row_;
  }

  static std::string category_row_key(const model::Category& c) { return sheets::category_row(c.id); }

  void entry_row(const model::Entry& e, const std::string& item_id, int sub) {
    put(s_, row_, kKeyColumn, item_row(item_id, sub), key_format());
    for (std::size_t c = 0; c < cols_.size(); ++c) {
      const int column = static_cast<int>(c) + 1;
      const Column& col = cols_[c];
      if (!col.def) {
        Format f = editable_format(col.key == kNumberColumn);
        if (col.key == kNameColumn && sub > 0) f.indent = 2;
        if (col.key == kNameColumn) f.bold = sub == 0;
        put(s_, row_, column, col.key == kNumberColumn ? e.number : e.name, f);
        continue;
      }
      const bool can_edit = editable(col.def->kind);
      const bool compact = col.def->kind == model::FieldKind::status || col.def->kind == model::FieldKind::rating;
      const auto it = e.fields.find(col.def->key);
      const std::string text = it == e.fields.end() ? std::string() : cell_text(it->second);
      put(s_, row_, column, text, can_edit ? editable_format(compact) : read_only_format());
    }
    ++row_;
  }

  void validations() {
    if (row_ <= kFirstRow) return;
    for (std::size_t c = 0; c < cols_.size(); ++c) {
      const Column& col = cols_[c];
      const int column = static_cast<int>(c) + 1;
      workbook::Validation v;
      v.first_row = kFirstRow;
      v.last_row = row_ - 1;
      v.first_column = v.last_column = column;
      v.input_title = cut(col.label, 32);
      if (col.def && has_vocabulary(*col.def)) {
        const auto* voc = p_.vocabulary(col.def->vocabulary);
        if (!voc) continue;
        v.error_title = cut(col.label, 32);
        if (col.def->kind == model::FieldKind::tags) {
          const auto choices = tag_choices(*voc);
          v.input_message = cut("一覧から選ぶか、次の値を「、」で区切って書きます。\n" + vocabulary_lines(*voc), 255);
          if (choices.empty()) {
            // Too many combinations for a list: the message says what may be written.
            v.kind = workbook::Validation::Kind::any;
            s_.validations.push_back(std::move(v));
            continue;
          }
          v.list = lists_.add(col.label, choices);
        } else {
          std::vector<std::string> values;
          for (const auto& x : voc->values) values.push_back(x.value);
          v.list = lists_.add(col.label, values);
          v.input_message = cut("一覧から選びます。\n" + vocabulary_lines(*voc), 255);
        }
        v.error_message = cut("「" + col.label + "」は一覧の値から選んでください。\n" + vocabulary_lines(*voc), 255);
        s_.validations.push_back(std::move(v));
      } else if (col.def && col.def->kind == model::FieldKind::departments) {
        v.kind = workbook::Validation::Kind::any;
        v.input_message = "担当課を1行に1つ書きます（セル内の改行は Alt+Enter）。";
        s_.validations.push_back(std::move(v));
      }
    }
  }

  const model::Plan& p_;
  const std::set<const model::Item*>* only_;
  Lists& lists_;
  std::vector<Column> cols_;
  SheetSpec s_;
  int row_ = kFirstRow;
};

/// The fiscal years an indicator sheet has a column for: every year a value names, and the plan's period.
std::vector<int> indicator_years(const model::Plan& p) {
  std::set<int> years;
  for (const auto& ind : p.indicators)
    for (const auto& v : ind.values)
      if (v.year) years.insert(*v.year);
  if (p.period) {
    const int to = p.period->to.value_or(p.period->from);
    for (int y = p.period->from; y <= to && y - p.period->from < 30; ++y) years.insert(y);
  }
  return {years.begin(), years.end()};
}

SheetSpec indicators_sheet(const model::Plan& p, const std::string& title) {
  SheetSpec s;
  s.name = kIndicatorsSheet;
  const std::vector<int> years = indicator_years(p);
  const std::vector<std::pair<std::string_view, std::string>> fixed = {
      {kIndicatorColumn, "指標"}, {kSegmentColumn, "区分"}, {kKindColumn, "種別"}, {kUnitColumn, "単位"}};
  put(s, kKeyRow, kKeyColumn, sheet_key(SheetKind::indicators, p.id), key_format());
  put(s, kHeaderRow, kKeyColumn, "header", key_format());
  int column = 1;
  for (const auto& [key, label] : fixed) {
    put(s, kKeyRow, column, std::string(key), key_format());
    put(s, kHeaderRow, column, label, header_format());
    ++column;
  }
  s.widths = {{kKeyColumn, 4}, {1, 40}, {2, 14}, {3, 8}, {4, 8}};
  const int first_year = column;
  for (const int y : years) {
    put(s, kKeyRow, column, year_column(y), key_format());
    put(s, kHeaderRow, column, text::wareki_fiscal_year(y) + "\n(" + std::to_string(y) + ")", header_format());
    s.widths[column] = 12;
    ++column;
  }
  int row = kFirstRow;
  const model::Indicator* previous = nullptr;
  for (const auto& r : indicator_rows(p)) {
    const model::Indicator& ind = *r.indicator;
    const std::string segment = r.segment ? r.segment->id : std::string();
    put(s, row, kKeyColumn, values_row(ind.id, segment, r.kind), key_format());
    const Format ro = read_only_format();
    Format name = ro;
    name.bold = true;
    // The indicator's name on its first row only, so each indicator reads as a block.
    put(s, row, 1, &ind != previous ? ind.name : std::string(), name);
    put(s, row, 2, r.segment ? r.segment->label : std::string(), ro);
    put(s, row, 3, values_row_label(r.kind), ro);
    put(s, row, 4, ind.unit, ro);
    previous = &ind;
    for (std::size_t k = 0; k < years.size(); ++k) {
      const int col = first_year + static_cast<int>(k);
      std::vector<const model::IndicatorValue*> found;
      for (const auto& v : ind.values)
        if (v.kind == r.kind && v.segment == segment && v.year == years[k]) found.push_back(&v);
      Format f;
      f.border = true;
      f.locked = found.size() > 1;  // two values of one year: the sheet cannot say which it changes
      if (found.size() > 1) f.fill = kReadOnlyFill;
      if (found.empty() || !found.front()->value) {
        put(s, row, col, found.empty() ? std::string() : found.front()->text, f);
      } else {
        const int decimals = present::decimals_of(found.front()->value_text);
        f.number_format = decimals == 0 ? "0" : "0." + std::string(static_cast<std::size_t>(decimals), '0');
        put_number(s, row, col, *found.front()->value, f);
      }
    }
    ++row;
  }
  if (row > kFirstRow && !years.empty()) {
    workbook::Validation v;
    v.kind = workbook::Validation::Kind::number;
    v.first_row = kFirstRow;
    v.last_row = row - 1;
    v.first_column = first_year;
    v.last_column = first_year + static_cast<int>(years.size()) - 1;
    v.input_title = "指標の値";
    v.input_message = "数値だけを半角で入力します（単位・「%」・桁区切りの「,」は付けません）。";
    v.error_title = "数値を入力してください";
    v.error_message = "指標の値は数値だけを入力します。単位は「単位」の列のとおりです。";
    s.validations.push_back(std::move(v));
  }
  s.hidden_columns.push_back(kKeyColumn);
  s.hidden_rows.push_back(kKeyRow);
  s.freeze = std::make_pair(kFirstRow, first_year);
  s.select = std::make_pair(kFirstRow, first_year);
  s.protect = true;
  s.print.landscape = true;
  s.print.repeat_rows = std::make_pair(kKeyRow, kHeaderRow);
  s.print.fit_width = true;
  s.print.header = "&L" + header_text(title) + "&R" + kIndicatorsSheet;
  s.print.footer = "&C&P / &N";
  return s;
}

/// The 説明 sheet: what the workbook is and which cells to fill, for staff who are not programmers.
SheetSpec guide_sheet(const model::Plan& p, const std::string& department, bool indicators) {
  SheetSpec s;
  s.name = kGuideSheet;
  s.widths = {{0, 4}, {1, 22}, {2, 14}, {3, 70}};
  int row = 0;
  Format title;
  title.bold = true;
  title.size = 14;
  Format bold;
  bold.bold = true;
  Format wrap;
  wrap.wrap = true;
  auto line = [&](const std::string& text, const Format& f = Format{}) {
    put(s, row, 0, text, f);
    ++row;
  };
  auto step = [&](int n, const std::string& text) {
    put(s, row, 0, std::to_string(n) + ".", Format{});
    put(s, row, 1, text, wrap);
    s.merges.push_back(workbook::Merge{row, 1, row, 3});
    ++row;
  };
  line(p.title + "　記入用シート", title);
  line("計画ID：" + p.id + (department.empty() ? "" : "　／　担当課：" + department));
  ++row;
  line("記入のしかた", bold);
  int n = 0;
  std::string fill;
  for (const auto& def : p.fields)
    if (editable(def.kind)) fill += (fill.empty() ? "" : "、") + def.label;
  step(++n, "「" + std::string(kItemsSheet) + "」シートの白いセルに記入します。灰色のセルと見出しは変えられません（シートは保護されています。パスワードはありません）。");
  step(++n, "記入できる列：" + fill + "（" + present::name_label(p) + "も直せます）。");
  for (const auto& def : p.fields) {
    if (!has_vocabulary(def)) continue;
    const auto* voc = p.vocabulary(def.vocabulary);
    if (!voc) continue;
    std::string values;
    for (const auto& v : voc->values) values += (values.empty() ? "　" : "、") + v.value + (v.label.empty() ? "" : "（" + v.label + "）");
    step(++n, "「" + def.label + "」はセルを選ぶと出る▼の一覧から選びます" +
                  (def.kind == model::FieldKind::tags ? "（複数のときは「、」で区切ります）" : "") + "。" + values);
  }
  for (const auto& def : p.fields)
    if (def.kind == model::FieldKind::departments) {
      step(++n, "「" + def.label + "」は1行に1つ書きます（セルの中で改行するには Alt+Enter）。");
      break;
    }
  step(++n, "行や列を追加・削除・並べ替えしないでください。隠れている1行目とA列は、取り込みのときに行と列を計画の項目に結び付けるために使います。");
  if (indicators)
    step(++n, "「" + std::string(kIndicatorsSheet) + "」シートには指標の値を年度ごとに半角の数値だけで入力します（単位・「%」・「,」は付けません）。");
  step(++n, "記入が終わったら、ファイル名を変えずに保存して返送してください。CSV で保存する場合は「CSV UTF-8」でも「CSV（コンマ区切り）」でも取り込めます（保存されるのは開いているシートだけです）。");
  ++row;
  line("列の説明", bold);
  Format head = header_format();
  put(s, row, 1, "見出し", head);
  put(s, row, 2, "記入", head);
  put(s, row, 3, "書き方", head);
  ++row;
  auto column_row = [&](const std::string& label, bool can_edit, const std::string& how) {
    put(s, row, 1, label, wrap);
    put(s, row, 2, can_edit ? "記入できます" : "参照のみ", wrap);
    put(s, row, 3, how, wrap);
    ++row;
  };
  bool numbered = false;
  for (const auto& i : p.items) numbered = numbered || !i.number.empty();
  if (numbered) column_row(present::number_label(p), true, "番号（印字のとおり）");
  column_row(present::name_label(p), true, "名称（印字のとおり）");
  for (const auto& def : p.fields) {
    std::string how;
    switch (def.kind) {
      case model::FieldKind::text: how = "文章（改行は Alt+Enter）"; break;
      case model::FieldKind::markdown: how = "文章（Markdown 記法が使えます）"; break;
      case model::FieldKind::status:
      case model::FieldKind::rating: how = "一覧から1つ選びます"; break;
      case model::FieldKind::tags: how = "一覧から選びます（複数は「、」区切り）"; break;
      case model::FieldKind::departments: how = "1行に1つ"; break;
      case model::FieldKind::list:
      case model::FieldKind::schedule: how = "参照用です。変更は計画のデータ（plan.json）で行います"; break;
    }
    if (def.required && editable(def.kind)) how += "。必ず記入します";
    column_row(def.label, editable(def.kind), how);
  }
  ++row;
  line("このファイルは planpress sheet export で作成しました。取り込みは planpress sheet import で行います。");
  s.print.landscape = false;
  s.print.fit_width = true;
  return s;
}

}  // namespace

std::set<const model::Item*> items_of(const assemble::Department& department, const model::Plan& plan) {
  std::set<const model::Item*> out;
  for (const auto& a : department.assignments)
    if (a.plan == &plan && a.item) out.insert(a.item);
  return out;
}

const assemble::Department* find_department(const assemble::Assembly& assembly, const model::Site& site,
                                            const std::string& name) {
  for (const auto& d : assembly.departments)
    if (d.unit.name == name) return &d;
  const auto units = assemble::split_department(name, site.department_aliases);
  if (units.size() != 1) return nullptr;
  for (const auto& d : assembly.departments)
    if (d.unit.name == units.front().name) return &d;
  return nullptr;
}

std::optional<workbook::WorkbookSpec> plan_workbook(const model::Model& model, const model::Plan& plan,
                                                    const assemble::Assembly&, const ExportOptions& options) {
  std::set<const model::Item*> only;
  std::string department;
  if (options.department) {
    only = items_of(*options.department, plan);
    if (only.empty()) return std::nullopt;
    department = options.department->unit.name;
  }
  workbook::WorkbookSpec wb;
  wb.title = plan.title;
  wb.subject = department.empty() ? "記入用シート" : "記入用シート（" + department + "）";
  wb.author = model.site.organisation;
  wb.company = model.site.organisation;
  wb.comments = "planpress sheet export: " + plan.id;
  wb.created = options.created;
  Lists lists;
  const bool indicators = !plan.indicators.empty() && !options.department;
  wb.sheets.push_back(guide_sheet(plan, department, indicators));
  ItemsSheet items(plan, options.department ? &only : nullptr, department, lists);
  wb.sheets.push_back(items.build(plan.title));
  if (indicators) wb.sheets.push_back(indicators_sheet(plan, plan.title));
  if (!lists.empty()) wb.sheets.push_back(lists.take());
  for (auto& s : wb.sheets) fit_rows(s);
  wb.font = kFont;
  wb.font_size = kFontSize;
  wb.active = 1;  // the items: the guide is one click away
  return wb;
}

}  // namespace planpress::sheets
