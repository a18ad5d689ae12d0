#include "assemble/series.hpp"

#include <algorithm>
#include <map>

#include "base/utf8.hpp"
#include "present/titles.hpp"
#include "present/values.hpp"

namespace planpress::assemble {

namespace {

std::vector<char32_t> code_points(const std::string& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) out.push_back(base::decode_utf8(s, i));
  return out;
}

// Appends to spans, merging with the last span of the same kind.
void push(std::vector<DiffSpan>& spans, char32_t cp, bool changed) {
  if (spans.empty() || spans.back().changed != changed) spans.push_back(DiffSpan{{}, changed});
  base::append_utf8(spans.back().text, cp);
}

// Equal runs of one character between two changes become changed: 「研修を実施」→「講座を開催」 marks 研修 and
// 実施 as two changes around を, which reads as noise; one change of the whole phrase is what a reader sees.
void absorb_short_runs(std::vector<DiffSpan>& spans) {
  for (std::size_t i = 1; i + 1 < spans.size(); ++i)
    if (!spans[i].changed && spans[i - 1].changed && spans[i + 1].changed && code_points(spans[i].text).size() <= 1)
      spans[i].changed = true;
  std::vector<DiffSpan> merged;
  for (auto& s : spans) {
    if (!merged.empty() && merged.back().changed == s.changed) merged.back().text += s.text;
    else merged.push_back(std::move(s));
  }
  spans = std::move(merged);
}

std::string category_title(const model::Plan& p, const std::string& id) {
  const auto* c = id.empty() ? nullptr : p.find_category(id);
  return c ? present::category_title(*c) : std::string();
}

// The texts compared for an item, in print order: number, name, category, carried fields.
std::vector<std::pair<std::string, std::pair<std::string, std::string>>> compared_texts(const model::Plan& p, const model::Item& i) {
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> out;
  out.push_back({"number", {"番号", i.number}});
  out.push_back({"name", {"名称", i.name}});
  out.push_back({"category", {"区分", category_title(p, i.category)}});
  for (const auto& f : p.fields) {
    if (f.cycle != model::FieldDef::Cycle::carried) continue;
    auto it = i.fields.find(f.key);
    out.push_back({f.key, {f.label, it == i.fields.end() ? std::string() : present::field_plain_text(it->second)}});
  }
  return out;
}

}  // namespace

TextDiff diff_text(const std::string& before, const std::string& after) {
  TextDiff d;
  const auto a = code_points(before), b = code_points(after);
  // Common prefix and suffix first: most lines of a 新旧対照表 change a few words.
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  for (std::size_t i = 0; i < pre; ++i) {
    push(d.before, a[i], false);
    push(d.after, b[i], false);
  }
  const std::size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
  if (n * m > 4'000'000) {
    for (std::size_t i = 0; i < n; ++i) push(d.before, a[pre + i], true);
    for (std::size_t j = 0; j < m; ++j) push(d.after, b[pre + j], true);
  } else {
    // lcs[i][j]: the longest common subsequence of a[pre+i..] and b[pre+j..].
    std::vector<std::vector<std::uint16_t>> lcs(n + 1, std::vector<std::uint16_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        lcs[i][j] = a[pre + i] == b[pre + j] ? static_cast<std::uint16_t>(lcs[i + 1][j + 1] + 1) : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] == b[pre + j]) {
        push(d.before, a[pre + i++], false);
        push(d.after, b[pre + j++], false);
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        push(d.after, b[pre + j++], true);
      } else {
        push(d.before, a[pre + i++], true);
      }
    }
  }
  for (std::size_t k = 0; k < suf; ++k) {
    push(d.before, a[a.size() - suf + k], false);
    push(d.after, b[b.size() - suf + k], false);
  }
  absorb_short_runs(d.before);
  absorb_short_runs(d.after);
  return d;
}

const model::Item* Comparison::before_of(const model::Item& after_item) const {
  return before->find_item(after_item.continues.empty() ? after_item.id : after_item.continues);
}

Comparison compare_editions(const model::Plan& before, const model::Plan& after) {
  Comparison c;
  c.before = &before;
  c.after = &after;
  std::map<std::string, bool> matched;
  for (const auto& item : after.items) {
    const model::Item* old = c.before_of(item);
    if (!old) {
      c.added.push_back(&item);
      continue;
    }
    matched[old->id] = true;
    ItemChange change{old, &item, {}};
    const auto old_texts = compared_texts(before, *old);
    for (const auto& [key, labelled] : compared_texts(after, item)) {
      std::string was;
      for (const auto& [k, l] : old_texts)
        if (k == key) was = l.second;
      if (was == labelled.second) continue;
      change.fields.push_back(FieldChange{key, labelled.first, was, labelled.second, diff_text(was, labelled.second)});
    }
    if (change.fields.empty()) ++c.unchanged;
    else c.changed.push_back(std::move(change));
  }
  for (const auto& item : before.items)
    if (!matched.count(item.id)) c.removed.push_back(&item);
  return c;
}

std::vector<Series> assemble_series(const model::Model& model) {
  std::vector<Series> out;
  std::map<std::string, std::size_t> index;
  for (const auto& p : model.plans) {
    if (!p.series) continue;
    auto [it, inserted] = index.emplace(p.series->id, out.size());
    if (inserted) out.push_back(Series{p.series->id, {}, {}, {}});
    out[it->second].editions.push_back(&p);
  }
  for (auto& s : out) {
    std::stable_sort(s.editions.begin(), s.editions.end(),
                     [](const model::Plan* a, const model::Plan* b) { return a->series->fiscal_year < b->series->fiscal_year; });
    for (auto it = s.editions.rbegin(); it != s.editions.rend() && s.title.empty(); ++it) s.title = (*it)->series->title;
    if (s.title.empty()) s.title = s.editions.back()->title;
    for (std::size_t i = 0; i + 1 < s.editions.size(); ++i) s.comparisons.push_back(compare_editions(*s.editions[i], *s.editions[i + 1]));
  }
  return out;
}

std::vector<HistoryEntry> item_history(const Series& series, const model::Plan& plan, const model::Item& item) {
  std::size_t at = 0;
  while (at < series.editions.size() && series.editions[at] != &plan) ++at;
  if (at == series.editions.size()) return {HistoryEntry{&plan, &item}};
  std::vector<HistoryEntry> back{HistoryEntry{&plan, &item}};
  for (std::size_t k = at; k > 0; --k) {
    const model::Item* old = series.comparisons[k - 1].before_of(*back.back().item);
    if (!old) break;
    back.push_back(HistoryEntry{series.editions[k - 1], old});
  }
  std::reverse(back.begin(), back.end());
  const model::Item* current = &item;
  for (std::size_t k = at + 1; k < series.editions.size() && current; ++k) {
    const model::Item* next = nullptr;
    for (const auto& candidate : series.editions[k]->items)
      if (series.comparisons[k - 1].before_of(candidate) == current) next = &candidate;
    if (next) back.push_back(HistoryEntry{series.editions[k], next});
    current = next;
  }
  return back;
}

}  // namespace planpress::assemble
