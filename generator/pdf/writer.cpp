#include "pdf/writer.hpp"

#include <hpdf.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <optional>

#include "base/utf8.hpp"
#include "pdf/libharu_internals.hpp"
#include "pdf/to_unicode.hpp"

namespace planpress::pdf {

namespace {

// ---- fonts: which font file draws each character --------------------------------------------------

/// A font file of the document and the BMP characters it draws.
struct Physical {
  const FontFile* file = nullptr;
  std::vector<bool> used;  ///< by BMP code point
};

/// The font of each character of one text run.
struct RunFonts {
  std::uint16_t single = 0;            ///< the physical font of every character, when `per_char` is empty
  std::vector<std::uint16_t> per_char;  ///< one physical font per character, when they differ
};

/// Which font files a document uses, and which draws each character of each run.
struct FontPlan {
  std::vector<Physical> physical;              ///< in order of first use: Mincho, Gothic, then fallbacks
  std::vector<std::vector<RunFonts>> run_fonts;  ///< [page][text run]
};

// Most runs are drawn in one font; only runs with characters from a fallback font keep a font per
// character. Fails (with `error`) on a character no font has, or one outside the BMP.
// What the PDF draws for a character of a text run: a tab (pasted from Excel) prints as a space, as
// text::print_class says; every other character validation let through is drawn as it is.
char32_t printed(char32_t cp) { return cp == '\t' ? U' ' : cp; }

std::optional<FontPlan> plan_fonts(const layout::Document& doc, const FontSet& fonts, std::string& error) {
  FontPlan plan;
  std::map<std::string, std::size_t> by_path;
  auto physical_of = [&](layout::Face face, int index) -> std::size_t {
    const FontFile& f = fonts.file(face, index);
    auto [it, added] = by_path.emplace(f.path, plan.physical.size());
    if (added) plan.physical.push_back(Physical{&f, std::vector<bool>(0x10000, false)});
    return it->second;
  };
  plan.run_fonts.resize(doc.pages.size());
  const std::size_t primary[2] = {physical_of(layout::Face::mincho, 0), physical_of(layout::Face::gothic, 0)};
  for (std::size_t pi = 0; pi < doc.pages.size(); ++pi) {
    const auto& texts = doc.pages[pi].content.texts;
    plan.run_fonts[pi].resize(texts.size());
    for (std::size_t ti = 0; ti < texts.size(); ++ti) {
      const auto& t = texts[ti];
      auto& rf = plan.run_fonts[pi][ti];
      const std::size_t own = primary[t.face == layout::Face::mincho ? 0 : 1];
      rf.single = static_cast<std::uint16_t>(own);
      std::size_t k = 0;
      for (std::size_t i = 0; i < t.text.size(); ++k) {
        const char32_t cp = printed(base::decode_utf8(t.text, i));
        const int idx = fonts.font_index(t.face, cp);
        if (idx < 0 || cp > 0xFFFF) {
          char buf[16];
          std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
          error = std::string("character ") + buf + " has no glyph in '" + fonts.path(t.face) + "' or its fallbacks";
          return std::nullopt;
        }
        const std::size_t p = idx == 0 ? own : physical_of(t.face, idx);
        plan.physical[p].used[cp] = true;
        if (p != own && rf.per_char.empty()) rf.per_char.assign(k, static_cast<std::uint16_t>(own));
        if (!rf.per_char.empty()) rf.per_char.push_back(static_cast<std::uint16_t>(p));
      }
    }
  }
  return plan;
}

// ---- libharu ------------------------------------------------------------------------------------------

struct ErrorState {
  HPDF_STATUS code = 0;
  HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  auto* st = static_cast<ErrorState*>(user_data);
  if (!st->code) {
    st->code = error_no;
    st->detail = detail_no;
  }
}

std::string status_text(const ErrorState& st) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(st.code), static_cast<unsigned>(st.detail));
  return buf;
}

HPDF_REAL real(double v) { return static_cast<HPDF_REAL>(v); }

/// Sets the stroking colour, the line width and the dash pattern of a page only when they change (table
/// rules are thousands of identical lines).
class StrokeState {
 public:
  explicit StrokeState(HPDF_Page page) : page_(page) {}

  void set(double width, const layout::Color& color, const std::vector<double>& dash) {
    if (width != width_) {
      HPDF_Page_SetLineWidth(page_, real(width));
      width_ = width;
    }
    if (!color_set_ || !(color_ == color)) {
      HPDF_Page_SetRGBStroke(page_, real(color.r), real(color.g), real(color.b));
      color_ = color;
      color_set_ = true;
    }
    if (!dash_set_ || dash != dash_) {
      std::vector<HPDF_UINT16> pattern;
      for (double d : dash) pattern.push_back(static_cast<HPDF_UINT16>(std::max(1.0, d)));
      HPDF_Page_SetDash(page_, pattern.empty() ? nullptr : pattern.data(), static_cast<HPDF_UINT>(pattern.size()), 0);
      dash_ = dash;
      dash_set_ = true;
    }
  }

 private:
  HPDF_Page page_;
  double width_ = -1;
  layout::Color color_;
  bool color_set_ = false;
  std::vector<double> dash_;
  bool dash_set_ = false;
};

/// One document being written: each stage of write_pdf is one member function, in this order:
/// setup → embed_fonts → draw_pages → add_named_destinations → add_links → add_outline → set_metadata →
/// finish.
/// A stage that fails returns false with `error` set; the document is freed on every path.
class PdfWriter {
 public:
  PdfWriter(const layout::Document& doc, const FontSet& fonts, FontPlan plan)
      : doc_(doc), fonts_(fonts), plan_(std::move(plan)) {}
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;
  ~PdfWriter() {
    if (pdf_) HPDF_Free(pdf_);
  }

  std::string error;  ///< what failed, when a stage returns false

  // The document with UTF-8 text, compressed streams, and the outline shown when it is opened.
  bool setup() {
    pdf_ = HPDF_New(on_error, &st_);
    if (!pdf_) {
      error = "libharu could not create a document";
      return false;
    }
    HPDF_SetCompressionMode(pdf_, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf_);
    HPDF_SetCurrentEncoder(pdf_, "UTF-8");
    HPDF_SetPageMode(pdf_, HPDF_PAGE_MODE_USE_OUTLINE);
    return true;
  }

  // A subset of every font file the document draws with (a font no run uses is not embedded).
  bool embed_fonts() {
    fonts_by_physical_.assign(plan_.physical.size(), nullptr);
    for (std::size_t p = 0; p < plan_.physical.size(); ++p) {
      const Physical& ph = plan_.physical[p];
      std::vector<char32_t> cps;
      for (char32_t cp = 0; cp < 0x10000; ++cp)
        if (ph.used[cp]) cps.push_back(cp);
      if (cps.empty()) continue;
      const std::string to_unicode = to_unicode_cmap(cps);
      // Cap height and x-height for the font descriptor are read from 'H' and 'x'.
      cps.push_back(U'H');
      cps.push_back(U'x');
      std::vector<std::uint16_t> gid_by_cp;
      const std::string data = ph.file->metrics.subset(ph.file->bytes, cps, gid_by_cp);
      const char* name = libharu::load_font_subset(pdf_, data, gid_by_cp);
      if (!name) {
        error = "libharu could not load the subset of '" + ph.file->path + "'" + (st_.code ? ": " + status_text(st_) : "");
        return false;
      }
      fonts_by_physical_[p] = HPDF_GetFont(pdf_, name, "UTF-8");
      if (!fonts_by_physical_[p]) {
        error = "libharu could not use the font '" + ph.file->path + "': " + status_text(st_);
        return false;
      }
      if (!libharu::replace_to_unicode(fonts_by_physical_[p], to_unicode)) {
        error = "libharu gave the font '" + ph.file->path + "' no ToUnicode stream to replace";
        return false;
      }
    }
    return true;
  }

  // Every page: fills first, then lines, then text on top. The anchors are collected for the links.
  bool draw_pages() {
    for (std::size_t pi = 0; pi < doc_.pages.size(); ++pi) {
      const auto& lp = doc_.pages[pi];
      HPDF_Page page = HPDF_AddPage(pdf_);
      pages_.push_back(page);
      HPDF_Page_SetWidth(page, real(lp.width));
      HPDF_Page_SetHeight(page, real(lp.height));
      for (const auto& a : lp.content.anchors) anchors_.emplace(a.name, std::make_pair(pi, a.y));
      draw_fills(page, lp);
      draw_paths(page, lp);
      draw_borders(page, lp);
      draw_texts(page, pi);
      if (st_.code) {
        error = "libharu failed while drawing page " + std::to_string(pi + 1) + ": " + status_text(st_);
        return false;
      }
    }
    return true;
  }

  // Every anchor as a named destination, in name order, so that other PDFs can link to it.
  bool add_named_destinations() {
    for (const auto& [name, where] : anchors_) {
      HPDF_Destination d = destination(name);
      if (!d || !libharu::add_named_destination(pdf_, name, d)) {
        error = "libharu could not add the named destination '" + name + "'" + (st_.code ? ": " + status_text(st_) : "");
        return false;
      }
    }
    return true;
  }

  // Link annotations: to an anchor of this document, to a URI, or to a named destination of another PDF.
  void add_links() {
    for (std::size_t pi = 0; pi < doc_.pages.size(); ++pi) {
      const double H = doc_.pages[pi].height;
      for (const auto& l : doc_.pages[pi].content.links) {
        HPDF_Rect rect{real(l.x), real(H - l.y - l.h), real(l.x + l.w), real(H - l.y)};
        HPDF_Annotation annot = nullptr;
        if (!l.file.empty()) {
          annot = HPDF_Page_CreateURILinkAnnot(pages_[pi], rect, l.file.c_str());
          if (annot && !libharu::make_remote_link(annot, l.file, l.anchor)) annot = nullptr;
        } else if (!l.anchor.empty()) {
          if (HPDF_Destination d = destination(l.anchor)) annot = HPDF_Page_CreateLinkAnnot(pages_[pi], rect, d);
        } else if (!l.uri.empty()) {
          annot = HPDF_Page_CreateURILinkAnnot(pages_[pi], rect, l.uri.c_str());
        }
        if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
      }
    }
  }

  // The outline mirrors the outline marks in page order; levels nest under the last shallower entry.
  void add_outline() {
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf_, "UTF-8");
    std::vector<HPDF_Outline> parents;
    for (const auto& page : doc_.pages) {
      for (const auto& m : page.content.outline) {
        const auto level = static_cast<std::size_t>(std::max(0, m.level));
        while (parents.size() > level) parents.pop_back();
        HPDF_Outline parent = parents.empty() ? nullptr : parents.back();
        while (parents.size() < level) parents.push_back(parent);
        HPDF_Outline o = HPDF_CreateOutline(pdf_, parent, m.title.c_str(), utf8);
        if (!o) continue;
        HPDF_Outline_SetOpened(o, level == 0 ? HPDF_TRUE : HPDF_FALSE);
        if (HPDF_Destination d = destination(m.anchor)) HPDF_Outline_SetDestination(o, d);
        parents.push_back(o);
      }
    }
  }

  // The document information; dates only from SOURCE_DATE_EPOCH, so equal input gives equal bytes.
  void set_metadata() {
    const auto& info = doc_.info;
    if (!info.title.empty()) HPDF_SetInfoAttr(pdf_, HPDF_INFO_TITLE, info.title.c_str());
    if (!info.author.empty()) HPDF_SetInfoAttr(pdf_, HPDF_INFO_AUTHOR, info.author.c_str());
    if (!info.subject.empty()) HPDF_SetInfoAttr(pdf_, HPDF_INFO_SUBJECT, info.subject.c_str());
    if (!info.keywords.empty()) HPDF_SetInfoAttr(pdf_, HPDF_INFO_KEYWORDS, info.keywords.c_str());
    HPDF_SetInfoAttr(pdf_, HPDF_INFO_CREATOR, "planpress");
    if (!info.epoch) return;
    const std::time_t t = static_cast<std::time_t>(*info.epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    HPDF_Date d{};
    d.year = tm.tm_year + 1900;
    d.month = tm.tm_mon + 1;
    d.day = tm.tm_mday;
    d.hour = tm.tm_hour;
    d.minutes = tm.tm_min;
    d.seconds = tm.tm_sec;
    d.ind = 'Z';
    HPDF_SetInfoDateAttr(pdf_, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(pdf_, HPDF_INFO_MOD_DATE, d);
  }

  // The PDF written to libharu's memory stream and read back as bytes.
  std::optional<std::string> finish() {
    if (HPDF_SaveToStream(pdf_) != HPDF_OK || st_.code) {
      error = "libharu could not write the PDF: " + status_text(st_);
      return std::nullopt;
    }
    std::string out;
    out.resize(HPDF_GetStreamSize(pdf_));
    std::size_t at = 0;
    for (;;) {
      HPDF_UINT32 len = static_cast<HPDF_UINT32>(out.size() - at);
      if (len == 0) break;
      const HPDF_STATUS s = HPDF_ReadFromStream(pdf_, reinterpret_cast<HPDF_BYTE*>(out.data() + at), &len);
      at += len;
      if (s == libharu::kStreamEof || len == 0) break;
      if (s != HPDF_OK) {
        error = "libharu could not read back the PDF";
        return std::nullopt;
      }
    }
    out.resize(at);
    return out;
  }

 private:
  void draw_fills(HPDF_Page page, const layout::Page& lp) const {
    for (const auto& r : lp.content.rects) {
      if (!r.fill) continue;
      HPDF_Page_SetRGBFill(page, real(r.fill->r), real(r.fill->g), real(r.fill->b));
      HPDF_Page_Rectangle(page, real(r.x), real(lp.height - r.y - r.h), real(r.w), real(r.h));
      HPDF_Page_Fill(page);
    }
  }

  void draw_paths(HPDF_Page page, const layout::Page& lp) const {
    StrokeState stroke(page);
    for (const auto& p : lp.content.paths) {
      if (p.points.size() < 2) continue;
      if (p.fill) HPDF_Page_SetRGBFill(page, real(p.fill->r), real(p.fill->g), real(p.fill->b));
      if (p.line_width > 0) stroke.set(p.line_width, p.stroke, p.dash);
      HPDF_Page_MoveTo(page, real(p.points[0].x), real(lp.height - p.points[0].y));
      for (std::size_t i = 1; i < p.points.size(); ++i) HPDF_Page_LineTo(page, real(p.points[i].x), real(lp.height - p.points[i].y));
      if (p.closed) HPDF_Page_ClosePath(page);
      if (p.fill && p.line_width > 0) HPDF_Page_FillStroke(page);
      else if (p.fill) HPDF_Page_Fill(page);
      else HPDF_Page_Stroke(page);
    }
  }

  // Stroked rectangles (borders) after the paths, solid.
  void draw_borders(HPDF_Page page, const layout::Page& lp) const {
    for (const auto& r : lp.content.rects) {
      if (!r.stroke) continue;
      HPDF_Page_SetDash(page, nullptr, 0, 0);
      HPDF_Page_SetLineWidth(page, real(r.line_width));
      HPDF_Page_SetRGBStroke(page, real(r.stroke->r), real(r.stroke->g), real(r.stroke->b));
      HPDF_Page_Rectangle(page, real(r.x), real(lp.height - r.y - r.h), real(r.w), real(r.h));
      HPDF_Page_Stroke(page);
    }
  }

  // The text runs of page `pi` in one text object; font, size, colour and spacing set when they change.
  void draw_texts(HPDF_Page page, std::size_t pi) const {
    const auto& lp = doc_.pages[pi];
    if (lp.content.texts.empty()) return;
    HPDF_Page_BeginText(page);
    TextState state;
    for (std::size_t ti = 0; ti < lp.content.texts.size(); ++ti) {
      const auto& t = lp.content.texts[ti];
      if (!state.color_set || !(t.color == state.color)) {
        HPDF_Page_SetRGBFill(page, real(t.color.r), real(t.color.g), real(t.color.b));
        state.color = t.color;
        state.color_set = true;
      }
      if (t.char_spacing != state.spacing) {
        HPDF_Page_SetCharSpace(page, real(t.char_spacing));
        state.spacing = t.char_spacing;
      }
      draw_run(page, lp.height, t, plan_.run_fonts[pi][ti], state);
    }
    HPDF_Page_EndText(page);
  }

  struct TextState {
    HPDF_Font font = nullptr;
    double size = -1, spacing = 0;
    layout::Color color;
    bool color_set = false;
  };

  // One run, in pieces where its characters come from a fallback font.
  void draw_run(HPDF_Page page, double H, const layout::TextRun& t, const RunFonts& rf, TextState& state) const {
    auto show = [&](std::uint16_t p, double x, const std::string& piece) {
      HPDF_Font f = fonts_by_physical_[p];
      if (f != state.font || t.size != state.size) {
        HPDF_Page_SetFontAndSize(page, f, real(t.size));
        state.font = f;
        state.size = t.size;
      }
      std::string drawn = piece;
      std::replace(drawn.begin(), drawn.end(), '\t', ' ');  // a tab prints as a space (text::print_class)
      HPDF_Page_TextOut(page, real(x), real(H - t.y), drawn.c_str());
    };
    if (rf.per_char.empty()) {
      show(rf.single, t.x, t.text);
      return;
    }
    double x = t.x;
    std::size_t i = 0, k = 0;
    while (i < t.text.size()) {
      const std::size_t piece_start = i;
      const std::uint16_t p = rf.per_char[k];
      double w = 0;
      while (i < t.text.size() && rf.per_char[k] == p) {
        const char32_t cp = printed(base::decode_utf8(t.text, i));
        w += fonts_.advance(t.face, cp) * t.size + t.char_spacing;
        ++k;
      }
      show(p, x, t.text.substr(piece_start, i - piece_start));
      x += w;
    }
  }

  // A FitH destination at an anchor (libharu refuses XYZ with a null zoom, which would keep the reader's
  // zoom); nullptr for an unknown anchor.
  HPDF_Destination destination(const std::string& anchor) const {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) return nullptr;
    const auto& [pi, y] = it->second;
    HPDF_Destination d = HPDF_Page_CreateDestination(pages_[pi]);
    HPDF_Destination_SetFitH(d, real(doc_.pages[pi].height - y + 4));
    return d;
  }

  const layout::Document& doc_;
  const FontSet& fonts_;
  const FontPlan plan_;
  ErrorState st_;
  HPDF_Doc pdf_ = nullptr;
  std::vector<HPDF_Font> fonts_by_physical_;  ///< libharu's font of each physical font (null if unused)
  std::vector<HPDF_Page> pages_;
  std::map<std::string, std::pair<std::size_t, double>> anchors_;  ///< name → (page, y)
};

}  // namespace

std::optional<std::string> write_pdf(const layout::Document& doc, const FontSet& fonts, std::string& error) {
  auto plan = plan_fonts(doc, fonts, error);
  if (!plan) return std::nullopt;
  PdfWriter w(doc, fonts, std::move(*plan));
  if (!w.setup() || !w.embed_fonts() || !w.draw_pages() || !w.add_named_destinations()) {
    error = w.error;
    return std::nullopt;
  }
  w.add_links();
  w.add_outline();
  w.set_metadata();
  auto out = w.finish();
  if (!out) error = w.error;
  return out;
}

}  // namespace planpress::pdf
