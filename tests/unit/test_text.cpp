#include <catch2/catch.hpp>

#include "text/line_break.hpp"
#include "text/normalize.hpp"
#include "text/wareki.hpp"

using namespace planpress::text;

TEST_CASE("fiscal years in 和暦", "[text]") {
  CHECK(wareki_fiscal_year(2024) == "令和6年度");
  CHECK(wareki_fiscal_year(2019) == "令和元年度");  // the fiscal year in which 令和 began
  CHECK(wareki_fiscal_year(2018) == "平成30年度");
  CHECK(wareki_fiscal_year(1989) == "平成元年度");
  CHECK(wareki_fiscal_year(2014) == "平成26年度");
  CHECK(wareki_fiscal_year(1988) == "昭和63年度");
  CHECK(wareki_fiscal_span(2024, 2026) == "令和6年度～令和8年度");
  CHECK(wareki_fiscal_span(2025, 2025) == "令和7年度");
  CHECK(wareki_fiscal_span(2020, std::nullopt) == "令和2年度～");
  CHECK(western_fiscal_span(2024, 2026) == "2024年度～2026年度");
}

TEST_CASE("dates in 和暦 respect the day an era began", "[text]") {
  CHECK(wareki_date(2023, 2) == "令和5年2月");
  CHECK(wareki_date(2019, 4) == "平成31年4月");
  CHECK(wareki_date(2019, 5) == "令和元年5月");
  CHECK(wareki_date(1989, 1, 7) == "昭和64年1月7日");
  CHECK(wareki_date(1989, 1, 8) == "平成元年1月8日");
  CHECK(wareki_from_iso("2024-02") == std::optional<std::string>("令和6年2月"));
  CHECK(wareki_from_iso("2024") == std::optional<std::string>("令和6年"));
  CHECK_FALSE(wareki_from_iso("2024-13").has_value());
  CHECK_FALSE(wareki_from_iso("R6").has_value());
}

TEST_CASE("NFKC folds width variants", "[text]") {
  CHECK(nfkc("ＤＸ") == "DX");
  CHECK(nfkc("ｶﾀｶﾅ") == "カタカナ");
  CHECK(nfkc("№４") == "No4");
  CHECK(nfkc_casefold("ＯＪＴ") == "ojt");
}

TEST_CASE("fiscal years as staff write them convert to Western years", "[text]") {
  CHECK(western_fiscal_year("令和7年度") == 2025);
  CHECK(western_fiscal_year("令和７年度") == 2025);
  CHECK(western_fiscal_year("令和元年度") == 2019);
  CHECK(western_fiscal_year("R7") == 2025);
  CHECK(western_fiscal_year("Ｈ３０") == 2018);
  CHECK(western_fiscal_year("平成30年度") == 2018);
  CHECK(western_fiscal_year("2025年度") == 2025);
  CHECK(western_fiscal_year("２０２５") == 2025);
  CHECK_FALSE(western_fiscal_year("来年度").has_value());
  CHECK_FALSE(western_fiscal_year("7").has_value());  // a bare 7 is for the out-of-range hint to explain
  CHECK_FALSE(western_fiscal_year("").has_value());
}

TEST_CASE("phrase breaks of a label: after particles and punctuation, between katakana and kanji, never inside a word", "[text]") {
  auto pieces = [](const std::string& s) {
    std::string out;
    std::size_t from = 0;
    for (const auto& b : find_phrase_breaks(s)) {
      out += (out.empty() ? "" : "|") + s.substr(from, b.offset - from);
      from = b.offset;
    }
    return out;
  };
  CHECK(pieces("評価") == "評価");
  CHECK(pieces("自己評価") == "自己評価");
  CHECK(pieces("評価理由と次年度の方向性") == "評価理由と|次年度の|方向性");
  CHECK(pieces("新規・拡充") == "新規・|拡充");
  CHECK(pieces("今後の方向性（説明）") == "今後の|方向性|（説明）");
  CHECK(pieces("総務局人事課、労務課") == "総務局人事課、|労務課");
  CHECK(pieces("コンプライアンス推進員研修") == "コンプライアンス|推進員研修");
  CHECK(pieces("ｽｹｼﾞｭｰﾙ") == "ｽｹｼﾞｭｰﾙ");
  // Every phrase break is a line break too (JLREQ still applies: no break before ・).
  for (const std::string s : {"評価理由と次年度の方向性", "新規・拡充", "総務局人事課・職員研修所（各職場）"})
    for (const auto& b : find_phrase_breaks(s)) {
      bool found = false;
      for (const auto& l : find_line_breaks(s)) found = found || l.offset == b.offset;
      CHECK(found);
    }
}

TEST_CASE("no line break after an opening bracket, even when only tabs and spaces follow it", "[text]") {
  // Found by fuzz_line_break: 「 then tabs ended a line with 「 (the break before the last tab).
  const std::string s = "a「\t\t  \t";
  for (const auto& b : find_line_breaks(s)) CHECK((b.offset == s.size() || b.offset < 2));
  for (const auto& b : find_line_breaks("「\tb")) CHECK(b.offset == std::string("「\tb").size());
}
