#pragma once
/// The search index over the normalised passages of the corpus (docs/search.md describes the format):
///   * a document list for every single character and every bigram: the documents it occurs in, with a
///     bit per passage class it occurs in — all a one- or two-character query needs;
///   * a position list for every bigram: where in each document it occurs — loaded only for terms of
///     three or more characters, to check that their bigrams are adjacent;
///   * the stored texts of the documents, for passages and highlighting.
/// Each kind is cut into shards so that a query loads only the few files its keys live in.
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

/// How keys are spread over the shards of one kind: characters whose keys are big get shards of their
/// own (split by the key's second character), the others share `buckets` shards by a hash.
struct ShardLayout {
  std::string prefix;  ///< file-name prefix: "k" (document lists) or "p" (position lists)
  std::uint32_t buckets = 1;
  std::map<char32_t, std::uint32_t> split;  ///< first character → number of parts
};

/// The shard file id ("kb3", "pg4eba-1") of a key (one or two normalised code points).
std::string shard_of(const std::u32string& key, const ShardLayout& layout);

/// How big shards should be.
struct IndexOptions {
  std::size_t doc_list_shard_bytes = 8 * 1024;   ///< target size of a document-list shard
  std::size_t position_shard_bytes = 16 * 1024;  ///< target size of a position-list shard
  std::size_t text_shard_bytes = 6 * 1024;       ///< a text shard is closed once it reaches this
};

/// The built index, ready to be written as script files.
struct Index {
  ShardLayout doc_lists{"k", 1, {}};
  ShardLayout positions{"p", 1, {}};
  /// Shard id → key (UTF-8 normalised character or bigram) → encoded list.
  std::map<std::string, std::map<std::string, std::string>> doc_list_shards, position_shards;
  std::vector<std::size_t> text_shard_starts;  ///< first document of each text shard
  std::size_t text_bytes = 0;                  ///< approximate bytes of all stored texts
  std::size_t bigram_keys = 0, char_keys = 0, positions_total = 0;
};

/// Normalises every passage and builds the lists, their shards and the text-shard layout.
Index build_index(const Corpus& corpus, const IndexOptions& options = {});

}  // namespace planpress::search
