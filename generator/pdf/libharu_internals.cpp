// The only code that touches libharu's internal structs (see libharu_internals.hpp). Every line here
// depends on libharu 2.3.0's private layout and behaviour; before accepting another version, review:
//  * _HPDF_Doc_Rec: `mmgr`, `ttfont_tag[6]` and how HPDF_LoadTTFontFromFile advances the tag
//    (HPDF_Doc_Rec in hpdf_doc.h, LoadTTFontFromStream in hpdf_doc.c);
//  * HPDF_TTFontDef_Load, HPDF_TTFontDef_SetTagName, HPDF_Doc_RegisterFontDef, HPDF_MemStream_New,
//    HPDF_Stream_Write (hpdf_fontdef.h, hpdf_doc.h, hpdf_streams.h): names, arguments, ownership;
//  * _HPDF_TTFontDefAttr_Rec.cmap (HPDF_TTF_CmapRange: format, seg_count_x2, end_count, start_count,
//    id_delta, id_range_offset, glyph_id_array, glyph_id_array_count) and the format-4 lookup in
//    HPDF_TTFontDef_GetGlyphid (hpdf_fontdef_tt.c) that install_direct_cmap relies on;
//  * HPDF_GetMem / HPDF_FreeMem (hpdf_mmgr.h) and that the font's arrays come from its `mmgr`;
//  * _HPDF_FontAttr_Rec.cmap_stream (hpdf_font.h): the ToUnicode stream HPDF_Type0Font_New creates for
//    the Identity-H (UTF-8) encoder in CreateCMap (hpdf_font_cid.c) and adds to the font dictionary as
//    /ToUnicode, when HPDF_GetFont creates the font; _HPDF_Dict_Rec `stream` and `filter`
//    (hpdf_objects.h), HPDF_MemStream_FreeData and HPDF_Dict_RemoveElement, which replace_to_unicode uses
//    to put a real CMap in that stream before the document is saved;
//  * _HPDF_Doc_Rec.catalog and HPDF_Dict_Add with an indirect object (a destination made by
//    HPDF_Page_CreateDestination is in the xref; the dictionary gets a proxy), HPDF_Dict_GetItem,
//    HPDF_Dict_AddName, HPDF_Dict_New: add_named_destination;
//  * the /A action dictionary HPDF_Page_CreateURILinkAnnot makes (hpdf_annotation.c: /S /URI, /URI):
//    make_remote_link rewrites it into a GoToR action.
#include "pdf/libharu_internals.hpp"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_mmgr.h>
#include <hpdf_streams.h>

#include <algorithm>

// CMake checks the version at configure time; this catches a libharu upgraded after configuring.
#if !defined(PLANPRESS_LIBHARU_REVIEWED_VERSION_ID) || HPDF_VERSION_ID != PLANPRESS_LIBHARU_REVIEWED_VERSION_ID
#error "pdf/libharu_internals.cpp was reviewed for another libharu version: review it (see its first comment) and generator/pdf/libharu_version.cmake"
#endif

namespace planpress::pdf::libharu {

namespace {

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

}  // namespace

const unsigned long kStreamEof = HPDF_STREAM_EOF;

bool add_named_destination(void* doc, const std::string& name, void* destination) {
  auto* pdf = static_cast<HPDF_Doc>(doc);
  auto dst = static_cast<HPDF_Destination>(destination);
  if (!pdf || !pdf->catalog || !dst) return false;
  auto dests = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(pdf->catalog, "Dests", HPDF_OCLASS_DICT));
  if (!dests) {
    dests = HPDF_Dict_New(pdf->mmgr);
    if (!dests || HPDF_Dict_Add(pdf->catalog, "Dests", dests) != HPDF_OK) return false;
  }
  return HPDF_Dict_Add(dests, name.c_str(), dst) == HPDF_OK;
}

bool make_remote_link(void* annotation, const std::string& file, const std::string& destination) {
  auto annot = static_cast<HPDF_Annotation>(annotation);
  if (!annot) return false;
  auto action = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(annot, "A", HPDF_OCLASS_DICT));
  if (!action) return false;
  HPDF_Dict_RemoveElement(action, "URI");
  HPDF_String f = HPDF_String_New(action->mmgr, file.c_str(), nullptr);
  if (!f || HPDF_Dict_AddName(action, "S", "GoToR") != HPDF_OK || HPDF_Dict_Add(action, "F", f) != HPDF_OK) return false;
  // A name of the catalog's /Dests (PDF 1.1 named destinations are names); without one, the first page.
  if (!destination.empty()) return HPDF_Dict_AddName(action, "D", destination.c_str()) == HPDF_OK;
  HPDF_Array first = HPDF_Array_New(action->mmgr);
  if (!first || HPDF_Dict_Add(action, "D", first) != HPDF_OK) return false;
  return HPDF_Array_AddNumber(first, 0) == HPDF_OK && HPDF_Array_AddName(first, "Fit") == HPDF_OK;
}

bool replace_to_unicode(void* font, const std::string& cmap) {
  auto* f = static_cast<HPDF_Font>(font);
  if (!f || !f->attr) return false;
  HPDF_Dict stream = static_cast<HPDF_FontAttr>(f->attr)->cmap_stream;
  if (!stream || !stream->stream) return false;
  // libharu's stream is a CID CMap (begincidrange <0000> <FFFF> 0) with the CIDSystemInfo of Identity-H:
  // valid as an encoding, not as a ToUnicode CMap, which maps codes with bfchar/bfrange.
  HPDF_MemStream_FreeData(stream->stream);
  if (HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()), static_cast<HPDF_UINT>(cmap.size())) !=
      HPDF_OK)
    return false;
  for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode", "UseCMap"}) HPDF_Dict_RemoveElement(stream, key);
  stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  return true;
}

const char* load_font_subset(void* doc, const std::string& data, const std::vector<std::uint16_t>& gid_by_cp) {
  HPDF_FontDef def = load_subset(static_cast<HPDF_Doc>(doc), data);
  if (!def || !install_direct_cmap(def, gid_by_cp)) return nullptr;
  return def->base_font;
}

}  // namespace planpress::pdf::libharu
