// .xlsx read with libzip (the package) and expat (its XML parts). Only this file sees either library.
//
// Hardening: the archive is opened from memory (nothing outside the bytes given is read); entries are
// counted and every part is read through a bounded buffer whatever its header claims, so a zip bomb stops
// at the limit; XML with a DOCTYPE is refused before any entity could be declared, so neither external
// entities (XXE) nor entity expansion (billion laughs) can happen; cell positions are bounded by Excel's
// own limits and the number of cells by Limits::cells.
#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <memory>
#include <set>

#include "workbook/workbook.hpp"

namespace planpress::workbook {

namespace {

struct Failure {
  ReadError error;
};

[[noreturn]] void fail(Problem p, std::string detail = {}) { throw Failure{ReadError{p, std::move(detail)}}; }

// --- the package ------------------------------------------------------------------------------------

class Package {
 public:
  Package(std::string_view bytes, const Limits& limits) : limits_(limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) fail(Problem::not_zip);
    archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    if (!archive_) {
      zip_source_free(source);
      fail(code == ZIP_ER_NOPASSWD || code == ZIP_ER_ENCRNOTSUPP ? Problem::encrypted : Problem::not_zip);
    }
    const zip_int64_t n = zip_get_num_entries(archive_, 0);
    if (n < 0 || static_cast<std::size_t>(n) > limits_.entries) {
      // The destructor does not run for a constructor that throws: close the archive here.
      zip_discard(archive_);
      archive_ = nullptr;
      fail(Problem::too_large, std::to_string(n) + " zip entries (limit " + std::to_string(limits_.entries) + ")");
    }
  }
  ~Package() {
    if (archive_) zip_discard(archive_);
  }
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;

  bool has(const std::string& name) const { return locate(name) >= 0; }

  /// The part `name`, uncompressed, read through a bounded buffer.
  std::string read(const std::string& name) {
    const zip_int64_t index = locate(name);
    if (index < 0) fail(Problem::missing_part, name);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
        st.encryption_method != ZIP_EM_NONE)
      fail(Problem::encrypted);
    zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
    if (!file) fail(Problem::not_zip, name);
    std::string out;
    char buffer[65536];
    for (;;) {
      const zip_int64_t got = zip_fread(file, buffer, sizeof buffer);
      if (got < 0) {
        zip_fclose(file);
        fail(Problem::not_zip, name);
      }
      if (got == 0) break;
      out.append(buffer, static_cast<std::size_t>(got));
      total_ += static_cast<std::size_t>(got);
      if (out.size() > limits_.part_bytes || total_ > limits_.total_bytes) {
        zip_fclose(file);
        fail(Problem::too_large, name + " uncompressed over " + std::to_string(std::min(limits_.part_bytes, limits_.total_bytes) >> 20) + " MiB");
      }
    }
    zip_fclose(file);
    return out;
  }

 private:
  zip_int64_t locate(const std::string& name) const {
    // Part names are case-insensitive (OPC); some writers store them with a leading '/'.
    zip_int64_t i = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
    if (i < 0) i = zip_name_locate(archive_, ("/" + name).c_str(), ZIP_FL_NOCASE);
    return i;
  }

  zip_t* archive_ = nullptr;
  const Limits& limits_;
  std::size_t total_ = 0;
};

// --- XML -------------------------------------------------------------------------------------------------

/// Receives the events of one part: element starts (local name, attributes by local name), ends, text.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const std::map<std::string, std::string>& attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}
};

std::string_view local_name(const char* name) {
  std::string_view n(name);
  const auto bar = n.rfind('|');  // namespace URI and local name, as XML_ParserCreateNS separates them
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

struct ParseState {
  XmlHandler* handler;
  XML_Parser parser;
  bool doctype = false;
  std::optional<ReadError> failure;  ///< set by a handler that stopped the parse
};

// Runs a handler; a failure stops the parse (no exception may cross expat's C frames).
template <typename Fn>
void guarded(void* data, Fn&& fn) {
  auto* s = static_cast<ParseState*>(data);
  if (s->failure) return;
  try {
    fn(*s);
  } catch (const Failure& f) {
    s->failure = f.error;
    XML_StopParser(s->parser, XML_FALSE);
  }
}

void parse_xml(const std::string& part, const std::string& xml, XmlHandler& handler) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(XML_ParserCreateNS(nullptr, '|'),
                                                                                     &XML_ParserFree);
  if (!parser) fail(Problem::bad_xml, part);
  ParseState state{&handler, parser.get(), false, std::nullopt};
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(
      parser.get(),
      [](void* data, const XML_Char* name, const XML_Char** atts) {
        guarded(data, [&](ParseState& s) {
          std::map<std::string, std::string> attributes;
          for (int i = 0; atts[i]; i += 2) attributes[std::string(local_name(atts[i]))] = atts[i + 1];
          s.handler->start(local_name(name), attributes);
        });
      },
      [](void* data, const XML_Char* name) { guarded(data, [&](ParseState& s) { s.handler->end(local_name(name)); }); });
  XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* text, int len) {
    guarded(data, [&](ParseState& s) { s.handler->text(std::string_view(text, static_cast<std::size_t>(len))); });
  });
  // OOXML parts never declare a DTD: one is refused before any entity in it could be defined or used.
  XML_SetStartDoctypeDeclHandler(parser.get(), [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* s = static_cast<ParseState*>(data);
    s->doctype = true;
    XML_StopParser(s->parser, XML_FALSE);
  });
  // Expat would fetch no external entity without this handler; refuse them all the same.
  XML_SetExternalEntityRefHandler(parser.get(), [](XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*,
                                                   const XML_Char*) { return static_cast<int>(XML_STATUS_ERROR); });
  if (xml.size() > static_cast<std::size_t>(INT32_MAX)) fail(Problem::too_large, part);
  const auto status = XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  if (state.doctype) fail(Problem::doctype, part);
  if (state.failure) throw Failure{*state.failure};
  if (status != XML_STATUS_OK)
    fail(Problem::bad_xml, part + ", line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                               XML_ErrorString(XML_GetErrorCode(parser.get())));
}

// "_x000D_" and the other _xHHHH_ escapes OOXML uses for characters XML cannot hold.
std::string unescape_ooxml(std::string s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      unsigned cp = 0;
      const auto [p, ec] = std::from_chars(s.data() + i + 2, s.data() + i + 6, cp, 16);
      if (ec == std::errc() && p == s.data() + i + 6) {
        if (cp == 0x0D) {
          // Excel writes a CR of a CRLF as _x000D_: the line break stays one LF.
        } else if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else if (cp < 0x800) {
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0xD800 || cp > 0xDFFF) {
          out += static_cast<char>(0xE0 | (cp >> 12));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string normalise_newlines(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// --- workbook.xml and its relationships ---------------------------------------------------------------

struct SheetEntry {
  std::string name, relationship;
  bool hidden = false;
};

struct WorkbookPart : XmlHandler {
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  void start(std::string_view name, const std::map<std::string, std::string>& a) override {
    if (name == "sheet") {
      SheetEntry e;
      if (auto it = a.find("name"); it != a.end()) e.name = it->second;
      if (auto it = a.find("id"); it != a.end()) e.relationship = it->second;
      if (auto it = a.find("state"); it != a.end()) e.hidden = it->second != "visible";
      sheets.push_back(std::move(e));
    } else if (name == "workbookPr") {
      if (auto it = a.find("date1904"); it != a.end()) date1904 = it->second == "1" || it->second == "true";
    }
  }
  void end(std::string_view) override {}
};

struct RelationshipsPart : XmlHandler {
  std::map<std::string, std::string> targets;  ///< id → target
  void start(std::string_view name, const std::map<std::string, std::string>& a) override {
    if (name != "Relationship") return;
    auto id = a.find("Id");
    auto target = a.find("Target");
    if (id != a.end() && target != a.end()) targets[id->second] = target->second;
  }
  void end(std::string_view) override {}
};

// A relationship target relative to xl/ ("worksheets/sheet1.xml") or absolute ("/xl/worksheets/sheet1.xml").
std::string part_name(const std::string& target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  std::string t = target;
  std::string base = "xl";
  while (t.rfind("../", 0) == 0) {
    t = t.substr(3);
    base = base.substr(0, base.rfind('/') == std::string::npos ? 0 : base.rfind('/'));
  }
  return base.empty() ? t : base + "/" + t;
}

// --- shared strings -------------------------------------------------------------------------------------

/// Text of <si> (shared strings) and <is> (inline strings): every <t>, except those of phonetic guides
/// (<rPh>, the furigana Japanese Excel adds).
struct StringCollector {
  int phonetic = 0;
  bool in_t = false;
  std::string text;
  void start(std::string_view name) {
    if (name == "rPh") ++phonetic;
    else if (name == "t" && phonetic == 0) in_t = true;
  }
  void end(std::string_view name) {
    if (name == "rPh") --phonetic;
    else if (name == "t") in_t = false;
  }
  void chars(std::string_view s) {
    if (in_t) text.append(s);
  }
  std::string take() {
    std::string out = normalise_newlines(unescape_ooxml(std::move(text)));
    text.clear();
    return out;
  }
};

struct SharedStringsPart : XmlHandler {
  explicit SharedStringsPart(const Limits& l) : limits(l) {}
  const Limits& limits;
  std::vector<std::string> strings;
  StringCollector collector;
  bool in_si = false;
  void start(std::string_view name, const std::map<std::string, std::string>&) override {
    if (name == "si") {
      in_si = true;
      if (strings.size() >= limits.cells) fail(Problem::too_large, "more than " + std::to_string(limits.cells) + " shared strings");
    } else if (in_si) {
      collector.start(name);
    }
  }
  void end(std::string_view name) override {
    if (name == "si") {
      strings.push_back(collector.take());
      in_si = false;
    } else if (in_si) {
      collector.end(name);
    }
  }
  void text(std::string_view s) override { collector.chars(s); }
};

// --- styles: which cell formats show dates ----------------------------------------------------------------

bool is_date_code(const std::string& code) {
  std::string plain;
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c == '\\' || c == '_' || c == '*') ++i;  // the next character is literal (or a fill/space)
    else if (c == '[') ++bracket;
    else if (c == ']') bracket = std::max(0, bracket - 1);
    else if (bracket == 0) plain += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (plain.find("general") != std::string::npos) return false;
  return plain.find_first_of("ydhsg") != std::string::npos;
}

bool is_date_format_id(int id) {
  // Built-in date and time formats, with the Japanese ones (27–36, 50–58).
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

struct StylesPart : XmlHandler {
  std::map<int, std::string> codes;  ///< numFmtId → formatCode (custom formats)
  std::vector<int> cell_formats;     ///< cellXfs: style index → numFmtId
  bool in_cell_xfs = false;
  void start(std::string_view name, const std::map<std::string, std::string>& a) override {
    if (name == "numFmt") {
      auto id = a.find("numFmtId");
      auto code = a.find("formatCode");
      if (id != a.end() && code != a.end()) codes[std::atoi(id->second.c_str())] = code->second;
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      auto id = a.find("numFmtId");
      cell_formats.push_back(id == a.end() ? 0 : std::atoi(id->second.c_str()));
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs = false;
  }
  std::vector<bool> date_styles() const {
    std::vector<bool> out;
    for (const int id : cell_formats) {
      const auto it = codes.find(id);
      out.push_back(it != codes.end() ? is_date_code(it->second) : is_date_format_id(id));
    }
    return out;
  }
};

// --- numbers and dates as text ------------------------------------------------------------------------------

std::string number_text(double v) {
  char buffer[64];
  const auto [p, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return ec == std::errc() ? std::string(buffer, p) : std::string();
}

// An Excel serial day number as Japanese Excel shows a date: 2025/4/1, with the time when there is one.
std::string date_text(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958466) return number_text(serial);
  long long days = static_cast<long long>(std::floor(serial));
  long long seconds = std::llround((serial - static_cast<double>(days)) * 86400.0);
  if (seconds >= 86400) {
    ++days;
    seconds -= 86400;
  }
  // Days since 1970-01-01: the 1900 system counts 1900-02-29, which never was (serial 60).
  long long z;
  if (date1904) z = days - 24107;
  else if (days == 60) return "1900/2/29";
  else z = days - (days > 60 ? 25569 : 25568);
  // Civil date from days (H. Hinnant's algorithm).
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  const long long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  std::string out = std::to_string(y) + "/" + std::to_string(m) + "/" + std::to_string(d);
  if (seconds > 0) {
    char t[48];
    std::snprintf(t, sizeof t, " %lld:%02lld", seconds / 3600, (seconds / 60) % 60);
    out += t;
    if (seconds % 60) {
      std::snprintf(t, sizeof t, ":%02lld", seconds % 60);
      out += t;
    }
  }
  return out;
}

// --- worksheets -----------------------------------------------------------------------------------------------

struct WorksheetPart : XmlHandler {
  WorksheetPart(Sheet& s, const std::vector<std::string>& strings, const std::vector<bool>& dates, bool date1904,
                const Limits& limits, std::size_t& cell_count)
      : sheet(s), shared(strings), date_styles(dates), date1904(date1904), limits(limits), cell_count(cell_count) {}

  Sheet& sheet;
  const std::vector<std::string>& shared;
  const std::vector<bool>& date_styles;
  bool date1904;
  const Limits& limits;
  std::size_t& cell_count;

  std::vector<std::pair<std::pair<int, int>, std::pair<int, int>>> merges;
  int row = -1, column = -1;
  std::string type;
  int style = 0;
  bool in_value = false, in_inline = false;
  std::string value;
  StringCollector inline_text;

  void start(std::string_view name, const std::map<std::string, std::string>& a) override {
    if (name == "row") {
      const auto r = a.find("r");
      row = r != a.end() ? std::atoi(r->second.c_str()) - 1 : row + 1;
      column = -1;
      if (row < 0 || row >= limits.max_row) fail(Problem::too_large, "row " + std::to_string(row + 1));
    } else if (name == "c") {
      const auto r = a.find("r");
      if (r != a.end()) {
        const auto at = parse_cell_name(r->second);
        if (!at || at->first >= limits.max_row || at->second >= limits.max_column) fail(Problem::bad_xml, "cell reference " + r->second);
        row = at->first;
        column = at->second;
      } else {
        ++column;
        if (row < 0) row = 0;
      }
      if (column >= limits.max_column) fail(Problem::too_large, "column " + std::to_string(column + 1));
      const auto t = a.find("t");
      type = t == a.end() ? "n" : t->second;
      const auto s = a.find("s");
      style = s == a.end() ? 0 : std::atoi(s->second.c_str());
      value.clear();
    } else if (name == "v") {
      in_value = true;
    } else if (name == "is") {
      in_inline = true;
    } else if (in_inline) {
      inline_text.start(name);
    } else if (name == "mergeCell") {
      const auto ref = a.find("ref");
      if (ref == a.end()) return;
      const auto colon = ref->second.find(':');
      const auto from = parse_cell_name(ref->second.substr(0, colon));
      const auto to = colon == std::string::npos ? from : parse_cell_name(ref->second.substr(colon + 1));
      if (from && to) merges.push_back({*from, *to});
    }
  }

  void end(std::string_view name) override {
    if (name == "v") {
      in_value = false;
    } else if (name == "is") {
      in_inline = false;
    } else if (in_inline) {
      inline_text.end(name);
    } else if (name == "c") {
      store();
    }
  }

  void text(std::string_view s) override {
    if (in_value) value.append(s);
    else if (in_inline) inline_text.chars(s);
  }

  void store() {
    Cell cell;
    if (type == "s") {
      const long index = std::atol(value.c_str());
      if (!value.empty() && index >= 0 && static_cast<std::size_t>(index) < shared.size()) {
        cell.type = CellType::string;
        cell.text = shared[static_cast<std::size_t>(index)];
      }
    } else if (type == "inlineStr") {
      cell.type = CellType::string;
      cell.text = inline_text.take();
    } else if (type == "str") {
      cell.type = CellType::string;
      cell.text = normalise_newlines(unescape_ooxml(value));
    } else if (type == "b") {
      cell.type = CellType::boolean;
      cell.number = value == "1" ? 1 : 0;
      cell.text = value == "1" ? "TRUE" : "FALSE";
    } else if (type == "e") {
      cell.type = CellType::error;
      cell.text = value;
    } else if (type == "d") {
      cell.type = CellType::date;  // an ISO 8601 date (strict OOXML): shown as written
      cell.text = value;
    } else if (!value.empty()) {
      double v = 0;
      const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
      if (ec != std::errc()) {
        cell.type = CellType::string;
        cell.text = value;
      } else {
        const bool date = style >= 0 && static_cast<std::size_t>(style) < date_styles.size() && date_styles[static_cast<std::size_t>(style)];
        cell.type = date ? CellType::date : CellType::number;
        cell.number = v;
        cell.text = date ? date_text(v, date1904) : number_text(v);
      }
    }
    inline_text.text.clear();
    if (cell.type == CellType::empty || (cell.type == CellType::string && cell.text.empty())) return;
    if (++cell_count > limits.cells) fail(Problem::too_large, "more than " + std::to_string(limits.cells) + " cells");
    sheet.cells[{row, column}] = std::move(cell);
    sheet.rows = std::max(sheet.rows, row + 1);
    sheet.columns = std::max(sheet.columns, column + 1);
  }

  // Every cell of a merged range shows the top-left cell's value.
  void spread_merges() {
    for (const auto& [from, to] : merges) {
      const Cell* top_left = sheet.at(from.first, from.second);
      if (!top_left) continue;
      const Cell copy = *top_left;
      const long long area = static_cast<long long>(to.first - from.first + 1) * (to.second - from.second + 1);
      if (area <= 0) continue;
      if (static_cast<std::size_t>(area) > limits.cells)
        fail(Problem::too_large, "a merged range of " + std::to_string(area) + " cells");
      for (int r = from.first; r <= to.first; ++r)
        for (int c = from.second; c <= to.second; ++c) {
          if (r == from.first && c == from.second) continue;
          if (++cell_count > limits.cells) fail(Problem::too_large, "more than " + std::to_string(limits.cells) + " cells");
          sheet.cells[{r, c}] = copy;
          sheet.rows = std::max(sheet.rows, r + 1);
          sheet.columns = std::max(sheet.columns, c + 1);
        }
    }
  }
};

Workbook read_package(std::string_view bytes, const Limits& limits) {
  Package package(bytes, limits);
  if (!package.has("xl/workbook.xml") && package.has("EncryptionInfo")) fail(Problem::encrypted);
  WorkbookPart workbook;
  parse_xml("xl/workbook.xml", package.read("xl/workbook.xml"), workbook);
  RelationshipsPart relationships;
  parse_xml("xl/_rels/workbook.xml.rels", package.read("xl/_rels/workbook.xml.rels"), relationships);
  SharedStringsPart strings(limits);
  if (package.has("xl/sharedStrings.xml")) parse_xml("xl/sharedStrings.xml", package.read("xl/sharedStrings.xml"), strings);
  StylesPart styles;
  if (package.has("xl/styles.xml")) parse_xml("xl/styles.xml", package.read("xl/styles.xml"), styles);
  const std::vector<bool> dates = styles.date_styles();
  Workbook out;
  std::size_t cells = 0;
  for (const auto& entry : workbook.sheets) {
    const auto target = relationships.targets.find(entry.relationship);
    if (target == relationships.targets.end()) fail(Problem::missing_part, "the part of sheet '" + entry.name + "'");
    const std::string part = part_name(target->second);
    if (!package.has(part)) continue;  // a chartsheet or dialog sheet that is not there: nothing to read
    Sheet sheet;
    sheet.name = entry.name;
    sheet.hidden = entry.hidden;
    WorksheetPart ws(sheet, strings.strings, dates, workbook.date1904, limits, cells);
    parse_xml(part, package.read(part), ws);
    ws.spread_merges();
    out.sheets.push_back(std::move(sheet));
  }
  return out;
}

}  // namespace

ReadResult read_xlsx(std::string_view bytes, const Limits& limits) {
  if (bytes.size() > limits.file_bytes)
    return ReadError{Problem::too_large, "the file is over " + std::to_string(limits.file_bytes >> 20) + " MiB"};
  // A password-protected workbook is an OLE compound file, not a zip.
  if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) return ReadError{Problem::encrypted, {}};
  try {
    return read_package(bytes, limits);
  } catch (const Failure& f) {
    return f.error;
  } catch (const std::bad_alloc&) {
    return ReadError{Problem::too_large, "out of memory"};
  }
}

}  // namespace planpress::workbook
