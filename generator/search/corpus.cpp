#include "search/corpus.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "present/describe.hpp"
#include "present/titles.hpp"
#include "present/urls.hpp"
#include "text/wareki.hpp"

namespace planpress::search {

int weight_of(PassageClass c) {
  switch (c) {
    case PassageClass::name: return 100;
    case PassageClass::content: return 40;
    case PassageClass::result: return 20;
    case PassageClass::note: return 10;
  }
  return 0;
}

const char* to_string(DocKind kind) {
  switch (kind) {
    case DocKind::item: return "item";
    case DocKind::section: return "section";
    case DocKind::category: return "category";
    case DocKind::indicator: return "indicator";
    case DocKind::plan: return "plan";
  }
  return "item";
}

const char* label_of(DocKind kind) {
  switch (kind) {
    case DocKind::item: return "取組項目";
    case DocKind::section: return "本文";
    case DocKind::category: return "体系";
    case DocKind::indicator: return "指標";
    case DocKind::plan: return "計画";
  }
  return "";
}

std::string classify_status(const model::VocabValue& v) {
  for (const char* s : {"新規", "拡充", "継続"})
    if (v.value == s || v.label == s) return s;
  return {};
}

namespace {

bool contains(const std::string& s, const char* needle) { return s.find(needle) != std::string::npos; }

// Fields that report what was done or how it went (実績, 自己評価, 評価理由, 次年度方向性, 進捗状況) rank
// below the fields that describe the measure.
PassageClass class_of_field(const std::string& key, const std::string& label) {
  if (key == "results" || key == "reason" || key == "direction" || key == "rating" || contains(label, "実績") ||
      contains(label, "評価") || contains(label, "進捗") || contains(label, "次年度"))
    return PassageClass::result;
  return PassageClass::content;
}

class Collector {
 public:
  Collector(const model::Model& m, const xref::SymbolTable& symbols, const assemble::Assembly& a) : m_(m), symbols_(symbols), a_(a) {}

  Corpus run() {
    c_.statuses = {"新規", "拡充", "継続"};
    // A facet value per department of one municipality, named with it (総務局人事課（仙台市））.
    for (const auto& d : a_.departments) c_.departments.push_back(d.title);
    for (const auto& p : m_.plans) plan(p);
    return std::move(c_);
  }

 private:
  // The text a reader sees for Markdown: [[…]] links show their label or the target's title.
  void markdown_text(const markdown::Node& n, const std::string& plan_id, std::string& out) const {
    using K = markdown::NodeKind;
    switch (n.kind) {
      case K::text:
      case K::code:
      case K::code_block: out += n.text; return;
      case K::softbreak:
      case K::linebreak: out += "\n"; return;
      case K::wikilink: {
        if (!n.text.empty()) out += n.text;
        else if (auto e = symbols_.resolve(plan_id, n.url)) out += present::describe(m_, *e).title;
        else out += n.url;
        return;
      }
      default: break;
    }
    for (const auto& c : n.children) {
      const bool block = c.kind == K::paragraph || c.kind == K::heading || c.kind == K::item || c.kind == K::table_row ||
                         c.kind == K::list || c.kind == K::blockquote || c.kind == K::code_block;
      if (block && !out.empty() && out.back() != '\n') out += '\n';
      if (c.kind == K::table_cell && !out.empty() && out.back() != '\n') out += '\t';
      markdown_text(c, plan_id, out);
    }
  }

  std::string markdown_text(const markdown::Node& n, const std::string& plan_id) const {
    std::string out;
    markdown_text(n, plan_id, out);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  static void add(Document& d, PassageClass cls, std::string label, std::string text, const std::string& anchor = {}) {
    if (text.empty()) return;
    d.passages.push_back(Passage{cls, std::move(label), std::move(text), anchor});
  }

  void notes(Document& d, const std::vector<model::Note>& notes, const std::string& anchor = {}) {
    for (const auto& n : notes) add(d, PassageClass::note, model::note_type_label(n.type), n.text, anchor);
  }

  // Facet ids of the departments an entry names, the departments of the department pages
  // (「総務局人事課、労務課」 → 総務局人事課, 総務局労務課), so a facet gathers one department across plans.
  std::vector<std::size_t> department_ids(const std::string& municipality, const std::string& printed) const {
    std::vector<std::size_t> ids;
    for (const auto* d : a_.departments_of(municipality, printed)) ids.push_back(static_cast<std::size_t>(d - a_.departments.data()));
    return ids;
  }

  // Passages of an item's or sub-item's fields, in the plan's printed order; facet values on the way.
  void fields(Document& d, const model::Entry& e, const model::Plan& p, const std::string& anchor, const std::string& prefix) {
    for (const auto& def : p.fields) {
      auto it = e.fields.find(def.key);
      if (it == e.fields.end()) continue;
      const auto& v = it->second;
      const std::string label = prefix + present::field_label(e, def);
      const PassageClass cls = class_of_field(def.key, def.label);
      switch (v.kind) {
        case model::FieldKind::text: add(d, cls, label, v.text, anchor); break;
        case model::FieldKind::markdown: add(d, cls, label, markdown_text(v.markdown.root, p.id), anchor); break;
        case model::FieldKind::status:
        case model::FieldKind::rating: {
          const auto* val = present::vocabulary_value(p, def, v.text);
          add(d, cls, label, val && !val->label.empty() ? v.text + " " + val->label : v.text, anchor);
          if (!val || !anchor.empty()) break;
          if (v.kind == model::FieldKind::rating && d.rating < 0) d.rating = rating_id(*val);
          if (v.kind == model::FieldKind::status && d.status < 0)
            if (auto s = classify_status(*val); !s.empty()) d.status = status_id(s);
          break;
        }
        case model::FieldKind::tags: {
          for (const auto& t : v.values) {
            const auto& tag_label = present::vocabulary_label(p, def, t);
            add(d, cls, label, !tag_label.empty() && tag_label != t ? t + "（" + tag_label + "）" : t, anchor);
          }
          break;
        }
        case model::FieldKind::departments:
          for (const auto& dep : v.values) {
            add(d, cls, label, dep, anchor);
            for (const auto id : department_ids(p.municipality, dep))
              if (std::find(d.departments.begin(), d.departments.end(), id) == d.departments.end()) d.departments.push_back(id);
          }
          break;
        case model::FieldKind::list:
          for (const auto& entry : v.list) add(d, cls, label, entry.label + entry.text, anchor);
          break;
        case model::FieldKind::schedule:
          for (const auto& r : v.schedule) {
            std::string row;
            for (const auto* part : {&r.group, &r.label, &r.text})
              if (!part->empty()) row += (row.empty() ? "" : " ") + *part;
            add(d, cls, label, row, anchor);
          }
          break;
      }
    }
  }

  int rating_id(const model::VocabValue& v) {
    for (std::size_t i = 0; i < c_.ratings.size(); ++i)
      if (c_.ratings[i].value == v.value && c_.ratings[i].label == v.label) return static_cast<int>(i);
    c_.ratings.push_back(RatingValue{v.value, v.label});
    return static_cast<int>(c_.ratings.size() - 1);
  }

  int status_id(const std::string& s) {
    for (std::size_t i = 0; i < c_.statuses.size(); ++i)
      if (c_.statuses[i] == s) return static_cast<int>(i);
    return -1;
  }

  Document doc(DocKind kind, std::string title, std::string url) {
    Document d;
    d.kind = kind;
    d.plan = c_.plans.size() - 1;
    d.title = std::move(title);
    d.url = std::move(url);
    return d;
  }

  void plan(const model::Plan& p) {
    PlanInfo info;
    info.id = p.id;
    // Results are grouped by plan and name it with its municipality (大崎市　人財育成アクションプラン).
    info.title = present::title_with_municipality(p);
    info.url = present::plan_page(p.id);
    auto muni = std::find(c_.municipalities.begin(), c_.municipalities.end(), p.municipality);
    if (muni == c_.municipalities.end()) muni = c_.municipalities.insert(muni, p.municipality);
    info.municipality = static_cast<std::size_t>(muni - c_.municipalities.begin());
    info.kind = model::to_string(p.kind);
    info.kind_label = model::label_of(p.kind);
    if (p.period) {
      const int last = p.period->open_end ? p.period->from : p.period->to.value_or(p.period->from);
      for (int y = p.period->from; y <= last && y - p.period->from < 50; ++y) info.years.push_back(y);
    }
    for (const auto& def : p.fields)
      if (def.kind == model::FieldKind::rating)
        if (const auto* voc = p.vocabulary(def.vocabulary))
          for (const auto& v : voc->values) rating_id(v);
    // Editions: search shows the newest of each series unless the reader includes the older ones, which
    // then say their year; the assembly decides which edition is the newest, as for the department pages.
    if (p.series) info.edition = text::wareki_fiscal_year(p.series->fiscal_year) + "版";
    info.older = a_.superseded(p);
    info.first_doc = c_.docs.size();
    c_.plans.push_back(info);
    const std::string page = present::plan_page(p.id);

    Document pd = doc(DocKind::plan, p.title, page);
    add(pd, PassageClass::name, "計画名", p.title);
    if (!p.short_title.empty() && p.short_title != p.title) add(pd, PassageClass::name, "略称", p.short_title);
    add(pd, PassageClass::content, "概要", p.summary);
    add(pd, PassageClass::content, "担当", p.department);
    notes(pd, p.notes);
    c_.docs.push_back(std::move(pd));

    for (const auto& s : p.sections) {
      const std::string title = present::section_title(s);
      Document d = doc(DocKind::section, title, present::with_anchor(page, present::section_anchor(s.id)));
      add(d, PassageClass::name, "章", title);
      std::string heading = title;
      for (const auto& block : s.markdown.root.children) {
        std::string text = markdown_text(block, p.id);
        if (block.kind == markdown::NodeKind::heading) {
          add(d, PassageClass::content, title, text);
          heading = text;
        } else {
          add(d, PassageClass::content, heading, std::move(text));
        }
      }
      c_.docs.push_back(std::move(d));
    }

    model::for_each_category(p.categories, [&](const model::Category& cat, int) {
      const std::string title = present::category_title(cat);
      Document d = doc(DocKind::category, title, present::with_anchor(page, present::category_anchor(cat.id)));
      add(d, PassageClass::name, cat.kind.empty() ? "区分" : cat.kind, title);
      for (const auto& b : cat.blocks)
        add(d, class_of_field("", b.label), b.label, markdown_text(b.markdown.root, p.id));
      notes(d, cat.notes);
      c_.docs.push_back(std::move(d));
    });

    for (const auto& i : p.items) {
      Document d = doc(DocKind::item, present::entry_title(i), present::item_page(p.id, i.id));
      add(d, PassageClass::name, "名称", d.title);  // number and name, as the title shows them
      fields(d, i, p, "", "");
      for (std::size_t k = 0; k < i.sub_items.size(); ++k) {
        const auto& s = i.sub_items[k];
        const std::string anchor = present::sub_item_anchor(static_cast<int>(k + 1));
        add(d, PassageClass::content, p.presentation.sub_items_label, present::entry_title(s), anchor);
        fields(d, s, p, anchor, p.presentation.sub_items_label + "・");
        notes(d, s.notes, anchor);
      }
      notes(d, i.notes);
      std::sort(d.departments.begin(), d.departments.end());  // facet ids in the department order
      c_.docs.push_back(std::move(d));
    }

    for (const auto& ind : p.indicators) {
      Document d = doc(DocKind::indicator, ind.name, present::with_anchor(page, present::indicator_anchor(ind.id)));
      add(d, PassageClass::name, "指標", ind.name);
      add(d, PassageClass::content, "区分", ind.type);
      add(d, PassageClass::content, "定義", ind.definition);
      for (const auto& s : ind.segments) add(d, PassageClass::content, "区分", s.note.empty() ? s.label : s.label + "（" + s.note + "）");
      for (const auto& v : ind.values) add(d, PassageClass::result, v.label.empty() ? "値" : v.label, v.text);
      for (const auto& c : ind.commentary) add(d, PassageClass::content, "説明", c);
      notes(d, ind.notes);
      c_.docs.push_back(std::move(d));
    }
    c_.plans.back().end_doc = c_.docs.size();
  }

  const model::Model& m_;
  const xref::SymbolTable& symbols_;
  const assemble::Assembly& a_;
  Corpus c_;
};

}  // namespace

Corpus collect(const model::Model& model, const xref::SymbolTable& symbols, const assemble::Assembly& assembly) {
  return Collector(model, symbols, assembly).run();
}

}  // namespace planpress::search
