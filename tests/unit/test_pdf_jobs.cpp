// The pdf phase (pdf_jobs) on the small plans of tests/layout/golden/content with the real IPAex fonts:
// the same files and diagnostics whatever the number of threads, in plan order; nothing written for
// check; a font that cannot be read stops the phase before any plan is laid out.
#include <catch2/catch.hpp>

#include <filesystem>

#include "linked_content.hpp"
#include "pdf_jobs/pdf_jobs.hpp"

using namespace planpress;

namespace {

const std::string kContent = PLANPRESS_SOURCE_DIR "/tests/layout/golden/content";

std::string codes_and_messages(const base::Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += std::string(base::name_of(x.code)) + " " + base::render(x.message, base::Lang::en) + "\n";
  return s;
}

}  // namespace

TEST_CASE("every plan's PDF, the same with 1 and 3 threads, stats in plan order", "[pdf_jobs]") {
  testing::LinkedContent c(kContent);
  io::RealFileSystem rfs;
  io::OutputTree one, three;
  base::Diagnostics d1, d3;
  const auto s1 = pdf_jobs::make_pdfs(rfs, c.model, *c.symbols, c.links, c.assembly, {1, std::nullopt}, &one, d1);
  const auto s3 = pdf_jobs::make_pdfs(rfs, c.model, *c.symbols, c.links, c.assembly, {3, std::nullopt}, &three, d3);
  CHECK(d1.all().empty());
  CHECK(d3.all().empty());
  REQUIRE(one.size() == c.model.plans.size());
  CHECK(one == three);
  REQUIRE(s1.plans.size() == c.model.plans.size());
  for (std::size_t i = 0; i < c.model.plans.size(); ++i) {
    const auto& id = c.model.plans[i].id;
    CHECK(s1.plans[i].plan == id);
    CHECK(s3.plans[i].plan == id);
    CHECK(s1.plans[i].pages > 2);
    CHECK(s1.plans[i].bytes == one.at("pdf/" + id + ".pdf").size());
    CHECK(one.at("pdf/" + id + ".pdf").rfind("%PDF-", 0) == 0);
  }
}

TEST_CASE("check lays every plan out and writes nothing, and missing glyphs are reported in plan order", "[pdf_jobs]") {
  testing::LinkedContent c(kContent);
  // 发 is not in the IPAex fonts (and no fallback is configured).
  for (auto& p : c.model.plans) p.summary = "通知を发出する。";
  io::RealFileSystem rfs;
  base::Diagnostics d1, d2;
  const auto checked = pdf_jobs::make_pdfs(rfs, c.model, *c.symbols, c.links, c.assembly, {2, std::nullopt}, static_cast<io::OutputSink*>(nullptr), d1);
  CHECK(checked.plans.size() == c.model.plans.size());
  CHECK(checked.plans[0].bytes == 0);
  io::OutputTree tree;
  pdf_jobs::make_pdfs(rfs, c.model, *c.symbols, c.links, c.assembly, {2, std::nullopt}, &tree, d2);
  CHECK(tree.empty());
  CHECK(codes_and_messages(d2) == codes_and_messages(d1));
  REQUIRE(d2.all().size() == c.model.plans.size());
  for (std::size_t i = 0; i < c.model.plans.size(); ++i) {
    CHECK(d2.all()[i].code == base::Code::pdf_missing_glyph);
    CHECK(base::render(d2.all()[i].message, base::Lang::en).find("in plan '" + c.model.plans[i].id + "'") != std::string::npos);
  }
}

TEST_CASE("a font file that cannot be read stops the phase (font-missing), no plan laid out", "[pdf_jobs]") {
  testing::LinkedContent c(kContent);
  c.model.site.pdf.font_gothic = "/nonexistent/gothic.ttf";
  io::RealFileSystem rfs;
  io::OutputTree tree;
  base::Diagnostics d;
  const auto stats = pdf_jobs::make_pdfs(rfs, c.model, *c.symbols, c.links, c.assembly, {2, std::nullopt}, &tree, d);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].code == base::Code::font_missing);
  CHECK(stats.plans.empty());
  CHECK(tree.empty());
}
