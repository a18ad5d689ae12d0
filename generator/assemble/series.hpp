#pragma once
/// The editions of each series (docs/content-format.md, "Series and editions"), derived once for every
/// writer: the editions in fiscal-year order, each item's history across them, and the 新旧対照表 of every
/// pair of consecutive editions — items added, removed, and changed field by field with the changed
/// characters marked.
#include <string>
#include <vector>

#include "model/model.hpp"

namespace planpress::assemble {

/// A run of text in a comparison: changed (underlined in a 新旧対照表) or the same on both sides.
struct DiffSpan {
  std::string text;
  bool changed = false;
};

/// One line of a 新旧対照表: the old text (旧) and the new text (新), each as spans.
struct TextDiff {
  std::vector<DiffSpan> before, after;
};

/// The characters that changed between two texts (a longest common subsequence of code points; equal
/// runs of one character between two changes count as changed, so that a rewritten phrase reads as one
/// change rather than as scattered letters). Texts longer than a few thousand characters are compared as
/// whole (all changed) when they differ.
TextDiff diff_text(const std::string& before, const std::string& after);

/// One field of an item that differs between two editions.
struct FieldChange {
  std::string key;    ///< field key, or "name", "number", "category"
  std::string label;  ///< as the newer edition prints it (取組名称, 内容 …)
  std::string before, after;
  TextDiff diff;
};

/// An item present in both editions (by id, or by `continues`) whose carried fields differ.
struct ItemChange {
  const model::Item* before = nullptr;
  const model::Item* after = nullptr;
  std::vector<FieldChange> fields;
};

/// The 新旧対照表 between two consecutive editions of a series. Only what is written at plan time is
/// compared (number, name, category and the fields whose cycle is `carried`): results differ every year.
struct Comparison {
  const model::Plan* before = nullptr;
  const model::Plan* after = nullptr;
  std::vector<const model::Item*> added;    ///< in the newer edition's order
  std::vector<const model::Item*> removed;  ///< in the older edition's order
  std::vector<ItemChange> changed;          ///< in the newer edition's order
  std::size_t unchanged = 0;
  /// The item of the older edition that `after_item` continues, or null (added).
  const model::Item* before_of(const model::Item& after_item) const;
};

/// A series and its editions.
struct Series {
  std::string id;
  std::string title;                        ///< declared, else the newest edition's title
  std::vector<const model::Plan*> editions;  ///< by fiscal year
  std::vector<Comparison> comparisons;       ///< comparisons[i]: editions[i] → editions[i + 1]
};

/// One edition's state of an item.
struct HistoryEntry {
  const model::Plan* plan = nullptr;
  const model::Item* item = nullptr;
};

/// Every series of the model, in the order of its first edition's plan.
std::vector<Series> assemble_series(const model::Model& model);

/// Compares two editions (older first).
Comparison compare_editions(const model::Plan& before, const model::Plan& after);

/// The item in every edition of its series, oldest first (the item itself included), following ids and
/// `continues`; a single entry for an item of a plan outside any series.
std::vector<HistoryEntry> item_history(const Series& series, const model::Plan& plan, const model::Item& item);

}  // namespace planpress::assemble
