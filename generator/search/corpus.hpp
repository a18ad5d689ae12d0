#pragma once
/// The texts search finds, taken from the model (never from the rendered HTML): one search document per
/// plan, section, category, item (with its sub-items) and indicator, each a list of passages as printed,
/// with the facet values the search page filters on.
#include <cstdint>
#include <string>
#include <vector>

#include "assemble/assemble.hpp"
#include "model/model.hpp"
#include "xref/xref.hpp"

namespace planpress::search {

/// How much a match in a passage counts: names above content above results (docs/search.md).
enum class PassageClass : std::uint8_t { name = 0, content = 1, result = 2, note = 3 };

/// Score of a match in a passage of this class (the browser uses the same numbers, shipped in the index).
int weight_of(PassageClass c);

/// A piece of text as printed: a name, one field value (one list entry, one schedule row …), a paragraph.
struct Passage {
  PassageClass cls = PassageClass::content;  ///< how much a match here counts
  std::string label;   ///< what it is, shown before the passage: "実績", "主な取組み 2", "注記"
  std::string text;    ///< the original text, un-normalised
  std::string anchor;  ///< fragment on the document's page ("sub-2"), or empty
};

/// What a search document is (the 結果の種類 facet); the numbers are stored in the index.
enum class DocKind : std::uint8_t { item = 0, section = 1, category = 2, indicator = 3, plan = 4 };

/// Keyword of a document kind ("item", …), used in search.html?type=….
const char* to_string(DocKind kind);
/// Japanese label of a document kind (取組項目, 本文, 体系, 指標, 計画).
const char* label_of(DocKind kind);

/// One search result candidate.
struct Document {
  DocKind kind = DocKind::item;  ///< item, section, category, indicator or plan
  std::size_t plan = 0;  ///< index into Corpus::plans
  std::string title;     ///< as shown in results ("46 コンプライアンス推進員研修")
  std::string url;       ///< root-relative, with fragment where needed
  std::vector<Passage> passages;         ///< in printed order; the name first
  std::vector<std::size_t> departments;  ///< indexes into Corpus::departments (items only)
  int rating = -1;                       ///< index into Corpus::ratings, or -1
  int status = -1;                       ///< index into Corpus::statuses, or -1
};

/// A plan as the search page shows and filters it.
struct PlanInfo {
  std::string id;     ///< plan id (search.html?plan=…)
  std::string title;  ///< display title, with the municipality where it does not name it (present::title_with_municipality)
  std::string url;    ///< root-relative URL of the plan page
  std::size_t municipality = 0;  ///< index into Corpus::municipalities
  std::string kind;              ///< model::to_string(PlanKind)
  std::string kind_label;        ///< model::label_of(PlanKind)
  std::vector<int> years;        ///< fiscal years of the plan's period
  std::size_t first_doc = 0, end_doc = 0;  ///< its documents are [first_doc, end_doc)
  std::string edition;  ///< the fiscal year of an edition of a series, as results name it ("令和7年度版"); empty outside a series
  bool older = false;   ///< a newer edition of its series exists (assemble): shown only with 「過去の年度版も含める」
};

/// A value of the 自己評価 facet: the mark and its vocabulary label ("○", "予定通り実施した").
struct RatingValue {
  std::string value;  ///< the mark as printed
  std::string label;  ///< the vocabulary's label of the mark
};

/// Everything search knows, in a deterministic order: plans in model order; within a plan the plan
/// itself, its sections, categories (depth first), items and indicators.
struct Corpus {
  std::vector<PlanInfo> plans;              ///< in model order
  std::vector<Document> docs;               ///< a document's id is its index here
  std::vector<std::string> municipalities;  ///< in order of first appearance
  std::vector<std::string> departments;     ///< in the site's one department order (assemble)
  std::vector<RatingValue> ratings;         ///< every value of the plans' rating vocabularies, in order
  std::vector<std::string> statuses;        ///< 新規, 拡充, 継続
};

/// The 新規/拡充/継続 facet value of a status value, given its vocabulary entry; empty if the value is
/// none of these (for example 完了 or 短期).
std::string classify_status(const model::VocabValue& v);

/// Collects the corpus from the model. `symbols` resolves [[…]] links so their text is the title shown;
/// `assembly` gives the normalised departments of the facet.
Corpus collect(const model::Model& model, const xref::SymbolTable& symbols, const assemble::Assembly& assembly);

}  // namespace planpress::search
