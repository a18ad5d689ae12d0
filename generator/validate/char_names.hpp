#pragma once
/// Characters as messages name them: the code point and a name a clerk can look up.
#include "base/messages.hpp"

namespace planpress::validate {

/// "U+200B（ゼロ幅スペース）" / "U+200B (ZERO WIDTH SPACE)": a Japanese name from the catalogue for the
/// characters that text pasted from other programs brings along, else Unicode's name (ICU), else the code.
base::Message char_label(char32_t cp);

}  // namespace planpress::validate
