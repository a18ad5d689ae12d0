// The PDF backend: the TrueType reader and subsetter on the real IPAex font, the fallback fonts of a
// FontSet, loading the fonts through the file system, and the libharu writer (valid, deterministic,
// refusing characters without a glyph).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "io/file_system.hpp"
#include "layout/paragraph.hpp"
#include "model/model.hpp"
#include "pdf/fonts.hpp"
#include "pdf/to_unicode.hpp"
#include "pdf/truetype.hpp"
#include "pdf/writer.hpp"

using namespace planpress;

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const model::PdfSettings kDefaults;

pdf::FontSet ipaex() {
  std::string error;
  auto set = pdf::FontSet::create({kDefaults.font_mincho, read_all(kDefaults.font_mincho)},
                                  {kDefaults.font_gothic, read_all(kDefaults.font_gothic)}, {}, error);
  REQUIRE(set);
  return std::move(*set);
}

layout::Document one_page(const std::string& text, const layout::Measurer& m) {
  layout::Document doc;
  layout::Page page;
  page.width = layout::kA4Short;
  page.height = layout::kA4Long;
  layout::ParagraphStyle st;
  double y = 60;
  for (auto& box : layout::layout_paragraph({layout::Span{text, layout::Face::mincho, {}, {}, {}}}, st, 400, m)) {
    page.content.append(box.content, 60, y);
    y += box.height;
  }
  page.content.anchors.push_back({"top", 60});
  page.content.outline.push_back({"見出し", 0, "top"});
  doc.pages.push_back(std::move(page));
  doc.info.title = "テスト";
  return doc;
}

}  // namespace

TEST_CASE("the IPAex font is read: glyphs, widths, a missing character") {
  std::string error;
  const std::string bytes = read_all(kDefaults.font_mincho);
  auto font = pdf::TrueTypeFont::parse(bytes, error);
  REQUIRE(font);
  CHECK(font->glyph(U'仙') != 0);
  CHECK(font->advance(U'仙') == Approx(1.0));
  CHECK(font->advance(U'i') < 0.5);         // proportional Latin
  CHECK(font->glyph(U'发') == 0);            // simplified Chinese: not in IPAex
  CHECK(font->glyph(0x20B9F) == 0);          // outside the BMP: libharu cannot show it
}

TEST_CASE("a subset keeps exactly the glyphs it is asked for, with the same widths") {
  std::string error;
  const std::string bytes = read_all(kDefaults.font_mincho);
  auto font = pdf::TrueTypeFont::parse(bytes, error);
  REQUIRE(font);
  std::vector<std::uint16_t> gid;
  const std::u32string chars = U"仙台市ABC（）";
  const std::string sub = font->subset(bytes, std::vector<char32_t>(chars.begin(), chars.end()), gid);
  CHECK(sub.size() < bytes.size() / 20);
  auto reread = pdf::TrueTypeFont::parse(sub, error);
  REQUIRE(reread);
  for (char32_t cp : chars) {
    CHECK(reread->glyph(cp) == gid[cp]);
    CHECK(reread->glyph(cp) != 0);
    CHECK(reread->advance(cp) == Approx(font->advance(cp)));
  }
  CHECK(reread->glyph(U'区') == 0);
}

TEST_CASE("a fallback font draws what the main fonts lack") {
  std::string error;
  auto set = pdf::FontSet::create({kDefaults.font_mincho, read_all(kDefaults.font_mincho)},
                                  {kDefaults.font_gothic, read_all(kDefaults.font_gothic)},
                                  {{"second-mincho", read_all(kDefaults.font_mincho)}}, error);
  REQUIRE(set);
  CHECK(set->font_index(layout::Face::mincho, U'仙') == 0);
  CHECK_FALSE(set->has_glyph(layout::Face::mincho, U'发'));
}

TEST_CASE("fonts are read through the file system: a missing file is font-missing, a file that is no font font-invalid") {
  io::MemoryFileSystem mfs;
  model::PdfSettings s;
  s.font_mincho = "fonts/m.ttf";
  s.font_gothic = "fonts/g.ttf";
  mfs.add_file("fonts/m.ttf", read_all(kDefaults.font_mincho));
  auto codes = [](const base::Diagnostics& d) {
    std::string c;
    for (const auto& x : d.all()) c += std::string(base::name_of(x.code)) + ": " + base::render(x.message, base::Lang::en) + "\n";
    return c;
  };
  base::Diagnostics missing;
  CHECK_FALSE(pdf::load_fonts(mfs, s, missing));
  CHECK(codes(missing).rfind("font-missing: cannot read the Gothic font 'fonts/g.ttf'", 0) == 0);
  CHECK(missing.all().size() == 1);

  mfs.add_file("fonts/g.ttf", "not a font");
  base::Diagnostics invalid;
  CHECK_FALSE(pdf::load_fonts(mfs, s, invalid));
  CHECK(codes(invalid).rfind("font-invalid: font 'fonts/g.ttf' cannot be used", 0) == 0);

  mfs.add_file("fonts/g.ttf", read_all(kDefaults.font_gothic));
  s.font_fallback = {"fonts/m.ttf"};
  base::Diagnostics ok;
  const auto set = pdf::load_fonts(mfs, s, ok);
  REQUIRE(set);
  CHECK(ok.all().empty());
  CHECK(set->names() == "fonts/m.ttf, fonts/g.ttf, fonts/m.ttf");
  CHECK(set->has_glyph(layout::Face::gothic, U'仙'));
}

TEST_CASE("the writer makes a deterministic PDF with embedded subsets and refuses a missing glyph") {
  const auto fonts = ipaex();
  const auto doc = one_page("本プランは、「仙台市コンプライアンス推進計画」に基づき、令和8年度に実施する取組みを定める。", fonts);
  std::string error;
  auto a = pdf::write_pdf(doc, fonts, error);
  REQUIRE(a);
  auto b = pdf::write_pdf(doc, fonts, error);
  REQUIRE(b);
  CHECK(a->rfind("%PDF-", 0) == 0);
  CHECK(*a == *b);
  CHECK(a->find("HPDFAA+IPAexMincho") != std::string::npos);
  CHECK(a->find("/CreationDate") == std::string::npos);
  auto dated_doc = doc;
  dated_doc.info.epoch = 1700000000;
  auto dated = pdf::write_pdf(dated_doc, fonts, error);
  REQUIRE(dated);
  CHECK(dated->find("/CreationDate (D:20231114221320Z") != std::string::npos);
  const auto bad = one_page("通知を发出し", fonts);
  CHECK_FALSE(pdf::write_pdf(bad, fonts, error));
  CHECK(error.find("U+53D1") != std::string::npos);
}

TEST_CASE("the ToUnicode CMap maps every code drawn to itself with bfrange and bfchar, never a CID range") {
  // 仙 U+4ED9, 台 U+53F0 and 市 U+5E02 are single codes; A B C are a run; U+30FE, U+30FF and U+3100 are
  // consecutive but cross a change of the first byte, so a range and a single code; the duplicate A and
  // the character outside the BMP are dropped.
  const std::string cmap = pdf::to_unicode_cmap({U'仙', U'台', U'市', U'B', U'A', U'C', U'A', 0x30FE, 0x30FF, 0x3100, 0x20B9F});
  CHECK(cmap.find("begincidrange") == std::string::npos);
  CHECK(cmap.find("/CMapType 2 def") != std::string::npos);
  CHECK(cmap.find("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange") != std::string::npos);
  CHECK(cmap.find("2 beginbfrange\n<0041> <0043> <0041>\n<30FE> <30FF> <30FE>\nendbfrange") != std::string::npos);
  CHECK(cmap.find("4 beginbfchar\n<3100> <3100>\n<4ED9> <4ED9>\n<53F0> <53F0>\n<5E02> <5E02>\nendbfchar") != std::string::npos);
  CHECK(cmap.find("20B9F") == std::string::npos);

  // At most 100 entries per block: 250 single codes (every other code point) make blocks of 100, 100, 50.
  std::vector<char32_t> spread;
  for (char32_t c = 0x4E00; spread.size() < 250; c += 2) spread.push_back(c);
  const std::string many = pdf::to_unicode_cmap(spread);
  CHECK(many.find("100 beginbfchar") != std::string::npos);
  CHECK(many.find("50 beginbfchar") != std::string::npos);
  CHECK(many.find("beginbfrange") == std::string::npos);
}
