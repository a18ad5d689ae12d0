#pragma once
/// The message catalogue: every sentence planpress shows to a person — a diagnostic's message and hints,
/// the names of things inside them, the CLI's usage errors, summaries and help — in Japanese and English,
/// each once, in `messages.inc`. Phases never write a sentence: they build a `Message` (which entry, with
/// which named values) and the CLI renders it in the language asked for (`--lang`, Japanese by default).
///
/// How to add a message (see docs/diagnostics.md, "Writing messages"):
///   1. add a row to messages.inc: PLANPRESS_MESSAGE(code, variant, "English {value}", "日本語「{value}」")
///   2. build it where the problem is found: msg<Msg::code_variant>(arg<"value">(v))
///   3. report it: diags.error(where, msg<…>(…), {msg<Msg::code_hint_variant>(…)})
/// The compiler checks that the entry exists and that exactly the parameters its texts name are given.
#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/codes.hpp"
#include "base/placeholders.hpp"

namespace planpress::base {

/// Every message of the catalogue (generated from messages.inc): `<code>_<variant>` for the messages of
/// a diagnostic code, `<group>_<variant>` for texts shared by several codes (common), names of things
/// (subject, term) and the command line's own words (cli). The enum comes from the ids the build extracts
/// from messages.inc (base/message_ids.cpp), so that editing a text does not recompile its users.
enum class Msg : std::uint16_t {
#define PLANPRESS_MESSAGE(code, variant, params) code##_##variant,
#define PLANPRESS_TEXT(group, variant, params) group##_##variant,
#include "base/message_ids.inc"
#undef PLANPRESS_MESSAGE
#undef PLANPRESS_TEXT
};

/// What the compiler knows of a message: its code and its parameters ("{key}{owner}").
struct MessageId {
  Msg id;
  std::optional<Code> code;  ///< the diagnostic code the message belongs to; none for shared texts
  std::string_view params;
};

inline constexpr MessageId kMessageIds[] = {
#define PLANPRESS_MESSAGE(code, variant, params) MessageId{Msg::code##_##variant, Code::code, params},
#define PLANPRESS_TEXT(group, variant, params) MessageId{Msg::group##_##variant, std::nullopt, params},
#include "base/message_ids.inc"
#undef PLANPRESS_MESSAGE
#undef PLANPRESS_TEXT
};

/// One row of the catalogue.
struct MessageEntry {
  Msg id;
  std::optional<Code> code;  ///< the diagnostic code the message belongs to; none for shared texts
  std::string_view group;    ///< the code's identifier, or common / subject / term / cli
  std::string_view variant;
  Text text;                 ///< `{name}` marks a parameter; both languages are required
};

/// The catalogue, one row per `Msg`, in enum order.
std::span<const MessageEntry> message_catalogue();

/// The catalogue row of `id`.
const MessageEntry& entry(Msg id);

/// The code a message belongs to, if any.
constexpr std::optional<Code> code_of(Msg id) { return kMessageIds[static_cast<std::size_t>(id)].code; }

// ---- parameters -------------------------------------------------------------------------------------

/// The parameters of a message: every name either of its texts marks.
constexpr std::vector<std::string_view> parameters_of(Msg id) {
  return placeholders(kMessageIds[static_cast<std::size_t>(id)].params);
}

/// True if `given` names each parameter of `id` exactly once and nothing else.
constexpr bool supplies_exactly(Msg id, std::span<const std::string_view> given) {
  const auto wanted = parameters_of(id);
  if (wanted.size() != given.size()) return false;
  for (std::size_t i = 0; i < given.size(); ++i) {
    if (std::find(wanted.begin(), wanted.end(), given[i]) == wanted.end()) return false;
    for (std::size_t j = 0; j < i; ++j)
      if (given[j] == given[i]) return false;
  }
  return true;
}

/// A parameter name as a template argument: arg<"value">(…).
template <std::size_t N>
struct ParamName {
  char chars[N]{};
  consteval ParamName(const char (&s)[N]) { std::copy_n(s, N, chars); }  // NOLINT: implicit on purpose
  constexpr std::string_view view() const { return std::string_view(chars, N - 1); }
};

struct Message;

/// One named value of a message: text taken from the content or the system (shown as it is, any byte
/// that is not UTF-8 replaced by U+FFFD), another message rendered in the same language (the name of a
/// thing, a term), or a list of messages joined as the language joins lists ("a, b" / 「a、b」).
struct Param {
  std::string_view name;
  std::string text;
  std::shared_ptr<const Message> message;
  std::shared_ptr<const std::vector<Message>> list;
};

/// A message to render: which catalogue entry, with which values.
struct Message {
  Msg id{};
  std::vector<Param> params;
  friend bool operator==(const Message& a, const Message& b);
};

/// A message of a diagnostic code: what `Diagnostics::error` and `warning` take (the code comes from its
/// catalogue row). It can serve as a hint too.
struct CodedMessage : Message {};

/// The value of parameter `Name`, built by arg<"name">(…).
template <ParamName Name>
struct Arg {
  std::string text;
  std::shared_ptr<const Message> message;
  std::shared_ptr<const std::vector<Message>> list;
};

/// `text` as a message that shows it as it is (a value inside a list of messages).
Message verbatim(std::string text);

/// arg<"name">(value): a string (content, a path, a system error), a number, a message, or a list of
/// strings or messages.
template <ParamName Name, class T>
Arg<Name> arg(T&& value) {
  using V = std::remove_cvref_t<T>;
  if constexpr (std::is_base_of_v<Message, V>) {
    return Arg<Name>{{}, std::make_shared<const Message>(static_cast<const Message&>(value)), nullptr};
  } else if constexpr (std::is_same_v<V, std::vector<Message>>) {
    return Arg<Name>{{}, nullptr, std::make_shared<const std::vector<Message>>(std::forward<T>(value))};
  } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {
    std::vector<Message> items;
    for (const auto& s : value) items.push_back(verbatim(s));
    return Arg<Name>{{}, nullptr, std::make_shared<const std::vector<Message>>(std::move(items))};
  } else if constexpr (std::is_same_v<V, char>) {
    return Arg<Name>{std::string(1, value), nullptr, nullptr};
  } else if constexpr (std::is_integral_v<V>) {
    return Arg<Name>{std::to_string(value), nullptr, nullptr};
  } else {
    return Arg<Name>{std::string(std::string_view(value)), nullptr, nullptr};
  }
}

/// The message `M` with its parameters; does not compile unless they are exactly the ones its texts name.
template <Msg M, ParamName... Names>
auto msg(Arg<Names>... args) {
  constexpr std::array<std::string_view, sizeof...(Names)> given{Names.view()...};
  static_assert(supplies_exactly(M, given),
                "the arguments must name each parameter of the message exactly once (see messages.inc)");
  std::vector<Param> params;
  params.reserve(sizeof...(Names));
  (params.push_back(Param{Names.view(), std::move(args.text), std::move(args.message), std::move(args.list)}), ...);
  if constexpr (code_of(M).has_value()) return CodedMessage{{M, std::move(params)}};
  else return Message{M, std::move(params)};
}

/// `m` in `lang`: every `{name}` replaced by its value (a message parameter rendered in the same
/// language). The result is always valid UTF-8.
std::string render(const Message& m, Lang lang);

/// The language named `name` ("ja", "en").
std::optional<Lang> lang_named(std::string_view name);

}  // namespace planpress::base
