// Every character printed from the content checked against the fonts before layout: one that no font has
// is a pdf-missing-glyph error at its place in the content (libharu would drop it or print a box).
#include <cstdio>
#include <cstdlib>

#include "base/utf8.hpp"
#include "compose/composer.hpp"
#include "present/titles.hpp"
#include "text/printable.hpp"

namespace planpress::compose {

using base::arg;
using base::msg;
using base::Msg;

namespace {

// When `where` is the opening quote of a JSON string, the place of the character `decoded` bytes into
// its decoded value (escapes such as \n and \u3000 counted as what they stand for).
base::Location in_json_string(const base::Location& where, std::size_t decoded) {
  if (!where.file) return where;
  const std::string& src = where.file->text();
  std::size_t p = where.offset;
  if (p >= src.size() || src[p] != '"') return where;
  ++p;
  std::size_t count = 0;
  while (p < src.size() && src[p] != '"' && count < decoded) {
    if (src[p] != '\\') {
      ++p;
      ++count;
      continue;
    }
    if (p + 1 < src.size() && src[p + 1] == 'u' && p + 6 <= src.size()) {
      const unsigned v = static_cast<unsigned>(std::strtoul(src.substr(p + 2, 4).c_str(), nullptr, 16));
      p += 6;
      if (v >= 0xD800 && v < 0xDC00 && p + 6 <= src.size() && src[p] == '\\') {
        p += 6;
        count += 4;
      } else {
        count += v < 0x80 ? 1 : v < 0x800 ? 2 : 3;
      }
    } else {
      p += 2;
      ++count;
    }
  }
  return base::Location::in(where.file, p);
}

}  // namespace

void PlanComposer::check(std::string_view text, const base::Location& where, const Place& what) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t cp = base::decode_utf8(text, i);
    // Line breaks and tabs (printed as spaces) need no glyph of their own; controls and invisible
    // characters were reported by validation (invalid-character), so a build never gets here with them.
    if (text::print_class(cp) != text::PrintClass::drawn) continue;
    if (m_.has_glyph(Face::mincho, cp) && m_.has_glyph(Face::gothic, cp)) continue;
    std::string seen;
    for (const auto& part : what) seen += base::render(part, base::Lang::en) + "\x1f";
    if (!reported_.insert(seen + std::string(text.substr(at, i - at))).second) continue;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    diags_.error(in_json_string(where, at),
                 msg<Msg::pdf_missing_glyph_glyph>(arg<"char">(text.substr(at, i - at)), arg<"code">(code), arg<"what">(what),
                                                   arg<"fonts">(in_.font_names)),
                 {msg<Msg::pdf_missing_glyph_hint>()});
  }
}

// A place inside a Markdown file: the exact offset of the character.
void PlanComposer::check_markdown_file(const model::Section& s) {
  if (!s.source) return;
  const std::string& t = s.source->text();
  const Place what{msg<Msg::subject_plan_id>(arg<"id">(plan_.id)),
                   msg<Msg::subject_section_titled>(arg<"id">(s.id), arg<"title">(s.title))};
  for (std::size_t i = 0; i < t.size();) {
    const std::size_t at = i;
    base::decode_utf8(t, i);
    check(std::string_view(t).substr(at, i - at), base::Location::in(s.source, at), what);
  }
}

namespace {

// `place` with one more part.
Place with(Place place, base::Message part) {
  place.push_back(std::move(part));
  return place;
}

base::Message named(Msg kind, const std::string& id) {
  return msg<Msg::subject_element_id>(arg<"kind">(base::Message{kind, {}}), arg<"id">(id));
}

}  // namespace

void PlanComposer::check_entry(const model::Entry& e, const Place& what) {
  check(e.number, e.location, with(what, base::Message{Msg::term_number, {}}));
  check(e.name, e.location, with(what, base::Message{Msg::term_name, {}}));
  for (const auto& def : plan_.fields) {
    auto it = e.fields.find(def.key);
    if (it == e.fields.end()) continue;
    const auto& v = it->second;
    const Place w = with(what, msg<Msg::subject_field_labelled>(arg<"label">(present::field_label(e, def)), arg<"key">(def.key)));
    check(v.text, v.location, w);
    for (const auto& l : v.list) {
      check(l.label, v.location, w);
      check(l.text, v.location, w);
    }
    for (const auto& s : v.values) check(s, v.location, w);
    for (const auto& r : v.schedule) {
      check(r.label, v.location, w);
      check(r.text, v.location, w);
      check(r.group, v.location, w);
    }
  }
  for (const auto& [k, l] : e.labels) check(l, e.location, with(what, msg<Msg::subject_label_of>(arg<"key">(k))));
  for (const auto& n : e.notes) {
    check(n.text, e.location, with(what, base::Message{Msg::term_note, {}}));
    check(n.where, e.location, with(what, base::Message{Msg::term_note, {}}));
  }
}

void PlanComposer::check_content() {
  const Place p{msg<Msg::subject_plan_id>(arg<"id">(plan_.id))};
  for (const auto* s : {&plan_.title, &plan_.short_title, &plan_.municipality, &plan_.department, &plan_.summary, &plan_.source_note})
    check(*s, plan_.location, p);
  if (plan_.period) check(plan_.period->label, plan_.location, with(p, base::Message{Msg::term_period, {}}));
  if (plan_.series) check(plan_.series->title, plan_.series->location, with(p, msg<Msg::subject_series>(arg<"id">(plan_.series->id))));
  if (plan_.published) check(plan_.published->label, plan_.location, with(p, base::Message{Msg::term_published, {}}));
  for (const auto& [k, v] : plan_.inferred) check(v, plan_.location, with(p, msg<Msg::subject_inferred>(arg<"key">(k))));
  for (const auto& n : plan_.notes) check(n.text + n.where, plan_.location, with(p, base::Message{Msg::term_note, {}}));
  for (const auto& f : plan_.fields) check(f.label, f.location, with(p, named(Msg::term_field, f.key)));
  for (const auto& v : plan_.vocabularies) {
    check(v.label, plan_.location, with(p, msg<Msg::subject_vocabulary>(arg<"name">(v.name))));
    for (const auto& val : v.values)
      check(val.value + val.label, plan_.location, with(p, msg<Msg::subject_vocabulary>(arg<"name">(v.name))));
  }
  for (const auto& s : plan_.sections) {
    check(s.number + s.title, s.location, with(p, named(Msg::term_section, s.id)));
    check_markdown_file(s);
  }
  model::for_each_category(plan_.categories, [&](const model::Category& c, int) {
    const Place w = with(p, named(Msg::term_category, c.id));
    check(c.number + c.title + c.kind, c.location, w);
    for (const auto& b : c.blocks) {
      check(b.label, b.location, with(w, msg<Msg::subject_block>(arg<"label">(b.label))));
      check(b.text, b.location, with(w, msg<Msg::subject_block>(arg<"label">(b.label))));
    }
    for (const auto& n : c.notes) check(n.text + n.where, c.location, with(w, base::Message{Msg::term_note, {}}));
  });
  for (const auto& item : plan_.items) {
    const Place w = with(p, named(Msg::term_item, item.id));
    check_entry(item, w);
    for (std::size_t k = 0; k < item.sub_items.size(); ++k)
      check_entry(item.sub_items[k], with(w, msg<Msg::subject_sub_item_n>(arg<"n">(k + 1))));
  }
  for (const auto& ind : plan_.indicators) {
    const Place w = with(p, named(Msg::term_indicator, ind.id));
    check(ind.name + ind.type + ind.unit + ind.definition, ind.location, w);
    for (const auto& s : ind.segments) check(s.label + s.note, ind.location, with(w, named(Msg::term_segment, s.id)));
    for (const auto& v : ind.values) check(v.label + v.text + v.qualifier + v.note, ind.location, with(w, base::Message{Msg::term_value, {}}));
    for (const auto& c : ind.commentary) check(c, ind.location, with(w, base::Message{Msg::term_commentary, {}}));
    for (const auto& n : ind.notes) check(n.text + n.where, ind.location, with(w, base::Message{Msg::term_note, {}}));
  }
  // Names of what the links lead to (other plans' items are checked with their own plan).
  for (const auto& l : in_.links.links())
    for (const auto* e : {&l.from, &l.to})
      if (e->kind == xref::TargetKind::document)
        if (const auto* d = in_.model.find_document(e->plan)) check(d->title, d->location, Place{msg<Msg::subject_document>(arg<"id">(d->id))});
}

}  // namespace planpress::compose
