#include "edition/edition.hpp"

namespace planpress::edition {

namespace {

void strip_refs(std::vector<model::Ref>& refs) {
  for (auto& r : refs) r.evidence.clear();
}

void strip_entry(model::Entry& e) {
  e.notes.clear();
  e.source_lines.reset();
  e.source_page.clear();
  strip_refs(e.refs);
  for (auto& [key, v] : e.fields)
    if (v.kind == model::FieldKind::markdown) markdown::remove_editorial(v.markdown, &v.text);
}

void strip_categories(std::vector<model::Category>& cats) {
  for (auto& c : cats) {
    c.notes.clear();
    strip_refs(c.refs);
    std::vector<model::Block> kept;
    for (auto& b : c.blocks) {
      markdown::remove_editorial(b.markdown, &b.text);
      if (!b.markdown.empty()) kept.push_back(std::move(b));  // a block that was only a remark goes with it
    }
    c.blocks = std::move(kept);
    strip_categories(c.children);
  }
}

void strip_plan(model::Plan& p) {
  // Values the document does not print are not published; the three a plan needs stay (see the header).
  if (p.inferred.count("period")) p.period.reset();
  if (p.inferred.count("published")) p.published.reset();
  if (p.inferred.count("department")) p.department.clear();
  if (p.inferred.count("short_title")) p.short_title.clear();
  p.inferred.clear();
  p.source_file.clear();
  p.source_note.clear();
  p.notes.clear();
  strip_refs(p.refs);
  for (auto& f : p.fields) f.description.clear();
  for (auto& v : p.vocabularies)
    for (auto& x : v.values) x.description.clear();
  for (auto& s : p.sections) markdown::remove_editorial(s.markdown, &s.text);
  strip_categories(p.categories);
  for (auto& i : p.items) {
    strip_entry(i);
    for (auto& s : i.sub_items) strip_entry(s);
  }
  for (auto& ind : p.indicators) ind.notes.clear();
}

}  // namespace

void make_published(model::Model& model) {
  model.review = false;
  for (auto& p : model.plans) strip_plan(p);
}

void make_review(model::Model& model) { model.review = true; }

}  // namespace planpress::edition
