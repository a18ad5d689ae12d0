#include "search/index.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

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

struct Hit {
  std::uint32_t doc;
  std::uint32_t pos;  // position in the document: passages follow each other with a gap of one
  std::uint8_t cls;
};

struct DocMask {
  std::uint32_t doc;
  std::uint8_t mask;  // bit per PassageClass the key occurs in
};

std::uint64_t pair_key(char32_t a, char32_t b) { return (static_cast<std::uint64_t>(a) << 21) | b; }

std::string hex(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%x", static_cast<unsigned>(c));
  return buf;
}

std::vector<DocMask> doc_masks(const std::vector<Hit>& hits) {
  std::vector<DocMask> out;
  for (const auto& h : hits) {
    if (out.empty() || out.back().doc != h.doc) out.push_back(DocMask{h.doc, 0});
    out.back().mask = static_cast<std::uint8_t>(out.back().mask | (1u << h.cls));
  }
  return out;
}

// Document list: the number of documents, then per document docDelta << 4 | class mask.
void append_doc_list(std::string& out, const std::vector<DocMask>& docs) {
  append_number(out, static_cast<std::uint32_t>(docs.size()));
  std::uint32_t prev = 0;
  for (const auto& d : docs) {
    append_number(out, ((d.doc - prev) << 4) | d.mask);
    prev = d.doc;
  }
}

// Positions, in the order of the document list: per document the number of hits, then per hit the
// distance from the previous one (from 0 for the first), times 4 plus the class when the document list
// shows more than one class for the document.
void append_positions(std::string& out, const std::vector<Hit>& hits, const std::vector<DocMask>& docs) {
  std::size_t i = 0;
  for (const auto& d : docs) {
    std::size_t j = i;
    while (j < hits.size() && hits[j].doc == d.doc) ++j;
    append_number(out, static_cast<std::uint32_t>(j - i));
    const bool one_class = (d.mask & (d.mask - 1)) == 0;
    std::uint32_t prev = 0;
    for (std::size_t k = i; k < j; ++k) {
      const std::uint32_t delta = hits[k].pos - prev;
      append_number(out, one_class ? delta : (delta << 2) | hits[k].cls);
      prev = hits[k].pos;
    }
    i = j;
  }
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
  while (n >= kEnd) {
    const std::uint32_t d = n % kMore;
    out += more_digit(d);
    n = (n - d) / kMore;
  }
  out += end_digit(n);
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

Index build_index(const Corpus& corpus, const IndexOptions& options) {
  Index index;
  std::unordered_map<std::uint64_t, std::vector<Hit>> pairs;
  std::unordered_map<char32_t, std::vector<DocMask>> chars;
  for (std::uint32_t doc = 0; doc < corpus.docs.size(); ++doc) {
    std::unordered_map<char32_t, std::uint8_t> masks;
    std::uint32_t offset = 0;
    for (const auto& passage : corpus.docs[doc].passages) {
      const auto cls = static_cast<std::uint8_t>(passage.cls);
      const auto text = normalize(passage.text).text;
      for (std::size_t i = 0; i < text.size(); ++i) {
        masks[text[i]] |= static_cast<std::uint8_t>(1u << cls);
        if (i + 1 < text.size())
          pairs[pair_key(text[i], text[i + 1])].push_back(Hit{doc, offset + static_cast<std::uint32_t>(i), cls});
      }
      offset += static_cast<std::uint32_t>(text.size()) + 1;  // the gap keeps a term inside one passage
      index.positions += text.size();
    }
    for (const auto& [c, mask] : masks) chars[c].push_back(DocMask{doc, mask});
  }
  index.bigram_keys = pairs.size();
  index.char_keys = chars.size();

  // Encode every key; keys are ordered by code points so everything below is deterministic.
  std::map<std::u32string, std::string> lists;
  for (const auto& [k, hits] : pairs) {
    const auto docs = doc_masks(hits);
    std::string value;
    append_doc_list(value, docs);
    append_positions(value, hits, docs);
    lists.emplace(std::u32string{static_cast<char32_t>(k >> 21), static_cast<char32_t>(k & 0x1FFFFF)}, std::move(value));
  }
  for (auto& [c, docs] : chars) {
    std::sort(docs.begin(), docs.end(), [](const DocMask& a, const DocMask& b) { return a.doc < b.doc; });
    std::string value;
    append_doc_list(value, docs);
    lists.emplace(std::u32string(1, c), std::move(value));
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
