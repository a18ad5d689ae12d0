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
  std::uint32_t passage;
  std::uint32_t pos;
  std::uint8_t cls;
};

struct DocMask {
  std::uint32_t doc;
  std::uint8_t mask;  // bit per PassageClass the character occurs in
};

std::uint64_t pair_key(char32_t a, char32_t b) { return (static_cast<std::uint64_t>(a) << 21) | b; }

std::string hex(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%x", static_cast<unsigned>(c));
  return buf;
}

std::string encode_hits(const std::vector<Hit>& hits) {
  std::string out;
  std::uint32_t prev_doc = 0;
  for (std::size_t i = 0; i < hits.size();) {
    std::size_t j = i;
    while (j < hits.size() && hits[j].doc == hits[i].doc) ++j;
    append_number(out, hits[i].doc - prev_doc);
    append_number(out, static_cast<std::uint32_t>(j - i));
    prev_doc = hits[i].doc;
    std::uint32_t prev_passage = 0, prev_pos = 0;
    for (std::size_t k = i; k < j; ++k) {
      const auto& h = hits[k];
      const std::uint32_t step = h.passage - prev_passage;
      append_number(out, step * 4 + h.cls);
      append_number(out, (k == i || step > 0) ? h.pos : h.pos - prev_pos);
      prev_passage = h.passage;
      prev_pos = h.pos;
    }
    i = j;
  }
  return out;
}

std::string encode_docs(const std::vector<DocMask>& docs) {
  std::string out;
  std::uint32_t prev = 0;
  for (const auto& d : docs) {
    append_number(out, d.doc - prev);
    append_number(out, d.mask);
    prev = d.doc;
  }
  return out;
}

std::size_t doc_bytes(const Document& d) {
  std::size_t n = d.title.size() + d.url.size() + 16;
  for (const auto& p : d.passages) n += p.label.size() + p.text.size() + p.anchor.size() + 16;
  return n;
}

}  // namespace

std::vector<std::u32string> bigrams(std::u32string_view s) {
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

std::string shard_of(const std::u32string& key, std::uint32_t buckets, const std::map<char32_t, std::uint32_t>& split) {
  if (auto it = split.find(key[0]); it != split.end())
    return "g" + hex(key[0]) + "-" + std::to_string(key.size() == 1 ? 0 : spread(key[1]) % it->second);
  return "b" + std::to_string(spread(key[0]) % buckets);
}

Index build_index(const Corpus& corpus, const IndexOptions& options) {
  Index index;
  std::unordered_map<std::uint64_t, std::vector<Hit>> pairs;
  std::unordered_map<char32_t, std::vector<DocMask>> chars;
  for (std::uint32_t doc = 0; doc < corpus.docs.size(); ++doc) {
    std::unordered_map<char32_t, std::uint8_t> masks;
    const auto& passages = corpus.docs[doc].passages;
    for (std::uint32_t p = 0; p < passages.size(); ++p) {
      const auto cls = static_cast<std::uint8_t>(passages[p].cls);
      const auto text = normalize(passages[p].text).text;
      for (std::size_t i = 0; i < text.size(); ++i) {
        masks[text[i]] |= static_cast<std::uint8_t>(1u << cls);
        if (i + 1 < text.size()) pairs[pair_key(text[i], text[i + 1])].push_back(Hit{doc, p, static_cast<std::uint32_t>(i), cls});
      }
      index.positions += text.size();
    }
    for (const auto& [c, mask] : masks) chars[c].push_back(DocMask{doc, mask});
  }

  // Encode every key; order keys by code points so everything below is deterministic.
  std::map<std::u32string, std::string> encoded;
  for (auto& [k, hits] : pairs)
    encoded.emplace(std::u32string{static_cast<char32_t>(k >> 21), static_cast<char32_t>(k & 0x1FFFFF)}, encode_hits(hits));
  for (auto& [c, docs] : chars) {
    std::sort(docs.begin(), docs.end(), [](const DocMask& a, const DocMask& b) { return a.doc < b.doc; });
    encoded.emplace(std::u32string(1, c), encode_docs(docs));
  }
  index.bigram_keys = pairs.size();
  index.char_keys = chars.size();

  // A character whose keys together exceed a quarter of the shard size gets shards of its own (split by
  // the second character when they exceed the shard size); the others share "b" shards by a hash of the
  // first character, so no "b" shard is much larger than the target.
  std::map<char32_t, std::size_t> group_bytes;
  for (const auto& [key, value] : encoded) group_bytes[key[0]] += to_utf8(key).size() + value.size() + 6;
  std::size_t small_bytes = 0;
  for (const auto& [c, bytes] : group_bytes) {
    if (bytes > options.posting_shard_bytes / 4)
      index.split[c] = static_cast<std::uint32_t>((bytes + options.posting_shard_bytes - 1) / options.posting_shard_bytes);
    else
      small_bytes += bytes;
  }
  index.buckets = static_cast<std::uint32_t>(std::max<std::size_t>(1, (small_bytes + options.posting_shard_bytes - 1) / options.posting_shard_bytes));
  // Every shard the browser may ask for exists, even when empty.
  for (std::uint32_t b = 0; b < index.buckets; ++b) index.posting_shards["b" + std::to_string(b)];
  for (const auto& [c, parts] : index.split)
    for (std::uint32_t part = 0; part < parts; ++part) index.posting_shards["g" + hex(c) + "-" + std::to_string(part)];
  for (auto& [key, value] : encoded)
    index.posting_shards[shard_of(key, index.buckets, index.split)][to_utf8(key)] = std::move(value);

  std::size_t bytes = options.doc_shard_bytes;
  for (std::size_t doc = 0; doc < corpus.docs.size(); ++doc) {
    if (bytes >= options.doc_shard_bytes) {
      index.doc_shard_starts.push_back(doc);
      bytes = 0;
    }
    bytes += doc_bytes(corpus.docs[doc]);
  }
  return index;
}

}  // namespace planpress::search
