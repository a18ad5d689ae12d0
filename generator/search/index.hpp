#pragma once
/// The search index over the normalised passages of the corpus (docs/search.md describes the format):
///   * for every single character: the documents it occurs in, with a bit per passage class it occurs in
///     — all a one-character query needs;
///   * for every bigram: the same document list, followed by where in each document the bigram occurs —
///     a two-character query reads only the document list, a longer one checks with the positions that
///     its bigrams are adjacent;
///   * the stored texts of the documents, for passages and highlighting.
/// Lists and texts are cut into shards so that a query loads only the few files its keys live in.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "search/corpus.hpp"

namespace planpress::search {

/// Bigrams of a normalised text: the pair of code points at every position 0 … size−2, in order.
std::vector<std::u32string> split_bigrams(std::u32string_view normalized);

/// Appends `n` in the index's variable-length digits: digits '#'…'P' (46) end a number, digits 'Q'…'~'
/// (without '\\', 45) continue it, least significant first. Plain ASCII inside a JS string literal.
void append_number(std::string& out, std::uint32_t n);

/// Decodes a sequence of numbers written by append_number (for tests and tools).
std::vector<std::uint32_t> decode_numbers(std::string_view digits);

/// Spreads a code point over shards (the same function is in assets/search/engine.js).
std::uint32_t spread(char32_t cp);

/// How keys are spread over shards: characters whose bigrams are big get shards of their own (split by the
/// bigram's second character, the character alone in part "u"), the others share `buckets` shards by a
/// hash of the first character.
struct ShardLayout {
  std::string prefix = "k";  ///< file-name prefix
  std::uint32_t buckets = 1;  ///< number of shared shards ("kb0" …)
  std::map<char32_t, std::uint32_t> split;  ///< first character → number of parts
};

/// The shard file id ("kb3", "kg4eba-1", "kg4eba-u") of a key (one or two normalised code points).
std::string locate_shard(const std::u32string& key, const ShardLayout& layout);

/// How big shards should be.
struct IndexOptions {
  std::size_t list_shard_bytes = 12 * 1024;  ///< target size of a list shard
  std::size_t text_shard_bytes = 6 * 1024;   ///< a text shard is closed once it reaches this
  /// Threads that build the lists (each the keys of some first characters; the index does not depend on it).
  int threads = 1;
};

/// The built index, ready to be written as script files.
struct Index {
  ShardLayout layout;  ///< how keys map to shard files
  /// Shard id → key (UTF-8 normalised character or bigram) → encoded list.
  std::map<std::string, std::map<std::string, std::string>> shards;
  std::vector<std::size_t> text_shard_starts;  ///< first document of each text shard
  std::size_t bigram_keys = 0, char_keys = 0, positions = 0;  ///< counts, for tests and statistics
};

/// Normalises every passage and builds the lists, their shards and the text-shard layout.
Index build_index(const Corpus& corpus, const IndexOptions& options = {});

}  // namespace planpress::search
