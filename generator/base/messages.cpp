#include "base/messages.hpp"

#include <utility>

#include "base/utf8.hpp"

namespace planpress::base {

namespace {

constexpr MessageEntry kCatalogue[] = {
#define PLANPRESS_MESSAGE(code, variant, en, ja) MessageEntry{Msg::code##_##variant, Code::code, #code, #variant, Text{en, ja}},
#define PLANPRESS_TEXT(group, variant, en, ja) MessageEntry{Msg::group##_##variant, std::nullopt, #group, #variant, Text{en, ja}},
#include "base/messages.inc"
#undef PLANPRESS_MESSAGE
#undef PLANPRESS_TEXT
};

// Every row has both languages, and both mark the same parameters: a translation cannot drop the value
// the other language shows, and msg<>() can require exactly one set. Checked when this file compiles;
// tests/unit/test_messages.cpp says which row fails.
constexpr bool same_names(std::string_view a, std::string_view b) {
  const auto x = placeholders(a);
  const auto y = placeholders(b);
  if (x.size() != y.size()) return false;
  for (const auto n : x)
    if (std::find(y.begin(), y.end(), n) == y.end()) return false;
  return true;
}

constexpr bool rows_complete(std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < std::size(kCatalogue); ++i) {
    const auto& e = kCatalogue[i];
    if (e.text.en.empty() || e.text.ja.empty() || !same_names(e.text.en, e.text.ja)) return false;
  }
  return true;
}

// The ids the rest of the code was compiled with are those of these texts, row for row.
constexpr bool rows_match(std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < std::size(kCatalogue); ++i)
    if (kCatalogue[i].id != kMessageIds[i].id || !same_names(kCatalogue[i].text.en, kMessageIds[i].params)) return false;
  return true;
}

static_assert(std::size(kCatalogue) == std::size(kMessageIds), "generated/base/message_ids.inc is out of date with messages.inc");

// Checked in blocks of rows, each its own constant evaluation: clang stops one evaluation after about a
// million steps (-fconstexpr-steps), which the whole catalogue passed once it grew past 470 rows.
constexpr std::size_t kRowsPerCheck = 64;
template <std::size_t Block>
struct CheckedRows {
  static_assert(rows_complete(Block * kRowsPerCheck, (Block + 1) * kRowsPerCheck),
                "a row of messages.inc lacks a language or its languages mark different parameters");
  static_assert(rows_match(Block * kRowsPerCheck, (Block + 1) * kRowsPerCheck),
                "generated/base/message_ids.inc is out of date with messages.inc");
  static constexpr bool ok = true;
};
template <std::size_t... Block>
constexpr bool check_rows(std::index_sequence<Block...>) { return (CheckedRows<Block>::ok && ...); }
static_assert(check_rows(std::make_index_sequence<(std::size(kCatalogue) + kRowsPerCheck - 1) / kRowsPerCheck>{}));

void render_into(std::string& out, const Message& m, Lang lang) {
  const std::string_view text = in_lang(entry(m.id).text, lang);
  std::size_t done = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    const auto close = text.find('}', i);
    if (close == std::string_view::npos) break;
    const std::string_view name = text.substr(i + 1, close - i - 1);
    const auto names = placeholders(text.substr(i, close - i + 1));
    if (names.size() != 1 || names.front() != name) continue;  // a literal brace
    out.append(text.substr(done, i - done));
    for (const auto& p : m.params) {
      if (p.name != name) continue;
      if (p.message) {
        render_into(out, *p.message, lang);
      } else if (p.list) {
        for (std::size_t k = 0; k < p.list->size(); ++k) {
          if (k > 0) out += lang == Lang::ja ? "、" : ", ";
          render_into(out, (*p.list)[k], lang);
        }
      } else {
        out += valid_utf8(p.text);
      }
      break;
    }
    i = close;
    done = close + 1;
  }
  out.append(text.substr(done));
}

}  // namespace

std::span<const MessageEntry> message_catalogue() { return kCatalogue; }

const MessageEntry& entry(Msg id) { return kCatalogue[static_cast<std::size_t>(id)]; }

bool operator==(const Message& a, const Message& b) {
  if (a.id != b.id || a.params.size() != b.params.size()) return false;
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    const Param& x = a.params[i];
    const Param& y = b.params[i];
    if (x.name != y.name || x.text != y.text || bool(x.message) != bool(y.message)) return false;
    if (x.message && !(*x.message == *y.message)) return false;
    if (bool(x.list) != bool(y.list) || (x.list && *x.list != *y.list)) return false;
  }
  return true;
}

Message verbatim(std::string text) { return msg<Msg::common_verbatim>(arg<"text">(std::move(text))); }

std::string render(const Message& m, Lang lang) {
  std::string out;
  render_into(out, m, lang);
  return out;
}

std::optional<Lang> lang_named(std::string_view name) {
  if (name == "ja") return Lang::ja;
  if (name == "en") return Lang::en;
  return std::nullopt;
}

}  // namespace planpress::base
