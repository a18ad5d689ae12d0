#pragma once
/// The one rule for characters of content that reach print (the HTML pages and the PDFs): what each code
/// point becomes. Validation reports the characters that cannot be printed at their own place
/// (invalid-character); the PDF's glyph check then needs a glyph for every `drawn` character; the PDF
/// writer draws a tab as a space. So `check` and `build` agree on every character.
#include <string>

namespace planpress::text {

enum class PrintClass {
  drawn,       ///< an ordinary character: it needs a glyph in the PDF fonts
  line_break,  ///< LF, or CR (alone or before LF): a line break
  tab,         ///< HT (pasted from Excel): printed as a space
  control,     ///< any other C0 or C1 control or DEL (NUL, BEL, ESC …): cannot be printed
  invisible,   ///< a format character (general category Cf: zero-width space, bidi overrides such as
               ///< U+202E, U+FEFF) or a line/paragraph separator: invisible, would hide or reorder text
};

/// How `cp` is printed.
PrintClass print_class(char32_t cp);

/// The Unicode name of `cp` ("RIGHT-TO-LEFT OVERRIDE"; for a C0 control or DEL its abbreviation, "BEL",
/// "NUL"), or "" if it has none.
std::string char_name(char32_t cp);

}  // namespace planpress::text
