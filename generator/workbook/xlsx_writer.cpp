// .xlsx written with libxlsxwriter. Only this file sees it.
#include <xlsxwriter.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <algorithm>
#include <tuple>

#include "workbook/spec.hpp"

namespace planpress::workbook {

bool Format::operator<(const Format& o) const {
  return std::tie(bold, wrap, locked, border, top, align, fill, colour, size, indent, number_format) <
         std::tie(o.bold, o.wrap, o.locked, o.border, o.top, o.align, o.fill, o.colour, o.size, o.indent, o.number_format);
}

namespace {

struct WorkbookCloser {
  void operator()(lxw_workbook* wb) const {
    if (wb) workbook_close(wb);
  }
};

class Writer {
 public:
  Writer(lxw_workbook* wb, const WorkbookSpec& spec) : wb_(wb), font_(spec.font), font_size_(spec.font_size) {}

  lxw_format* format(const Format& f) {
    if (auto it = formats_.find(f); it != formats_.end()) return it->second;
    lxw_format* x = workbook_add_format(wb_);
    if (f.bold) format_set_bold(x);
    if (f.wrap) format_set_text_wrap(x);
    if (!f.locked) format_set_unlocked(x);
    if (f.border) format_set_border(x, LXW_BORDER_THIN);
    format_set_align(x, f.top ? LXW_ALIGN_VERTICAL_TOP : LXW_ALIGN_VERTICAL_CENTER);
    if (f.align == Align::left) format_set_align(x, LXW_ALIGN_LEFT);
    if (f.align == Align::centre) format_set_align(x, LXW_ALIGN_CENTER);
    if (f.fill) format_set_bg_color(x, f.fill);
    if (f.colour) format_set_font_color(x, f.colour);
    if (!font_.empty()) format_set_font_name(x, font_.c_str());
    if (f.size > 0) format_set_font_size(x, f.size);
    else if (font_size_ > 0) format_set_font_size(x, font_size_);
    if (f.indent) format_set_indent(x, f.indent);
    if (!f.number_format.empty()) format_set_num_format(x, f.number_format.c_str());
    formats_.emplace(f, x);
    return x;
  }

  std::string sheet(const SheetSpec& s) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, s.name.c_str());
    if (!ws) return "cannot add sheet '" + s.name + "'";
    for (const auto& [column, width] : s.widths) {
      const bool hidden = std::find(s.hidden_columns.begin(), s.hidden_columns.end(), column) != s.hidden_columns.end();
      lxw_row_col_options options{};
      options.hidden = hidden;
      worksheet_set_column_opt(ws, static_cast<lxw_col_t>(column), static_cast<lxw_col_t>(column), width, nullptr, &options);
    }
    for (const int column : s.hidden_columns) {
      if (s.widths.count(column)) continue;
      lxw_row_col_options options{};
      options.hidden = 1;
      worksheet_set_column_opt(ws, static_cast<lxw_col_t>(column), static_cast<lxw_col_t>(column), 8, nullptr, &options);
    }
    for (const auto& [row, height] : s.heights) {
      if (std::find(s.hidden_rows.begin(), s.hidden_rows.end(), row) != s.hidden_rows.end()) continue;
      worksheet_set_row(ws, static_cast<lxw_row_t>(row), height, nullptr);
    }
    for (const int row : s.hidden_rows) {
      lxw_row_col_options options{};
      options.hidden = 1;
      worksheet_set_row_opt(ws, static_cast<lxw_row_t>(row), LXW_DEF_ROW_HEIGHT, nullptr, &options);
    }
    auto merged_at = [&](int r, int c) -> const Merge* {
      for (const auto& m : s.merges)
        if (m.first_row == r && m.first_column == c) return &m;
      return nullptr;
    };
    auto inside_merge = [&](int r, int c) {
      for (const auto& m : s.merges)
        if (r >= m.first_row && r <= m.last_row && c >= m.first_column && c <= m.last_column && !(r == m.first_row && c == m.first_column))
          return true;
      return false;
    };
    for (const auto& [at, cell] : s.cells) {
      const auto [r, c] = at;
      if (inside_merge(r, c)) continue;
      lxw_format* f = format(cell.format);
      if (const Merge* m = merged_at(r, c)) {
        const std::string* text = std::get_if<std::string>(&cell.value);
        worksheet_merge_range(ws, static_cast<lxw_row_t>(m->first_row), static_cast<lxw_col_t>(m->first_column),
                              static_cast<lxw_row_t>(m->last_row), static_cast<lxw_col_t>(m->last_column),
                              text ? text->c_str() : "", f);
        if (const double* n = std::get_if<double>(&cell.value)) worksheet_write_number(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), *n, f);
        continue;
      }
      lxw_error e = LXW_NO_ERROR;
      if (const auto* text = std::get_if<std::string>(&cell.value))
        e = worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), text->c_str(), f);
      else if (const double* n = std::get_if<double>(&cell.value))
        e = worksheet_write_number(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), *n, f);
      else
        e = worksheet_write_blank(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), f);
      if (e != LXW_NO_ERROR) return "cell " + std::to_string(r + 1) + "," + std::to_string(c + 1) + " of '" + s.name + "': " + lxw_strerror(e);
    }
    for (const auto& v : s.validations) {
      lxw_data_validation dv{};
      std::string formula = v.list;
      switch (v.kind) {
        case Validation::Kind::number:
          dv.validate = LXW_VALIDATION_TYPE_DECIMAL;
          dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
          dv.minimum_number = -1e15;
          dv.maximum_number = 1e15;
          break;
        case Validation::Kind::list:
          // libxlsxwriter 1.1.5 never frees its copy of this formula (a few bytes per drop-down, until the
          // process exits; see tests/sanitize/lsan.supp). A list on the hidden sheet needs the formula.
          dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
          dv.value_formula = formula.data();
          break;
        case Validation::Kind::any: dv.validate = LXW_VALIDATION_TYPE_ANY; break;
      }
      std::string it = v.input_title, im = v.input_message, et = v.error_title, em = v.error_message;
      if (!it.empty()) dv.input_title = it.data();
      if (!im.empty()) dv.input_message = im.data();
      if (!et.empty()) dv.error_title = et.data();
      if (!em.empty()) dv.error_message = em.data();
      dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
      const lxw_error e = worksheet_data_validation_range(ws, static_cast<lxw_row_t>(v.first_row), static_cast<lxw_col_t>(v.first_column),
                                                          static_cast<lxw_row_t>(v.last_row), static_cast<lxw_col_t>(v.last_column), &dv);
      if (e != LXW_NO_ERROR) return "data validation on '" + s.name + "': " + lxw_strerror(e);
    }
    if (s.freeze) worksheet_freeze_panes(ws, static_cast<lxw_row_t>(s.freeze->first), static_cast<lxw_col_t>(s.freeze->second));
    if (s.select)
      worksheet_set_selection(ws, static_cast<lxw_row_t>(s.select->first), static_cast<lxw_col_t>(s.select->second),
                              static_cast<lxw_row_t>(s.select->first), static_cast<lxw_col_t>(s.select->second));
    if (s.autofilter)
      worksheet_autofilter(ws, static_cast<lxw_row_t>(s.autofilter->first_row), static_cast<lxw_col_t>(s.autofilter->first_column),
                           static_cast<lxw_row_t>(s.autofilter->last_row), static_cast<lxw_col_t>(s.autofilter->last_column));
    worksheet_set_paper(ws, 9);  // A4
    if (s.print.landscape) worksheet_set_landscape(ws);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    if (s.print.repeat_rows)
      worksheet_repeat_rows(ws, static_cast<lxw_row_t>(s.print.repeat_rows->first), static_cast<lxw_row_t>(s.print.repeat_rows->second));
    if (s.print.fit_width) worksheet_fit_to_pages(ws, 1, 0);
    if (!s.print.header.empty()) worksheet_set_header(ws, s.print.header.c_str());
    if (!s.print.footer.empty()) worksheet_set_footer(ws, s.print.footer.c_str());
    if (s.protect) {
      lxw_protection p{};
      p.format_cells = 1;
      p.format_columns = 1;
      p.format_rows = 1;
      p.autofilter = 1;
      worksheet_protect(ws, nullptr, &p);
    }
    if (s.hidden) worksheet_hide(ws);
    sheets_.push_back(ws);
    return {};
  }

  void activate(int index) {
    if (index >= 0 && static_cast<std::size_t>(index) < sheets_.size()) worksheet_activate(sheets_[static_cast<std::size_t>(index)]);
  }

 private:
  lxw_workbook* wb_;
  std::string font_;
  double font_size_;
  std::map<Format, lxw_format*> formats_;
  std::vector<lxw_worksheet*> sheets_;
};

}  // namespace

Written write_xlsx(const WorkbookSpec& spec, const std::string& temp_dir) {
  std::string path = (temp_dir.empty() ? std::string("/tmp") : temp_dir) + "/planpress-sheet-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) return {{}, std::string("cannot create a temporary file in ") + (temp_dir.empty() ? "/tmp" : temp_dir)};
  close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::remove(path.c_str()); }
  } remove_temp{path};

  lxw_workbook_options options{};
  std::string tmpdir = temp_dir.empty() ? "/tmp" : temp_dir;
  options.tmpdir = tmpdir.data();
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) return {{}, "libxlsxwriter cannot create the workbook"};
  // Document properties: the creation date makes the bytes reproducible (libxlsxwriter would take the clock).
  std::string title = spec.title, subject = spec.subject, author = spec.author, company = spec.company, comments = spec.comments;
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.subject = subject.data();
  properties.author = author.data();
  properties.company = company.data();
  properties.comments = comments.data();
  properties.created = static_cast<time_t>(spec.created > 0 ? spec.created : 315532800);
  workbook_set_properties(wb, &properties);
  Writer writer(wb, spec);
  for (const auto& s : spec.sheets) {
    if (auto error = writer.sheet(s); !error.empty()) {
      workbook_close(wb);
      return {{}, error};
    }
  }
  writer.activate(spec.active);
  const lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) return {{}, std::string("libxlsxwriter: ") + lxw_strerror(e)};
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return {{}, "cannot read back the written workbook"};
  return {std::move(bytes).str(), {}};
}

}  // namespace planpress::workbook
