#pragma once
/// The search index: bigram postings with positions (and a per-document list for every single
/// character) over the normalised passages of the corpus, cut into shards so that a query loads only the
/// few shards its bigrams live in. docs/search.md describes the format.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "search/corpus.hpp"

namespace planpress::search {

/// Bigrams of a normalised text: the pair of code points at every position 0 … size−2, in order.
std::vector<std::u32string> bigrams(std::u32string_view normalized);

/// Appends `n` in the index's variable-length digits: digits '#'…'P' (46) end a number, digits 'Q'…'~'
/// (without '\\', 45) continue it, least significant first. Plain ASCII inside a JS string literal.
void append_number(std::string& out, std::uint32_t n);

/// Decodes a sequence of numbers written by append_number (for tests and tools).
std::vector<std::uint32_t> decode_numbers(std::string_view digits);

/// Spreads a code point over shards (the same function is in assets/search/engine.js).
std::uint32_t spread(char32_t cp);

/// How big shards should be.
struct IndexOptions {
  std::size_t posting_shard_bytes = 24 * 1024;  ///< target size of a posting shard
  std::size_t doc_shard_bytes = 4 * 1024;       ///< a document shard is closed once it reaches this
};

/// The built index, ready to be written as script files.
struct Index {
  /// Posting shards: shard id ("b3", "g4eba-1") → key (UTF-8 normalised bigram or single character) →
  /// encoded postings.
  std::map<std::string, std::map<std::string, std::string>> posting_shards;
  std::uint32_t buckets = 1;  ///< number of "b" shards that hold the characters with small postings
  std::map<char32_t, std::uint32_t> split;  ///< characters whose postings have their own shards → part count
  std::vector<std::size_t> doc_shard_starts;  ///< first document of each document shard
  std::size_t bigram_keys = 0, char_keys = 0, positions = 0;
};

/// The shard a key lives in, given the layout (the browser computes the same).
std::string shard_of(const std::u32string& key, std::uint32_t buckets, const std::map<char32_t, std::uint32_t>& split);

/// Normalises every passage and builds postings, shards and the document-shard layout.
Index build_index(const Corpus& corpus, const IndexOptions& options = {});

}  // namespace planpress::search
