#include "search/index.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "base/parallel.hpp"
#include "search/normalize.hpp"

namespace planpress::search {

namespace {

constexpr std::uint32_t kEnd = 46;   // digits that end a number
constexpr std::uint32_t kMore = 45;  // digits that continue it

char end_digit(std::uint32_t d) { return static_cast<char>(0x23 + d); }
char more_digit(std::uint32_t d) {
  const std::uint32_t c = 0x51 + d;
  return static_cast<char>(c >= 0x5C ? c + 1 : c);  // skip the backslash
}

std::uint64_t pair_key(char32_t a, char32_t b) { return (static_cast<std::uint64_t>(a) << 21) | b; }

std::string hex(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%x", static_cast<unsigned>(c));
  return buf;
}

// Spreads keys over shards (see ShardLayout) and fills `shards`, creating every shard a browser may ask for.
// A character with shards of its own keeps its single-character list in a shard of its own ("-u"), so a
// one-character query does not load the positions of the character's bigrams.
void distribute(std::map<std::u32string, std::string>& encoded, std::size_t target, ShardLayout& layout,
                std::map<std::string, std::map<std::string, std::string>>& shards) {
  std::map<char32_t, std::size_t> group_bytes;  // of the bigrams (a single character counts separately)
  for (const auto& [key, value] : encoded) group_bytes[key[0]] += key.size() == 1 ? 0 : to_utf8(key).size() + value.size() + 6;
  std::size_t small_bytes = 0;
  for (const auto& [c, bytes] : group_bytes) {
    if (bytes > target / 4)
      layout.split[c] = static_cast<std::uint32_t>((bytes + target - 1) / target);
    else
      small_bytes += bytes;
  }
  layout.buckets = static_cast<std::uint32_t>(std::max<std::size_t>(1, (small_bytes + target - 1) / target));
  for (std::uint32_t b = 0; b < layout.buckets; ++b) shards[layout.prefix + "b" + std::to_string(b)];
  for (const auto& [c, parts] : layout.split) {
    shards[layout.prefix + "g" + hex(c) + "-u"];
    for (std::uint32_t part = 0; part < parts; ++part) shards[layout.prefix + "g" + hex(c) + "-" + std::to_string(part)];
  }
  for (auto& [key, value] : encoded) shards[locate_shard(key, layout)][to_utf8(key)] = std::move(value);
}

std::size_t doc_bytes(const Document& d) {
  std::size_t n = d.title.size() + d.url.size() + 16;
  for (const auto& p : d.passages) n += p.label.size() + p.text.size() + p.anchor.size() + 16;
  return n;
}

}  // namespace

std::vector<std::u32string> split_bigrams(std::u32string_view s) {
  std::vector<std::u32string> out;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) out.emplace_back(s.substr(i, 2));
  return out;
}

void append_number(std::string& out, std::uint32_t n) {
  char digits[8];  // 45^7 > 2^32
  std::size_t len = 0;
  while (n >= kEnd) {
    const std::uint32_t d = n % kMore;
    digits[len++] = more_digit(d);
    n = (n - d) / kMore;
  }
  digits[len++] = end_digit(n);
  out.append(digits, len);
}

std::vector<std::uint32_t> decode_numbers(std::string_view digits) {
  std::vector<std::uint32_t> out;
  std::uint64_t value = 0, scale = 1;
  for (char ch : digits) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x23 && c < 0x23 + kEnd) {
      out.push_back(static_cast<std::uint32_t>(value + (c - 0x23) * scale));
      value = 0;
      scale = 1;
    } else {
      const std::uint32_t d = c > 0x5C ? c - 0x52 : c - 0x51;
      value += d * scale;
      scale *= kMore;
    }
  }
  return out;
}

std::uint32_t spread(char32_t cp) {
  std::uint32_t x = static_cast<std::uint32_t>(cp);
  x = (x ^ (x >> 7)) * 0x9E3779B1u;
  return x >> 11;
}

std::string locate_shard(const std::u32string& key, const ShardLayout& layout) {
  if (auto it = layout.split.find(key[0]); it != layout.split.end())
    return layout.prefix + "g" + hex(key[0]) + "-" + (key.size() == 1 ? std::string("u") : std::to_string(spread(key[1]) % it->second));
  return layout.prefix + "b" + std::to_string(spread(key[0]) % layout.buckets);
}

namespace {

// A key's list as it grows, one document at a time (documents come in order): the document list and the
// positions are encoded as each document ends, so the index holds the encoded bytes (one or two per
// occurrence), never a record per occurrence.
struct GrowingList {
  std::uint32_t docs = 0, last_doc = 0;
  std::string doc_list, positions;  // without the leading count of documents
};

// One occurrence of a bigram in the current document.
struct DocHit {
  std::uint64_t key;
  std::uint32_t pos;
  std::uint8_t cls;
};

// Document list: the number of documents (written by finish), then per document docDelta << 4 | class mask.
void append_doc(GrowingList& list, std::uint32_t doc, std::uint8_t mask) {
  append_number(list.doc_list, ((doc - list.last_doc) << 4) | mask);
  list.last_doc = doc;
  ++list.docs;
}

std::string finish(GrowingList& list) {
  std::string value;
  value.reserve(list.doc_list.size() + list.positions.size() + 4);
  append_number(value, list.docs);
  value += list.doc_list;
  value += list.positions;
  list = GrowingList{};
  return value;
}

}  // namespace

namespace {

// The lists of the keys whose first character falls into part `part` of `parts` (every part reads every
// document; each key is in exactly one part, so the parts can be built on threads of their own).
struct Part {
  std::unordered_map<std::uint64_t, GrowingList> pairs;
  std::unordered_map<char32_t, GrowingList> chars;
  std::size_t positions = 0;
};

void scan(const Corpus& corpus, std::uint32_t part, std::uint32_t parts, Part& out) {
  auto& pairs = out.pairs;
  auto& chars = out.chars;
  auto mine = [part, parts](char32_t first) { return first % parts == part; };
  std::vector<DocHit> hits;  // of the current document, reused
  // Characters of the current document: the classes each occurs in, marked by document (a code point's
  // stamp is the document + 1 that last saw it), and which characters it has.
  // 21 bits hold any code point decode_utf8 can return (pair_key relies on it too).
  std::vector<std::uint32_t> stamp(1u << 21, 0);
  std::vector<std::uint8_t> masks(1u << 21, 0);
  std::vector<char32_t> seen;
  for (std::uint32_t doc = 0; doc < corpus.docs.size(); ++doc) {
    hits.clear();
    seen.clear();
    std::uint32_t offset = 0;
    for (const auto& passage : corpus.docs[doc].passages) {
      const auto cls = static_cast<std::uint8_t>(passage.cls);
      const auto bit = static_cast<std::uint8_t>(1u << cls);
      const auto text = normalize(passage.text).text;
      for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (!mine(c)) continue;
        if (stamp[c] != doc + 1) {
          stamp[c] = doc + 1;
          masks[c] = 0;
          seen.push_back(c);
        }
        masks[c] = static_cast<std::uint8_t>(masks[c] | bit);
        if (i + 1 < text.size()) hits.push_back(DocHit{pair_key(c, text[i + 1]), offset + static_cast<std::uint32_t>(i), cls});
      }
      offset += static_cast<std::uint32_t>(text.size()) + 1;  // the gap keeps a term inside one passage
      out.positions += text.size();
    }
    // Characters: one entry per document with the classes it occurs in.
    for (char32_t c : seen) append_doc(chars[c], doc, masks[c]);
    // Bigrams: grouped by key, in order of position within each key (positions differ within a document).
    std::sort(hits.begin(), hits.end(), [](const DocHit& a, const DocHit& b) { return a.key != b.key ? a.key < b.key : a.pos < b.pos; });
    for (std::size_t i = 0; i < hits.size();) {
      std::uint8_t mask = 0;
      std::size_t j = i;
      for (; j < hits.size() && hits[j].key == hits[i].key; ++j) mask = static_cast<std::uint8_t>(mask | (1u << hits[j].cls));
      auto& list = pairs[hits[i].key];
      append_doc(list, doc, mask);
      // Positions: the number of hits, then per hit the distance from the previous one (from 0 for the
      // first), times 4 plus the class when the document shows more than one class for the key.
      append_number(list.positions, static_cast<std::uint32_t>(j - i));
      const bool one_class = (mask & (mask - 1)) == 0;
      std::uint32_t prev = 0;
      for (std::size_t k = i; k < j; ++k) {
        const std::uint32_t delta = hits[k].pos - prev;
        append_number(list.positions, one_class ? delta : (delta << 2) | hits[k].cls);
        prev = hits[k].pos;
      }
      i = j;
    }
  }
}

}  // namespace

Index build_index(const Corpus& corpus, const IndexOptions& options) {
  Index index;
  const auto parts = static_cast<std::uint32_t>(std::max(1, options.threads));
  std::vector<Part> built(parts);
  base::run_parallel(parts, static_cast<int>(parts), [&](std::size_t p) { scan(corpus, static_cast<std::uint32_t>(p), parts, built[p]); });
  index.positions = built[0].positions;
  for (const auto& part : built) {
    index.bigram_keys += part.pairs.size();
    index.char_keys += part.chars.size();
  }

  // Every key's list; keys are ordered by code points so everything below is deterministic.
  std::map<std::u32string, std::string> lists;
  for (auto& part : built) {
    for (auto& [k, list] : part.pairs)
      lists.emplace(std::u32string{static_cast<char32_t>(k >> 21), static_cast<char32_t>(k & 0x1FFFFF)}, finish(list));
    part.pairs.clear();
    for (auto& [c, list] : part.chars) lists.emplace(std::u32string(1, c), finish(list));
    part.chars.clear();
  }
  distribute(lists, options.list_shard_bytes, index.layout, index.shards);

  std::size_t bytes = options.text_shard_bytes;
  for (std::size_t doc = 0; doc < corpus.docs.size(); ++doc) {
    if (bytes >= options.text_shard_bytes) {
      index.text_shard_starts.push_back(doc);
      bytes = 0;
    }
    bytes += doc_bytes(corpus.docs[doc]);
  }
  return index;
}

}  // namespace planpress::search
