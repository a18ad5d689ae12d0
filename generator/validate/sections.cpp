// plan.json: narrative sections (Markdown files) and the category tree.
#include <set>

#include "base/suggest.hpp"
#include "validate/plan_reader.hpp"

namespace planpress::validate {

void PlanReader::read_sections(const JsonRef& root, Plan& p) {
  std::set<std::string> used;
  for (const auto& s : r_.array(root, "sections", Msg::term_section)) {
    if (!r_.expect_object(s, keys::section)) continue;
    Section sec;
    sec.id = r_.slug(s, "id");
    sec.id_location = r_.at(r_.member(s, "id").pointer);
    sec.number = r_.text(s, "number");
    sec.title = r_.text(s, "title");
    sec.file = r_.text(s, "file");
    sec.location = r_.at(s.pointer);
    if (auto inc = r_.member(s, "include")) {
      const std::string what = r_.keyword(s, "include", {"categories", "items", "blocks"});
      for (auto k : {SectionInclude::categories, SectionInclude::items, SectionInclude::blocks})
        if (what == to_string(k)) sec.include = k;
      // Each part of the plan has one place.
      if (sec.include != SectionInclude::none)
        if (const auto* other = p.placing(sec.include))
          diags_.error(r_.at(inc.pointer), msg<Msg::duplicate_id_placed>(arg<"id">(sec.id), arg<"what">(what), arg<"other">(other->id)),
                       {msg<Msg::duplicate_id_placed_hint>()});
    }
    // A section without a place for generated content is a heading and a text; with one, either may be
    // left out (大崎市's chapters Ⅱ and Ⅲ are the categories themselves).
    if (sec.include == SectionInclude::none)
      for (const char* key : {"title", "file"})
        if (!r_.member(s, key))
          diags_.error(sec.location, msg<Msg::missing_field_key>(arg<"what">(s.what), arg<"key">(key)), {msg<Msg::missing_field_section_hint>()});
    if (!sec.file.empty()) used.insert(sec.file);
    auto it = raw_.markdown.find(sec.file);
    if (!sec.file.empty() && it == raw_.markdown.end()) {
      std::vector<std::string> names;
      for (const auto& [name, src] : raw_.markdown) names.push_back(name);
      std::vector<base::Message> hints;
      if (auto m = base::closest_match(sec.file, names)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*m)));
      diags_.error(r_.at(r_.member(s, "file").pointer),
                   msg<Msg::missing_file_section_file>(arg<"id">(sec.id), arg<"file">(sec.file), arg<"dir">(raw_.path)), hints);
    } else if (it != raw_.markdown.end()) {
      sec.source = it->second;
      const auto src = it->second;
      sec.text = src->text();
      sec.markdown = markdown::parse(src->text(), [src](std::size_t off) { return base::Location::in(src, off); }, diags_);
    }
    p.sections.push_back(std::move(sec));
  }
  for (const auto& [name, src] : raw_.markdown) {
    if (!used.count(name))
      diags_.warning(base::Location::in(src, 0), msg<Msg::unused_file_section>(arg<"plan">(p.id)), {msg<Msg::unused_file_section_hint>()});
  }
}

void PlanReader::read_categories(const JsonRef& list, std::vector<Category>& out, int depth) {
  for (const auto& c : r_.elements(list, Msg::term_category)) {
    if (!r_.expect_object(c, keys::category)) continue;
    Category cat;
    cat.id = r_.slug(c, "id");
    cat.id_location = r_.at(r_.member(c, "id").pointer);
    cat.number = r_.text(c, "number");
    cat.title = r_.text(c, "title");
    cat.kind = r_.text(c, "kind");
    cat.location = r_.at(c.pointer);
    for (const auto& b : r_.array(c, "blocks", Msg::term_block)) {
      if (!r_.expect_object(b, keys::block)) continue;
      Block block{r_.text(b, "label"), {}, {}, r_.at(b.pointer)};
      if (auto t = r_.member(b, "text"); t && t.json->is_string()) {
        r_.checked(t, Lines::many);  // Markdown keeps its line breaks as written (see entries.cpp)
        block.text = t.json->get<std::string>();
        block.markdown = markdown_in_string(t, 3);
      } else {
        block.text = r_.text(b, "text");  // reports what is wrong with it
      }
      cat.blocks.push_back(std::move(block));
    }
    cat.refs = refs(c);
    cat.notes = notes(c);
    if (depth < 8) read_categories(r_.member(c, "children"), cat.children, depth + 1);
    else diags_.error(r_.at(c.pointer), msg<Msg::json_too_deep_categories>());
    out.push_back(std::move(cat));
  }
}

}  // namespace planpress::validate
