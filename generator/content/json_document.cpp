#include "content/json_document.hpp"

#include <set>
#include <vector>

#include "base/utf8.hpp"
#include "content/json_mistakes.hpp"

namespace planpress::content {

using base::arg;
using base::msg;
using base::Msg;

JsonDocument::JsonDocument(base::SourcePtr source, nlohmann::json root, std::unordered_map<std::string, JsonSpan> spans)
    : source_(std::move(source)), root_(std::move(root)), spans_(std::move(spans)) {}

base::Location JsonDocument::at(const std::string& pointer) const {
  auto it = spans_.find(pointer);
  return base::Location::in(source_, it == spans_.end() ? 0 : it->second.begin);
}

base::Location JsonDocument::key_at(const std::string& pointer) const {
  auto it = spans_.find(pointer);
  if (it == spans_.end()) return base::Location::in(source_, 0);
  return base::Location::in(source_, it->second.key != JsonSpan::npos ? it->second.key : it->second.begin);
}

std::string JsonDocument::raw_text(const std::string& pointer) const {
  auto it = spans_.find(pointer);
  if (it == spans_.end()) return {};
  const std::string& text = source_->text();
  std::size_t end = std::min(it->second.end, text.size());
  // The end of a number includes the lexer's one character of lookahead.
  while (end > it->second.begin && std::string(" \t\r\n,]}").find(text[end - 1]) != std::string::npos) --end;
  return text.substr(it->second.begin, end - it->second.begin);
}

namespace {

// Walks a string literal from after its opening quote at `begin`, a source character or an escape at a
// time, while `more(source offset, decoded bytes)` holds; returns where it stopped, in both.
template <typename More>
std::pair<std::size_t, std::size_t> walk_string(const std::string& raw, std::size_t begin, More more) {
  std::size_t i = begin + 1;
  std::size_t decoded = 0;
  while (i < raw.size() && raw[i] != '"' && more(i, decoded)) {
    if (raw[i] == '\\' && i + 1 < raw.size()) {
      if (raw[i + 1] == 'u' && i + 5 < raw.size()) {
        // \uXXXX decodes to 1–3 UTF-8 bytes (a surrogate pair, 12 source bytes, to 4).
        const unsigned cp = static_cast<unsigned>(std::stoul(raw.substr(i + 2, 4), nullptr, 16));
        if (cp >= 0xD800 && cp <= 0xDBFF) { i += 12; decoded += 4; continue; }
        i += 6;
        decoded += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
      } else {
        i += 2;
        decoded += 1;
      }
    } else {
      ++i;
      ++decoded;
    }
  }
  return {i, decoded};
}

}  // namespace

base::Location JsonDocument::in_string(const std::string& pointer, std::size_t decoded_offset) const {
  auto it = spans_.find(pointer);
  if (it == spans_.end()) return base::Location::in(source_, 0);
  const auto stop = walk_string(source_->text(), it->second.begin, [&](std::size_t, std::size_t decoded) { return decoded < decoded_offset; });
  return base::Location::in(source_, stop.first);
}

std::size_t JsonDocument::decoded_offset(const std::string& pointer, std::size_t offset) const {
  auto it = spans_.find(pointer);
  if (it == spans_.end() || offset <= it->second.begin) return 0;
  return walk_string(source_->text(), it->second.begin, [&](std::size_t i, std::size_t) { return i < offset; }).second;
}

std::string pointer_append(const std::string& pointer, const std::string& token) {
  std::string out = pointer + "/";
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string pointer_append(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

namespace {

// An input iterator over the source bytes that publishes how many bytes the lexer has consumed; each SAX
// event then knows where its token ended, and the token's start is found by skipping the separators
// (whitespace, ',' and ':') that follow the previous event.
struct TrackingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* p = nullptr;
  const char* base = nullptr;
  std::size_t* consumed = nullptr;

  reference operator*() const { return *p; }
  TrackingIterator& operator++() {
    ++p;
    *consumed = static_cast<std::size_t>(p - base);
    return *this;
  }
  TrackingIterator operator++(int) {
    auto copy = *this;
    ++*this;
    return copy;
  }
  bool operator==(const TrackingIterator& o) const { return p == o.p; }
  bool operator!=(const TrackingIterator& o) const { return p != o.p; }
};

class PositionBuilder final : public nlohmann::json_sax<nlohmann::json> {
 public:
  PositionBuilder(const base::SourcePtr& source, const std::size_t& consumed, base::Diagnostics& diags)
      : source_(source), text_(source->text()), consumed_(consumed), diags_(diags) {}

  bool null() override { return leaf(nullptr); }
  bool boolean(bool v) override { return leaf(v); }
  bool number_integer(number_integer_t v) override { return leaf(v); }
  bool number_unsigned(number_unsigned_t v) override { return leaf(v); }
  bool number_float(number_float_t v, const string_t&) override { return leaf(v); }
  bool string(string_t& v) override { return leaf(std::move(v)); }
  bool binary(binary_t&) override { return false; }

  bool start_object(std::size_t) override { return open(nlohmann::json::object()); }
  bool start_array(std::size_t) override { return open(nlohmann::json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& k) override {
    const std::size_t start = token_start();
    Frame& f = stack_.back();
    auto [it, inserted] = f.keys.emplace(k, start);
    if (!inserted) {
      const auto first = source_->locate(it->second);
      diags_.error(base::Location::in(source_, start), msg<Msg::duplicate_key_key>(arg<"key">(k)),
                   {msg<Msg::duplicate_key_first_hint>(arg<"key">(k), arg<"line">(first.line), arg<"column">(first.column))});
      duplicate_ = true;
    }
    pending_key_ = k;
    pending_key_offset_ = start;
    mark_ = consumed_;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    auto mistake = explain_json_error(text_, position, ex.what());
    diags_.error(base::Location::in(source_, mistake.at), std::move(mistake.message), std::move(mistake.hints));
    return false;
  }

  bool ok() const { return !duplicate_ && !too_deep_; }
  nlohmann::json take_root() { return std::move(root_); }
  std::unordered_map<std::string, JsonSpan> take_spans() { return std::move(spans_); }

 private:
  struct Frame {
    nlohmann::json* value;
    std::string pointer;
    std::size_t next_index = 0;
    std::map<std::string, std::size_t> keys;
  };

  std::size_t token_start() {
    std::size_t i = mark_;
    while (i < text_.size()) {
      const char c = text_[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':') ++i;
      else break;
    }
    // Skip a UTF-8 BOM at the very start.
    if (i == 0 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
    return i;
  }

  // Places `v` at the current position (root, next array element or pending key) and records its span.
  nlohmann::json* place(nlohmann::json v, std::size_t begin) {
    std::string pointer;
    std::size_t key_offset = JsonSpan::npos;
    nlohmann::json* slot = nullptr;
    if (stack_.empty()) {
      root_ = std::move(v);
      slot = &root_;
    } else {
      Frame& f = stack_.back();
      if (f.value->is_array()) {
        pointer = pointer_append(f.pointer, f.next_index++);
        f.value->push_back(std::move(v));
        slot = &f.value->back();
      } else {
        pointer = pointer_append(f.pointer, pending_key_);
        key_offset = pending_key_offset_;
        slot = &(*f.value)[pending_key_];
        *slot = std::move(v);
      }
    }
    spans_[pointer] = JsonSpan{key_offset, begin, consumed_};
    last_pointer_ = pointer;
    return slot;
  }

  bool leaf(nlohmann::json v) {
    const std::size_t begin = token_start();
    place(std::move(v), begin);
    mark_ = consumed_;
    return true;
  }

  bool open(nlohmann::json container) {
    const std::size_t begin = token_start();
    nlohmann::json* slot = place(std::move(container), begin);
    if (static_cast<int>(stack_.size()) >= kMaxJsonDepth) {
      diags_.error(base::Location::in(source_, begin), msg<Msg::json_too_deep_json>(arg<"limit">(kMaxJsonDepth)));
      too_deep_ = true;
      return false;
    }
    stack_.push_back(Frame{slot, last_pointer_, 0, {}});
    mark_ = consumed_;
    return true;
  }

  bool close() {
    if (!stack_.empty()) {
      auto it = spans_.find(stack_.back().pointer);
      if (it != spans_.end()) it->second.end = consumed_;
      stack_.pop_back();
    }
    mark_ = consumed_;
    return true;
  }

  const base::SourcePtr& source_;
  const std::string& text_;
  const std::size_t& consumed_;
  base::Diagnostics& diags_;
  nlohmann::json root_;
  std::unordered_map<std::string, JsonSpan> spans_;
  std::vector<Frame> stack_;
  std::string pending_key_;
  std::size_t pending_key_offset_ = 0;
  std::string last_pointer_;
  std::size_t mark_ = 0;
  bool duplicate_ = false;
  bool too_deep_ = false;
};

}  // namespace

std::optional<JsonDocument> parse_json(const base::SourcePtr& source, base::Diagnostics& diags) {
  const std::string& text = source->text();
  if (auto bad = base::find_invalid_utf8(text)) {  // io::read_source has told which encoding it is
    diags.error(base::Location::in(source, *bad), msg<Msg::utf8_invalid_bytes>(arg<"bytes">(base::invalid_bytes_at(text, *bad))),
                {msg<Msg::utf8_invalid_bytes_hint>()});
    return std::nullopt;
  }
  std::size_t consumed = 0;
  TrackingIterator first{text.data(), text.data(), &consumed};
  TrackingIterator last{text.data() + text.size(), text.data(), &consumed};
  PositionBuilder builder(source, consumed, diags);
  const bool parsed = nlohmann::json::sax_parse(first, last, &builder, nlohmann::json::input_format_t::json, true);
  if (!parsed || !builder.ok()) return std::nullopt;
  return JsonDocument(source, builder.take_root(), builder.take_spans());
}

}  // namespace planpress::content
