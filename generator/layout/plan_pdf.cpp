#include "layout/plan_pdf.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <map>
#include <set>

#include "base/utf8.hpp"
#include "layout/blocks.hpp"
#include "layout/chart.hpp"
#include "layout/flow.hpp"
#include "layout/markdown_flow.hpp"
#include "present/describe.hpp"
#include "present/titles.hpp"
#include "present/urls.hpp"
#include "present/values.hpp"
#include "text/line_break.hpp"
#include "text/normalize.hpp"
#include "text/wareki.hpp"

namespace planpress::layout {

namespace {

constexpr double kMm = 72.0 / 25.4;

using present::category_anchor;
using present::indicator_anchor;
using present::item_anchor;
using present::section_anchor;

Span plain(std::string text, Face f = Face::mincho, Color c = style::kText) { return Span{std::move(text), f, c, {}, {}}; }

// A page number as configured ("- {page} -").
std::string page_label(const std::string& format, std::size_t page) {
  std::string s = format;
  for (std::size_t p = s.find("{page}"); p != std::string::npos; p = s.find("{page}", p)) s.replace(p, 6, std::to_string(page));
  return s;
}

class PlanComposer {
 public:
  PlanComposer(const PlanPdfInput& in, base::Diagnostics& diags)
      : in_(in), m_(in.measurer), plan_(in.plan), pdf_(in.model.site.pdf), diags_(diags) {
    portrait_.width = kA4Short;
    portrait_.height = kA4Long;
    portrait_.margin_top = pdf_.margin_top * kMm;
    portrait_.margin_bottom = pdf_.margin_bottom * kMm;
    portrait_.margin_left = pdf_.margin_left * kMm;
    portrait_.margin_right = pdf_.margin_right * kMm;
    landscape_ = portrait_;
    landscape_.width = kA4Long;
    landscape_.height = kA4Short;
  }

  Document compose() {
    check_content();
    Paginator body(portrait_, landscape_);
    body.new_page(Orientation::portrait);
    overview(body);
    sections(body);
    items(body);
    loose_indicators(body);
    cross_plan_links(body);
    auto body_pages = body.finish();

    Paginator cover_pg(portrait_, landscape_);
    cover(cover_pg);
    auto cover_pages = cover_pg.finish();

    // The table of contents is laid out again until the page numbers it prints are stable (its own length
    // shifts the body's page numbers).
    std::map<std::string, std::size_t> body_page_of;
    for (std::size_t i = 0; i < body_pages.size(); ++i)
      for (const auto& a : body_pages[i].content.anchors) body_page_of.emplace(a.name, i);
    std::size_t toc_count = 1;
    std::vector<Page> toc_pages;
    for (int round = 0; round < 8; ++round) {
      toc_pages = table_of_contents(body_pages, body_page_of, cover_pages.size() + toc_count);
      if (toc_pages.size() == toc_count) break;
      toc_count = toc_pages.size();
    }

    Document doc;
    for (auto* part : {&cover_pages, &toc_pages, &body_pages})
      for (auto& p : *part) doc.pages.push_back(std::move(p));
    decorate(doc);
    doc.info.title = plan_.title;
    doc.info.author = in_.model.site.organisation;
    doc.info.subject = plan_.municipality + " " + model::label_of(plan_.kind) + (period_text().empty() ? "" : "（" + period_text() + "）");
    doc.info.keywords = plan_.municipality + ", " + model::label_of(plan_.kind) + ", " + plan_.display_title() + ", " + plan_.id;
    doc.info.epoch = in_.epoch;
    return doc;
  }

 private:
  // ---- checking every character against the fonts -------------------------------------------------

  // When `where` is the opening quote of a JSON string, the place of the character `decoded` bytes into
  // its decoded value (escapes such as \n and \u3000 counted as what they stand for).
  static base::Location in_json_string(const base::Location& where, std::size_t decoded) {
    if (!where.file) return where;
    const std::string& src = where.file->text();
    std::size_t p = where.offset;
    if (p >= src.size() || src[p] != '"') return where;
    ++p;
    std::size_t count = 0;
    while (p < src.size() && src[p] != '"' && count < decoded) {
      if (src[p] != '\\') {
        ++p;
        ++count;
        continue;
      }
      if (p + 1 < src.size() && src[p + 1] == 'u' && p + 6 <= src.size()) {
        const unsigned v = static_cast<unsigned>(std::strtoul(src.substr(p + 2, 4).c_str(), nullptr, 16));
        p += 6;
        if (v >= 0xD800 && v < 0xDC00 && p + 6 <= src.size() && src[p] == '\\') {
          p += 6;
          count += 4;
        } else {
          count += v < 0x80 ? 1 : v < 0x800 ? 2 : 3;
        }
      } else {
        p += 2;
        ++count;
      }
    }
    return base::Location::in(where.file, p);
  }

  void check(std::string_view text, const base::Location& where, const std::string& what) {
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t at = i;
      const char32_t cp = base::decode_utf8(text, i);
      if (cp < 0x20) continue;
      if (m_.has_glyph(Face::mincho, cp) && m_.has_glyph(Face::gothic, cp)) continue;
      if (!reported_.insert(what + "\x1f" + std::string(text.substr(at, i - at))).second) continue;
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
      diags_.error("pdf-missing-glyph", in_json_string(where, at),
                   "character '" + std::string(text.substr(at, i - at)) + "' (" + code + ") in " + what +
                       " has no glyph in the PDF fonts (" + in_.font_names + ")",
                   {"add a TrueType font that has it to \"pdf\": {\"fonts\": {\"fallback\": [...]}} in site.json, or "
                    "write the character differently (with a note of type source_error)"});
    }
  }

  // A place inside a Markdown file: the exact offset of the character.
  void check_markdown_file(const model::Section& s) {
    if (!s.source) return;
    const std::string& t = s.source->text();
    const std::string what = "plan '" + plan_.id + "', section '" + s.id + "' (" + s.title + ")";
    for (std::size_t i = 0; i < t.size();) {
      const std::size_t at = i;
      base::decode_utf8(t, i);
      check(std::string_view(t).substr(at, i - at), base::Location::in(s.source, at), what);
    }
  }

  void check_entry(const model::Entry& e, const std::string& what) {
    check(e.number, e.location, what + ", number");
    check(e.name, e.location, what + ", name");
    for (const auto& def : plan_.fields) {
      auto it = e.fields.find(def.key);
      if (it == e.fields.end()) continue;
      const auto& v = it->second;
      const std::string w = what + ", field '" + present::field_label(e, def) + "' (" + def.key + ")";
      check(v.text, v.location, w);
      for (const auto& l : v.list) {
        check(l.label, v.location, w);
        check(l.text, v.location, w);
      }
      for (const auto& s : v.values) check(s, v.location, w);
      for (const auto& r : v.schedule) {
        check(r.label, v.location, w);
        check(r.text, v.location, w);
        check(r.group, v.location, w);
      }
    }
    for (const auto& [k, l] : e.labels) check(l, e.location, what + ", label of '" + k + "'");
    for (const auto& n : e.notes) {
      check(n.text, e.location, what + ", note");
      check(n.where, e.location, what + ", note");
    }
  }

  void check_content() {
    const std::string p = "plan '" + plan_.id + "'";
    for (const auto* s : {&plan_.title, &plan_.short_title, &plan_.municipality, &plan_.department, &plan_.summary, &plan_.source_note})
      check(*s, plan_.location, p);
    if (plan_.period) check(plan_.period->label, plan_.location, p + ", period");
    if (plan_.published) check(plan_.published->label, plan_.location, p + ", published");
    for (const auto& [k, v] : plan_.inferred) check(v, plan_.location, p + ", inferred '" + k + "'");
    for (const auto& n : plan_.notes) check(n.text + n.where, plan_.location, p + ", note");
    for (const auto& f : plan_.fields) check(f.label, f.location, p + ", field '" + f.key + "'");
    for (const auto& v : plan_.vocabularies) {
      check(v.label, plan_.location, p + ", vocabulary '" + v.name + "'");
      for (const auto& val : v.values) check(val.value + val.label, plan_.location, p + ", vocabulary '" + v.name + "'");
    }
    for (const auto& s : plan_.sections) {
      check(s.number + s.title, s.location, p + ", section '" + s.id + "'");
      check_markdown_file(s);
    }
    model::for_each_category(plan_.categories, [&](const model::Category& c, int) {
      const std::string w = p + ", category '" + c.id + "'";
      check(c.number + c.title + c.kind, c.location, w);
      for (const auto& b : c.blocks) {
        check(b.label, b.location, w + ", block '" + b.label + "'");
        check(b.text, b.location, w + ", block '" + b.label + "'");
      }
      for (const auto& n : c.notes) check(n.text + n.where, c.location, w + ", note");
    });
    for (const auto& item : plan_.items) {
      const std::string w = p + ", item '" + item.id + "'";
      check_entry(item, w);
      for (std::size_t k = 0; k < item.sub_items.size(); ++k) check_entry(item.sub_items[k], w + ", sub-item " + std::to_string(k + 1));
    }
    for (const auto& ind : plan_.indicators) {
      const std::string w = p + ", indicator '" + ind.id + "'";
      check(ind.name + ind.type + ind.unit + ind.definition, ind.location, w);
      for (const auto& s : ind.segments) check(s.label + s.note, ind.location, w + ", segment '" + s.id + "'");
      for (const auto& v : ind.values) check(v.label + v.text + v.qualifier + v.note, ind.location, w + ", value");
      for (const auto& c : ind.commentary) check(c, ind.location, w + ", commentary");
      for (const auto& n : ind.notes) check(n.text + n.where, ind.location, w + ", note");
    }
    // Names of what the links lead to (other plans' items are checked with their own plan).
    for (const auto& l : in_.links.links())
      for (const auto* e : {&l.from, &l.to})
        if (e->kind == xref::TargetKind::document)
          if (const auto* d = in_.model.find_document(e->plan)) check(d->title, d->location, "document '" + d->id + "'");
  }

  // ---- small helpers ---------------------------------------------------------------------------------

  std::string period_text() const {
    if (!plan_.period) return {};
    return present::period_wareki(*plan_.period);
  }

  // A link from this PDF (pdf/<plan>.pdf) to a page of the site.
  std::string site_link(const std::string& path) const { return present::relative_link(present::plan_pdf(plan_.id), path); }

  // Where a link endpoint leads from this PDF: an anchor here, or the web page (relative to pdf/).
  ResolvedTarget target_of(const xref::Endpoint& e) const {
    const auto info = present::describe(in_.model, e);
    ResolvedTarget t;
    t.text = info.title.empty() ? e.key() : info.title;
    if (e.plan == plan_.id && e.kind != xref::TargetKind::document) {
      switch (e.kind) {
        case xref::TargetKind::item: t.anchor = item_anchor(e.id); break;
        case xref::TargetKind::category: t.anchor = category_anchor(e.id); break;
        case xref::TargetKind::section: t.anchor = section_anchor(e.id); break;
        default: t.anchor = "cover"; break;
      }
    } else {
      t.uri = site_link(present::endpoint_path(e));
    }
    return t;
  }

  TargetResolver resolver() const {
    return [this](const std::string& target) -> std::optional<ResolvedTarget> {
      auto e = in_.symbols.resolve(plan_.id, target);
      if (!e) return std::nullopt;
      return target_of(*e);
    };
  }

  // 「参照・関連」: the links starting or ending at `key` (sub-item links only for `sub`), as spans.
  std::vector<Span> reference_spans(const std::string& key, int sub) const {
    std::vector<Span> out;
    std::set<std::string> seen;  // a target referenced from two fields is listed once
    auto add = [&](const xref::Link& l, bool incoming) {
      const auto& other = incoming ? l.from : l.to;
      if (!seen.insert(std::string(incoming ? "<" : ">") + model::to_string(l.type) + other.key() + "/" + std::to_string(other.sub_item)).second) return;
      const auto t = target_of(other);
      const auto info = present::describe(in_.model, other);
      if (!out.empty()) out.push_back(plain("　"));
      out.push_back(plain(std::string(present::link_label(l.type, incoming)) + "：", Face::gothic, style::kMuted));
      out.push_back(Span{t.text, Face::mincho, style::kLink, t.anchor, t.uri});
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

  std::vector<Box> notes_boxes(const std::vector<model::Note>& notes, double width, double size) const {
    std::vector<Box> out;
    ParagraphStyle st = make_body_style(size);
    for (const auto& n : notes) {
      std::string label = std::string("［") + model::note_type_label(n.type);
      if (!n.field.empty())
        if (const auto* f = plan_.field(n.field)) label += "・" + f->label;
      label += "］";
      std::string text = n.text;
      if (!n.where.empty()) text += "（" + n.where + "）";
      // Continuation lines hang by one em under the label (a long label would leave a narrow column).
      st.indent = size;
      st.first_indent = -size;
      for (auto& b : layout_paragraph({plain(label, Face::gothic, style::kMuted), plain(text, Face::mincho, style::kMuted)}, st, width, m_))
        out.push_back(std::move(b));
    }
    return out;
  }

  // A field value typeset for a cell `width` wide; `compact` for narrow table columns (marks only).
  std::vector<Box> field_boxes(const model::FieldValue& v, const model::FieldDef& def, double width, double size, bool compact) {
    ParagraphStyle st = make_body_style(size);
    std::vector<Box> out;
    auto append = [&](std::vector<Box> b) {
      for (auto& x : b) out.push_back(std::move(x));
    };
    switch (v.kind) {
      case model::FieldKind::text: append(typeset_text(v.text, st, width, m_)); break;
      case model::FieldKind::markdown: {
        MarkdownOptions o;
        o.size = size;
        o.in_cell = true;
        append(flatten(typeset_markdown(v.markdown.root, width, m_, resolver(), o)));
        break;
      }
      case model::FieldKind::status:
      case model::FieldKind::rating: {
        const auto& label = present::vocabulary_label(plan_, def, v.text);
        ParagraphStyle ms = st;
        if (compact) {
          ms.align = Align::center;
          append(layout_paragraph({plain(v.text, Face::gothic)}, ms, width, m_));
        } else {
          std::vector<Span> sp = {plain(v.text, Face::gothic)};
          if (!label.empty() && label != v.text) sp.push_back(plain("（" + label + "）", Face::mincho, style::kMuted));
          ms.align = Align::left;
          append(layout_paragraph(sp, ms, width, m_));
        }
        break;
      }
      case model::FieldKind::tags: {
        std::string joined;
        for (const auto& t : v.values) joined += (joined.empty() ? "" : "、") + t;
        st.align = compact ? Align::center : Align::left;
        append(typeset_text(joined, st, width, m_));
        break;
      }
      case model::FieldKind::departments:
        st.align = Align::left;
        for (const auto& d : v.values) append(typeset_text(d, st, width, m_));
        break;
      case model::FieldKind::list:
        for (const auto& e : v.list) {
          ParagraphStyle ls = st;
          const double lw = e.label.empty() ? 0.0 : std::min(m_.width(Face::mincho, e.label) * size, width * 0.3);
          ls.indent = lw;
          ls.first_indent = -lw;
          // Each printed paragraph of an entry; the label hangs before the first.
          std::size_t start = 0;
          bool first = true;
          for (;;) {
            const std::size_t nl = e.text.find('\n', start);
            const std::string para = e.text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
            std::vector<Span> sp;
            if (first && !e.label.empty()) sp.push_back(plain(e.label));
            sp.push_back(plain(para));
            ParagraphStyle ps = ls;
            if (!first) ps.first_indent = 0;
            append(layout_paragraph(sp, ps, width, m_));
            first = false;
            if (nl == std::string::npos) break;
            start = nl + 1;
          }
        }
        break;
      case model::FieldKind::schedule: append(schedule_boxes(v, width, size)); break;
    }
    return out;
  }

  // A schedule (工程) as a small table: 時期 | 内容, group rows spanning both.
  std::vector<Box> schedule_boxes(const model::FieldValue& v, double width, double size) {
    const double pad = 2;
    bool any_when = false;
    for (const auto& r : v.schedule) any_when = any_when || !r.label.empty() || r.from;
    ParagraphStyle st = make_body_style(size);
    st.align = Align::left;
    if (!any_when) {
      std::vector<Box> out;
      for (const auto& r : v.schedule) for (auto& b : typeset_text(r.text, st, width, m_)) out.push_back(std::move(b));
      return out;
    }
    const std::vector<double> widths = scale_widths({1, 3}, width);
    std::vector<std::vector<std::vector<Box>>> cells;
    std::vector<bool> head;
    ParagraphStyle hs = st;
    hs.align = Align::center;
    cells.push_back({typeset_text("時期", hs, widths[0] - 2 * pad, m_, Face::gothic), typeset_text("内容", hs, widths[1] - 2 * pad, m_, Face::gothic)});
    head.push_back(true);
    std::string group;
    for (const auto& r : v.schedule) {
      if (!r.group.empty() && r.group != group) {
        // A group heading (・ため池等) across both columns.
        cells.push_back({typeset_text(r.group, st, widths[0] + widths[1] - 2 * pad, m_, Face::gothic)});
        head.push_back(false);
      }
      group = r.group;
      const auto w = present::schedule_when(r);
      std::string when = w.label;
      if (!w.span.empty()) when = when.empty() ? w.span : when + "\n（" + w.span + "）";
      // A row without a time (毎年度、…着実に実施していきます。) runs across both columns.
      if (when.empty()) cells.push_back({typeset_text(r.text, st, widths[0] + widths[1] - 2 * pad, m_)});
      else cells.push_back({typeset_text(when, st, widths[0] - 2 * pad, m_), typeset_text(r.text, st, widths[1] - 2 * pad, m_)});
      head.push_back(false);
    }
    return typeset_grid(widths, cells, head, pad);
  }

  // ---- cover ---------------------------------------------------------------------------------------

  enum class Script { kanji, hiragana, katakana, open, close, other };

  static Script script_of(char32_t cp) {
    if (cp >= 0x3041 && cp <= 0x309F) return Script::hiragana;
    if ((cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0xFF66 && cp <= 0xFF9F)) return Script::katakana;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == U'々') return Script::kanji;
    if (text::forbidden_at_line_end(cp)) return Script::open;
    if (cp == U'」' || cp == U'』' || cp == U'）' || cp == U')' || cp == U'】' || cp == U'〕') return Script::close;
    return Script::other;
  }

  // A title split into lines between phrases: after particles (hiragana before another script), around
  // brackets, and where kanji and katakana meet — only where JLREQ allows a break. The lines are as even
  // as the phrases allow; a phrase wider than the page falls back to ordinary line breaking.
  std::vector<std::string> title_lines(const std::string& title, double width, double size) const {
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

  void cover(Paginator& pg) {
    pg.new_page(Orientation::portrait);
    const double w = pg.width();
    std::vector<Box> top, middle, bottom;
    auto centered = [&](const std::string& text, double size, Face f, Color c, double space_after, std::vector<Box>& into) {
      ParagraphStyle st;
      st.size = size;
      st.line_height = 1.45;
      st.align = Align::center;
      st.space_after = space_after;
      for (auto& b : layout_paragraph({Span{text, f, c, {}, {}}}, st, w, m_)) into.push_back(std::move(b));
    };
    centered(plan_.municipality, 16, Face::gothic, style::kText, 18, top);
    {
      // The title: on one line when it fits at 17 pt or more; otherwise broken between phrases into lines
      // of balanced length, so that no line ends in the middle of a word such as アクション.
      double size = 24;
      const double natural = m_.width(Face::gothic, plan_.title);
      if (natural * size > w && natural * 17 <= w) size = w / natural - 0.01;
      ParagraphStyle st;
      st.size = size;
      st.line_height = 1.45;
      st.align = Align::center;
      for (const auto& line : title_lines(plan_.title, w, size))
        for (auto& b : layout_paragraph({Span{line, Face::gothic, style::kText, {}, {}}}, st, w, m_)) top.push_back(std::move(b));
      top.push_back(make_space(14));
    }
    {
      // Metadata the document does not print is marked as inferred (推定), as on the web pages.
      std::string inferred_names;
      for (const char* key : {"title", "short_title", "municipality", "kind"})
        if (plan_.inferred.count(key)) inferred_names += (inferred_names.empty() ? "" : "・") + std::string(present::metadata_label(key));
      if (!inferred_names.empty())
        centered("［推定］" + inferred_names + "は原文に印字されていないため推定しています（理由は「計画の概要」）", 9, Face::mincho,
                 style::kMuted, 10, top);
    }
    if (!plan_.short_title.empty() && plan_.short_title != plan_.title) centered("（" + plan_.short_title + "）", 13, Face::gothic, style::kMuted, 6, top);
    centered(model::label_of(plan_.kind), 13, Face::gothic, style::kMuted, 30, top);
    auto inferred = [&](const char* key) { return plan_.inferred.count(key) ? std::string("［推定］") : std::string(); };
    if (plan_.period) {
      std::string p = !plan_.period->label.empty() ? plan_.period->label : period_text();
      const std::string western = present::period_western(*plan_.period);
      if (!present::same_text(p, period_text())) p += "（" + period_text() + "）";
      centered("計画期間　" + p + "\n" + western + inferred("period"), 12, Face::mincho, style::kText, 8, middle);
    }
    if (plan_.published) {
      centered("策定・公表　" + present::published_text(*plan_.published) + inferred("published"), 12, Face::mincho, style::kText, 8, middle);
    } else if (in_.epoch) {
      const std::time_t t = static_cast<std::time_t>(*in_.epoch);
      std::tm tm{};
      gmtime_r(&t, &tm);
      centered("作成　" + text::wareki_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), 12, Face::mincho, style::kText, 8, middle);
    }
    if (!plan_.department.empty()) centered(plan_.department + inferred("department"), 12, Face::mincho, style::kText, 8, middle);
    centered(in_.model.site.organisation, 13, Face::gothic, style::kText, 8, bottom);
    {
      ParagraphStyle st;
      st.size = 9;
      st.line_height = 1.5;
      st.align = Align::center;
      const std::string page = present::plan_page(plan_.id);
      for (auto& b : layout_paragraph({plain("この計画は Web 版（HTML、音声読み上げ等に対応）でも公開しています：", Face::mincho, style::kMuted),
                                       Span{page, Face::mincho, style::kLink, {}, site_link(page)}},
                                      st, w, m_))
        bottom.push_back(std::move(b));
    }
    mark(top, "cover", "表紙", 0);
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

  // ---- table of contents ---------------------------------------------------------------------------

  std::vector<Page> table_of_contents(const std::vector<Page>& body, const std::map<std::string, std::size_t>& page_of,
                                      std::size_t first_body_page) {
    Paginator pg(portrait_, landscape_);
    pg.new_page(Orientation::portrait);
    const double w = pg.width();
    pg.add(typeset_heading("目次", 0, w, m_, "toc", 0));
    for (const auto& page : body)
      for (const auto& o : page.content.outline) {
        if (o.level > 1) continue;
        auto it = page_of.find(o.anchor);
        if (it == page_of.end()) continue;
        const std::string number = std::to_string(first_body_page + it->second + 1);
        const double size = o.level == 0 ? 10.5 : 10;
        const Face face = o.level == 0 ? Face::gothic : Face::mincho;
        const double indent = o.level == 0 ? 0 : size * 1.5;
        const double num_w = m_.width(Face::mincho, number) * size;
        ParagraphStyle st;
        st.size = size;
        st.line_height = 1.55;
        st.align = Align::left;
        st.indent = indent;
        st.space_before = o.level == 0 ? 5 : 0;
        auto boxes = layout_paragraph({Span{o.title, face, style::kText, {}, {}}}, st, w - size * 3, m_);
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
          if (!b.space) b.content.links.push_back(Link{0, 0, w, b.height, o.anchor, {}});
        pg.add(std::move(boxes));
      }
    return pg.finish();
  }

  // ---- header and footer ---------------------------------------------------------------------------

  void decorate(Document& doc) const {
    for (std::size_t i = 1; i < doc.pages.size(); ++i) {
      auto& p = doc.pages[i];
      const double left = pdf_.margin_left * kMm, right = p.width - pdf_.margin_right * kMm;
      const double top = pdf_.margin_top * kMm;
      const double size = 7.5;
      TextRun title;
      title.x = left;
      title.y = top - 10;
      title.size = size;
      title.face = Face::gothic;
      title.color = style::kMuted;
      title.text = plan_.display_title();
      p.content.texts.push_back(title);
      TextRun muni = title;
      muni.text = plan_.municipality;
      muni.x = right - m_.width(Face::gothic, muni.text) * size;
      p.content.texts.push_back(muni);
      Path rule;
      rule.points = {{left, top - 6}, {right, top - 6}};
      rule.stroke = style::kRule;
      rule.line_width = 0.4;
      p.content.paths.push_back(std::move(rule));
      TextRun num;
      num.size = 9;
      num.face = Face::mincho;
      num.color = style::kText;
      num.text = page_label(pdf_.page_number, i + 1);
      num.x = (p.width - m_.width(Face::mincho, num.text) * num.size) / 2;
      num.y = p.height - pdf_.margin_bottom * kMm + std::min(22.0, pdf_.margin_bottom * kMm * 0.55);
      p.content.texts.push_back(std::move(num));
    }
  }

  // ---- overview ------------------------------------------------------------------------------------

  void overview(Paginator& pg) {
    const double w = pg.width();
    pg.add(typeset_heading("計画の概要", 0, w, m_, "overview", 0));
    // A two-column table of the plan's metadata.
    const double size = style::kTable, pad = 3;
    Table t;
    t.widths = scale_widths({1, 4}, w);
    t.pad_x = pad;
    t.pad_y = 3;
    auto row = [&](const std::string& label, std::vector<Span> value) {
      if (value.empty()) return;
      ParagraphStyle st = make_body_style(size);
      st.align = Align::left;
      Row r;
      r.cells.push_back(make_cell(typeset_text(label, st, t.widths[0] - 2 * pad, m_, Face::gothic), style::kSubFill));
      st.align = Align::justify;
      r.cells.push_back(make_cell(layout_paragraph(value, st, t.widths[1] - 2 * pad, m_)));
      t.rows.push_back(std::move(r));
    };
    auto inferred = [&](const char* key) -> std::vector<Span> {
      auto it = plan_.inferred.find(key);
      if (it == plan_.inferred.end()) return {};
      return {plain("［推定］", Face::gothic, style::kMuted), plain(it->second, Face::mincho, style::kMuted)};
    };
    auto with = [](std::vector<Span> a, std::vector<Span> b) {
      for (auto& s : b) a.push_back(std::move(s));
      return a;
    };
    row("名称", with({plain(plan_.title)}, inferred("title")));
    row("自治体", with({plain(plan_.municipality)}, inferred("municipality")));
    row("種別", with({plain(model::label_of(plan_.kind))}, inferred("kind")));
    if (plan_.period) {
      std::string p = period_text() + "（" + present::period_western(*plan_.period) + "）";
      if (!plan_.period->label.empty() && !present::same_text(plan_.period->label, period_text())) p += "　原文の表記：" + plan_.period->label;
      row("計画期間", with({plain(p)}, inferred("period")));
    }
    if (plan_.published) row("策定・公表", with({plain(present::published_text(*plan_.published))}, inferred("published")));
    if (!plan_.department.empty()) row("担当", with({plain(plan_.department)}, inferred("department")));
    if (!plan_.summary.empty()) row("概要", {plain(plan_.summary)});
    row("項目数", {plain(std::to_string(plan_.items.size()) + "項目")});
    {
      const std::string page = present::plan_page(plan_.id), data = present::plan_data_json(plan_.id);
      row("Web 版・データ", {Span{page, Face::mincho, style::kLink, {}, site_link(page)}, plain("　"),
                             Span{data, Face::mincho, style::kLink, {}, site_link(data)},
                             plain("　（この PDF のアクセシブル版は Web 版です）", Face::mincho, style::kMuted)});
    }
    auto refs = reference_spans(plan_.id, 0);
    row("関連する計画・文書", refs);
    if (!plan_.source_note.empty() || !plan_.source_file.empty()) row("出典", {plain(plan_.source_note + (plan_.source_file.empty() ? "" : "（" + plan_.source_file + "）"), Face::mincho, style::kMuted)});
    pg.add_table(t);
    if (!plan_.notes.empty()) {
      pg.add(make_space(8));
      pg.add(typeset_heading("注記", 2, w, m_));
      pg.add(notes_boxes(plan_.notes, w, style::kSmall));
    }
  }

  // ---- sections and indicators ---------------------------------------------------------------------

  void sections(Paginator& pg) {
    bool first = true;
    for (const auto& s : plan_.sections) {
      chapter_break(pg, first);
      first = false;
      const double w = pg.width();
      pg.add(typeset_heading(present::section_title(s), 0, w, m_, section_anchor(s.id), 0));
      MarkdownOptions o;
      o.anchor_prefix = section_anchor(s.id);
      o.outline_level = 1;
      add_blocks(pg, typeset_markdown(s.markdown.root, w, m_, resolver(), o));
      auto back = reference_spans(plan_.id + "#" + s.id, 0);
      if (!back.empty()) add_reference_line(pg, back, w);
      for (const auto& ind : plan_.indicators)
        if (ind.section == s.id) indicator(pg, ind, 1);
    }
  }

  // Chapters start on a new page when `force`, when the page is landscape, or when less than 25% of the
  // page is left; otherwise after a gap on the same page.
  void chapter_break(Paginator& pg, bool force) {
    if (force || pg.orientation() != Orientation::portrait || pg.remaining_height() < 0.25 * pg.page_content_height()) {
      pg.new_page(Orientation::portrait);
    } else {
      Box gap = make_space(28);
      pg.add(std::move(gap));
    }
  }

  void add_blocks(Paginator& pg, std::vector<Block> blocks) {
    for (auto& b : blocks) {
      if (auto* box = std::get_if<Box>(&b)) pg.add(std::move(*box));
      else pg.add_table(std::get<Table>(b));
    }
  }

  void add_reference_line(Paginator& pg, std::vector<Span> spans, double w) {
    spans.insert(spans.begin(), plain("参照・関連　", Face::gothic, style::kMuted));
    ParagraphStyle st = make_body_style(style::kSmall);
    st.space_before = 2;
    st.space_after = 4;
    st.align = Align::left;
    pg.add(layout_paragraph(spans, st, w, m_));
  }

  void indicator(Paginator& pg, const model::Indicator& ind, int level) {
    const double w = pg.width();
    pg.add(typeset_heading(ind.name, level + 1, w, m_, indicator_anchor(ind.id), level));
    std::vector<Span> meta;
    if (!ind.type.empty()) meta.push_back(plain(ind.type + "　", Face::gothic, style::kMuted));
    if (!ind.definition.empty()) meta.push_back(plain(ind.definition, Face::mincho, style::kMuted));
    if (!meta.empty()) {
      ParagraphStyle st = make_body_style(style::kSmall);
      st.space_after = 4;
      auto boxes = layout_paragraph(meta, st, w, m_);
      for (auto& b : boxes) b.keep_with_next = true;
      pg.add(std::move(boxes));
    }
    if (const auto* spec = in_.assembly.chart(ind)) {
      Box chart = draw_indicator_chart(*spec, w, m_);
      chart.keep_with_next = true;
      pg.add(std::move(chart));
    }
    pg.add_table(make_indicator_table(present::indicator_table(ind), w, m_));
    std::vector<Box> after;
    for (const auto& s : ind.segments)
      if (!s.note.empty()) for (auto& b : typeset_text(s.note, make_body_style(style::kSmall), w, m_, Face::mincho, style::kMuted)) after.push_back(std::move(b));
    for (const auto& v : ind.values)
      if (!v.note.empty()) {
        const std::string when = v.year ? text::wareki_fiscal_year(*v.year) : v.label;
        for (auto& b : typeset_text("※ " + when + "：" + v.note, make_body_style(style::kSmall), w, m_, Face::mincho, style::kMuted)) after.push_back(std::move(b));
      }
    if (!after.empty()) {
      pg.add(make_space(3));
      pg.add(std::move(after));
    }
    for (const auto& c : ind.commentary) {
      ParagraphStyle st = make_body_style();
      st.space_before = 4;
      pg.add(typeset_text(c, st, w, m_));
    }
    if (!ind.notes.empty()) pg.add(notes_boxes(ind.notes, w, style::kSmall));
    pg.add(make_space(10));
  }

  void loose_indicators(Paginator& pg) {
    bool any = false;
    for (const auto& ind : plan_.indicators) any = any || plan_.sections.end() == std::find_if(plan_.sections.begin(), plan_.sections.end(), [&](const model::Section& s) { return s.id == ind.section; });
    if (!any) return;
    chapter_break(pg, false);
    pg.add(typeset_heading("指標", 0, pg.width(), m_, "indicators", 0));
    for (const auto& ind : plan_.indicators)
      if (plan_.sections.end() == std::find_if(plan_.sections.begin(), plan_.sections.end(), [&](const model::Section& s) { return s.id == ind.section; }))
        indicator(pg, ind, 1);
  }

  // ---- items ---------------------------------------------------------------------------------------

  // The category path of an item, outermost first.
  std::vector<const model::Category*> path_of(const std::string& id) const {
    std::vector<const model::Category*> path;
    std::function<bool(const std::vector<model::Category>&)> walk = [&](const std::vector<model::Category>& cats) {
      for (const auto& c : cats) {
        path.push_back(&c);
        if (c.id == id || walk(c.children)) return true;
        path.pop_back();
      }
      return false;
    };
    walk(plan_.categories);
    return path;
  }

  static std::string category_title(const model::Category& c) { return present::category_title(c); }

  std::vector<Span> legend_spans() const {
    std::vector<Span> out;
    for (const auto& def : plan_.fields) {
      if (def.kind != model::FieldKind::rating && def.kind != model::FieldKind::status) continue;
      const auto* voc = def.vocabulary.empty() ? nullptr : plan_.vocabulary(def.vocabulary);
      if (!voc) continue;
      bool labelled = false;
      for (const auto& v : voc->values) labelled = labelled || !v.label.empty();
      if (!labelled) continue;
      if (!out.empty()) out.push_back(plain("　　"));
      out.push_back(plain(def.label + "　", Face::gothic));
      for (const auto& v : voc->values) {
        out.push_back(plain(v.value, Face::gothic));
        out.push_back(plain((v.label.empty() ? "" : "：" + v.label) + "　"));
      }
    }
    return out;
  }

  void items(Paginator& pg) {
    const bool cards = plan_.presentation.items == "cards";
    const bool landscape = !cards && plan_.presentation.orientation == "landscape";
    pg.new_page(landscape ? Orientation::landscape : Orientation::portrait);
    const double w = pg.width();
    pg.add(typeset_heading("取組項目（" + std::to_string(plan_.items.size()) + "項目）", 0, w, m_, "items", 0));
    auto legend = legend_spans();
    if (!legend.empty()) {
      legend.insert(legend.begin(), plain("凡例　", Face::gothic, style::kMuted));
      ParagraphStyle st = make_body_style(style::kSmall);
      st.align = Align::left;
      st.space_after = 6;
      auto boxes = layout_paragraph(legend, st, w, m_);
      for (auto& b : boxes) b.keep_with_next = true;
      pg.add(std::move(boxes));
    }
    if (cards) item_cards(pg);
    else item_table(pg, landscape);
  }

  double default_weight(const model::FieldDef& def) const {
    switch (def.kind) {
      case model::FieldKind::status:
      case model::FieldKind::rating: return 1.2;
      case model::FieldKind::tags:
      case model::FieldKind::departments: return 2.5;
      case model::FieldKind::list:
      case model::FieldKind::markdown: return 5;
      case model::FieldKind::schedule: return 4;
      case model::FieldKind::text: break;
    }
    // Text columns: wider for longer values (average over the items).
    std::size_t chars = 0, n = 0;
    for (const auto& i : plan_.items)
      if (auto it = i.fields.find(def.key); it != i.fields.end()) {
        chars += base::count_code_points(it->second.text);
        ++n;
      }
    const double avg = n ? static_cast<double>(chars) / static_cast<double>(n) : 0;
    return avg <= 6 ? 1.5 : avg <= 30 ? 3 : 5;
  }

  void item_table(Paginator& pg, bool landscape) {
    const double w = pg.width();
    const double size = landscape ? style::kTableWide : style::kTable, pad = 2.5;
    bool numbered = false;
    for (const auto& i : plan_.items) numbered = numbered || !i.number.empty();
    struct Column {
      std::string label;
      const model::FieldDef* def = nullptr;  // null: number or name
      bool number = false;
      double weight = 1;
    };
    std::vector<Column> cols;
    const auto& widths = plan_.presentation.widths;
    auto weight = [&](const std::string& key, double fallback) {
      auto it = widths.find(key);
      return it != widths.end() && it->second > 0 ? it->second : fallback;
    };
    if (numbered) cols.push_back(Column{"No.", nullptr, true, weight("number", 0.9)});
    cols.push_back(Column{"取組名称", nullptr, false, weight("name", 3)});
    for (const auto& def : plan_.fields) cols.push_back(Column{def.label, &def, false, weight(def.key, default_weight(def))});
    std::vector<double> ws;
    for (const auto& c : cols) ws.push_back(c.weight);
    Table t;
    t.widths = scale_widths(ws, w);
    // No column narrower than its header (up to six characters, so 自己評価 is not broken) or three
    // characters: the room is taken from the widest column.
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const double min_w = std::max(size * 3, std::min(m_.width(Face::gothic, cols[c].label) * size, size * 6)) + 2 * pad + 0.5;
      if (t.widths[c] < min_w) {
        auto widest = std::max_element(t.widths.begin(), t.widths.end());
        *widest -= min_w - t.widths[c];
        t.widths[c] = min_w;
      }
    }
    t.pad_x = pad;
    t.pad_y = 2;
    ParagraphStyle hs = make_body_style(size);
    hs.align = Align::center;
    Row head;
    for (std::size_t c = 0; c < cols.size(); ++c)
      head.cells.push_back(make_cell(typeset_text(cols[c].label, hs, t.widths[c] - 2 * pad, m_, Face::gothic), style::kHeadFill));
    t.header.push_back(std::move(head));
    const int span_all = static_cast<int>(cols.size());
    std::vector<const model::Category*> current;
    std::set<std::string> shown;
    for (const auto& item : plan_.items) {
      // Category rows where the category changes, one per level that changed.
      const auto path = path_of(item.category);
      std::size_t same = 0;
      while (same < path.size() && same < current.size() && path[same] == current[same]) ++same;
      for (std::size_t d = same; d < path.size(); ++d) {
        category_rows(t, *path[d], static_cast<int>(d), w, size, pad, span_all);
        shown.insert(path[d]->id);
      }
      current = path;

      const std::string key = plan_.id + "#" + item.id;
      Row row;
      row.anchors.push_back(Anchor{item_anchor(item.id), 0});
      row.outline.push_back(OutlineMark{present::entry_title(item), static_cast<int>(path.size()) + 1, item_anchor(item.id)});
      ParagraphStyle st = make_body_style(size);
      for (std::size_t c = 0; c < cols.size(); ++c) {
        const double cw = t.widths[c] - 2 * pad;
        std::vector<Box> boxes;
        if (!cols[c].def && cols[c].number) {
          ParagraphStyle ns = st;
          ns.align = Align::center;
          boxes = typeset_text(item.number, ns, cw, m_, Face::gothic);
        } else if (!cols[c].def) {
          ParagraphStyle ns = st;
          ns.align = Align::left;
          boxes = layout_paragraph({Span{item.name, Face::gothic, style::kText, {}, site_link(present::item_page(plan_.id, item.id))}}, ns, cw, m_);
        } else if (auto it = item.fields.find(cols[c].def->key); it != item.fields.end()) {
          const bool compact = it->second.kind == model::FieldKind::status || it->second.kind == model::FieldKind::rating;
          boxes = field_boxes(it->second, *cols[c].def, cw, size, compact);
          if (const auto& label = present::field_label(item, *cols[c].def); label != cols[c].def->label) {
            // This item prints another label for the field (担当課 / 主担当課): say so in the cell.
            auto note = typeset_text("（" + label + "）", make_body_style(size * 0.9), cw, m_, Face::gothic, style::kMuted);
            boxes.insert(boxes.begin(), note.begin(), note.end());
          }
        }
        row.cells.push_back(make_cell(std::move(boxes)));
      }
      // Where a row continues on the next page, its name column says whose row it is.
      row.continued_cell = numbered ? 1 : 0;
      row.continued = typeset_text(item.name + "（続き）", make_body_style(size * 0.9), t.widths[row.continued_cell] - 2 * pad, m_,
                                 Face::gothic, style::kMuted);
      // The 参照・関連 line, notes and sub-items under the row, across all columns.
      std::vector<Box> sub;
      const double full = w - 2 * pad;
      auto refs = reference_spans(key, 0);
      if (!refs.empty()) {
        refs.insert(refs.begin(), plain("参照・関連　", Face::gothic, style::kMuted));
        ParagraphStyle rs = make_body_style(size);
        rs.align = Align::left;
        for (auto& b : layout_paragraph(refs, rs, full, m_)) sub.push_back(std::move(b));
      }
      for (std::size_t k = 0; k < item.sub_items.size(); ++k) {
        const auto& s = item.sub_items[k];
        for (auto& b : typeset_text(present::entry_title(s), make_body_style(size), full, m_, Face::gothic)) sub.push_back(std::move(b));
        for (const auto& def : plan_.fields)
          if (auto it = s.fields.find(def.key); it != s.fields.end()) {
            const double lw = std::min(full * 0.2, size * 8);
            std::vector<std::vector<std::vector<Box>>> cells = {{typeset_text(def.label, make_body_style(size), lw - 4, m_, Face::gothic),
                                                                 field_boxes(it->second, def, full - lw - 4, size, false)}};
            for (auto& b : typeset_grid({lw, full - lw}, cells, {false}, 2)) sub.push_back(std::move(b));
          }
        auto srefs = reference_spans(key, static_cast<int>(k + 1));
        if (!srefs.empty()) {
          srefs.insert(srefs.begin(), plain("参照・関連　", Face::gothic, style::kMuted));
          for (auto& b : layout_paragraph(srefs, make_body_style(size), full, m_)) sub.push_back(std::move(b));
        }
        for (auto& b : notes_boxes(s.notes, full, size)) sub.push_back(std::move(b));
      }
      for (auto& b : notes_boxes(item.notes, full, size)) sub.push_back(std::move(b));
      row.keep_with_next = !sub.empty();
      t.rows.push_back(std::move(row));
      if (!sub.empty()) {
        Row r;
        r.cells.push_back(make_cell(std::move(sub), style::kSubFill, span_all));
        r.top_rule = false;
        t.rows.push_back(std::move(r));
      }
    }
    // Categories no item belongs to still carry their blocks: they close the table.
    model::for_each_category(plan_.categories, [&](const model::Category& c, int depth) {
      if (!shown.count(c.id)) category_rows(t, c, depth, w, size, pad, span_all);
    });
    pg.add_table(t);
  }

  void category_rows(Table& t, const model::Category& c, int depth, double w, double size, double pad, int span_all) {
    Row r;
    ParagraphStyle st = make_body_style(size + (depth == 0 ? 1 : 0.5));
    st.align = Align::left;
    r.cells.push_back(make_cell(typeset_text(category_title(c), st, w - 2 * pad, m_, Face::gothic), depth == 0 ? style::kHeadFill : style::kGroupFill, span_all));
    r.anchors.push_back(Anchor{category_anchor(c.id), 0});
    r.outline.push_back(OutlineMark{category_title(c), 1 + depth, category_anchor(c.id)});
    r.keep_with_next = true;
    t.rows.push_back(std::move(r));
    auto content = category_content(c, w - 2 * pad, size);
    if (!content.empty()) {
      Row b;
      b.cells.push_back(make_cell(std::move(content), std::nullopt, span_all));
      b.keep_with_next = true;
      t.rows.push_back(std::move(b));
    }
  }

  // A category's blocks (背景, 目標, 進捗状況 …), links and notes.
  std::vector<Box> category_content(const model::Category& c, double w, double size) {
    std::vector<Box> out;
    for (const auto& b : c.blocks) {
      if (!b.label.empty()) {
        ParagraphStyle ls = make_body_style(size);
        ls.align = Align::left;
        auto lb = typeset_text(b.label, ls, w, m_, Face::gothic);
        for (auto& x : lb) x.keep_with_next = true;
        for (auto& x : lb) out.push_back(std::move(x));
      }
      MarkdownOptions o;
      o.size = size;
      o.in_cell = true;
      for (auto& x : flatten(typeset_markdown(b.markdown.root, w, m_, resolver(), o))) out.push_back(std::move(x));
    }
    auto refs = reference_spans(plan_.id + "#" + c.id, 0);
    if (!refs.empty()) {
      refs.insert(refs.begin(), plain("参照・関連　", Face::gothic, style::kMuted));
      ParagraphStyle rs = make_body_style(style::kSmall);
      rs.align = Align::left;
      for (auto& b : layout_paragraph(refs, rs, w, m_)) out.push_back(std::move(b));
    }
    for (auto& b : notes_boxes(c.notes, w, style::kSmall)) out.push_back(std::move(b));
    return out;
  }

  void item_cards(Paginator& pg) {
    const double w = pg.width();
    const double size = style::kTable, pad = 3;
    std::vector<const model::Category*> current;
    std::set<std::string> shown;
    auto category = [&](const model::Category& c, int depth) {
      pg.add(typeset_heading(category_title(c), std::min(3, depth + 1), w, m_, category_anchor(c.id), depth + 1));
      auto content = category_content(c, w, style::kBody * 0.95);
      if (!content.empty()) {
        pg.add(std::move(content));
        pg.add(make_space(6));
      }
      shown.insert(c.id);
    };
    for (const auto& item : plan_.items) {
      const auto path = path_of(item.category);
      std::size_t same = 0;
      while (same < path.size() && same < current.size() && path[same] == current[same]) ++same;
      for (std::size_t d = same; d < path.size(); ++d) category(*path[d], static_cast<int>(d));
      current = path;
      pg.add_table(card(item, static_cast<int>(path.size()) + 1, w, size, pad));
      pg.add(make_space(9));
    }
    // Categories no item belongs to still carry their blocks.
    model::for_each_category(plan_.categories, [&](const model::Category& c, int depth) {
      if (!shown.count(c.id)) category(c, depth);
    });
  }

  Table card(const model::Item& item, int outline_level, double w, double size, double pad) {
    Table t;
    t.keep_together = true;
    const double label_w = std::max(size * 6 + 2 * pad, w * 0.15);
    t.widths = {label_w, w - label_w};
    t.pad_x = pad;
    t.pad_y = 2.5;
    const double vw = t.widths[1] - 2 * pad, lw = t.widths[0] - 2 * pad;
    {
      Row head;
      ParagraphStyle st = make_body_style(10);
      st.align = Align::left;
      std::vector<Span> title;
      if (!item.number.empty()) title.push_back(plain(item.number + present::kNumberSeparator, Face::gothic));
      title.push_back(Span{item.name, Face::gothic, style::kText, {}, site_link(present::item_page(plan_.id, item.id))});
      head.cells.push_back(make_cell(layout_paragraph(title, st, w - 2 * pad, m_), style::kHeadFill, 2));
      head.anchors.push_back(Anchor{item_anchor(item.id), 0});
      head.outline.push_back(OutlineMark{present::entry_title(item), outline_level, item_anchor(item.id)});
      t.header.push_back(std::move(head));
    }
    ParagraphStyle ls = make_body_style(size);
    ls.align = Align::left;
    auto field_rows = [&](const model::Entry& e) {
      for (const auto& def : plan_.fields) {
        auto it = e.fields.find(def.key);
        if (it == e.fields.end()) continue;
        const std::string& label = present::field_label(e, def);
        Row r;
        r.cells.push_back(make_cell(typeset_text(label, ls, lw, m_, Face::gothic), style::kSubFill));
        r.cells.push_back(make_cell(field_boxes(it->second, def, vw, size, false)));
        t.rows.push_back(std::move(r));
      }
    };
    auto extra_rows = [&](const std::string& key, int sub, const std::vector<model::Note>& notes) {
      auto refs = reference_spans(key, sub);
      if (!refs.empty()) {
        Row r;
        r.cells.push_back(make_cell(typeset_text("参照・関連", ls, lw, m_, Face::gothic), style::kSubFill));
        ParagraphStyle rs = make_body_style(size);
        rs.align = Align::left;
        r.cells.push_back(make_cell(layout_paragraph(refs, rs, vw, m_)));
        t.rows.push_back(std::move(r));
      }
      if (!notes.empty()) {
        Row r;
        r.cells.push_back(make_cell(typeset_text("注記", ls, lw, m_, Face::gothic), style::kSubFill));
        r.cells.push_back(make_cell(notes_boxes(notes, vw, style::kSmall)));
        t.rows.push_back(std::move(r));
      }
    };
    field_rows(item);
    const std::string key = plan_.id + "#" + item.id;
    for (std::size_t k = 0; k < item.sub_items.size(); ++k) {
      const auto& s = item.sub_items[k];
      Row r;
      ParagraphStyle ss = make_body_style(size + 0.5);
      ss.align = Align::left;
      r.cells.push_back(make_cell(typeset_text(present::entry_title(s), ss, w - 2 * pad, m_, Face::gothic), style::kGroupFill, 2));
      r.keep_with_next = true;
      t.rows.push_back(std::move(r));
      field_rows(s);
      extra_rows(key, static_cast<int>(k + 1), s.notes);
    }
    extra_rows(key, 0, item.notes);
    if (t.rows.empty()) {
      Row r;
      r.cells.push_back(make_cell(typeset_text("（記載なし）", ls, w - 2 * pad, m_, Face::mincho, style::kMuted), std::nullopt, 2));
      t.rows.push_back(std::move(r));
    }
    return t;
  }

  // ---- links between this plan and others ----------------------------------------------------------

  void cross_plan_links(Paginator& pg) {
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
    pg.add(typeset_heading("他の計画との関連", 0, w, m_, "links", 0));
    if (rows.empty()) {
      pg.add(typeset_text("この計画と他の計画・文書との間の参照はありません。", make_body_style(), w, m_));
      return;
    }
    {
      ParagraphStyle st = make_body_style(style::kSmall);
      st.space_after = 6;
      pg.add(typeset_text("この計画の項目と他の計画・文書との参照関係です。相手の項目は Web 版のページへリンクしています。", st, w, m_,
                        Face::mincho, style::kMuted));
    }
    const double size = style::kTable, pad = 3;
    Table t;
    t.widths = scale_widths({3.2, 1.3, 2.2, 3.3}, w);
    t.pad_x = pad;
    ParagraphStyle hs = make_body_style(size);
    hs.align = Align::center;
    Row head;
    for (const char* h : {"この計画", "関係", "相手の計画・文書", "相手の項目"})
      head.cells.push_back(make_cell(typeset_text(h, hs, t.widths[head.cells.size()] - 2 * pad, m_, Face::gothic), style::kHeadFill));
    t.header.push_back(std::move(head));
    ParagraphStyle st = make_body_style(size);
    st.align = Align::left;
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
      r.cells.push_back(make_cell(layout_paragraph({Span{there_text, Face::mincho, style::kLink, there_t.anchor, there_t.uri}}, st, t.widths[3] - 2 * pad, m_)));
      t.rows.push_back(std::move(r));
    }
    pg.add_table(t);
  }

  const PlanPdfInput& in_;
  const Measurer& m_;
  const model::Plan& plan_;
  const model::PdfSettings& pdf_;
  base::Diagnostics& diags_;
  PageGeometry portrait_, landscape_;
  std::set<std::string> reported_;
};

}  // namespace

Document compose_plan(const PlanPdfInput& in, base::Diagnostics& diags) { return PlanComposer(in, diags).compose(); }

}  // namespace planpress::layout
