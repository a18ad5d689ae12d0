// The spreadsheet module: .xlsx written and read back, .xlsx parts no program writes but a reader must
// take (or refuse), the bounds that stop hostile files, and CSV in the encodings Excel writes.
#include <catch2/catch.hpp>

#include <variant>

#include "stored_zip.hpp"
#include "text/encoding.hpp"
#include "workbook/spec.hpp"
#include "workbook/workbook.hpp"

using namespace planpress;
using workbook::CellType;
using workbook::Problem;

namespace {

workbook::Workbook ok(const workbook::ReadResult& r) {
  if (const auto* e = std::get_if<workbook::ReadError>(&r)) FAIL("read error " << static_cast<int>(e->problem) << ": " << e->detail);
  return std::get<workbook::Workbook>(r);
}

Problem problem(const workbook::ReadResult& r) {
  REQUIRE(std::holds_alternative<workbook::ReadError>(r));
  return std::get<workbook::ReadError>(r).problem;
}

const char* kContentTypes = R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
const char* kRels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>
</Relationships>)";

std::string workbook_xml(bool date1904 = false) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)") +
         (date1904 ? R"(<workbookPr date1904="1"/>)" : "") +
         R"(<sheets><sheet name="項目" sheetId="1" r:id="rId1"/></sheets></workbook>)";
}

// A workbook of one sheet with the given sheetData (and optional shared strings and styles).
std::string package(const std::string& sheet_data, const std::string& strings = {}, const std::string& styles = {},
                    bool date1904 = false, const std::string& extra = {}) {
  std::vector<std::pair<std::string, std::string>> entries = {
      {"[Content_Types].xml", kContentTypes},
      {"xl/workbook.xml", workbook_xml(date1904)},
      {"xl/_rels/workbook.xml.rels", kRels},
      {"xl/worksheets/sheet1.xml",
       R"(<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)" +
           sheet_data + "</x:sheetData>" + extra + "</x:worksheet>"}};
  if (!strings.empty()) entries.emplace_back("xl/sharedStrings.xml", strings);
  if (!styles.empty()) entries.emplace_back("xl/styles.xml", styles);
  return testing::stored_zip(entries);
}

}  // namespace

TEST_CASE("cell names as Excel writes them", "[workbook]") {
  CHECK(workbook::cell_name(11, 6) == "G12");
  CHECK(workbook::column_name(25) == "Z");
  CHECK(workbook::column_name(26) == "AA");
  CHECK(workbook::column_name(16383) == "XFD");
  CHECK(workbook::parse_cell_name("$AA$100") == std::make_pair(99, 26));
  CHECK_FALSE(workbook::parse_cell_name("A0"));
  CHECK_FALSE(workbook::parse_cell_name("12"));
  CHECK_FALSE(workbook::parse_cell_name("XFE1"));  // beyond Excel's last column
}

TEST_CASE("a workbook written by libxlsxwriter reads back", "[workbook]") {
  workbook::WorkbookSpec spec;
  workbook::SheetSpec s;
  s.name = "項目";
  s.cells[{0, 0}] = {std::string("planpress:items:a"), {}};
  s.cells[{1, 1}] = {std::string("①計画\n②実施"), {}};
  s.cells[{1, 2}] = {206.1, {}};
  s.cells[{2, 1}] = {std::string("分類"), {}};
  s.merges.push_back(workbook::Merge{2, 1, 2, 3});
  workbook::SheetSpec hidden;
  hidden.name = "選択肢";
  hidden.hidden = true;
  hidden.cells[{0, 0}] = {std::string("○"), {}};
  spec.sheets = {s, hidden};
  const auto written = workbook::write_xlsx(spec, "/tmp");
  REQUIRE(written.error.empty());
  CHECK(workbook::write_xlsx(spec, "/tmp").bytes == written.bytes);  // the same spec, the same bytes
  const auto wb = ok(workbook::read_xlsx(written.bytes));
  REQUIRE(wb.sheets.size() == 2);
  CHECK(wb.sheets[0].name == "項目");
  CHECK_FALSE(wb.sheets[0].hidden);
  CHECK(wb.sheets[1].hidden);
  const auto& sheet = wb.sheets[0];
  CHECK(sheet.text(0, 0) == "planpress:items:a");
  CHECK(sheet.text(1, 1) == "①計画\n②実施");
  REQUIRE(sheet.at(1, 2));
  CHECK(sheet.at(1, 2)->type == CellType::number);
  CHECK(sheet.at(1, 2)->number == 206.1);
  CHECK(sheet.text(1, 2) == "206.1");
  // Every cell of a merged range carries the value of its top-left cell.
  CHECK(sheet.text(2, 3) == "分類");
  CHECK(sheet.text(2, 2) == "分類");
}

TEST_CASE("strings of every kind: shared, rich text, inline, phonetic guides dropped, escapes decoded", "[workbook]") {
  const std::string strings = R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<si><t>自己評価</t></si>
<si><r><rPr><b/></rPr><t>総務局</t></r><r><t xml:space="preserve">人事課 </t></r><rPh sb="0" eb="3"><t>ソウムキョク</t></rPh><phoneticPr fontId="1"/></si>
<si><t>一行目_x000D_
二行目_x0009_タブ</t></si>
</sst>)";
  const std::string data = R"(<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>
<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>インライン</x:t></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>式の値</x:v></x:c></x:row>)";
  const auto sheet = ok(workbook::read_xlsx(package(data, strings))).sheets.at(0);
  CHECK(sheet.text(0, 0) == "自己評価");
  CHECK(sheet.text(0, 1) == "総務局人事課 ");  // the furigana ソウムキョク is not part of the text
  CHECK(sheet.text(0, 2) == "一行目\n二行目\tタブ");
  CHECK(sheet.text(1, 0) == "インライン");
  CHECK(sheet.at(1, 1)->type == CellType::boolean);  // B2: cells without a reference follow the one before
  CHECK(sheet.text(1, 1) == "TRUE");
  CHECK(sheet.at(1, 2)->type == CellType::error);
  CHECK(sheet.text(1, 3) == "式の値");
}

TEST_CASE("dates by their number format, in both date systems", "[workbook]") {
  const std::string styles = R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.0&quot;件&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>)";
  const std::string data = R"(<x:row r="1"><x:c r="A1" s="1"><x:v>45748</x:v></x:c><x:c r="B1" s="2"><x:v>45748.5</x:v></x:c><x:c r="C1" s="3"><x:v>12</x:v></x:c><x:c r="D1"><x:v>45748</x:v></x:c></x:row>)";
  const auto sheet = ok(workbook::read_xlsx(package(data, {}, styles))).sheets.at(0);
  CHECK(sheet.at(0, 0)->type == CellType::date);
  CHECK(sheet.text(0, 0) == "2025/4/1");
  CHECK(sheet.text(0, 1) == "2025/4/1 12:00");
  CHECK(sheet.at(0, 2)->type == CellType::number);  // "件" in quotes is not a date code
  CHECK(sheet.text(0, 3) == "45748");
  const auto s1904 = ok(workbook::read_xlsx(package(data, {}, styles, true))).sheets.at(0);
  CHECK(s1904.text(0, 0) == "2029/4/2");
}

TEST_CASE("hostile and broken workbooks are refused, within bounds", "[workbook]") {
  CHECK(problem(workbook::read_xlsx("番号,名称\n")) == Problem::not_zip);
  CHECK(problem(workbook::read_xlsx(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'))) == Problem::encrypted);
  CHECK(problem(workbook::read_xlsx(testing::stored_zip({{"[Content_Types].xml", kContentTypes}}))) == Problem::missing_part);
  // A DTD: external entities (XXE) and entity expansion (billion laughs) never get a chance.
  const std::string xxe = R"(<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x:worksheet xmlns:x="a"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>&e;</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>)";
  const auto bomb_entities = testing::stored_zip({{"[Content_Types].xml", kContentTypes},
                                                  {"xl/workbook.xml", workbook_xml()},
                                                  {"xl/_rels/workbook.xml.rels", kRels},
                                                  {"xl/worksheets/sheet1.xml", xxe}});
  CHECK(problem(workbook::read_xlsx(bomb_entities)) == Problem::doctype);
  CHECK(problem(workbook::read_xlsx(package("<x:row><x:c><x:v>1</x:v></x:row>"))) == Problem::bad_xml);
  // Sizes: a part larger than the limit is cut off while it is read, whatever its header says.
  const std::string big(5000, ' ');
  workbook::Limits small;
  small.part_bytes = 4096;
  CHECK(problem(workbook::read_xlsx(package(big), small)) == Problem::too_large);
  workbook::Limits few;
  few.entries = 3;
  CHECK(problem(workbook::read_xlsx(package(""), few)) == Problem::too_large);
  workbook::Limits cells;
  cells.cells = 2;
  CHECK(problem(workbook::read_xlsx(package(R"(<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>c</x:t></x:is></x:c></x:row>)"), cells)) ==
        Problem::too_large);
  // A merged range cannot multiply cells beyond the limit either.
  CHECK(problem(workbook::read_xlsx(package(R"(<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row>)", {}, {}, false,
                                            R"(<x:mergeCells><x:mergeCell ref="A1:XFD1048576"/></x:mergeCells>)"),
                                    cells)) == Problem::too_large);
  CHECK(problem(workbook::read_xlsx(package(R"(<x:row><x:c r="XFE1"><x:v>1</x:v></x:c></x:row>)"))) == Problem::bad_xml);
}

TEST_CASE("CSV in the encodings Excel writes", "[workbook]") {
  const std::string utf8 = "planpress:items:a,name\r\nitem:1,\"研修, \"\"基礎\"\"\r\n二行目\"\r\n";
  auto check_sheet = [](const workbook::Workbook& wb) {
    const auto& s = wb.sheets.at(0);
    CHECK(s.text(0, 0) == "planpress:items:a");
    CHECK(s.text(1, 1) == "研修, \"基礎\"\n二行目");
    CHECK(s.rows == 2);
  };
  check_sheet(ok(workbook::read_csv(utf8)));
  check_sheet(ok(workbook::read_csv("\xEF\xBB\xBF" + utf8)));
  CHECK(workbook::csv_encoding("\xEF\xBB\xBF" + utf8) == "UTF-8 (BOM)");
  // 自己評価,○ in Shift_JIS (CP932).
  const std::string sjis = "\x8E\xA9\x8C\xC8\x95\x5D\x89\xBF,\x81\x9B\r\n";
  const auto s = ok(workbook::read_csv(sjis)).sheets.at(0);
  CHECK(s.text(0, 0) == "自己評価");
  CHECK(s.text(0, 1) == "○");
  CHECK(workbook::csv_encoding(sjis) == "Shift_JIS (CP932)");
  // Excel's "Unicode テキスト": UTF-16LE with a BOM, tab-separated.
  const std::string utf16 = std::string("\xFF\xFE", 2) + std::string("a\0\t\0\x55\x30\r\0\n\0", 10);
  const auto t = ok(workbook::read_csv(utf16)).sheets.at(0);
  CHECK(t.text(0, 0) == "a");
  CHECK(t.text(0, 1) == "\xE3\x81\x95");  // さ
  CHECK(problem(workbook::read_csv("\x81\x20\xFF\xFF")) == Problem::bad_encoding);
}

TEST_CASE("what a Shift_JIS save does to text", "[workbook]") {
  CHECK(text::through_cp932("通知を发出") == "通知を?出");  // 发 (simplified) is not in CP932
  CHECK(text::through_cp932("○☆×①～") == "○☆×①～");
  CHECK(text::through_cp932("82.4\u221278.3") == "82.4\uFF0D78.3");  // − best fit: －, as Excel writes it
  CHECK(text::through_cp932("82.4\u221278.3", false) == "82.4?78.3");
}
