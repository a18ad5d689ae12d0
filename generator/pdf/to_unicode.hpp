#pragma once
/// The ToUnicode CMap of a font (PDF 32000-1:2008, 9.10.3): what each character code of the content
/// streams means as Unicode, so that copying, searching and reading aloud give exactly the text drawn.
/// planpress draws through libharu's UTF-8 encoder with Identity-H: every character code is two bytes,
/// the BMP code point the layout asked for, and the CIDToGIDMap takes it to the subset's glyph. The map
/// from code to Unicode is therefore known for every code a font draws, including two code points that
/// share one glyph (a glyph → Unicode map could not tell them apart).
#include <string>
#include <vector>

namespace planpress::pdf {

/// The CMap program for the two-byte codes `codes` (BMP code points, any order, duplicates allowed):
/// one codespace <0000>–<FFFF>, `bfrange` entries for runs of consecutive codes (a run never crosses a
/// change of the first byte, as the format requires) and `bfchar` entries for single codes, at most 100
/// entries per block. Code points outside the BMP and surrogates are left out (libharu draws neither).
std::string to_unicode_cmap(std::vector<char32_t> codes);

}  // namespace planpress::pdf
