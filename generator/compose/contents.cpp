// The table of contents (with the body's page numbers, dot leaders and links) and the running header
// and footer of every page after the cover.
#include <algorithm>

#include "base/utf8.hpp"
#include "compose/composer.hpp"
#include "present/titles.hpp"

namespace planpress::compose {

using namespace layout;

namespace {

constexpr double kMm = 72.0 / 25.4;

// A page number as configured ("- {page} -").
std::string page_label(const std::string& format, std::size_t page) {
  std::string s = format;
  for (std::size_t p = s.find("{page}"); p != std::string::npos; p = s.find("{page}", p)) s.replace(p, 6, std::to_string(page));
  return s;
}

}  // namespace

std::vector<Page> PlanComposer::table_of_contents(const std::vector<Page>& body, const std::map<std::string, std::size_t>& page_of,
                                    std::size_t first_body_page) {
  Paginator pg(portrait_, landscape_);
  pg.new_page(Orientation::portrait);
  const double w = pg.width();
  pg.add(typeset_heading("目次", 0, w, m_, kTocAnchor, 0));
  for (const auto& page : body)
    for (const auto& o : page.content.outline) {
      if (o.level > 1) continue;
      auto it = page_of.find(o.anchor);
      if (it == page_of.end()) continue;
      const std::string number = std::to_string(first_body_page + it->second + 1);
      const TextStyle& st = o.level == 0 ? css_.toc_chapter : css_.toc_section;
      const double size = st.paragraph.size, indent = st.paragraph.indent;
      const double num_w = m_.width(Face::mincho, number) * size;
      auto boxes = layout_paragraph({st.span(o.title)}, st.paragraph, w - size * 3, m_);
      // Dot leaders from the end of the title to the page number, on the last line.
      Box& last = boxes.back();
      double text_end = indent;
      for (const auto& t : last.content.texts) text_end = std::max(text_end, t.x + m_.width(t.face, t.text) * t.size + t.char_spacing * static_cast<double>(base::count_code_points(t.text)));
      const double baseline = last.content.texts.empty() ? last.height * 0.7 : last.content.texts.front().y;
      Path leader;
      leader.points = {{text_end + size * 0.5, baseline - size * 0.15}, {w - num_w - size * 0.5, baseline - size * 0.15}};
      leader.stroke = style::kMuted;
      leader.line_width = 0.6;
      leader.dash = {1, 2};
      if (leader.points[1].x > leader.points[0].x) last.content.paths.push_back(std::move(leader));
      TextRun num;
      num.x = w - num_w;
      num.y = baseline;
      num.size = size;
      num.face = Face::mincho;
      num.color = style::kText;
      num.text = number;
      last.content.texts.push_back(std::move(num));
      for (auto& b : boxes)
        if (!b.space) b.content.links.push_back(Link{0, 0, w, b.height, o.anchor, {}, {}});
      pg.add(std::move(boxes));
    }
  return pg.finish();
}

void PlanComposer::decorate(Document& doc) const {
  for (std::size_t i = 1; i < doc.pages.size(); ++i) {
    auto& p = doc.pages[i];
    const double left = pdf_.margin_left * kMm, right = p.width - pdf_.margin_right * kMm;
    const double top = pdf_.margin_top * kMm;
    const TextStyle& head = css_.running_header;
    const double size = head.paragraph.size;
    TextRun title;
    title.x = left;
    title.y = top - 10;
    title.size = size;
    title.face = head.face;
    title.color = head.color;
    title.text = in_.model.review ? std::string("【") + present::kReviewShort + "】" + plan_.display_title() : plan_.display_title();
    p.content.texts.push_back(title);
    TextRun muni = title;
    muni.text = plan_.municipality;
    muni.x = right - m_.width(head.face, muni.text) * size;
    p.content.texts.push_back(muni);
    Path rule;
    rule.points = {{left, top - 6}, {right, top - 6}};
    rule.stroke = style::kRule;
    rule.line_width = 0.4;
    p.content.paths.push_back(std::move(rule));
    TextRun num;
    num.size = css_.page_number.paragraph.size;
    num.face = css_.page_number.face;
    num.color = css_.page_number.color;
    num.text = page_label(pdf_.page_number, i + 1);
    num.x = (p.width - m_.width(num.face, num.text) * num.size) / 2;
    num.y = p.height - pdf_.margin_bottom * kMm + std::min(22.0, pdf_.margin_bottom * kMm * 0.55);
    p.content.texts.push_back(std::move(num));
  }
}

}  // namespace planpress::compose
