#include "search/files.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "search/normalize.hpp"
#include "text/normalize.hpp"
#include "text/wareki.hpp"

namespace planpress::search {

using json = nlohmann::json;

namespace {

constexpr int kFormat = 4;

// The fold table as runs of single code points with one offset (A–Z → a–z; Ā, Ă … → ā, ă …), ranges
// of removed code points, and the few multi-character foldings.
json fold_json() {
  json runs = json::array(), removed = json::array(), strings = json::array();
  const auto& table = list_fold_mappings();
  for (std::size_t i = 0; i < table.size();) {
    const auto& [cp, to] = table[i];
    if (to.empty()) {
      std::size_t j = i + 1;
      while (j < table.size() && table[j].second.empty() && table[j].first == table[j - 1].first + 1) ++j;
      removed.push_back(json::array({cp, table[j - 1].first}));
      i = j;
    } else if (to.size() == 1) {
      const long delta = static_cast<long>(to[0]) - static_cast<long>(cp);
      auto same = [&](std::size_t k) {
        return k < table.size() && table[k].second.size() == 1 &&
               static_cast<long>(table[k].second[0]) - static_cast<long>(table[k].first) == delta;
      };
      std::size_t j = i + 1;
      char32_t step = 1;
      if (same(j) && (table[j].first - cp == 1 || table[j].first - cp == 2)) {
        step = table[j].first - cp;
        while (same(j) && table[j].first == table[j - 1].first + step) ++j;
      }
      runs.push_back(json::array({cp, j - i, step, delta}));
      i = j;
    } else {
      strings.push_back(json::array({cp, to_utf8(to)}));
      ++i;
    }
  }
  return json{{"runs", runs}, {"removed", removed}, {"strings", strings}};
}

json normalization_json() {
  json custom = json::array();
  for (const auto& m : list_custom_mappings()) custom.push_back(json::array({m.from, m.to}));
  return json{{"unicode", text::unicode_version()}, {"custom", custom}, {"fold", fold_json()}};
}

// Per document: kind, number of departments, department ids, rating + 1, status + 1 (0: none).
std::string docs_data(const Corpus& c) {
  std::string out;
  for (const auto& d : c.docs) {
    append_number(out, static_cast<std::uint32_t>(d.kind));
    append_number(out, static_cast<std::uint32_t>(d.departments.size()));
    for (auto id : d.departments) append_number(out, static_cast<std::uint32_t>(id));
    append_number(out, static_cast<std::uint32_t>(d.rating + 1));
    append_number(out, static_cast<std::uint32_t>(d.status + 1));
  }
  return out;
}

json facets_json(const Corpus& c) {
  json kinds = json::array(), years = json::array(), types = json::array();
  std::vector<std::string> seen_kinds;
  std::vector<int> all_years;
  for (const auto& p : c.plans) {
    if (std::find(seen_kinds.begin(), seen_kinds.end(), p.kind) == seen_kinds.end()) {
      seen_kinds.push_back(p.kind);
      kinds.push_back(json{{"value", p.kind}, {"label", p.kind_label}});
    }
    for (int y : p.years)
      if (std::find(all_years.begin(), all_years.end(), y) == all_years.end()) all_years.push_back(y);
  }
  std::sort(all_years.begin(), all_years.end());
  for (int y : all_years) years.push_back(json{{"value", y}, {"label", text::wareki_fiscal_year(y)}});
  for (auto k : {DocKind::item, DocKind::section, DocKind::category, DocKind::indicator, DocKind::plan})
    types.push_back(json{{"value", to_string(k)}, {"label", label_of(k)}});
  json ratings = json::array();
  for (const auto& r : c.ratings) ratings.push_back(json{{"value", r.value}, {"label", r.label}});
  return json{{"municipality", c.municipalities}, {"kind", kinds}, {"year", years}, {"type", types},
              {"department", c.departments}, {"rating", ratings}, {"status", c.statuses}};
}

std::string base_file(const Corpus& c, const Index& index) {
  json plans = json::array();
  for (const auto& p : c.plans)
    plans.push_back(json{{"id", p.id}, {"title", p.title}, {"url", p.url}, {"municipality", p.municipality},
                         {"kind", p.kind}, {"years", p.years}, {"docs", json::array({p.first_doc, p.end_doc})},
                         {"edition", p.edition}, {"older", p.older}});
  auto layout = [&index](const ShardLayout& l) {
    json split = json::array();
    for (const auto& [cp, parts] : l.split) split.push_back(json::array({cp, parts}));
    // The shards without keys, which are not written (a query for a key there loads nothing).
    json empty = json::array();
    for (const auto& [id, keys] : index.shards)
      if (keys.empty()) empty.push_back(id);
    return json{{"prefix", l.prefix}, {"buckets", l.buckets}, {"split", split}, {"empty", empty}};
  };
  const auto& starts = index.text_shard_starts;
  json weights = json::array();
  for (auto cls : {PassageClass::name, PassageClass::content, PassageClass::result, PassageClass::note})
    weights.push_back(weight_of(cls));
  json j{{"format", kFormat},
         {"normalization", normalization_json()},
         {"weights", weights},
         {"lists", layout(index.layout)},
         {"texts", starts},
         {"docCount", c.docs.size()},
         {"plans", plans},
         {"facets", facets_json(c)},
         {"docs", docs_data(c)}};
  return "/* planpress search index: generated, do not edit (docs/search.md). */\n"
         "planpressSearch.setIndex(" + j.dump(-1, ' ', false, json::error_handler_t::strict) + ");\n";
}

std::string list_file(const char* function, const std::string& id, const std::map<std::string, std::string>& keys) {
  std::string out = std::string("planpressSearch.") + function + "(\"" + id + "\",{";
  bool first = true;
  for (const auto& [key, value] : keys) {
    if (!first) out += ",\n";
    first = false;
    out += quote_js(key) + ":\"" + value + "\"";
  }
  return out + "});\n";
}

std::string text_file(const Corpus& c, std::size_t shard, std::size_t first, std::size_t end) {
  json docs = json::array();
  for (std::size_t i = first; i < end; ++i) {
    const auto& d = c.docs[i];
    json passages = json::array();
    for (const auto& p : d.passages) {
      json pj = json::array({static_cast<int>(p.cls), p.label, p.text});
      if (!p.anchor.empty()) pj.push_back(p.anchor);
      passages.push_back(pj);
    }
    docs.push_back(json::array({d.title, d.url, passages}));
  }
  return "planpressSearch.addTexts(" + std::to_string(shard) + "," + docs.dump(-1, ' ', false, json::error_handler_t::strict) + ");\n";
}

}  // namespace

std::string quote_js(const std::string& s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

void render_index_files(const Corpus& corpus, const Index& index,
                        const std::function<void(std::string path, std::string bytes)>& emit) {
  const std::string dir = kIndexDir;
  emit(dir + "index.js", base_file(corpus, index));
  for (const auto& [id, keys] : index.shards)
    if (!keys.empty()) emit(dir + id + ".js", list_file("addLists", id, keys));
  const auto& starts = index.text_shard_starts;
  for (std::size_t s = 0; s < starts.size(); ++s) {
    const std::size_t end = s + 1 < starts.size() ? starts[s + 1] : corpus.docs.size();
    emit(dir + "t" + std::to_string(s) + ".js", text_file(corpus, s, starts[s], end));
  }
}

std::map<std::string, std::string> render_index_files(const Corpus& corpus, const Index& index) {
  std::map<std::string, std::string> files;
  render_index_files(corpus, index, [&files](std::string path, std::string bytes) { files[std::move(path)] = std::move(bytes); });
  return files;
}

}  // namespace planpress::search
