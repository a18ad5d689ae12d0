// Links from this PDF: where a link target leads (an anchor here, or the web page), the 参照・関連 lines
// under items, categories and sections, and the table of every link between this plan and others.
#include <algorithm>

#include "compose/composer.hpp"
#include "present/describe.hpp"
#include "present/titles.hpp"
#include "present/urls.hpp"

namespace planpress::compose {

using namespace layout;

// A link from this PDF to a page of the site: absolute under site.json's base_url, or none — a PDF is
// mailed, printed and filed away from the site, where a relative link to a web page leads nowhere.
std::string PlanComposer::site_link(const std::string& path) const {
  const auto& base = in_.model.site.base_url;
  return base.empty() ? std::string() : present::absolute_url(base, path);
}

// Where a link endpoint leads from this PDF: an anchor here; else the web page when the site's address is
// known; else, for another plan, its PDF beside this one at the target's named destination
// (<plan>.pdf, item-12), so a folder of the PDFs links up; a document named but not published leads
// nowhere without the site.
ResolvedTarget PlanComposer::target_of(const xref::Endpoint& e) const {
  const auto info = present::describe(in_.model, e);
  ResolvedTarget t;
  t.text = info.title.empty() ? e.key() : info.title;
  if (e.plan == plan_.id && e.kind != xref::TargetKind::document) {
    t.anchor = e.kind == xref::TargetKind::plan ? std::string(kCoverAnchor) : present::pdf_destination(e);
  } else if (!in_.model.site.base_url.empty()) {
    t.uri = site_link(present::endpoint_path(e));
  } else if (e.kind != xref::TargetKind::document) {
    t.file = present::pdf_file(e.plan);
    t.anchor = present::pdf_destination(e);
  }
  return t;
}

TargetResolver PlanComposer::resolver() const {
  return [this](const std::string& target) -> std::optional<ResolvedTarget> {
    auto e = in_.symbols.resolve(plan_.id, target);
    if (!e) return std::nullopt;
    return target_of(*e);
  };
}

// 「参照・関連」: the links starting or ending at `key` (sub-item links only for `sub`), as spans.
std::vector<Span> PlanComposer::reference_spans(const std::string& key, int sub) const {
  std::vector<Span> out;
  std::set<std::string> seen;  // a target referenced from two fields is listed once
  auto add = [&](const xref::Link& l, bool incoming) {
    const auto& other = incoming ? l.from : l.to;
    if (!seen.insert(std::string(incoming ? "<" : ">") + model::to_string(l.type) + other.key() + "/" + std::to_string(other.sub_item)).second) return;
    const auto t = target_of(other);
    const auto info = present::describe(in_.model, other);
    if (!out.empty()) out.push_back(plain("　"));
    out.push_back(plain(std::string(present::link_label(l.type, incoming)) + "：", Face::gothic, style::kMuted));
    const bool leads = !t.anchor.empty() || !t.uri.empty() || !t.file.empty();
    out.push_back(Span{t.text, Face::mincho, leads ? style::kLink : style::kText, t.anchor, t.uri, t.file});
    if (other.plan != plan_.id) {
      const std::string owner = other.kind == xref::TargetKind::document ? "外部文書" : info.plan_title;
      if (!owner.empty() && owner != t.text) out.push_back(plain("（" + owner + "）"));
    }
  };
  for (const auto* l : in_.links.outgoing(key))
    if (l->from.sub_item == sub) add(*l, false);
  if (sub == 0)
    for (const auto* l : in_.links.incoming(key)) add(*l, true);
  return out;
}

void PlanComposer::cross_plan_links(Paginator& pg) {
  std::vector<std::pair<const xref::Link*, bool>> rows;  // (link, incoming)
  for (const auto& l : in_.links.links()) {
    const bool from_here = l.from.plan == plan_.id, to_here = l.to.plan == plan_.id && l.to.kind != xref::TargetKind::document;
    if (from_here && !to_here) rows.emplace_back(&l, false);
    else if (to_here && !from_here) rows.emplace_back(&l, true);
  }
  chapter_break(pg, false);
  // Grouped by the other plan (in the order of the site), then as the links come (this plan's order).
  auto rank = [&](const xref::Endpoint& e) -> std::size_t {
    for (std::size_t i = 0; i < in_.model.plans.size(); ++i)
      if (in_.model.plans[i].id == e.plan && e.kind != xref::TargetKind::document) return i;
    return in_.model.plans.size();
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
    return rank(a.second ? a.first->from : a.first->to) < rank(b.second ? b.first->from : b.first->to);
  });
  const double w = pg.width();
  pg.add(typeset_heading("他の計画との関連", 0, w, m_, kLinksAnchor, 0));
  if (rows.empty()) {
    pg.add(css_.body.typeset("この計画と他の計画・文書との間の参照はありません。", w, m_));
    return;
  }
  pg.add(css_.intro.typeset(in_.model.site.base_url.empty()
                                ? "この計画の項目と他の計画・文書との参照関係です。相手の計画の項目は、同じフォルダにあるその計画の PDF の該当箇所へリンクしています。"
                                : "この計画の項目と他の計画・文書との参照関係です。相手の項目は Web 版のページへリンクしています。",
                            w, m_));
  const auto& ts = css_.table;
  const double pad = 3;
  Table t;
  t.widths = scale_widths({3.2, 1.3, 2.2, 3.3}, w);
  t.pad_x = pad;
  Row head;
  for (const char* h : {"この計画", "関係", "相手の計画・文書", "相手の項目"})
    head.cells.push_back(make_cell(ts.header.typeset(h, t.widths[head.cells.size()] - 2 * pad, m_), style::kHeadFill));
  t.header.push_back(std::move(head));
  const ParagraphStyle& st = ts.links.paragraph;
  for (const auto& [l, incoming] : rows) {
    const auto& here = incoming ? l->to : l->from;
    const auto& there = incoming ? l->from : l->to;
    auto here_t = target_of(xref::Endpoint{here.kind, here.plan, here.id, 0});
    if (here.kind == xref::TargetKind::plan) here_t.text = "（計画全体）";
    auto there_t = target_of(there);
    const auto info = present::describe(in_.model, there);
    Row r;
    r.cells.push_back(make_cell(layout_paragraph({Span{here_t.text, Face::mincho, style::kLink, here_t.anchor, {}}}, st, t.widths[0] - 2 * pad, m_)));
    const std::string rel = std::string(incoming ? "← " : "→ ") + present::link_label(l->type, incoming);
    r.cells.push_back(make_cell(typeset_text(rel, st, t.widths[1] - 2 * pad, m_, Face::gothic)));
    const std::string owner = there.kind == xref::TargetKind::document ? info.title + "（外部文書）" : info.plan_title;
    r.cells.push_back(make_cell(typeset_text(owner, st, t.widths[2] - 2 * pad, m_)));
    const std::string there_text = there.kind == xref::TargetKind::plan || there.kind == xref::TargetKind::document ? "（全体）" : there_t.text;
    const bool leads = !there_t.anchor.empty() || !there_t.uri.empty() || !there_t.file.empty();
    r.cells.push_back(make_cell(layout_paragraph({Span{there_text, Face::mincho, leads ? style::kLink : style::kText, there_t.anchor,
                                                       there_t.uri, there_t.file}},
                                                 st, t.widths[3] - 2 * pad, m_)));
    t.rows.push_back(std::move(r));
  }
  pg.add_table(t);
}

}  // namespace planpress::compose
