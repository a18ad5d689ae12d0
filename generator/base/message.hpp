#pragma once
/// Messages in the language of the run: a `Text` (English and Japanese) with numbered arguments.
#include <initializer_list>
#include <string>
#include <string_view>

#include "base/codes.hpp"

namespace planpress::base {

/// `pattern` with {1}, {2} … replaced by the arguments (a missing argument leaves its placeholder).
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args);

/// `text` in `lang` (English where no translation exists) with its arguments filled in.
std::string message(const Text& text, Lang lang, std::initializer_list<std::string_view> args = {});

}  // namespace planpress::base
