#include "pdf/writer.hpp"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_mmgr.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <optional>

#include "base/utf8.hpp"

namespace planpress::pdf {

namespace {

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

// Frees the document on every path out of write_pdf.
struct DocGuard {
  HPDF_Doc doc = nullptr;
  ~DocGuard() {
    if (doc) HPDF_Free(doc);
  }
};

// libharu looks glyphs up with a linear scan over the cmap's format-4 segments, 65536 times when a font is
// created and once per character drawn. After loading our subset we replace its in-memory cmap with one
// segment covering U+0000–U+FFFE through a glyph-id array, which makes every lookup O(1). The embedded
// font keeps the subset's own (correct, small) cmap: libharu copies tables from the font data, not this.
bool install_direct_cmap(HPDF_FontDef def, const std::vector<std::uint16_t>& gid_by_cp) {
  auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
  HPDF_MMgr mm = def->mmgr;
  auto& c = attr->cmap;
  if (c.format != 4) return false;
  auto* end = static_cast<HPDF_UINT16*>(HPDF_GetMem(mm, 2 * sizeof(HPDF_UINT16)));
  auto* start = static_cast<HPDF_UINT16*>(HPDF_GetMem(mm, 2 * sizeof(HPDF_UINT16)));
  auto* delta = static_cast<HPDF_INT16*>(HPDF_GetMem(mm, 2 * sizeof(HPDF_INT16)));
  auto* range = static_cast<HPDF_UINT16*>(HPDF_GetMem(mm, 2 * sizeof(HPDF_UINT16)));
  auto* glyphs = static_cast<HPDF_UINT16*>(HPDF_GetMem(mm, 0xFFFF * sizeof(HPDF_UINT16)));
  if (!end || !start || !delta || !range || !glyphs) return false;
  HPDF_FreeMem(mm, c.end_count);
  HPDF_FreeMem(mm, c.start_count);
  HPDF_FreeMem(mm, c.id_delta);
  HPDF_FreeMem(mm, c.id_range_offset);
  if (c.glyph_id_array) HPDF_FreeMem(mm, c.glyph_id_array);
  end[0] = 0xFFFE;
  end[1] = 0xFFFF;
  start[0] = 0;
  start[1] = 0xFFFF;
  delta[0] = 0;
  delta[1] = 1;
  // libharu: idx = id_range_offset / 2 + (code - start) - (seg_count - i); with seg_count 2 and i 0,
  // id_range_offset 4 makes idx == code.
  range[0] = 4;
  range[1] = 0;
  for (std::size_t i = 0; i < 0xFFFF; ++i) glyphs[i] = i < gid_by_cp.size() ? gid_by_cp[i] : 0;
  c.seg_count_x2 = 4;
  c.end_count = end;
  c.start_count = start;
  c.id_delta = delta;
  c.id_range_offset = range;
  c.glyph_id_array = glyphs;
  c.glyph_id_array_count = 0xFFFF;
  return true;
}

// What LoadTTFontFromStream does inside libharu for a file, for our subset held in memory: load, register,
// and give it the next subset tag (HPDFAA+, HPDFAB+ …) so viewers and pdffonts see a subset.
HPDF_FontDef load_subset(HPDF_Doc pdf, const std::string& data) {
  HPDF_Stream stream = HPDF_MemStream_New(pdf->mmgr, static_cast<HPDF_UINT>(std::max<std::size_t>(data.size(), 4096)));
  if (!stream) return nullptr;
  if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(data.data()), static_cast<HPDF_UINT>(data.size())) != HPDF_OK) {
    HPDF_Stream_Free(stream);
    return nullptr;
  }
  HPDF_FontDef def = HPDF_TTFontDef_Load(pdf->mmgr, stream, HPDF_TRUE);
  if (!def) return nullptr;
  if (HPDF_Doc_RegisterFontDef(pdf, def) != HPDF_OK) return nullptr;
  if (pdf->ttfont_tag[0] == 0) {
    std::copy_n("HPDFAA", 6, pdf->ttfont_tag);
  } else {
    for (int i = 5; i >= 0; --i) {
      pdf->ttfont_tag[i] = static_cast<HPDF_BYTE>(pdf->ttfont_tag[i] + 1);
      if (pdf->ttfont_tag[i] > 'Z') pdf->ttfont_tag[i] = 'A';
      else break;
    }
  }
  char tag[7] = {};
  std::copy_n(pdf->ttfont_tag, 6, tag);
  HPDF_TTFontDef_SetTagName(def, tag);
  return def;
}

struct Physical {
  const FontFile* file = nullptr;
  std::vector<bool> used;  ///< by BMP code point
  HPDF_Font font = nullptr;
};

std::string status_text(const ErrorState& st) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(st.code), static_cast<unsigned>(st.detail));
  return buf;
}

}  // namespace

std::optional<std::string> write_pdf(const layout::Document& doc, const FontSet& fonts, std::string& error) {
  ErrorState st;
  DocGuard guard;
  HPDF_Doc pdf = HPDF_New(on_error, &st);
  guard.doc = pdf;
  if (!pdf) {
    error = "libharu could not create a document";
    return std::nullopt;
  }
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);

  // The physical fonts (one per file) and the characters each draws. Most runs are drawn in one font;
  // only runs with characters from a fallback font keep a font per character.
  std::vector<Physical> physical;
  std::map<std::string, std::size_t> by_path;
  auto physical_of = [&](layout::Face face, int index) -> std::size_t {
    const FontFile& f = fonts.file(face, index);
    auto [it, added] = by_path.emplace(f.path, physical.size());
    if (added) physical.push_back(Physical{&f, std::vector<bool>(0x10000, false), nullptr});
    return it->second;
  };
  struct RunFonts {
    std::uint16_t single = 0;           // the font of every character, when `per_char` is empty
    std::vector<std::uint16_t> per_char;
  };
  std::vector<std::vector<RunFonts>> run_fonts(doc.pages.size());
  const std::size_t primary[2] = {physical_of(layout::Face::mincho, 0), physical_of(layout::Face::gothic, 0)};
  for (std::size_t pi = 0; pi < doc.pages.size(); ++pi) {
    const auto& texts = doc.pages[pi].content.texts;
    run_fonts[pi].resize(texts.size());
    for (std::size_t ti = 0; ti < texts.size(); ++ti) {
      const auto& t = texts[ti];
      auto& rf = run_fonts[pi][ti];
      const std::size_t own = primary[t.face == layout::Face::mincho ? 0 : 1];
      rf.single = static_cast<std::uint16_t>(own);
      std::size_t k = 0;
      for (std::size_t i = 0; i < t.text.size(); ++k) {
        const char32_t cp = base::decode_utf8(t.text, i);
        const int idx = fonts.font_index(t.face, cp);
        if (idx < 0 || cp > 0xFFFF) {
          char buf[16];
          std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
          error = std::string("character ") + buf + " has no glyph in '" + fonts.path(t.face) + "' or its fallbacks";
          return std::nullopt;
        }
        const std::size_t p = idx == 0 ? own : physical_of(t.face, idx);
        physical[p].used[cp] = true;
        if (p != own && rf.per_char.empty()) rf.per_char.assign(k, static_cast<std::uint16_t>(own));
        if (!rf.per_char.empty()) rf.per_char.push_back(static_cast<std::uint16_t>(p));
      }
    }
  }
  // A font no run uses is not embedded.
  for (auto& ph : physical) {
    std::vector<char32_t> cps;
    for (char32_t cp = 0; cp < 0x10000; ++cp)
      if (ph.used[cp]) cps.push_back(cp);
    if (cps.empty()) continue;
    // Cap height and x-height for the font descriptor are read from 'H' and 'x'.
    cps.push_back(U'H');
    cps.push_back(U'x');
    std::vector<std::uint16_t> gid_by_cp;
    const std::string data = ph.file->metrics.subset(ph.file->bytes, cps, gid_by_cp);
    HPDF_FontDef def = load_subset(pdf, data);
    if (!def || !install_direct_cmap(def, gid_by_cp)) {
      error = "libharu could not load the subset of '" + ph.file->path + "'" + (st.code ? ": " + status_text(st) : "");
      return std::nullopt;
    }
    ph.font = HPDF_GetFont(pdf, def->base_font, "UTF-8");
    if (!ph.font) {
      error = "libharu could not use the font '" + ph.file->path + "': " + status_text(st);
      return std::nullopt;
    }
  }

  std::vector<HPDF_Page> pages;
  std::map<std::string, std::pair<std::size_t, double>> anchors;
  for (std::size_t pi = 0; pi < doc.pages.size(); ++pi) {
    const auto& lp = doc.pages[pi];
    HPDF_Page page = HPDF_AddPage(pdf);
    pages.push_back(page);
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(lp.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(lp.height));
    const double H = lp.height;
    const auto& c = lp.content;
    for (const auto& a : c.anchors) anchors.emplace(a.name, std::make_pair(pi, a.y));
    // Fills first, then lines, then text on top.
    for (const auto& r : c.rects) {
      if (!r.fill) continue;
      HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(r.fill->r), static_cast<HPDF_REAL>(r.fill->g), static_cast<HPDF_REAL>(r.fill->b));
      HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(r.x), static_cast<HPDF_REAL>(H - r.y - r.h), static_cast<HPDF_REAL>(r.w),
                          static_cast<HPDF_REAL>(r.h));
      HPDF_Page_Fill(page);
    }
    // Graphics state is set only when it changes (table rules are thousands of identical lines).
    double cur_width = -1;
    std::optional<layout::Color> cur_stroke;
    std::vector<double> cur_dash;
    bool dash_set = false;
    for (const auto& p : c.paths) {
      if (p.points.size() < 2) continue;
      if (p.fill) HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(p.fill->r), static_cast<HPDF_REAL>(p.fill->g), static_cast<HPDF_REAL>(p.fill->b));
      if (p.line_width > 0) {
        if (p.line_width != cur_width) {
          HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(p.line_width));
          cur_width = p.line_width;
        }
        if (!cur_stroke || !(*cur_stroke == p.stroke)) {
          HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(p.stroke.r), static_cast<HPDF_REAL>(p.stroke.g), static_cast<HPDF_REAL>(p.stroke.b));
          cur_stroke = p.stroke;
        }
        if (!dash_set || p.dash != cur_dash) {
          std::vector<HPDF_UINT16> dash;
          for (double d : p.dash) dash.push_back(static_cast<HPDF_UINT16>(std::max(1.0, d)));
          HPDF_Page_SetDash(page, dash.empty() ? nullptr : dash.data(), static_cast<HPDF_UINT>(dash.size()), 0);
          cur_dash = p.dash;
          dash_set = true;
        }
      }
      HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(p.points[0].x), static_cast<HPDF_REAL>(H - p.points[0].y));
      for (std::size_t i = 1; i < p.points.size(); ++i)
        HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(p.points[i].x), static_cast<HPDF_REAL>(H - p.points[i].y));
      if (p.closed) HPDF_Page_ClosePath(page);
      if (p.fill && p.line_width > 0) HPDF_Page_FillStroke(page);
      else if (p.fill) HPDF_Page_Fill(page);
      else HPDF_Page_Stroke(page);
    }
    for (const auto& r : c.rects) {
      if (!r.stroke) continue;
      HPDF_Page_SetDash(page, nullptr, 0, 0);
      HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(r.line_width));
      HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(r.stroke->r), static_cast<HPDF_REAL>(r.stroke->g), static_cast<HPDF_REAL>(r.stroke->b));
      HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(r.x), static_cast<HPDF_REAL>(H - r.y - r.h), static_cast<HPDF_REAL>(r.w),
                          static_cast<HPDF_REAL>(r.h));
      HPDF_Page_Stroke(page);
    }
    if (!c.texts.empty()) {
      HPDF_Page_BeginText(page);
      HPDF_Font cur_font = nullptr;
      double cur_size = -1, cur_spacing = 0;
      layout::Color cur_color;
      bool color_set = false;
      for (std::size_t ti = 0; ti < c.texts.size(); ++ti) {
        const auto& t = c.texts[ti];
        const auto& rf = run_fonts[pi][ti];
        if (!color_set || !(t.color == cur_color)) {
          HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(t.color.r), static_cast<HPDF_REAL>(t.color.g), static_cast<HPDF_REAL>(t.color.b));
          cur_color = t.color;
          color_set = true;
        }
        if (t.char_spacing != cur_spacing) {
          HPDF_Page_SetCharSpace(page, static_cast<HPDF_REAL>(t.char_spacing));
          cur_spacing = t.char_spacing;
        }
        auto show = [&](std::uint16_t p, double x, const std::string& piece) {
          HPDF_Font f = physical[p].font;
          if (f != cur_font || t.size != cur_size) {
            HPDF_Page_SetFontAndSize(page, f, static_cast<HPDF_REAL>(t.size));
            cur_font = f;
            cur_size = t.size;
          }
          HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(H - t.y), piece.c_str());
        };
        if (rf.per_char.empty()) {
          show(rf.single, t.x, t.text);
          continue;
        }
        // A run is drawn in pieces where its characters come from a fallback font.
        double x = t.x;
        std::size_t i = 0, k = 0;
        while (i < t.text.size()) {
          const std::size_t piece_start = i;
          const std::uint16_t p = rf.per_char[k];
          double w = 0;
          while (i < t.text.size() && rf.per_char[k] == p) {
            const char32_t cp = base::decode_utf8(t.text, i);
            w += fonts.advance(t.face, cp) * t.size + t.char_spacing;
            ++k;
          }
          show(p, x, t.text.substr(piece_start, i - piece_start));
          x += w;
        }
      }
      HPDF_Page_EndText(page);
    }
    if (st.code) {
      error = "libharu failed while drawing page " + std::to_string(pi + 1) + ": " + status_text(st);
      return std::nullopt;
    }
  }

  auto destination = [&](const std::string& anchor) -> HPDF_Destination {
    auto it = anchors.find(anchor);
    if (it == anchors.end()) return nullptr;
    const auto& [pi, y] = it->second;
    HPDF_Destination d = HPDF_Page_CreateDestination(pages[pi]);
    // libharu refuses XYZ with a null zoom (keep the reader's zoom); FitH scrolls to the place at page width.
    HPDF_Destination_SetFitH(d, static_cast<HPDF_REAL>(doc.pages[pi].height - y + 4));
    return d;
  };
  for (std::size_t pi = 0; pi < doc.pages.size(); ++pi) {
    const double H = doc.pages[pi].height;
    for (const auto& l : doc.pages[pi].content.links) {
      HPDF_Rect rect{static_cast<HPDF_REAL>(l.x), static_cast<HPDF_REAL>(H - l.y - l.h), static_cast<HPDF_REAL>(l.x + l.w),
                     static_cast<HPDF_REAL>(H - l.y)};
      HPDF_Annotation annot = nullptr;
      if (!l.anchor.empty()) {
        if (HPDF_Destination d = destination(l.anchor)) annot = HPDF_Page_CreateLinkAnnot(pages[pi], rect, d);
      } else if (!l.uri.empty()) {
        annot = HPDF_Page_CreateURILinkAnnot(pages[pi], rect, l.uri.c_str());
      }
      if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
    }
  }

  // The outline mirrors the outline marks in page order; levels nest under the last shallower entry.
  HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
  std::vector<HPDF_Outline> parents;
  for (std::size_t pi = 0; pi < doc.pages.size(); ++pi) {
    for (const auto& m : doc.pages[pi].content.outline) {
      const auto level = static_cast<std::size_t>(std::max(0, m.level));
      while (parents.size() > level) parents.pop_back();
      HPDF_Outline parent = parents.empty() ? nullptr : parents.back();
      while (parents.size() < level) parents.push_back(parent);
      HPDF_Outline o = HPDF_CreateOutline(pdf, parent, m.title.c_str(), utf8);
      if (!o) continue;
      HPDF_Outline_SetOpened(o, level == 0 ? HPDF_TRUE : HPDF_FALSE);
      if (HPDF_Destination d = destination(m.anchor)) HPDF_Outline_SetDestination(o, d);
      parents.push_back(o);
    }
  }

  const auto& info = doc.info;
  if (!info.title.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, info.title.c_str());
  if (!info.author.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, info.author.c_str());
  if (!info.subject.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, info.subject.c_str());
  if (!info.keywords.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, info.keywords.c_str());
  HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "planpress");
  if (info.epoch) {
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
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d);
  }

  if (HPDF_SaveToStream(pdf) != HPDF_OK || st.code) {
    error = "libharu could not write the PDF: " + status_text(st);
    return std::nullopt;
  }
  std::string out;
  out.resize(HPDF_GetStreamSize(pdf));
  std::size_t at = 0;
  for (;;) {
    HPDF_UINT32 len = static_cast<HPDF_UINT32>(out.size() - at);
    if (len == 0) break;
    const HPDF_STATUS s = HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data() + at), &len);
    at += len;
    if (s == HPDF_STREAM_EOF || len == 0) break;
    if (s != HPDF_OK) {
      error = "libharu could not read back the PDF";
      return std::nullopt;
    }
  }
  out.resize(at);
  return out;
}

}  // namespace planpress::pdf
