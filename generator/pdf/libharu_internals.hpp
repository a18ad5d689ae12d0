#pragma once
/// The fence around libharu's internals: the one place that reads or writes libharu's internal structs
/// (hpdf_doc.h, hpdf_fontdef.h, hpdf_mmgr.h, hpdf_streams.h), reviewed for libharu 2.3.0 only. CMake refuses
/// any other libharu version at configure time (generator/pdf/libharu_version.cmake) and this file's .cpp
/// refuses it at compile time. The rest of pdf/ sees libharu through its public API with opaque handles.
///
/// Handles are passed as `void*` (libharu's HPDF_Doc), which is what they are in that opaque view.
#include <cstdint>
#include <string>
#include <vector>

namespace planpress::pdf::libharu {

/// Loads the TrueType font `data` (a subset made by TrueTypeFont::subset) into the document `doc` (an
/// HPDF_Doc) for embedding — what HPDF_LoadTTFontFromFile does for a file, from memory — gives it the
/// document's next subset tag (HPDFAA+, HPDFAB+ …), and replaces its in-memory cmap by a direct array
/// (`gid_by_cp[code point]` = glyph id) so every glyph lookup is O(1). Returns the font's name for
/// HPDF_GetFont, or nullptr when libharu could not load it (its error handler has been called).
const char* load_font_subset(void* doc, const std::string& data, const std::vector<std::uint16_t>& gid_by_cp);

/// Replaces the ToUnicode CMap of `font` (an HPDF_Font made by HPDF_GetFont with the UTF-8 encoder) by
/// `cmap` (to_unicode_cmap), compressed. libharu writes a CID range there, which PDF readers reject as a
/// ToUnicode map ("Invalid 'begincidrange'") and then guess the text. False when the font has no such
/// stream.
bool replace_to_unicode(void* font, const std::string& cmap);

/// Adds `name` → `destination` (an HPDF_Destination of `doc`) to the catalog's /Dests dictionary, so that
/// another PDF (or a URL ending in #name) can open this one there. False when libharu refused.
bool add_named_destination(void* doc, const std::string& name, void* destination);

/// Turns a link annotation made by HPDF_Page_CreateURILinkAnnot into a link to another PDF: a GoToR action
/// with /F `file` (relative to this PDF) and /D the named destination `destination` (none: the first page).
/// libharu has no API for remote go-to actions.
bool make_remote_link(void* annotation, const std::string& file, const std::string& destination);

/// libharu's HPDF_STREAM_EOF (an HPDF_STATUS): HPDF_ReadFromStream's "nothing more to read". It is
/// defined in hpdf_error.h, which declares internal structs too.
extern const unsigned long kStreamEof;

}  // namespace planpress::pdf::libharu
