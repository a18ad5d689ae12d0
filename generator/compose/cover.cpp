// The cover: municipality, the title broken between phrases, kind, period, publication, department and
// the address of the web version, spread over the page.
#include <algorithm>
#include <ctime>

#include "base/utf8.hpp"
#include "compose/composer.hpp"
#include "present/titles.hpp"
#include "present/urls.hpp"
#include "present/values.hpp"
#include "text/line_break.hpp"
#include "text/wareki.hpp"

namespace planpress::compose {

using namespace layout;

namespace {

enum class Script { kanji, hiragana, katakana, open, close, other };

Script script_of(char32_t cp) {
  if (cp >= 0x3041 && cp <= 0x309F) return Script::hiragana;
  if ((cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0xFF66 && cp <= 0xFF9F)) return Script::katakana;
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == U'々') return Script::kanji;
  if (text::forbidden_at_line_end(cp)) return Script::open;
  if (cp == U'」' || cp == U'』' || cp == U'）' || cp == U')' || cp == U'】' || cp == U'〕') return Script::close;
  return Script::other;
}

}  // namespace

// A title split into lines between phrases: after particles (hiragana before another script), around
// brackets, and where kanji and katakana meet — only where JLREQ allows a break. The lines are as even
// as the phrases allow; a phrase wider than the page falls back to ordinary line breaking.
std::vector<std::string> PlanComposer::title_lines(const std::string& title, double width, double size) const {
  std::vector<std::size_t> cuts;
  std::set<std::size_t> allowed;
  for (const auto& b : text::find_line_breaks(title)) allowed.insert(b.offset);
  char32_t prev = 0;
  for (std::size_t i = 0; i < title.size();) {
    const std::size_t at = i;
    const char32_t cp = base::decode_utf8(title, i);
    if (prev && allowed.count(at)) {
      const Script p = script_of(prev), c = script_of(cp);
      const bool boundary = (p == Script::hiragana && c != Script::hiragana && c != Script::close) || p == Script::close ||
                            c == Script::open || (p == Script::kanji && c == Script::katakana) ||
                            (p == Script::katakana && c == Script::kanji);
      if (boundary) cuts.push_back(at);
    }
    prev = cp;
  }
  std::vector<std::string> phrases;
  std::size_t from = 0;
  for (std::size_t c : cuts) {
    phrases.push_back(title.substr(from, c - from));
    from = c;
  }
  phrases.push_back(title.substr(from));
  auto fill = [&](double measure) {
    std::vector<std::string> lines;
    double used = 0;
    for (const auto& ph : phrases) {
      const double pw = m_.width(Face::gothic, ph) * size;
      if (pw > measure + 1e-6) return std::vector<std::string>{};
      if (!lines.empty() && used + pw <= measure + 1e-6) {
        lines.back() += ph;
        used += pw;
      } else {
        lines.push_back(ph);
        used = pw;
      }
    }
    return lines;
  };
  const auto full = fill(width);
  if (full.empty()) return {title};
  if (full.size() == 1) return full;
  double lo = 0, hi = width;
  for (int i = 0; i < 24; ++i) {
    const double mid = (lo + hi) / 2;
    const auto l = fill(mid);
    if (l.empty() || l.size() > full.size()) lo = mid;
    else hi = mid;
  }
  return fill(hi);
}

void PlanComposer::cover(Paginator& pg) {
  pg.new_page(Orientation::portrait);
  const double w = pg.width();
  std::vector<Box> top, middle, bottom;
  auto centered = [&](const std::string& text, const TextStyle& st, std::vector<Box>& into) {
    for (auto& b : layout_paragraph({st.span(text)}, st.paragraph, w, m_)) into.push_back(std::move(b));
  };
  // A review build says so first (the published edition has no editors' notes and no banner).
  if (in_.model.review) centered(present::kReviewBanner, css_.cover_inferred, top);
  centered(plan_.municipality, css_.cover_municipality, top);
  {
    // The title: on one line when it fits at the minimum size or more; otherwise broken between phrases
    // into lines of balanced length, so that no line ends in the middle of a word such as アクション.
    TextStyle st = css_.cover_title;
    const double natural = m_.width(st.face, plan_.title);
    if (natural * st.paragraph.size > w && natural * css_.cover_title_min <= w) st.paragraph.size = w / natural - 0.01;
    for (const auto& line : title_lines(plan_.title, w, st.paragraph.size))
      for (auto& b : layout_paragraph({st.span(line)}, st.paragraph, w, m_)) top.push_back(std::move(b));
    top.push_back(make_space(css_.cover_title_after));
  }
  {
    // Metadata the document does not print is marked as inferred (推定), as on the web pages.
    std::string inferred_names;
    for (const char* key : {"title", "short_title", "municipality", "kind"})
      if (plan_.inferred.count(key)) inferred_names += (inferred_names.empty() ? "" : "・") + std::string(present::metadata_label(key));
    if (!inferred_names.empty())
      centered("［推定］" + inferred_names + "は原文に印字されていないため推定しています（理由は「計画の概要」）", css_.cover_inferred, top);
  }
  if (!plan_.short_title.empty() && plan_.short_title != plan_.title) centered("（" + plan_.short_title + "）", css_.cover_short_title, top);
  centered(model::label_of(plan_.kind), css_.cover_kind, top);
  if (const std::string edition = present::edition_label(plan_); !edition.empty()) centered(edition, css_.cover_meta, top);
  // A plan-stage edition says that its results follow at year end (its cells say 「実績は年度末に掲載」).
  if (const std::string notice = present::stage_notice(plan_); !notice.empty()) centered(notice, css_.cover_inferred, middle);
  auto inferred = [&](const char* key) { return plan_.inferred.count(key) ? std::string("［推定］") : std::string(); };
  if (plan_.period) {
    std::string p = !plan_.period->label.empty() ? plan_.period->label : period_text();
    const std::string western = present::period_western(*plan_.period);
    if (!present::same_text(p, period_text())) p += "（" + period_text() + "）";
    centered("計画期間　" + p + "\n" + western + inferred("period"), css_.cover_meta, middle);
  }
  if (plan_.published) {
    centered(std::string(present::kUpdatedLabel) + "　" + present::published_text(*plan_.published) + inferred("published"), css_.cover_meta, middle);
  } else if (in_.epoch) {
    const std::time_t t = static_cast<std::time_t>(*in_.epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    centered("作成　" + text::wareki_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), css_.cover_meta, middle);
  }
  if (!plan_.department.empty()) centered(plan_.department + inferred("department"), css_.cover_meta, middle);
  centered(present::organisation_of(plan_), css_.cover_organisation, bottom);
  // The web version's address, when the site's is known (a path relative to the site means nothing on a
  // printed or mailed copy).
  if (const std::string url = site_link(present::plan_page(plan_.id)); !url.empty()) {
    const auto& st = css_.cover_web_note;
    for (auto& b : layout_paragraph({st.span("この計画は Web 版（HTML、音声読み上げ等に対応）でも公開しています："),
                                     Span{url, st.face, style::kLink, {}, url}},
                                    st.paragraph, w, m_))
      bottom.push_back(std::move(b));
  }
  mark(top, kCoverAnchor, "表紙", 0);
  double top_h = 0, middle_h = 0, bottom_h = 0;
  for (const auto& b : top) top_h += b.height;
  for (const auto& b : middle) middle_h += b.height;
  for (const auto& b : bottom) bottom_h += b.height;
  const double avail = pg.remaining_height();
  const double gap1 = std::max(0.0, avail * 0.22);
  const double gap3 = std::max(0.0, avail - gap1 - top_h - middle_h - bottom_h - avail * 0.08);
  Box g1;
  g1.height = gap1;
  pg.add(std::move(g1));
  pg.add(std::move(top));
  pg.add(std::move(middle));
  Box g3;
  g3.height = gap3;
  pg.add(std::move(g3));
  pg.add(std::move(bottom));
}

}  // namespace planpress::compose
